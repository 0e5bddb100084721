"""What kind of fact a question asks for, and whether a sentence holds a fact of that kind."""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from chat.people import people_named
from chat.text import NUMBER_WORDS
from ingest.dates import MONTH_YEAR, months_named

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*")
# Years ("2019", "2019/20", "2016-17"), months with a year or day ("25 th September": a superscript
# read apart), dd/mm/yy or dd.mm.yy, quarters, terms.
DATE = re.compile(rf"\b(?:(?:19|20)\d\d(?:[/-](?:19|20)?\d\d)?|{_MONTH}\.?\s*'?\d{{2,4}}"
                  rf"|\d{{1,2}}\s?(?:st|nd|rd|th)?\s+{_MONTH}(?:\.?\s*'\d\d\b)?|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
                  rf"|Q[1-4]|quarter\s+[1-4]|(?:spring|summer|autumn|winter)\s+term)\b",
                  re.IGNORECASE)
PHONE = re.compile(r"(?:\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\bdirect dial\W+\d{5,}|\btel(?:ephone)?\W+\d{5,}"
                   r"|\bext(?:n|ension)?\b\W{0,3}\d{3,}(?:\s\d{3,})?)",
                   re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# The whole sum: "£260k", "£4.5 million", "£1,200" (not just "£2").
MONEY = re.compile(r"£\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|bn|m|k)\b)?"
                   r"|\b\d[\d,.]*\s?(?:million|bn|billion|pounds)\b|\b\d+(?:\.\d+)?\s?[mk]\b", re.IGNORECASE)
PERCENT = re.compile(r"\b\d[\d,]*(?:\.\d+)?\s?(?:%|per ?cent)", re.IGNORECASE)
# A share or rate said without a percent sign: "11 out of 17", "one in five", "a third", "half of", "32.7
# conceptions per 1000". Half as a word of a name ("a half form entry", "half term") is no share, nor a
# number before "in" and a word ("3 YPAs have gained level 3 in the same").
RATIO = re.compile(r"\b\d[\d,]* (?:out )?of (?:the |all )?\d"
                   r"|\b(?:one|two|three|\d+) in (?:every )?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|"
                   r"ten|twenty|fifty|hundred|thousand)\b"
                   r"|\bhalf (?:of|the)\b|\b(?:(?:a |one |two )(?:third|quarter|fifth|tenth)s?)\b"
                   r"|\b\d[\d,.]*(?: [a-z]+){0,2} per (?:\d[\d,]*|hundred|thousand)\b", re.IGNORECASE)
COUNT = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b(?![.,]?\d*\s?(?:%|per ?cent))|\b(?:one|two|three|four|five|six|seven|eight|"
                   r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)\b", re.IGNORECASE)


def name_pattern(most_words: int) -> str:
    """A capitalised name of two to `most_words` words ("Holly Bligh", "Anne-Louise McCrossen")."""
    return rf"\b[A-Z][a-z]+(?:[-’' ](?:Mc|Mac)?[A-Z][a-z'’]+){{1,{most_words - 1}}}\b"


NAME = re.compile(name_pattern(3))
# "led by", "administered by": whoever follows does it, whether a person or a team.
AGENT = re.compile(r"\b(?:led|run|chaired|managed|delivered|provided|administered|hosted|co-?ordinated|overseen|"
                   r"commissioned|funded|supported|presented)\s+by\b", re.IGNORECASE)
# "Responsibility Lead: Jane Example": a field's value, which opens with a capital (not an email address).
LEAD_FIELD = re.compile(r"\b(?:lead|leads|responsib\w*|contact\w*|owner|officer)[^:;|]{0,20}:\s*"
                        r"((?-i:[A-Z])[^;|]{2,80})", re.IGNORECASE)
# "For further information contact Chris Wallbanks: chris.wallbanks@...": the name, ending where the
# sentence moves on (not "contact Lisa Hazell Integrated ...", where her post follows).
CONTACT_NAMED = re.compile(r"\bcontact\s+((?-i:[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+))(?=\s*[:,;(]|\s+(?-i:[a-z])|\s*$)",
                            re.IGNORECASE)
# Who said a quotation, after it: "(David Pearson, Sustainability and Transformation Plan Lead (2016)",
# "- Jane Example, Director" (group 1, the name).
SPEAKER = r"(?:\(|[-–—]\s*)([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s*,"
QUOTE_END = r"[”\"’'…]\W{0,3}"  # a closing quotation mark, or the "…" of a quotation cut short
_QUOTED_BY = re.compile(rf"{QUOTE_END}\s*{SPEAKER}")
# "two Every Colleague Matters Events each year": a count of things in a period (its count, its period).
_COUNT_IN_PERIOD = (r"(one|two|three|four|six|\d+)\s+(?:[\w'’-]+\s+){0,5}?(?:each|every|per|a)\s+"
                    r"(week|month|year|term|quarter)")
FREQUENCY = re.compile(r"\b(?:every\s+(?:\d+|two|three|four|six|other)?\s*(?:day|week|month|year|quarter)s?|"
                       r"daily|weekly|fortnightly|monthly|quarterly|annually|yearly|termly|bi-?monthly|"
                       r"(?:once|twice|\w+ times)\s+(?:a|per|each)\s+(?:week|month|year|term)"
                       rf"|{_COUNT_IN_PERIOD})\b", re.IGNORECASE)
# A stretch of time from now: "within the next 10 years", "over five years", "in 18 months".
SPAN = re.compile(r"\b(?:within|over|in|for|during) (?:the )?(?:next |coming |first |last |past )?"
                  r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty) "
                  r"(?:years?|months?|weeks?|days?)\b", re.IGNORECASE)
