"""The answer core shared by every front end: question (+ history, filters) -> cited Answer."""
from __future__ import annotations

import logging
import re
import time
from dataclasses import replace
from pathlib import Path

from chat.about_documents import acronym_named, asks_what_acronym_is, catalogue_answer
from chat.answer_types import (EMAIL, current_post_asked, names_title, post_asked_of, post_holder_asked, posts_of,
                               question_kind, title_asked)
from chat.config import Settings, load_settings
from chat.extractive import compose, other_period_note
from chat.followup import standalone_question
from chat.people import names_a_person
from chat.questions import (acronyms_in_capitals, asked_part, former_holders, holds_phrase, misspellings_corrected,
                            names_in_capitals, normal_phrase, quoted_phrases, tidy_question, unwritten_thing_asked,
                            without_asker)
from chat.records import NOT_FOUND, Answer, Citation
from chat.rerank import contact_asked, document_periods, documents_meant, rerank
from chat.roles import holder_of_role, signatories, speaking_as
from chat.text import stems
from index.build import BuildReport, build_index
from index.embedder import get_embedder
from index.layout import IndexBusy
from index.manifest import IndexMismatch
from index.records import Filters, Hit
from index.searcher import IndexMissing, IndexReader
from index.store import content_words
from ingest.acronyms import abbreviate_text, expand_text, guessed_expansions
from ingest.chunking import ChunkSettings
from ingest.people import mark_status

log = logging.getLogger(__name__)

# Abstain when the best passage is this far from the question (cosine) ...
MIN_SIMILARITY = 0.30
# ... or when it is only loosely related and few of the question's content words appear in the
# top passages (a paraphrase close in meaning passes on similarity alone).
MIN_COVERAGE = 0.34
CONFIDENT_SIMILARITY = 0.42
# A capitalised word alone inside a sentence of the question, not an acronym: "Stride" in "what is the
# Stride pilot?". Few passages are close in meaning to a name the model has never seen.
_LONE_NAME = re.compile(r"(?:^|\s)([a-z][\w'’-]*|[,;:])\s+([A-Z][a-z]{3,})\b(?!['’]?\s+[A-Z])")


# Passages fetched for re-ranking (chat.rerank: years, recency, word pairs) before the top k are kept.
# Measured on twenty QA sets (README, "Retrieval and answering choices"): 40 found two contact lines that
# 20 left out for one answer lost; 60 lowered dev hit@5. Same latency within the noise.
RERANK_DEPTH = 40
SIGNATURE_PASSAGES = 12  # a document's opening passages searched for the signatures closing its foreword
ROLE_LOOKUP_PASSAGES = 10  # passages of a document searched for who holds a post an answer names
POST_SEARCH_DEPTH = 50  # keyword-search results looked through for a passage naming the post a question asks about
CONTACT_SEARCH_DEPTH = 10  # keyword-search results of a named document looked through for its contact line


