"""Dates and periods read from document text."""
from ingest.dates import find_period, parse_period, title_year


def test_the_three_period_shapes_of_the_seeds():
    assert find_period("Updated Action Plan for September 2017 to December 2019") == \
        find_period("September 2017 to December 2019")
    p = find_period("Updated Action Plan for September 2017 to December 2019")
    assert (p.start, p.end) == ("2017-09-01", "2019-12-31")
    p = find_period("Date: Wednesday 25 September 2013\nTime: 4.00pm")
    assert (p.start, p.end, p.text) == ("2013-09-25", "2013-09-25", "Wednesday 25 September 2013")
    p = find_period("Children's Improvement and Change Portfolio – July - September 2020 Update")
    assert (p.start, p.end) == ("2020-07-01", "2020-09-30")
    p = find_period("OUR WORKFORCE STRATEGY 2010 – 2014")
    assert (p.start, p.end) == ("2010-01-01", "2014-12-31")


def test_no_date_and_catalogue_dates():
    assert find_period("It takes a city to raise a child").start is None
    assert parse_period("2016").start == "2016-01-01"
    assert parse_period("2013/14").end == "2014-12-31"


def test_a_single_year_in_a_title_dates_an_otherwise_undated_document():
    from ingest.catalog import CatalogEntry
    from ingest.documents import build_document

    assert (title_year("Forest School Note 2022").start, title_year("Forest School Note 2022").end) == \
        ("2022-01-01", "2022-12-31")
    assert title_year("Plan 2016 and Review 2018").start is None and title_year("No year").start is None
    doc = build_document("note.txt", b"x", ["Safeguarding Escalation Protocol 2021\n\nWhen a practitioner "
                                            "disagrees, they should escalate it."], CatalogEntry())
    assert doc.period.start == "2021-01-01" and doc.period.sort_key() == "2021-12-31"


def test_months_named_with_their_year_compare_in_order():
    from ingest.dates import month_count, months_named

    assert months_named("booked between July and December 2020, and in Jan 2021") == [
        month_count(2020, "December"), month_count(2021, "January")]
    assert month_count(2019, "April") < month_count(2020, "March") < month_count(2020, "August")
    assert months_named("in 2019/20") == []