# A stretch of time counted in units: "35 working days", "18 months" (its unit is group 1).
_SO_MANY = rf"\b(?:\d[\d,.]*|{'|'.join(NUMBER_WORDS)})\s+(?:working\s+|calendar\s+|school\s+|clear\s+)?"
DURATION = re.compile(_SO_MANY + r"(day|week|month|year|hour|minute)s?\b", re.IGNORECASE)
# How long before or after something: "circulated 5 days before the meeting" (not "arrive 15 minutes
# before the start", which is no date).
NOTICE = re.compile(_SO_MANY + r"(?:day|week|month)s?\s+(?:before|after|ahead|prior|in advance)\b", re.IGNORECASE)
# Capitalised: "march" and "may" as verbs are not dates.
MONTH_NAME = re.compile(rf"\b(?:{'|'.join(calendar.month_name[1:])})\b")
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b", re.IGNORECASE)
CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm)\b|\b\d{1,2}[.:]\d\d\b", re.IGNORECASE)
# A place: a kind of building or way, a postcode ("NG1 4BH").
# ("Building" alone may be a verb: "Building an Empowered and Resilient Workforce" is an event's title.)
# The kind of building ends its name: "the School Nursing Service" and "Clayfields House Secure Unit" are
# named after one but are a service and a unit ("Station Street" is still a street).
PLACE = re.compile(r"\b(?:room|house|centre|center|hall|street|road|venue|library|school|offices?|station)\b"
                   r"(?!\s+(?-i:[A-Z][a-z]))|\b(?:held at|based at|located)\b"
                   r"|\b(?-i:[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2})\b"
                   r"|\b(?:the|a|new|main|same|this|that|council|school|office)\s+building\b", re.IGNORECASE)

# Question words that say what kind of fact is wanted; they are not part of the question's topic.
TYPE_WORDS = {"phone", "telephone", "number", "call", "email", "mail", "address", "cost", "costs", "budget",
              "spend", "spent", "save", "saving", "savings", "much", "many", "percentage", "proportion",
              "rate", "date", "year", "deadline", "timescale", "long", "venue", "located", "location",
              "held", "name", "named", "often", "frequently", "figure", "far", "ahead"}

# A question in two parts: "Do the police run a cadets scheme, and what age is it for?", "Where was it run,
# and with which college?", or a question then more ("what is ContactSearch? it keeps coming up").
TWO_PARTS = re.compile(r",?\s+and\s+(?:(?:with|in|at|for|from|by|to|on)\s+)?(?:what|when|who|whom|where|which|how|"
                       r"does|do|did|is|are|was|were|has|have|if so)\b|\?\s+\w", re.IGNORECASE)

# Nouns for someone holding a role: "which councillor", "the name of the officer" ask for a person.
_ROLE = (r"(?:officer|manager|chair\w*|lead|leader|person|co-?ordinator|director|councillor|worker|head|adviser|"
         r"advisor|consultant|member)")

_KINDS = [
    # "the phone app" asks for an app, not a number.
    # "the number for the 24 hour helpline", "number for the DART team?": a number to ring, not a count.
    ("phone", r"\b(phone|telephone|number to call|contact number|direct dial|ring)\b(?!\s+app)"
              r"|\bnumber (?:for|of) (?:the |a |an )?(?:[\w'’&-]+ ){0,5}?(?:(?:help|hot|advice|consultation) ?line"
              r"|switchboard|hub|desk|reception)\b|\b(?:help|hot) ?line number\b"
              r"|\bnumber for (?:the |a |an )?(?:[\w'’&-]+ ){0,5}?(?:team|service|office)\b"),
    ("email", r"\b(e-?mail|email address)\b"),
    ("money", r"\b(how much\b.*\b(cost|budget|spend|spent|save|saving|worth|fund\w*|grant|award\w*|allocat\w*|"
              r"fee|price|income|paid|pay|invest\w*|supplement|allowance|payment|bonus)"
              r"|budget|cost|funding (?:amount|total)|how much money|worth"
              # "Is there an annual membership fee ..., and how much?": the charge named before the question
              r"|(?:fees?|charges?|price|costs?)\b.*\bhow much"
              r"|what (?:[\w-]+ ){0,2}(?:savings?|grant|funding)"
              r"|how (?:big|large) (?:is|was|are|were) (?:[^?]* )?(?:pot|fund|funding|budget|grant|allocation|"
              r"investment|award)"
              r"|what(?:'s| is| was| are| were)? (?:the )?(?:[\w'’-]+ ){0,3}"
              r"(?:salary|salaries|wage|pay|value|price|fee|allowance)s?)\b(?!-)"),  # not "pay-related"
    ("frequency", r"\b(how often|how frequently)\b"),
    # "What rating did the audit give the programme?" wants a grade ("green", "good", "outstanding").
    ("grade", r"\b(what|which)(?:['’]s| is| was)? (?:[\w'’-]+ ){0,3}(?:rating|grade|judgement|judgment)s?\b"
              r"|\bhow (?:was|were|is|are) (?:[\w'’-]+ ){1,6}?(?:rated|graded|judged)\b"),
    # "What delivery status did the update record against the milestone?" wants a progress status
    # ("On Target", "Experiencing Obstacles", "Completed"), as progress reports give one per action.
    ("status", r"\b(?:what|which) (?:[\w'’-]+ ){0,2}status\b"),
    # "What age group is the cadets scheme for?" wants an age ("aged 16-18"), which counts nobody.
    ("age", r"\b(what ages?|which ages?|how old|age group|age range)\b"),
    # "What did staff rate positively?" uses "rate" as a verb.
    # "the figure for the share of CAFs closed ..." asks for a percentage however far from "what".
    # "What % of ...?", "% of year 6 children obese?": a per cent sign with no number before it asks for one.
    ("percent", r"(?:^|\s)%"
                r"|\b(by how much|what percentage|what proportion|what per ?cent|what share|what rate|how much of"
                r"|(?:the|a) (?:share|proportion|percentage) of"
                r"|what(?:'s| is| was| are| were)? (?:the )?(?!(?:did|do|does|will|would|can|could|should)\b)"
                r"(?:[\w'’-]+ ){0,4}(?:rate|ratio|percentage|proportion))\b"),
    # "what did the manifesto promise about increasing the number of two year olds?" asks for the promise
    ("count", r"\b(how many|what number of|(?<!increase the )(?<!increasing the )(?<!reduce the )"
              r"(?<!reducing the )(?<!raise the )(?<!raising the )number of|how much"
              r"|what(?:'s| is| was| are| were)? (?:the )?(?:[\w'’-]+ ){0,3}"
              r"(?:number|(?:population|headcount) figure)"
              # "What is the planned pupil capacity of ...?" (not "in what acting capacity?")
              r"|what(?:'s| is| was| are| were) (?:the )?(?:[\w'’-]+ ){0,3}(?:capacity|population|headcount)"
              r"\b(?! to\b)"
              r"|what(?:'s| is| was| are| were)? (?:the )?(?:max(?:imum)?|min(?:imum)?|largest|smallest|average|avg|"
              r"total)\b)\b"),
    # "What's the local target for families supported?": a target is an amount, whatever its unit.
    # "What's the latest figure for two year olds taking up free places?": a figure is a count or a share.
    # "How big is the workforce?" is answered by a headcount, a share or a sum.
    ("amount", r"\bwhat(?:'s| is| was| are| were)? (?:the |our |their |its )?(?:[\w'’-]+ ){0,3}"
               r"(?:targets?\b(?!\s+(?:date|group|audience|area)s?\b)|figures?\b)|\bhow (?:big|large)\b"),
    ("day", r"\b(what date|which date|exact date)\b"),
    ("date", r"\b(when|by when|deadline|timescale|what year|which year|which month|what month|what time|how long|"
             r"due(?!\s+to\b)|how far (?:ahead|in advance)|how much notice)\b"),
    # "Which organisation was picked to lead ...?" wants the body's name, however personal its verb
    # ("lead", "chair"); "which board member ...?" still wants a person.
    ("body", r"\b(?:which|what) "
             r"(?:(?!(?:is|are|was|were|does|do|did|has|have|had|the|a|an|will|can|should|would)\b)[\w-]+ ){0,2}?"
             r"(?:universit(?:y|ies)|colleges?|councils?|organi[sz]ations?|charit(?:y|ies)|compan(?:y|ies)|"
             r"providers?|services?|teams?|agenc(?:y|ies)|bod(?:y|ies)|boards?|trusts?|networks?|"
             r"authorit(?:y|ies)|departments?|units?|wards?|cit(?:y|ies)|communit(?:y|ies)|towns?|"
             r"districts?|localit(?:y|ies)|neighbourhoods?)\b"
             r"(?!\s+(?:member|leader|officer|manager|chair(?:man|person)?|co-?ordinator|director|worker|head|"
             r"adviser|advisor|consultant|representative)s?\b)"),
    # "the name of Nottinghamshire County Council's Director of ...": a body's possessive may come first
    ("person", rf"\b(who|whom|whose|name of (?:the |a |an )?(?:[\w'’-]+ ){{0,3}}?{_ROLE}"
               rf"|which (?:[\w-]+ ){{0,2}}?{_ROLE}|what {_ROLE}|contact|in charge|chairs?|leads?)\b"),
    ("place", r"\b(where|venue|location|located)\b"),
]