class Engine:
    """Holds the settings, the embedding model and the open index; loads each once."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.embedder = get_embedder(settings.model, settings.embed_precision)
        self.chunking = ChunkSettings(settings.target_words, settings.max_words)
        self._reader: IndexReader | None = None
        self._documents_cache: tuple[Path | None, list[dict], dict] = (None, [], {})

    # -- index ------------------------------------------------------------------------------------
    @property
    def index_dir(self) -> Path:
        return Path(self.settings.index_dir)

    def ingest(self, paths: list[Path] | None = None, rebuild: bool = False, **options) -> BuildReport:
        """Build or update the index from `paths` (default: the corpus directory)."""
        corpus = Path(self.settings.corpus_dir)
        options.setdefault("limits", self.settings.load_limits())
        report = build_index(paths or [corpus], corpus, self.index_dir, self.embedder, self.chunking,
                             rebuild=rebuild, **options)
        if self._reader is not None:
            self._reader.refresh()
        return report

    def ensure_index(self) -> BuildReport | None:
        """Build the index from the corpus when there is none yet, when it was built with other
        settings (another model, or an older version's chunking), or when the corpus changed on disk."""
        try:
            reader = self.reader
        except IndexMissing:
            log.info("no index yet: building it from %s", self.settings.corpus_dir)
            return self.ingest(wait=True)  # an ingest already running will have built it
        except IndexMismatch as exc:
            # This version cannot read it at all; a fresh build is the only way to answer from it.
            log.warning("%s Rebuilding it now.", exc)
            return self.ingest(rebuild=True, wait=True)
        if corpus_changed(reader.manifest, Path(self.settings.corpus_dir)):
            log.info("the corpus changed since the index was built: updating it")
            try:
                return self.ingest()
            except IndexBusy:  # someone is updating it now: answer from the current index meanwhile
                log.info("another ingest is updating the index; using the current one")
        return None

    @property
    def reader(self) -> IndexReader:
        if self._reader is None:
            self._reader = IndexReader(self.index_dir, self.embedder, self.chunking.to_json())
        return self._reader

    @property
    def manifest(self) -> dict:
        return self.reader.manifest

    @property
    def config(self) -> dict:
        return self.settings.to_json()

    def documents(self) -> list[dict]:
        return self.reader.documents()

    # -- questions --------------------------------------------------------------------------------
    def search(self, query: str, k: int | None = None, filters: Filters | None = None,
               retriever: str | None = None) -> list[Hit]:
        """Ranked passages for `query`, retrieved exactly as `answer` retrieves them: the passage the answer
        is drawn from first, then the rest as retrieved."""
        question = self._capitals_restored(query)
        hits = self._retrieve(question, filters, max(k or self.settings.k, self.settings.k), {}, retriever)
        answer = self._extractive(question, hits[:self.settings.k], {})  # reads what answer() reads
        lead = None if answer.abstained else answer.passages[0]
        return list(_lead_first(hits, lead)[:k or self.settings.k])

    def answer(self, question: str, history: list[dict] | None = None, filters: Filters | None = None,
               k: int | None = None) -> Answer:
        """Answer `question` from the documents, citing passages; abstain when they don't say.

        A follow-up ("and who did it before?") is read together with the previous question in
        `history` (chat turns as {"role", "content"} dicts); the JSON shows the standalone question.
        """
        asked, notes = tidy_question(question)
        if not asked:
            return Answer(asked, "Please type a question.", (), (), True, timings={}, notes=notes)
        timings: dict[str, float] = {}
        if self.settings.llm_url:  # generated, verified answers; the extractive one is the fallback
            *_, generated = self._generated(asked, history, filters, k, stream=False)
            return replace(generated, notes=tuple(notes) + generated.notes) if notes else generated
        standalone = self._capitals_restored(standalone_question(asked, history))
        start = time.perf_counter()
        catalogue = None if filters else catalogue_answer(standalone, self.reader, timings)
        if catalogue is not None and not asks_what_acronym_is(standalone):
            timings["answer_ms"] = _ms(start)  # "Which plan is current?" is answered by the list of documents
            return replace(catalogue, notes=tuple(notes)) if notes else catalogue
        passages = self._retrieve(standalone, filters, k or self.settings.k, timings)
        start = time.perf_counter()
        answer = self._extractive(standalone, passages, timings)
        if catalogue is not None and not self._says_what_it_is(standalone, answer):
            answer = catalogue  # "What are MALTs?": no passage says more than what the letters stand for
        timings["answer_ms"] = _ms(start)
        if standalone != asked:
            answer = replace(answer, question=asked, extra={**answer.extra, "standalone_question": standalone})
        return replace(answer, notes=answer.notes + tuple(notes)) if notes else answer

    def _retrieve(self, question: str, filters: Filters | None, k: int, timings: dict,
                  retriever: str | None = None) -> tuple[Hit, ...]:
        """The top-k passages for a standalone question, timing the embedding and the search."""
        reader = self.reader
        reader.refresh()
        start = time.perf_counter()
        glossary = self._glossary_for(question)
        query = retrieval_query(question, glossary, reader.non_name_words())
        vector = reader.embed_query(query)
        timings["embed_ms"] = _ms(start)
        start = time.perf_counter()
        hits = reader.search(query, max(k, RERANK_DEPTH), retriever or self.settings.retriever, filters,
                             query_vector=vector, **self._fusion())
        hits = rerank(question, hits, self._periods(reader), glossary)
        hits = self._with_post_named(question, hits, k, filters)
        hits = self._with_document_contact(question, hits, k, filters, glossary)
        hits = self._with_newest_title(question, hits, k, filters)
        hits = self._with_newest_holder(question, hits, k, filters, glossary)
        timings["retrieve_ms"] = _ms(start)
        return tuple(hits[:k])

    def _with_post_named(self, question: str, hits: list[Hit], k: int, filters: Filters | None) -> list[Hit]:
        """For a question asking who holds a post of a body ("Who chairs the Children's Partnership
        Board?"), the newest passage naming that post of that body ("As joint Chairs of the Children's
        Partnership Board, we ...") second among the passages, when the top k lack one: a board's
        attendance rows, each naming the board and a member's post, outrank it on every word."""
        post = post_asked_of(asked_part(question))
        if not post:
            return hits
        role, body = post
        body_words = set(stems(body))
        top = {h.chunk.chunk_id for h in hits[:k]}
        found = [h for h in self.reader.search(f"{role} {body}", POST_SEARCH_DEPTH, "lexical", filters)
                 if h.chunk.chunk_id not in top
                 and any(r == role and body_words <= set(stems(b)) for r, b in posts_of(h.chunk.text))]
        if not found:
            return hits
        return _put_second(hits, max(found, key=lambda h: h.chunk.date_sort or ""))

    def _with_document_contact(self, question: str, hits: list[Hit], k: int, filters: Filters | None,
                               glossary: dict[str, str]) -> list[Hit]:
        """For a question asking whom to contact about a document it names ("Who's the contact if I
        want more info on the CYPP?"), that document's own contact line ("For further information
        contact Jane Example: jane.example@...") second among the passages, when none of the top k
        from it gives an email address: papers about the plan, each with its own contact officer,
        outrank the plan's closing lines on every word."""
        if not contact_asked(question):
            return hits
        sources = documents_meant(asked_part(question), self._documents(self.reader)[0], glossary)
        if filters and filters.sources:
            sources = [s for s in sources if s in filters.sources]
        if not sources or any(h.chunk.source in sources and EMAIL.search(h.chunk.text) for h in hits[:k]):
            return hits
        within = Filters(tuple(sources), filters.date_from if filters else None, filters.date_to if filters else None)
        found = next((h for h in self.reader.search("contact further information", CONTACT_SEARCH_DEPTH, "lexical",
                                                    within) if EMAIL.search(h.chunk.text)), None)
        return hits if found is None else _put_second(hits, found)

    def _with_newest_title(self, question: str, hits: list[Hit], k: int, filters: Filters | None) -> list[Hit]:
        """For a question asking someone's job title ("What is Pat Whitby's current job title?"), the
        newest passage giving that person's post ("Pat Whitby Education Partnership Strategy Manager
        pat.whitby@...") second among the passages, when the top k lack it: older contact rows, each
        labelled "Name" and "Job title", outrank a newer plan's bare contact list on every word."""
        person = title_asked(asked_part(question))
        if not person:
            return hits
        titled = [h for h in self.reader.search(person, POST_SEARCH_DEPTH, "lexical", filters)
                  if names_title(person, h.chunk.text)]
        if not titled:
            return hits
        newest = max(titled, key=lambda h: h.chunk.date_sort or "")
        if any(h.chunk.chunk_id == newest.chunk.chunk_id for h in hits[:k]):
            return hits
        return _put_second(hits, newest)

    def _capitals_restored(self, question: str) -> str:
        """The question with the corpus's acronyms and names typed in lower case in capitals ("cypp" ->
        "CYPP", "pat whitbys" -> "Pat Whitby's") and its words typed with a letter left out written as
        the documents write them ("practioners" -> "practitioners")."""
        written = self.reader.words_written()
        question = acronyms_in_capitals(question, self.reader.glossary(), written)
        return names_in_capitals(misspellings_corrected(question, written), self._people())

    def _people(self) -> frozenset[str]:
        """The names of the people the documents name in contact lists, leads and signatures, worked out
        once per index build."""
        return self.reader.derived("people_names", lambda store: frozenset(f.name for f in self.people_facts()))

    def people_facts(self) -> tuple:
        """What the documents say of each person in contact lists, leads and signatures (name, post,
        organisation, document, date), read at ingest (ingest.people) and marked latest or superseded
        across the documents once per index build."""
        return self.reader.derived("people", lambda store: tuple(mark_status(store.people())))

    def _with_newest_holder(self, question: str, hits: list[Hit], k: int, filters: Filters | None,
                            glossary: dict[str, str]) -> list[Hit]:
        """For a question asking who holds a post now ("Who is the training co-ordinator for the Nottingham
        City Safeguarding Children Board?"), the passage of the newest document naming someone in that
        post ("Holly Bligh NCSCB Training Co-ordinator ...") second among the passages, when the top k
        lack it: the older contact rows of the one before her, labelled "Name" and "Job title", outrank a
        newer plan's bare contact list on every word."""
        post = current_post_asked(asked_part(question))
        wanted = set(stems(post))
        if len(wanted) < 2:
            return hits
        holders = [f for f in self.people_facts()
                   if f.role and wanted <= set(stems(expand_text(f.role, glossary)))]
        if not holders:
            return hits
        newest = max(holders, key=lambda f: f.date_sort or "")
        if any(newest.name in h.chunk.text for h in hits[:k]):
            return hits
        found = next((h for h in self.reader.search(f"{newest.name} {newest.role}", POST_SEARCH_DEPTH, "lexical",
                                                    filters)
                      if h.chunk.source == newest.source and newest.name in h.chunk.text), None)
        return hits if found is None else _put_second(hits, found)

    def _glossary_for(self, question: str) -> dict[str, str]:
        """The corpus glossary, with shorthand the question uses but no document defines ("the 25
        September CPB") read as the name the documents use with those initials."""
        glossary = self.reader.glossary()
        guessed = guessed_expansions(question, glossary, self.reader.names_by_initials())
        return {**glossary, **guessed} if guessed else glossary

    def _documents(self, reader: IndexReader) -> tuple[list[dict], dict[str, tuple[int, int]]]:
        """The index's catalogue of documents and each document's years, read once per index build (the
        documents table changes only with it)."""
        build, documents, periods = self._documents_cache
        if build != reader.build:
            documents = reader.documents()
            periods = document_periods(documents)
            self._documents_cache = (reader.build, documents, periods)
        return documents, periods

    def _periods(self, reader: IndexReader) -> dict[str, tuple[int, int]]:
        """Each document's first and last year (see _documents)."""
        return self._documents(reader)[1]

    def _fusion(self) -> dict:
        return {"fusion": self.settings.fusion, "dense_weight": self.settings.dense_weight}

    def answer_stream(self, question: str, history: list[dict] | None = None, filters: Filters | None = None,
                      k: int | None = None):
        """Yield the answer's text as verified sentences arrive (LLM only), then the final Answer."""
        asked, _ = tidy_question(question)
        if not (self.settings.llm_url and asked):
            yield self.answer(question, history, filters, k)
            return
        yield from self._generated(asked, history, filters, k, stream=True)

    def _generated(self, question: str, history, filters, k, stream: bool):
        from chat import generate  # loaded only when an LLM is configured

        timings: dict[str, float] = {}
        standalone, notes = generate.rewrite_question(question, history, self.settings, timings)
        if notes:  # the model could not rewrite the follow-up: join it to the previous question instead
            standalone = standalone_question(question, history)
        passages = self._retrieve(standalone, filters, k or self.settings.k, timings)
        yield from generate.llm_answer_stream(question, passages, history, self.settings, self._extractive,
                                              standalone=standalone, notes=notes, timings=timings, stream=stream)

    def _says_what_it_is(self, question: str, answer: Answer) -> bool:
        """Whether the extractive answer to "What is the NLT?" opens by naming the acronym in full: "The
        Nottingham Learning Trust (NLT) is a local schools led venture ...", more than its name spelt out."""
        glossary = self.reader.glossary()
        expansion = glossary.get(acronym_named(question, glossary), "")
        opening = normal_phrase(answer.text.split("[1]", 1)[0]).removeprefix("the ")
        return bool(expansion) and not answer.abstained and opening.startswith(normal_phrase(expansion))

    def _extractive(self, question: str, passages: tuple[Hit, ...], timings: dict) -> Answer:
        if should_abstain(question, passages):
            return Answer(question, NOT_FOUND, (), passages, True, timings=timings)
        unwritten = unwritten_thing_asked(question, self.reader.words_written())
        if unwritten:  # "Is there a mileage allowance ...?": no document writes "mileage"
            return Answer(question, NOT_FOUND, (), passages, True, timings=timings,
                          notes=(f"No document mentions '{unwritten}'.",))
        # Found only by a name the model does not know: the answer comes from the passage giving it.
        alone = found_by_name_alone(question, passages)
        text, cited, chosen = self._composed(question, passages[:1] if alone else passages)
        if not cited:  # a sentence used but none cited: the fact is given only for another period
            notes = tuple(other_period_note(c) for c in chosen)
            return Answer(question, NOT_FOUND, (), passages, True, timings=timings, notes=notes)
        quotes: dict[str, str] = {}
        for c in chosen:  # two sentences of one passage: its citation quotes both
            chunk_id = c.hit.chunk.chunk_id
            quotes[chunk_id] = f"{quotes[chunk_id]} … {c.text}" if chunk_id in quotes else c.text
        if question_kind(question) == "person":  # "Report of Director of X": say who that is
            text, cited, held = self._with_role_holder(text, cited, chosen[0], quotes)
            text, cited, signed = self._with_signatories(text, cited, chosen[0], quotes)
            # "Who is the Assistant Chief Constable on the Board?" is not answered by the post alone.
            if post_holder_asked(question) and not (held or signed or self._names_someone(chosen)):
                return Answer(question, NOT_FOUND, (), passages, True, timings=timings)
        citations = tuple(Citation(n, hit, quotes.get(hit.chunk.chunk_id, "")) for n, hit in enumerate(cited, 1))
        return Answer(question, text, citations, _lead_first(passages, chosen[0].hit), False, timings=timings)

    def _composed(self, question: str, passages: tuple[Hit, ...]) -> tuple[str, list[Hit], list]:
        """The extractive answer over `passages` (extractive.compose): its text, the hits cited and the
        sentences used."""
        return compose(question, list(passages), self._glossary_for(question), self.reader.non_name_words())

    def _names_someone(self, chosen: list) -> bool:
        """Whether any sentence used names a person."""
        non_names = self.reader.non_name_words()
        return any(names_a_person(c.text, non_names) for c in chosen)

    def _with_role_holder(self, text: str, cited: list[Hit], lead, quotes: dict) -> tuple[str, list[Hit], bool]:
        """The answer with who holds the post its first sentence names, when the document says so
        elsewhere, and whether it does."""
        store = self.reader.store
        found = holder_of_role(lead.text, lead.hit.chunk.source,
                               lambda source, phrase: store.passages_of(source, phrase, ROLE_LOOKUP_PASSAGES))
        if not found:
            return text, cited, False
        role, person, sentence, chunk = found
        text, cited = _said_after_first(text, cited, quotes, [(f"{person} is the {role}.", chunk, sentence)])
        return text, cited, True

    def _with_signatories(self, text: str, cited: list[Hit], lead, quotes: dict) -> tuple[str, list[Hit], bool]:
        """The answer with who signs it when its first sentence speaks as holders of a post ("As joint
        Chairs of the Children's Partnership Board, we ...") and the document's opening passages hold
        signatures (the writers are the holders), and whether it does."""
        post = speaking_as(lead.text)
        if not post:
            return text, cited, False
        opening = self.reader.store.passages_of(lead.hit.chunk.source, "", SIGNATURE_PASSAGES)
        signed = signatories(opening, self.reader.non_name_words())
        if not signed:
            return text, cited, False
        said = [(f"{name} ({role})", chunk, f"{name} {role}") for name, role, chunk in signed]
        text, cited = _said_after_first(text, cited, quotes, said,
                                        lambda parts: f"It is signed by {' and '.join(parts)}.")
        return text, cited, True


def _put_second(hits: list[Hit], found: Hit) -> list[Hit]:
    """`hits` with `found` second (moved there if it was further down), ranks renumbered: the best
    passage keeps its place."""
    merged = hits[:1] + [found] + [h for h in hits[1:] if h.chunk.chunk_id != found.chunk.chunk_id]
    return [replace(h, rank=rank) for rank, h in enumerate(merged, 1)]


def _said_after_first(text: str, cited: list[Hit], quotes: dict, said: list[tuple[str, object, str]],
                      join=lambda parts: " ".join(parts)) -> tuple[str, list[Hit]]:
    """The answer with a sentence after its first one, made by `join` of its parts, each "<words> [n]"
    citing its passage: `said` holds (words, passage, quote) for each. A passage not cited already is
    cited next after the first, the later citation numbers moving up."""
    cited = list(cited)
    at = 1
    for _, chunk, quote in said:
        if any(h.chunk.chunk_id == chunk.chunk_id for h in cited):
            continue
        text = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + (int(m.group(1)) > at)}]", text)
        cited.insert(at, Hit(chunk, 0.0, at + 1, "lexical"))
        quotes[chunk.chunk_id] = quote
        at += 1
    number = {h.chunk.chunk_id: n for n, h in enumerate(cited, 1)}
    sentence = join([f"{words} [{number[chunk.chunk_id]}]" for words, chunk, _ in said])
    first = text.index("[1]") + 3
    return f"{text[:first]} {sentence}{text[first:]}", cited


