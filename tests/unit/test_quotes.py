"""Quote extraction on small texts: quote marks, split quotes, reporting cues, anonymity, speakers."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def show(qs) -> str:
    return "; ".join(
        f"{q.text!r} <- {q.speaker.text if q.speaker else None} "
        f"({q.speaker.code if q.speaker else None}, anon={q.speaker.anonymous if q.speaker else None}, verb={q.verb})"
        for q in qs) or "no quotes"


def words(s: str) -> str:
    return s.strip().rstrip(",.").strip()


# ------------------------------------------------------------------ quote marks
@pytest.mark.parametrize("text", [
    '"We will not accept this decision," Japanese Foreign Minister Taro Kono said.',
    "\u201cWe will not accept this decision,\u201d Japanese Foreign Minister Taro Kono said.",
])
def test_straight_and_curly_quotes(quotes, text):
    qs = quotes(text, "2018-06-01")
    assert len(qs) == 1, show(qs)
    q = qs[0]
    assert words(q.text) == "We will not accept this decision"
    assert '"' not in q.text and "\u201c" not in q.text and "\u201d" not in q.text
    assert words(text[q.span[0]:q.span[1]]) == words(q.text)
    assert q.speaker is not None
    assert q.speaker.country == "JPN"
    assert q.speaker.code == "JPNGOV"
    assert q.speaker.anonymous is False
    assert q.verb == "say"
    assert q.sentence == text


def test_one_word_in_quote_marks_is_not_a_quote(quotes):
    qs = quotes('Kenya called the vote a "sham" on Monday.')
    assert qs == [], show(qs)


@pytest.mark.parametrize("text", [
    "\u201cThe border will stay open,\u201d the Kenyan foreign ministry added, \u201cand trade will continue.\u201d",
    "The Indian foreign ministry issued a statement. "
    "\u201cThe border will stay open,\u201d the ministry added, \u201cand trade will continue.\u201d",
])
def test_split_quote_has_one_speaker(quotes, text):
    qs = quotes(text)
    assert len(qs) == 2, show(qs)
    first, second = qs
    assert first.speaker is not None and second.speaker is not None, show(qs)
    assert first.speaker.code == second.speaker.code, show(qs)
    assert first.speaker.code in ("KENGOV", "INDGOV")
    assert first.verb == second.verb == "add", show(qs)


def test_second_half_of_split_quote(quotes):
    qs = quotes("\u201cThe border will stay open,\u201d the Kenyan foreign ministry added, "
                "\u201cand trade will continue.\u201d")
    assert len(qs) == 2, show(qs)
    assert qs[1].speaker is not None and qs[1].speaker.code == "KENGOV", show(qs)
    assert qs[1].verb == "add"


# ------------------------------------------------------------------ reporting cues
def test_said_before_quote(quotes):
    qs = quotes('Japanese Foreign Minister Taro Kono said "we will not accept this decision" on Monday.',
                "2018-06-01")
    assert len(qs) == 1, show(qs)
    assert qs[0].speaker.code == "JPNGOV"
    assert qs[0].verb == "say"


def test_told_reporters(quotes):
    qs = quotes('Kenyan President Uhuru Kenyatta told reporters "we want peace with our neighbours".')
    assert len(qs) == 1, show(qs)
    assert qs[0].speaker is not None and qs[0].speaker.code == "KENGOV", show(qs)
    assert qs[0].verb == "tell"
    assert "reporters" not in qs[0].speaker.text


def test_according_to(quotes):
    qs = quotes('The talks were "a waste of time", according to the Brazilian foreign minister.')
    assert len(qs) == 1, show(qs)
    assert qs[0].verb == "according to"
    assert qs[0].speaker.code == "BRAGOV"
    assert qs[0].speaker.anonymous is False


def test_colon_introduces_quote(quotes):
    qs = quotes('Kenyan President Uhuru Kenyatta told reporters: "We want peace with our neighbours."')
    assert len(qs) == 1, show(qs)
    assert qs[0].speaker.code == "KENGOV"


def test_bare_colon_speaker_is_the_phrase_before_it(quotes):
    qs = quotes('The Brazilian foreign minister: "The talks were a waste of time."')
    assert len(qs) == 1, show(qs)
    q = qs[0]
    assert q.verb == ":"
    assert q.speaker.code == "BRAGOV"
    assert "waste" not in q.speaker.text, q.speaker.text


def test_organisation_speaker(quotes):
    qs = quotes('The Kenyan government said "we will defend our borders."')
    assert len(qs) == 1, show(qs)
    assert qs[0].speaker.code == "KENGOV"
    assert qs[0].speaker.anonymous is False


def test_standalone_quote_inherits_previous_speaker(quotes):
    qs = quotes('"We will defend our borders," the Indian foreign minister said. '
                '"Nobody should doubt our resolve."')
    assert len(qs) == 2, show(qs)
    assert qs[0].speaker.code == "INDGOV"
    assert qs[1].speaker is not None and qs[1].speaker.code == "INDGOV", show(qs)


# ------------------------------------------------------------------ anonymity
@pytest.mark.parametrize("text", [
    '"The talks were a waste of time," an official who requested anonymity said.',
    '"The talks were a waste of time," a German official who requested anonymity said.',
    '"The talks were a waste of time," sources said.',
    '"The talks were a waste of time," Indian sources said.',
    '"The talks were a waste of time," an official said.',
])
def test_anonymous_sources(quotes, text):
    qs = quotes(text)
    assert len(qs) == 1, show(qs)
    assert qs[0].speaker is not None, show(qs)
    assert qs[0].speaker.anonymous is True, show(qs)


def test_anonymous_source_keeps_its_country(quotes):
    qs = quotes('"The talks were a waste of time," a German official who requested anonymity said.')
    assert qs[0].speaker.country == "DEU"
    assert qs[0].speaker.anonymous is True


@pytest.mark.parametrize("text", [
    '"The talks were a waste of time," a diplomat, speaking on condition of anonymity, said.',
    '"The talks were a waste of time," a Kenyan diplomat, speaking on condition of anonymity, said.',
])
def test_speaking_on_condition_of_anonymity(quotes, text):
    qs = quotes(text)
    assert len(qs) == 1, show(qs)
    assert qs[0].speaker is not None, show(qs)
    assert qs[0].speaker.anonymous is True, show(qs)


@pytest.mark.parametrize("text, published, code", [
    ('"The talks were a waste of time," the Indian foreign minister said.', "2019-03-15", "INDGOV"),
    ('"We will not accept this decision," Japanese Foreign Minister Taro Kono said.', "2018-06-01", "JPNGOV"),
])
def test_named_or_official_speaker_is_not_anonymous(quotes, text, published, code):
    qs = quotes(text, published)
    assert len(qs) == 1, show(qs)
    assert qs[0].speaker.code == code
    assert qs[0].speaker.anonymous is False


# ------------------------------------------------------------------ speakers by date
def test_leader_speaker_resolved_by_date(quotes):
    qs = quotes('"We will defend our borders," Modi told reporters.', "2019-03-15")
    assert len(qs) == 1, show(qs)
    assert qs[0].speaker.code == "INDGOV"
    assert qs[0].speaker.country == "IND"


def test_speaker_via_coreference(quotes):
    qs = quotes('The Indian foreign ministry issued a statement on Monday. '
                '"The border will stay open," the ministry said.')
    assert len(qs) == 1, show(qs)
    assert qs[0].speaker.code == "INDGOV"


def test_quote_ids_are_stable(quotes):
    text = '"We will defend our borders," the Indian foreign minister said.'
    assert [q.quote_id for q in quotes(text)] == [q.quote_id for q in quotes(text)]


def test_speaker_by_surname_after_a_titled_first_mention(quotes):
    text = ('Kenyan government spokesman Cyrus Oguna said the border would reopen. '
            '"We also ask Uganda to release the traders," Oguna said.')
    qs = quotes(text)
    assert qs and qs[-1].speaker is not None and qs[-1].speaker.country == "KEN", qs