# A clause setting the scene before the question proper: its "when" does not ask for a date, and after
# "Under the 2016 plan, ..." a yes/no question is still one.
_LEADING_CLAUSE = re.compile(r"^\s*(?:when|if|after|before|once|while|since|as|under|in|according to|during|within|"
                             r"for|from|at|by)\b[^,?]*,\s*"
                             r"(?=(?:who|whom|whose|what|which|where|how|when|why|is|are|was|were|do|does|did|can)\b)")
# "Roughly how big ...?", "So when ...?": a word before the question word hedges or links; it asks nothing.
_HEDGE = re.compile(r"^\s*(?:(?:roughly|approximately|approx|about|around|exactly|so|and|but|ok|okay)\b[\s,]*)+"
                    r"(?=(?:who|whom|whose|what|which|where|how|when|why)\b)")
# "I've just joined the safeguarding side - who was the independent chair ...?": a statement before
# the question tells who is asking or how things were; the question's opening word says what it wants.
_LEADING_STATEMENT = re.compile(r"^(?!\s*(?:who|whom|whose|what|which|where|how|when|why)\b)[^?]*?"
                                r"(?:\s[-–—]\s|[:;]\s|(?<=\w\w)\.\s)\s*"
                                r"(?=(?:who|whom|whose|what|which|where|how|when|why)\b)")
# "staff who work with them": a "who" after a noun; after "tell me", "say", "know" it asks who.
_RELATIVE_WHO = re.compile(r"(?<!\bme )(?<!\bus )(?<!\bsay )(?<!\bsays )(?<!\btell )(?<!\bknow )(?<!\bshow )"
                           r"\b(?:who|whom|whose)\b")
# ... as does "when referring a case" in "What form do we use when referring a case into DART?".
_TRAILING_WHEN = re.compile(r"\s(?:when|while|once)\s(?:the|a|an|it|they|we|our|their|this|that"
                            r"|(?!(?:no|some|any|every)thing\b)[a-z]{3,}ing)\b[^?]*")
# "Is there a phone number for ...?" asks for the number itself.
_IS_THERE = re.compile(r"\s*(?:is|are) there\b")
# "Can you give me the phone number for ...?": a request for something, not a yes/no question.
_REQUEST = re.compile(r"\s*(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?"
                      r"(?:give|tell|send|show|find|share|list|name|point)\b")
_WH_WORD = re.compile(r"\b(who|whom|whose|what|when|where|which|how)\b")
_YES_NO = re.compile(r"\s*(?:if\b[^,]*,\s*)?(is|are|was|were|does|do|did|can|could|will|would|should|has|have|"
                     r"had|may|must)\b")


@lru_cache(maxsize=256)  # asked by the answerer, its scorer and the engine for the same question
def asks_yes_or_no(question: str) -> bool:
    """Whether the question asks yes or no ("Does our charity have to be based in the city?"), with
    no question word asking for something else ("Is there a number to call?" is one too); after a
    statement setting the scene ("Our office is outside the city - are we still allowed to join?"),
    its last clause asks, or its last sentence ("Our office is in Derby. Can we still join?")."""
    clauses = [c for c in re.split(r"\s[-–—]\s|(?<=\w\w)[.!]\s+", question.lower().strip()) if c]
    asking = [c for c in clauses if c.rstrip().endswith("?")] or clauses or [""]
    q = _LEADING_CLAUSE.sub("", asking[-1])
    return (bool(_YES_NO.match(q)) and not _REQUEST.match(q)
            and not _WH_WORD.search(_RELATIVE_WHO.sub(" ", _TRAILING_WHEN.sub(" ", q))))


# A full stop or exclamation mark with a capital after it ends a sentence.
_STATEMENT_END = re.compile(r"(?<=[.!])\s+(?=[A-Z])")


