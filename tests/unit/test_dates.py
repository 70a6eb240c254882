"""Event dates from sentence words against the publication date (no spaCy model needed)."""
from __future__ import annotations

from datetime import date

import pytest

from dyad.dates import ResolvedDate, resolve_event_date

FRI = date(2026, 1, 9)  # a Friday
WED = date(2014, 3, 12)  # a Wednesday


def d(text: str, published: date | None = FRI, **kw) -> date | None:
    return resolve_event_date(text, published, **kw).date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maduro spoke to reporters on Friday.", date(2026, 1, 9)),  # the publication day itself
        ("Talks began Monday in Caracas.", date(2026, 1, 5)),
        ("The ministers met on Thursday.", date(2026, 1, 8)),
        ("Rebels attacked the town on Saturday.", date(2026, 1, 3)),
        ("He will visit on Monday.", date(2026, 1, 12)),
        ("Trump would be at the White House Friday.", date(2026, 1, 9)),  # future, same day matches
        ("The talks are set to resume Sunday.", date(2026, 1, 11)),
        ("They meet again next Monday.", date(2026, 1, 12)),
        ("They met last Friday.", date(2026, 1, 2)),
        ("On Monday, the president will travel to Caracas.", date(2026, 1, 12)),
        ("On Monday, the president said he will travel to Caracas.", date(2026, 1, 5)),
        ("He said yesterday that talks had failed.", date(2026, 1, 8)),
        ("Troops withdrew today.", date(2026, 1, 9)),
        ("Talks resume tomorrow.", date(2026, 1, 10)),
        ("The embassy closed last week.", date(2026, 1, 2)),
        ("Three days ago rebels attacked.", date(2026, 1, 6)),
        ("The attack happened on January 5.", date(2026, 1, 5)),
        ("The attack happened on 5 January.", date(2026, 1, 5)),
        ("It happened on Dec. 28.", date(2025, 12, 28)),  # the year that keeps it before publication
        ("The deal was signed on Jan 5, 2024.", date(2024, 1, 5)),
        ("The deal was signed on 2025-11-30.", date(2025, 11, 30)),
        ("The summit on Monday, Jan. 5, 2026 failed.", date(2026, 1, 5)),
    ],
)
def test_rules_published_friday(text: str, expected: date) -> None:
    r = resolve_event_date(text, FRI)
    assert r.date == expected
    assert r.source == "text"
    assert r.text and r.text in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maduro spoke to reporters on Wednesday.", date(2014, 3, 12)),
        ("Talks began Monday in Kyiv.", date(2014, 3, 10)),
        ("The ministers met on Thursday.", date(2014, 3, 6)),
        ("He will visit on Monday.", date(2014, 3, 17)),
        ("He will visit on Wednesday.", date(2014, 3, 12)),
        ("He said yesterday that talks had failed.", date(2014, 3, 11)),
        ("The attack happened on March 5.", date(2014, 3, 5)),
        ("It happened on Dec. 28.", date(2013, 12, 28)),
        ("The talks will be held on March 20.", date(2014, 3, 20)),
        ("The vote is scheduled for Jan. 4.", date(2015, 1, 4)),  # future tense: the next Jan. 4
    ],
)
def test_rules_published_wednesday(text: str, expected: date) -> None:
    assert d(text, WED) == expected


def test_no_date_gives_published() -> None:
    assert resolve_event_date("Officials met in Caracas.", FRI) == ResolvedDate(FRI, "published", None)


def test_no_date_no_published() -> None:
    assert resolve_event_date("Officials met in Caracas.", None) == ResolvedDate(None, "none", None)


@pytest.mark.parametrize(
    "text",
    [
        "The border has been closed since 2019.",
        "In 2019 the talks failed.",
        "Prices rose last month.",
        "The economy shrank last year.",
        "Rebels may attack again.",  # "may" is not the month
    ],
)
def test_vague_or_year_only_is_not_an_event_date(text: str) -> None:
    r = resolve_event_date(text, FRI)
    assert (r.date, r.source) == (FRI, "published")


def test_relative_words_need_a_publication_date() -> None:
    assert resolve_event_date("They met on Monday.", None).source == "none"
    assert resolve_event_date("They met on Jan. 5.", None).source == "none"  # no year: not invented
    assert d("They met on Jan 5, 2024.", None) == date(2024, 1, 5)


def test_date_spans_are_used_instead_of_scanning() -> None:
    text = "Yesterday officials said the attack took place on Monday."
    assert d(text, FRI, date_spans=["Monday"]) == date(2026, 1, 5)
    assert d(text, FRI) == date(2026, 1, 8)  # scanning finds "Yesterday" first
    # Tense comes from the sentence around the span.
    assert d("He will visit on Monday.", FRI, date_spans=["Monday"]) == date(2026, 1, 12)
    # A span that is only a year gives nothing.
    r = resolve_event_date("The border has been closed since 2019.", FRI, date_spans=["2019"])
    assert (r.date, r.source) == (FRI, "published")
    assert d("x", FRI, date_spans=["last week"]) == date(2026, 1, 2)


@pytest.mark.parametrize("text, published, expected", [
    # the weekday names the year: November 19 was a Wednesday in 2014, not in 2016 or 2013
    ("Fighters join forces in Kismayo on Wednesday, November 19.", date(2016, 3, 1), date(2014, 11, 19)),
    ("Fighters join forces in Kismayo on Wednesday, November 19.", date(2013, 3, 14), date(2014, 11, 19)),
    ("Ruto announced his bid on Monday, April 13, a day after Odinga.", date(2015, 3, 4), date(2015, 4, 13)),
    # a weekday that agrees with the usual year changes nothing
    ("The minister met him on Friday, March 15.", date(2019, 3, 16), date(2019, 3, 15)),
    ("The minister met him on March 15.", date(2016, 3, 16), date(2016, 3, 15)),
])
def test_a_weekday_before_a_date_without_a_year_picks_the_year(text, published, expected):
    assert resolve_event_date(text, published).date == expected
