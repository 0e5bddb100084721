"""Pure rendering: document text is escaped before any highlight; [n] become links; dates parse."""
import pytest

from chat.web_render import (answer_markdown, conversation_markdown, escape_markdown, filters_summary,
                             highlight, parse_date, sources_html)

EVIL = "Lead <script>alert(1)</script> & <img src=x onerror=alert(2)> training"


def test_highlight_escapes_first_then_marks():
    out = highlight(EVIL, "who leads training?")
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=alert(2)&gt;" in out
    assert "<mark>Lead</mark>" in out and "<mark>training</mark>" in out


def test_a_highlight_never_lands_inside_an_entity():
    out = highlight("Tom & Jerry <b>", "amp lt quot")
    assert "&amp;" in out and "&lt;b&gt;" in out and "<mark>" not in out


def test_answer_markers_link_to_sources_and_text_stays_literal():
    out = answer_markdown("Ask *Jane* <b>now</b> [1] or [2].")
    assert "[[1]](#source-1)" in out and "[[2]](#source-2)" in out
    assert "\\*Jane\\*" in out and "&lt;b&gt;" in out and "<b>" not in out


def test_escape_markdown_keeps_apostrophes_readable():
    assert escape_markdown("children's <x>") == "children's &lt;x&gt;"


def test_sources_are_numbered_anchored_and_escaped():
    answer = {"question": "training", "citations": [
        {"n": 1, "title": "<i>Plan</i>", "date": "2019", "page": 3, "source": "a<b>.txt", "text": EVIL,
         "chunk_id": "x"}]}
    out = sources_html(answer)
    assert 'id="source-1"' in out and "&lt;i&gt;Plan&lt;/i&gt;" in out and "a&lt;b&gt;.txt" in out
    assert "page 3" in out and "<script>" not in out
    assert sources_html({"citations": []}) == ""


@pytest.mark.parametrize("value, end, expected", [("2017", False, "2017-01-01"), ("2017", True, "2017-12-31"),
                                                  ("2017-09", True, "2017-09-31"), ("", False, None),
                                                  ("2017-09-30", False, "2017-09-30")])
def test_parse_date(value, end, expected):
    assert parse_date(value, end) == expected


def test_parse_date_rejects_words():
    with pytest.raises(ValueError, match="YYYY"):
        parse_date("last spring")


def test_filters_summary_says_what_is_active():
    assert filters_summary([], "", "").startswith("No filters")
    assert filters_summary(["a.txt"], "2019", "") == "Active filters: documents: a.txt; dates: 2019 to any"


def test_conversation_markdown_has_questions_answers_and_sources():
    md = conversation_markdown([{"question": "Who?", "answer": "Jane [1].", "citations": [
        {"n": 1, "title": "Plan", "date": "2019", "page": 2, "source": "p.txt", "text": "Jane leads it."}]}])
    assert "## Q: Who?" in md and "Jane [1]." in md and '[1] Plan (2019), page 2, `p.txt`: "Jane leads it."' in md