@lru_cache(maxsize=256)  # asked by the re-ranker, the answerer, its scorer and the engine for the same question
def question_kind(question: str) -> str:
    """phone, email, money, frequency, grade, status (of progress), age, percent, count, amount (any
    of the three), day (a calendar date), date (any time), person, place, body (an organisation,
    service or team named), title (a named person's post) or other.

    In a yes/no question ("Does the chair get a casting vote?", "Does the update have any cost
    implications?") a role, place, sum or time word names the topic, not the kind of fact wanted: it
    wants the sentence that settles it. (A job title asked for by name is still a job title, and
    "is there a phone number ...?" asks for the number.)
    """
    parts = [part for part in re.split(r"(?<=\?)\s+", question.strip()) if part]
    asking = [part for part in parts if part.endswith("?")]
    if asking and len(asking) < len(parts):  # "Who does it now? Paul Langley had it when I left.": a
        return question_kind(" ".join(asking))  # statement after the question asks nothing
    if len(parts) > 1:  # a follow-up joined to the question before it: "Who leads X? when is that due?"
        last = question_kind(parts[-1])
        if last != "other":
            return last
    if title_asked(question):  # "I deal with Pat Whitby. What is their job title?": the name may go before
        return "title"
    sentences = _STATEMENT_END.split(question.strip())
    if len(sentences) > 1 and sentences[-1].endswith("?"):  # "We have a child who keeps missing
        return question_kind(sentences[-1])  # appointments. What phrase ...?": the statement tells the scene
    # "I've just joined - who ...?", "When young people were consulted, what did they ...?"
    q = _HEDGE.sub("", _LEADING_CLAUSE.sub("", _LEADING_STATEMENT.sub("", question.lower())))
    if re.match(r"\s*(who|whom|whose)\b", q):
        return "person"  # "Who should I ring about ...?" wants a person, not a number
    # "Were any staff at risk when the posts were abolished?": the closing "when" clause sets the scene;
    # in "Has the share of children who are NEET gone down?" the "who" opens a relative clause.
    yes_no = asks_yes_or_no(question)
    # In "What qualities do the staff who work with them need?" the "who" opens a relative clause too.
    # So is the "who" of "Latest figure please for looked-after children who aren't in education", a
    # request naming no question word.
    without_relative = _RELATIVE_WHO.sub(" ", q)
    opens_otherwise = (re.match(r"\s*(what|which|how|when|where|why)\b", q) or yes_no
                       or not _WH_WORD.search(without_relative))
    asked = without_relative if opens_otherwise else q
    # "Which councillor held it when the plan was published?": the closing "when" clause sets the scene.
    if re.match(r"\s*(what|which|how|where|who)\b", asked):
        asked = _TRAILING_WHEN.sub(" ", asked)
    if yes_no and _PROGRESS_ASKED.search(q):  # "Is the project on track?" is answered by its status
        return "status"
    if yes_no and _FEE_ASKED.search(q):  # "Is there a membership fee?" is answered by the sum
        return "money"
    for kind, pattern in _KINDS:
        if yes_no and kind != "title" and not (kind in ("phone", "email") and _IS_THERE.match(q)):
            continue
        if re.search(pattern, asked):
            return kind
    return "other"


# "Is there an annual membership fee?", "Does it cost anything to join?": a charge asked for.
_FEE_ASKED = re.compile(r"\b(?:is|are) there (?:an? |any )?(?:[\w-]+ ){0,2}(?:fees?|charges?)\b"
                        r"|\bdoes (?:it|membership|joining) cost\b", re.IGNORECASE)
_PROGRESS_ASKED = re.compile(r"\b(?:on|off) (?:track|target|schedule)\b|\bbehind schedule\b", re.IGNORECASE)
_WHEN_HELD = re.compile(r"\b(?:current|present|new|now|former|previous|old|last|next)\s+")
_ROLE_ASKED = re.compile(rf"\b(?:which |what |name of (?:the |a |an )?|who(?: is| was|['’]s) the )"
                         rf"((?:[\w-]+ ){{0,3}}?{_ROLE})\b", re.IGNORECASE)


# "Who is the Director of Safeguarding?", "who's the constitutional services officer ...?": the holder
# of a post, whom only a person's name answers (not "Who is the organisation that will lead ...?").
_POST_TITLE = (r"(?:director|chair(?:man|person|woman)?|officer|manager|co-?ordinator|commissioner|constable"
               r"|councillor|head|headteacher|adviser|advisor|consultant)")
# ... and after "who is the", also the words for someone's part ("the contact person", "the Base 51 rep").
_POST_NOUN = rf"(?:{_POST_TITLE}|lead|contact|rep|representative|exec|executive|practitioner|person)"
_POST_HOLDER_ASKED = re.compile(rf"\bwho(?:\s+is|\s+was|['’]s|\s+held|\s+holds|\s+filled|\s+will\s+be"
                                rf"|(?:\s+is|['’]s)\s+going\s+to\s+be)\s+(?:(?:currently|now)\s+)?"
                                rf"the\s+(?:(?!(?:that|which|who|to|will)\b)[\w&'’-]+\s+){{0,5}}?{_POST_NOUN}\b"
                                rf"|\bwhat['’]?s?(?: is)? (?:their|his|her) name\b", re.IGNORECASE)

# "Which councillor chairs ...?", "the name of the Director of ...": a post by its title ("which
# famous person ...?" names none).
_WHICH_POST_HOLDER = re.compile(rf"\b(?:which |name of (?:the |a |an )?)(?:[\w'’-]+ ){{0,3}}?{_POST_TITLE}\b",
                                re.IGNORECASE)


# "Who chairs the SEND Accountability Board?": the holder of its chair.
_CHAIR_HOLDER_ASKED = re.compile(r"\bwho\s+(?:(?:is|was|will be)\s+)?(?:currently\s+|now\s+|actually\s+)?"
                                 r"(?:chairs|chaired|chairing|will chair)\b"
                                 # "Who was the LSCB independent chair ...?": the chair named as a post
                                 r"|\bwho(?:\s+is|\s+was|['’]s)\s+(?:currently\s+|now\s+)?the\s+"
                                 r"(?:[\w'’-]+\s+){0,4}?chair(?:man|person|woman)?\b", re.IGNORECASE)