def _lead_first(hits: tuple[Hit, ...], lead: Hit | None) -> tuple[Hit, ...]:
    """The passages with `lead`, the one the answer's leading sentence comes from, first and the rest in
    their order, ranks renumbered: the source a reader opens first is the one that says it."""
    if lead is None:
        return tuple(hits)
    ordered = sorted(hits, key=lambda h: h.chunk.chunk_id != lead.chunk.chunk_id)
    return tuple(replace(h, rank=rank) for rank, h in enumerate(ordered, 1))


def retrieval_query(question: str, glossary: dict[str, str], non_name_words: frozenset[str] = frozenset()) -> str:
    """The question with its acronyms spelt out and spelt-out names abbreviated, for retrieval, less
    the people it says held the post before ("Paul Langley used to be ... - who does that job now?"
    looks for the job, not for Paul Langley; `non_name_words`: ChunkStore.non_name_words) and less who
    is asking ("Virtual head here. How many extra locality SENCOs ...?" looks for the SENCOs)."""
    for person in former_holders(question, non_name_words):
        question = question.replace(person, " ")
    question = without_asker(question)
    return abbreviate_text(expand_text(question, glossary), glossary)


def should_abstain(question: str, passages: tuple[Hit, ...]) -> bool:
    """True when the passages are unlikely to hold the answer (see MIN_SIMILARITY, MIN_COVERAGE)."""
    if not passages:
        return True
    quoted = quoted_phrases(question)
    if quoted and all(any(holds_phrase(h.chunk.text, p) for h in passages) for p in quoted):
        return False  # the documents use the very words the user quoted
    if found_by_name_alone(question, passages):
        return False  # "what is the Stride pilot?": a name the model does not know, but the words match
    best = max(h.similarity for h in passages)
    words = set(content_words(question))
    found = set(content_words(" ".join(h.chunk.index_text for h in passages[:3])))
    coverage = len(words & found) / len(words) if words else 0.0
    return best < MIN_SIMILARITY or (coverage < MIN_COVERAGE and best < CONFIDENT_SIMILARITY)


