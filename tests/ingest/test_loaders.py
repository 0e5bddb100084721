"""Each loader on a real file of its type, made in the test."""
import docx
import pytest

from ingest.documents import load_document
from ingest.loaders import LoadError
from pdfmaker import make_pdf


def test_pdf_pages_are_kept(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(make_pdf(["Board minutes\nWednesday 2 March 2022", "Jane Example leads training.",
                               "Third page text here."]))
    doc = load_document(path, tmp_path)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert "Jane Example leads training." in doc.pages[1].text
    assert doc.period.start == "2022-03-02"
    assert doc.source == "minutes.pdf" and len(doc.sha256) == 64


def test_text_and_markdown(tmp_path):
    (tmp_path / "notes.md").write_text("# Induction notes\n\nThe plan runs April 2021 to March 2024.\n")
    doc = load_document(tmp_path / "notes.md", tmp_path)
    assert doc.title == "Induction notes"
    assert (doc.period.start, doc.period.end) == ("2021-04-01", "2024-03-31")
    (tmp_path / "win.txt").write_bytes("Caf\u00e9 \u2013 children\u2019s plan".encode("cp1252"))
    assert "Café – children’s plan" in load_document(tmp_path / "win.txt", tmp_path).text
    (tmp_path / "utf16.txt").write_bytes("Children’s plan in UTF-16".encode("utf-16"))
    assert "Children’s plan in UTF-16" in load_document(tmp_path / "utf16.txt", tmp_path).text


def test_html_keeps_visible_text_only(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Board page</title><style>p{color:red}</style></head><body>"
        "<script>alert('x')</script><h1>Agenda</h1><p>Apologies for absence</p></body></html>")
    doc = load_document(tmp_path / "page.html", tmp_path)
    assert "Apologies for absence" in doc.text and "Agenda" in doc.text
    assert "alert" not in doc.text and "color" not in doc.text
    assert doc.title == "Board page"


def test_docx_paragraphs_and_tables(tmp_path):
    document = docx.Document()
    document.add_heading("Workforce action plan", level=1)
    document.add_paragraph("This plan covers January 2020 to December 2021.")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Challenge", "Timescale", "Lead"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Deliver training", "March 2021", "Jane Example"]):
        cell.text = text
    document.save(tmp_path / "plan.docx")
    doc = load_document(tmp_path / "plan.docx", tmp_path)
    assert "Challenge\tTimescale\tLead" in doc.text
    assert doc.period.end == "2021-12-31"


def test_unreadable_files_raise_a_load_error_naming_the_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    for name in ("empty.txt", "junk.pdf", "sheet.xlsx"):
        with pytest.raises(LoadError) as err:
            load_document(tmp_path / name, tmp_path)
        assert name in str(err.value)