# "Independent Chair of Local Safeguarding Children Board", "Director of Public Health": a post and
# the capitalised name of the body it is of; "Who chairs / heads the X?" asks for a post by its verb.
_CAPITALISED_NAME = r"(?:(?-i:[A-Z])[\w'’&-]*\s*){1,6}"  # "Children's Partnership Board"
_OF_BODY = rf"\s+of\s+(?:the\s+)?({_CAPITALISED_NAME})"
_POST_OF = re.compile(rf"\b({_POST_TITLE})s?{_OF_BODY}", re.IGNORECASE)  # "As joint Chairs of the Board, we"
# A body may be named in lower case by what it is: "Who chairs the children's homes governance board?"
_POST_BY_ITS_VERB = re.compile(rf"\b(chair|head)(?:s|ed|ing)\s+(?:the\s+)?({_CAPITALISED_NAME}"
                               r"|(?:[\w'’&-]+\s+){0,4}(?:board|committee|group|panel|forum|network|partnership)\b)",
                               re.IGNORECASE)


# "I've just joined the Children's Partnership Board - who chairs it?": "it" is the body named before.
_POST_OF_IT = re.compile(r"\b(chair|head)(?:s|ed|ing)\s+(?:it|this|that)\b", re.IGNORECASE)
_BODY_NAMED = re.compile(rf"\bthe\s+({_CAPITALISED_NAME})", re.IGNORECASE)


def posts_of(text: str) -> list[tuple[str, str]]:
    """Each post the text names with the body it is of: "✓ Paul Burnett | - Independent Chair of) |
    Local Safeguarding Children Board" -> [("chair", "Local Safeguarding Children Board")]."""
    text = re.sub(r"[()|]", " ", text)  # a table's cell marks may stand between a post and its body
    return [(_post_word(m.group(1)), m.group(2).strip()) for m in _POST_OF.finditer(text)]


def post_asked_of(question: str) -> tuple[str, str] | None:
    """The post and the body a question asks about ("Who chairs the Children's Partnership Board?",
    "Who is the Director of Safeguarding?"), if it names both."""
    found = _POST_BY_ITS_VERB.search(question)
    if found:
        return _post_word(found.group(1)), found.group(2).strip()
    found = _POST_OF_IT.search(question)
    body = _BODY_NAMED.search(question, 0, found.start()) if found else None
    if found and body:
        return _post_word(found.group(1)), body.group(1).strip()
    return next(iter(posts_of(question)), None)


def _post_word(word: str) -> str:
    return re.sub(r"(?:man|person|woman)$", "", word.lower())  # a chairman holds the chair


def chair_asked(question: str) -> bool:
    """Whether the question asks who chairs something ("Who chairs the governance board?")."""
    return bool(_CHAIR_HOLDER_ASKED.search(question))


def post_holder_asked(question: str) -> bool:
    """Whether the question asks who holds a post ("Who is the independent chair of the board?",
    "Which councillor chairs the governance board?", "Who chairs the accountability board?")."""
    return bool(_POST_HOLDER_ASKED.search(question) or _WHICH_POST_HOLDER.search(question)
                or _CHAIR_HOLDER_ASKED.search(question))


def role_asked(question: str) -> str:
    """The role a "which police officer ...?" or "who is the training co-ordinator?" question asks
    someone to hold ('' if none)."""
    found = _ROLE_ASKED.search(question)
    # "the current head": when someone holds it is no part of the role a passage names them in
    return _WHEN_HELD.sub("", found.group(1).lower()) if found else ""


def names_role_holder(role: str, text: str) -> bool:
    """Whether `text` names someone as holding `role`: "Councillor David Mellen", "Jane Example,
    Training Co-ordinator", a form's "Relevant Director: Jane Example"; words qualifying the role
    ("police" officer) must be there too."""
    if not role:
        return False
    *qualifiers, role = role.split()
    if any(q not in text.lower() for q in qualifiers):
        return False
    role = re.escape(role)
    name = rf"(?-i:{NAME.pattern})"  # "Jane Example", "Sara-Jane Example"
    # A field's label opens a line or follows another field ("...; Responsibility Lead: Jane Example"),
    # unlike a colon within a sentence ("from the Director: Tom Jones presented ...").
    field = rf"(?:^|[;|]\s*)(?:[\w&-]+\s+){{0,2}}{role}\w*:\s*{name}"
    return bool(re.search(rf"\b{role}\w*\s+{name}|{name},?\s+(?:[\w&-]+\s+){{0,4}}{role}|{field}", text,
                          re.IGNORECASE | re.MULTILINE))


def names_another_post(role: str, text: str) -> bool:
    """Whether `text` gives a post (a title such as "Head Teacher" or "Director") without the word
    naming `role` ("lead" of "designated safeguarding lead"): who it names holds another post."""
    noun = re.sub(r"[^a-z]", "", role.split()[-1].lower()) if role else ""  # "coordinator" is "Co- ordinator"
    return bool(noun) and bool(_POST_TITLE_WORD.search(text)) and noun not in re.sub(r"[^a-z]", "", text.lower())


_POST_TITLE_WORD = re.compile(rf"\b{_POST_TITLE}\b|\bteacher\b", re.IGNORECASE)


_ONLINE = re.compile(r"\b(?:online|on the (?:web|internet)|website|web ?site|web address|web page|url|link)\b",
                     re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:gov|nhs|org|co|ac)\.uk\S*",
                         re.IGNORECASE)