def found_by_name_alone(question: str, passages: tuple[Hit, ...]) -> bool:
    """Whether the passages are far in meaning from the question (under MIN_SIMILARITY), but the best
    one, and it alone, gives a name the question asks about by one capitalised word ("Stride" in "what
    is the Stride pilot?"), which the model has never seen."""
    if not passages or max(h.similarity for h in passages) >= MIN_SIMILARITY:
        return False
    names = [normal_phrase(name) for _, name in _LONE_NAME.findall(question)]
    return any(holds_phrase(passages[0].chunk.text, name) and not any(holds_phrase(h.chunk.text, name)
                                                                     for h in passages[1:]) for name in names)


def corpus_changed(manifest: dict, corpus_dir: Path) -> bool:
    """A cheap check (size and modification time) that the corpus on disk matches the index."""
    from index.build import discover

    files, _ = discover([corpus_dir.resolve()], corpus_dir.resolve())
    known = manifest.get("files", {})
    current = {p.resolve().relative_to(corpus_dir.resolve()).as_posix(): p for p in files}
    if set(current) != set(known):
        return True
    return any(known[s].get("size") != p.stat().st_size or abs(known[s].get("mtime", 0) - p.stat().st_mtime) > 1e-3
               for s, p in current.items())


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


_ENGINES: dict[tuple, Engine] = {}


def load_engine(index_dir=None, corpus_dir=None, retriever=None, k=None, llm_url=None, llm_model=None,
                config_file=None, ensure=True, llm_timeout=None, llm_max_tokens=None) -> Engine:
    """The shared engine for these settings, with its index built or updated when needed."""
    settings = load_settings(config_file, {"index_dir": index_dir, "corpus_dir": corpus_dir,
                                           "retriever": retriever, "k": k, "llm_url": llm_url,
                                           "llm_model": llm_model, "llm_timeout": llm_timeout,
                                           "llm_max_tokens": llm_max_tokens})
    key = tuple(settings.to_json().items())
    if key not in _ENGINES:
        _ENGINES[key] = Engine(settings)
    engine = _ENGINES[key]
    if ensure:
        engine.ensure_index()
    return engine


def answer(question: str, history: list[dict] | None = None, filters: Filters | None = None) -> Answer:
    """Answer with the default engine (settings from partnerqa.toml and the environment)."""
    return load_engine().answer(question, history, filters)