def holds_kind(kind: str, text: str, asked: str = "") -> bool:
    """Whether `text` contains a fact of the kind asked for (always true for "other"); a number the
    question `asked` names itself ("per 1,000 live births") does not answer it."""
    if kind == "phone":
        return bool(PHONE.search(text))
    if kind == "email":
        return bool(EMAIL.search(text))
    if kind == "money":  # "The bid was for £30m-£50m - how big is the programme?": not £30m again
        named = {_sum(m.group(0)) for m in MONEY.finditer(asked)}
        return any(_sum(m.group(0)) not in named for m in MONEY.finditer(text))
    if kind == "percent":
        return bool(PERCENT.search(text)
                    or any(m.group(0).lower() not in asked.lower() for m in RATIO.finditer(text)))
    if kind == "count":
        # "... and how much is it?" asks for a sum or a share: "185 representatives" counts, it measures nothing.
        if _HOW_MUCH.search(asked) and not _HOW_MANY.search(asked):
            return bool(MONEY.search(text) or PERCENT.search(text))
        return bool(quantities(text, asked))
    if kind in ("day", "date"):  # a leading section number ("1.18 The DART is ...") is not a time of day
        text = _SECTION_NUMBER.sub(" ", text)
        # "When is the 2020 Health Check?" is not answered by "our own 2020 Health Check".
        for year in set(_YEAR_NAMED.findall(asked)):
            text = re.sub(rf"\b{year}\b(?![/-]\d)", " ", text)
        if _outside_bounds(asked, text):
            return False
    if kind == "day":  # "On what date ...?" wants a date, not "in June"
        return bool(DATE.search(text))
    if kind == "date":  # "When do the sessions run?" is also answered by "every Thursday morning" or "in October"
        return bool(DATE.search(text) or MONTH_NAME.search(text) or WEEKDAY.search(text) or CLOCK.search(text)
                    or FREQUENCY.search(text) or SPAN.search(text) or NOTICE.search(text))
    if kind == "person":  # someone named, or a body said to do it ("led by the police 'prevent' team")
        return bool(LEAD_FIELD.search(text) or EMAIL.search(text) or NAME.search(text) or AGENT.search(text))
    if kind == "amount":
        return bool(quantities(text, asked) or PERCENT.search(text) or MONEY.search(text))
    if kind == "frequency":
        return bool(FREQUENCY.search(text))
    if kind == "age":
        return bool(_AGE.search(text))
    if kind == "grade":  # not the grade a measure's name counts by ("% of children attending a school
        return bool(_GRADE.search(_MEASURE_NAME_RATED.sub(" ", text)))  # rated as good or outstanding")
    if kind == "status":
        return bool(STATUS.search(text) or _GRADE.search(text))
    if kind == "place":
        if _ONLINE.search(asked):  # "Where can I find the pathway online?": at a web address
            return bool(_WEB_ADDRESS.search(text))
        return bool(PLACE.search(text) or _PLACE_NAMED.search(text)
                    or any(not _names_the_thing_asked(m, text, asked) for m in _AT_NAME.finditer(text)))
    if kind == "title":
        return names_title(title_asked(asked), text)
    if kind == "body":  # a name the question does not already give ("Vision West Notts College", "NCVS"),
        # or a town ("held on site in Mansfield") for "which town ...?"
        # "Which universities ...?": one named "... University", or by initials ending on its sort's ("NTU"), not
        # a programme (a second question's answer, "and where?", need not name it)
        sort = _SORT_IN_ITS_NAME.search(asked)
        if sort and not TWO_PARTS.search(asked) and not _names_one_of(sort.group(1), text, asked):
            return False
        return any(m.group(0).lower() not in asked.lower() and not _CALENDAR.search(m.group(0))
                   for m in (*_BODY_NAME.finditer(text), *_PLACE_NAMED.finditer(text)))
    return True


# Sorts of body whose names say the sort ("Nottingham Trent University", "Nottingham City Council"), asked
# for as "which universities ...?" (the first five letters of the sort cover its plural).
_SORT_IN_ITS_NAME = re.compile(r"\b(?:which|what)\s+(universit(?:y|ies)|colleges?|councils?)\b", re.IGNORECASE)


def _names_one_of(sort: str, text: str, asked: str) -> bool:
    """Whether `text` names a body of the `sort` asked ("universities"): by a name holding the sort's word,
    or by initials, not the question's own, ending on its letter ("NTU" for Nottingham Trent University)."""
    if re.search(rf"\b{sort[:5]}", text, re.IGNORECASE):
        return True
    return any(short.endswith(sort[0].upper()) and short not in asked for short in re.findall(r"\b[A-Z]{2,}\b", text))


# "a pathway with A&E", "at the QMC": a place known by its initials.
# "held on site in Mansfield", "located in the Mansfield/Ashfield districts": a town or venue named
# after "in" or "at".
# (An acronym qualifying a word after it names no place: "to the SEND transport budget".)
_PLACE_NAMED = re.compile(r"\b[A-Z]{1,3}&[A-Z]{1,3}\b|\b(?:at|in|with|to) (?:the )?[A-Z]{2,5}\b(?!\s+[a-z])"
                          r"|\b(?:held|based|located|hosted|took place|delivered|run)\b[^.;]{0,25}\b(?:in|at) (?:the )?"
                          rf"(?!{MONTH_NAME.pattern}|{WEEKDAY.pattern})[A-Z][a-z]+")
# "at Trent University", "in the Hucknall or Ollerton area": a name after a word placing something (a
# name alone may be a body's: "The Board's meetings will normally be held in public" names no place).
_AT_NAME = re.compile(rf"\b(?:at|in|on|near|to|from|within|across)\s+(?:the\s+)?"
                      rf"(?!{MONTH_NAME.pattern}|{WEEKDAY.pattern})([A-Z][a-z]+)")
_NAME_RUN = re.compile(_CAPITALISED_NAME)


def _names_the_thing_asked(found: re.Match, text: str, asked: str) -> bool:
    """Whether the name after "at"/"across" opens a longer name of the very thing the question asks
    about: "across City Every Colleague Matters Event" for "Where are Every Colleague Matters events
    held?" places nothing ("held at Loxley House" still places the meeting asked about at Loxley House)."""
    run = _NAME_RUN.match(text, found.start(1)).group(0).split()
    asked_lower = f" {' '.join(asked.lower().split())} "
    return any(f" {first.lower()} {second.lower()} " in asked_lower for first, second in zip(run[1:], run[2:]))


_BODY_NAME = re.compile(rf"{NAME.pattern}|\b[A-Z][A-Z0-9]{{1,}}[a-z]?\b")
# "the Autumn Term", "Monday 5 June" are capitalised but name no body.
_CALENDAR = re.compile(rf"{MONTH_NAME.pattern}|{WEEKDAY.pattern}|\b(?:Spring|Summer|Autumn|Winter|Term)\b")


# "What is Pat Whitby's job title?", "What role does Jane Example have?", "Pat Whitby's title seems to change
# - what's the most recent one?": someone's post, by name.
_PERSON = rf"({NAME.pattern})"
_TITLE_OF = re.compile(rf"{_PERSON}['’]s? (?:(?:current|latest|present|new|old|previous|former) )?"
                       rf"(?:job title|title|job|role|post|position)\b"
                       rf"|\b(?:job title|job|role|post|position) (?:does|did|of|is|for) {_PERSON}")
_TITLE_LABEL = r"(?:;\s*)?(?:job title|title|role|position)\s*:\s*"


# "Lisa Hazell was the project officer in 2013 - what's her job title now?": the person named before.
# "... with different job titles; what is her most recent title?", "Pat Whitby has had a few different job
# titles - what is the current one?": the person named before too.
_RECENCY = r"(?:current|latest|most recent|present|new|newest|old|previous|former)"
_THEIR_TITLE = re.compile(rf"\b(?:his|her|their) (?:{_RECENCY} )?(?:job title|title|job|role|post|position)\b"
                          rf"|\b(?:job )?titles?\b.*\b(?:the|its) {_RECENCY} one\b", re.IGNORECASE)


@lru_cache(maxsize=256)  # asked again for every candidate sentence
def title_asked(question: str) -> str:
    """The person whose job title the question asks for ("Pat Whitby"), or ''."""
    found = _TITLE_OF.search(question)
    if found:
        return found.group(1) or found.group(2)
    their = _THEIR_TITLE.search(question)
    named = people_named(re.sub(r"['’]s\b", "", question[:their.start()])) if their else []  # "The Board's"
    return named[0] if named else ""


def current_post_asked(question: str) -> str:
    """The post a question asks who holds now ("Who is the training co-ordinator for the Board?" ->
    "training co-ordinator for the Board"), or '' (a question in the past tense asks of another time)."""
    found = _CURRENT_HOLDER.match(question)
    return found.group(1) if found else ""


_CURRENT_HOLDER = re.compile(r"\s*who(?:\s+is|['’]s)\s+(?:currently\s+|now\s+)?the\s+([^?]{3,90}?)"
                             r"(?:\s+(?:now|currently|at the moment|these days))?\s*\??\s*$", re.IGNORECASE)


def names_a_post(text: str) -> bool:
    """Whether `text` names a post by its title's word ("Systemic Social Work Lead", "Strategy Manager")."""
    return bool(_POST_WORD.search(text))


_POST_WORD = re.compile(rf"\b{_ROLE}s?\b", re.IGNORECASE)


def names_title(person: str, text: str) -> bool:
    """Whether `text` gives `person`'s post: their name followed by a job title ("Pat Whitby Education
    Partnership Strategy Manager", "Name: Pat Whitby; Job title: Partnership Manager")."""
    if not person:
        return False
    name = r"\s+".join(re.escape(word) for word in person.split())
    return bool(re.search(rf"{name}\W*(?:{_TITLE_LABEL})?(?:[\w&,'’()-]+\s+){{0,6}}?{_ROLE}\b", text,
                          re.IGNORECASE))


_HOW_OFTEN = {"one": "once", "1": "once", "two": "twice", "2": "twice"}


def in_words_of_how_often(fact: str) -> str:
    """A frequency as an answer to "how often?": "two Every Colleague Matters Events each year" is
    "Twice a year (two Every Colleague Matters Events each year)"; other frequencies stay as they are."""
    found = re.fullmatch(_COUNT_IN_PERIOD, fact.strip(), re.IGNORECASE)
    if not found:
        return fact
    count = found.group(1).lower()
    return f"{_HOW_OFTEN.get(count, count + ' times').capitalize()} a {found.group(2).lower()} ({fact.strip()})"


def the_fact(kind: str, text: str) -> str:
    """The single fact of that kind in `text`, when there is exactly one; '' otherwise."""
    if kind == "person":
        found = [m.group(1).strip() for m in (*LEAD_FIELD.finditer(text), *CONTACT_NAMED.finditer(text),
                                              *_QUOTED_BY.finditer(text))]
    else:
        pattern = {"phone": PHONE, "email": EMAIL, "money": MONEY, "percent": PERCENT, "date": DATE, "day": DATE,
                   "frequency": FREQUENCY, "age": _AGE}.get(kind)
        found = [m.group(0).strip() for m in pattern.finditer(text)] if pattern else []
    distinct = list(dict.fromkeys(found))
    if len(distinct) != 1:
        return ""
    return in_words_of_how_often(distinct[0]) if kind == "frequency" else distinct[0]


# The labels of a form's fields that hold a fact of the kind asked: "Place: Committee Room at Loxley
# House" answers "Where was the meeting held?" though it shares none of its words.
_FIELD_LABELS = {"place": re.compile(r"(?:^|\n)\s*(?:place|venue|location|address)\s*:\s*\S", re.IGNORECASE)}


def holds_field_of(kind: str, text: str) -> bool:
    """Whether a line of `text` is a form's field labelled as holding the kind of fact asked."""
    label = _FIELD_LABELS.get(kind)
    return bool(label and label.search(text))


# "the meeting after September 2013", "before March 2020": a month that bounds the time asked for.
_AFTER = ("after", "following", "followed", "since", "later than")
_BOUND = re.compile(rf"\b({'|'.join(_AFTER)}|before|earlier than|prior to)\s+(?:the\s+)?"
                    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_YEAR.pattern}", re.IGNORECASE)


def _outside_bounds(asked: str, text: str) -> bool:
    """Whether every month `text` names lies on the wrong side of a month the question bounds its time
    by: "Date: 25 September 2013" does not answer "What date was set for the meeting after September
    2013?". Months are compared whole; text naming no month with its year is not judged."""
    months = months_named(text)
    for m in _BOUND.finditer(asked):
        bound = months_named(m.group(0))[0]
        if months and (max(months) <= bound if m.group(1).lower() in _AFTER else min(months) >= bound):
            return True
    return False


_SECTION_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)+\.?\s")  # "1.18 ", "2.3.1 "
# Numbers that label rather than count: a leading section or agenda number ("1.30 Supporting ...",
# "7 PARTNER'S UPDATE") and numbered stages ("Phase Two", "Year 11", "Key Stage 2").
_LABEL_NUMBER = re.compile(rf"{_SECTION_NUMBER.pattern}|^\s*\d+\.?\s+(?=(?-i:[A-Z][A-Z'’]+)\b)"
                           r"|(?:^|[:;•|]\s*)\d{1,2}\.\s+(?=(?-i:[A-Z]))"
                           r"|\b(?:phase|stage|part|step|tier|level|year|section|item|appendix|page|paragraph|wave|"
                           r"round|chapter)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b",
                           re.IGNORECASE)


# Grades an inspection or an audit gives: Ofsted's four, and red / amber / green.
_GRADE = re.compile(r"\b(?:outstanding|good|requires improvement|inadequate|satisfactory|green|amber|red|RAG)\b",
                    re.IGNORECASE)
# A measure's name counting by a grade, with no figure before its "%": "% of Nottingham children attending
# a school rated as good or outstanding by Ofsted" (not "79.7% of schools were judged good").
_MEASURE_NAME_RATED = re.compile(r"(?:^|(?<=[^\d\s.])|(?<=[^\d.]\s))%\s*of\b[^%.;\d]{0,150}?\b(?:rated|judged|graded)"
                                 r"(?:\s+as)?\s+(?:good|outstanding)(?:\s+or\s+(?:better|good|outstanding))?",
                                 re.IGNORECASE)
# The statuses progress reports give an action or a milestone.
STATUS = re.compile(r"\b(?:on (?:target|track|schedule)|off (?:target|track)|experiencing\s+obstacles|at risk|"
                     r"complete[d]?|closed|delayed|in difficulty|abandoned|not (?:yet )?started|in progress|"
                     r"ongoing|achieved|overdue|slipp(?:ed|ing))\b", re.IGNORECASE)


_STATUS_CELL_CHARS = 60  # a date and a status, with room for "Completed/ Closed"


def status_cell(text: str) -> bool:
    """Whether `text` is only a progress report's date and status cells ("March 2022 Experiencing
    Obstacles"): a row's status, whose subject is the row's first cell."""
    if len(text) > _STATUS_CELL_CHARS or not STATUS.search(text):
        return False
    return not re.search(r"[A-Za-z]", MONTH_NAME.sub(" ", DATE.sub(" ", STATUS.sub(" ", text))))


def after_status_cell(text: str) -> str:
    """`text` without the date and status cells a flattened progress-report row opens with ("April 2019
    Complete This was implemented in Quarter 1 2019/20." -> "This was implemented ..."); `text` as it is
    when it opens with none."""
    for found in STATUS.finditer(text[:_STATUS_CELL_CHARS]):
        if status_cell(text[: found.end()]):
            return text[found.end():].lstrip(" .:;-–")
    return text


# A year naming something ("the 2020 Workforce Health Check"), not a time ("in June 2013").
_YEAR_NAMED = re.compile(r"\b((?:19|20)\d\d)\s+(?=[A-Z][a-z])")
# Ages count nobody: "aged 0-19", "beyond the age of 20", "0-3 year olds", "the 0-fives", "under-5s",
# "from birth to 25", "a SEND Policy 0-25 year".
_AGE = re.compile(r"\b(?:aged?|ages|age of)\s+(?:\d+\s*(?:-|–|to)\s*)?\d+\+?(?:\s*(?:,|and|or)\s*\d+)*"
                  r"|\b(?:\d+\s*(?:-|–|to)\s*)?\d+[\s-]*years?[\s-]*olds?\b"
                  r"|(?:\b0\s*(?:-|–|to)\s*|\bunder[\s-]*|\bover[\s-]*)(?:\d{1,2}|one|two|three|four|five|eleven|"
                  r"sixteen|eighteen|nineteen)'?s\b"
                  r"|\bfrom birth (?:to|until|up to)\s+(?:the age of\s+)?\d{1,2}\b"
                  r"|\b0\s*(?:-|–|to)\s*\d{1,2}\s*years?\b", re.IGNORECASE)


# The words after "how many" up to a verb or a preposition: what is counted.
_HOW_MUCH = re.compile(r"\bhow much\b", re.IGNORECASE)
_HOW_MANY = re.compile(r"\bhow many ((?:(?!(?:did|do|does|are|were|is|was|have|has|had|will|would|can|could|should|"
                       r"in|on|at|for|across|within|by|from|of|to|the|a|an|and|or|that|who|which|this|per|there|now|"
                       r"currently|still|each|every|altogether|overall|roughly|approximately)\b)[\w'’-]+\s*){1,3})",
                       re.IGNORECASE)


def thing_counted(question: str) -> str:
    """What a "how many" question counts: "new foster carers" in "How many new foster carers were
    approved?"; "" for any other question."""
    found = _HOW_MANY.search(question)
    return found.group(1).strip() if found else ""


def quantities(text: str, asked: str = "") -> list[str]:
    """The numbers in `text` that could answer "how many": not dates, phone numbers, e-mail addresses,
    section or stage numbers, ages, number words inside names, nor numbers the question itself names."""
    text = _AGE.sub(" ", _LABEL_NUMBER.sub(" ", text))
    # "within 35 working days" counts days: an answer only when days are what is counted.
    text = DURATION.sub(lambda m: m.group(0) if m.group(1).lower().rstrip("s") in asked.lower() else " ", text)
    for pattern in (EMAIL, PHONE, DATE):
        text = pattern.sub(" ", text)
    named = {_number(m.group(0)) for m in COUNT.finditer(asked)}
    # "one of the most rewarding jobs" picks one out of many, and counts nothing.
    text = _ONE_OF.sub(" ", text)
    # A capitalised number word inside a sentence is part of a name: "the One Children's Workforce".
    return [m.group(0) for m in COUNT.finditer(text) if _number(m.group(0)) not in named
            and not (m.start() > 0 and m.group(0)[0].isupper() and not m.group(0)[0].isdigit())]


_ONE_OF = re.compile(r"\bone of (?:the|our|its|their|his|her|my|a few|several|many)\b", re.IGNORECASE)


def _sum(token: str) -> str:
    """A sum as _number reads it, without spaces or a pound sign: "£30m" and "30 m" meet."""
    return _number(re.sub(r"[\s£]", "", token))


def _number(token: str) -> str:
    """A number as written, without thousands commas; a number word as its digits ("two" -> "2"), so
    the "two-week event" a question names is the "2 week event" a passage names."""
    plain = token.replace(",", "").lower()
    return str(NUMBER_WORDS[plain]) if plain in NUMBER_WORDS else plain
