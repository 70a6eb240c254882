"""Actor resolution (DocActors) on small texts: countries, demonyms, capitals, roles, institutions,
leaders by date, apposition, coreference, media outlets and bare nationalities."""
from __future__ import annotations

from datetime import date

import pytest

from dyad.actors.resolver import DocActors

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolve(pipeline):
    """resolve(text, published) -> a function word -> Actor | None for the n-th occurrence of a word."""

    def _resolve(text: str, published: str | None = "2019-03-15"):
        doc = pipeline.nlp(text)
        actors = DocActors(doc, date.fromisoformat(published) if published else None)

        def at(word: str, nth: int = 0):
            hits = [t for t in doc if t.text == word]
            assert len(hits) > nth, f"{word!r} not in {text!r}"
            return actors.actor_at(hits[nth])

        at.all = lambda: [a for t in doc if (a := actors.actor_at(t)) is not None]  # type: ignore[attr-defined]
        return at

    return _resolve


def _code(actor) -> str | None:
    return actor.code if actor is not None else None


# ------------------------------------------------------------------ countries, demonyms, capitals
@pytest.mark.parametrize("text, word, country", [
    ("Japan protested to China on Monday.", "Japan", "JPN"),
    ("Japan protested to China on Monday.", "China", "CHN"),
    ("Brazil and Argentina held talks.", "Argentina", "ARG"),
    ("Kenya criticized Uganda.", "Uganda", "UGA"),
])
def test_country_name_is_the_country(resolve, text, word, country):
    a = resolve(text)(word)
    assert a is not None
    assert a.country == country
    assert a.code == country
    assert a.roles == []


@pytest.mark.parametrize("text, word, code", [
    ("Kenyan officials met Ugandan officials.", "officials", "KENGOV"),
    ("Indian officials visited Nepal.", "officials", "INDGOV"),
])
def test_demonym_modifier_gives_country_of_role(resolve, text, word, code):
    assert _code(resolve(text)(word)) == code


def test_second_demonym_in_sentence_is_its_own_country(resolve):
    at = resolve("Kenyan officials met Ugandan officials.")
    assert _code(at("officials", 0)) == "KENGOV"
    assert _code(at("officials", 1)) == "UGAGOV"


@pytest.mark.parametrize("text, word, country", [
    ("Talks between Tokyo and Seoul resumed.", "Tokyo", "JPN"),
    ("Talks between Tokyo and Seoul resumed.", "Seoul", "KOR"),
    ("Nairobi accused Kampala of supporting rebels.", "Nairobi", "KEN"),
    ("Nairobi accused Kampala of supporting rebels.", "Kampala", "UGA"),
])
def test_capital_as_metonym_is_the_country(resolve, text, word, country):
    a = resolve(text)(word)
    assert a is not None
    assert a.country == country
    assert a.how == "capital"


# ------------------------------------------------------------------ role nouns
@pytest.mark.parametrize("text, word, code", [
    ("The Kenyan government criticized Uganda.", "government", "KENGOV"),
    ("The Indian ministry of defence issued a statement.", "ministry", "INDGOV"),
    ("The Ugandan army crossed the border.", "army", "UGAMIL"),
    ("Kenyan police arrested Ugandan activists.", "police", "KENCOP"),
    ("Kenyan police arrested Ugandan activists.", "activists", "UGACVL"),
    ("Congolese rebels attacked a village.", "rebels", "CODREB"),
    ("The Zimbabwean opposition condemned the vote.", "opposition", "ZWEOPP"),
    ("Iran's army held drills.", "army", "IRNMIL"),
    ("The government of Brazil rejected the plan.", "government", "BRAGOV"),
])
def test_role_nouns_get_role_codes(resolve, text, word, code):
    assert _code(resolve(text)(word)) == code


def test_role_noun_without_any_country_is_not_an_actor(resolve):
    # nothing in the text says whose government this is
    assert resolve("The government rejected the plan.")("government") is None


# ------------------------------------------------------------------ named institutions
@pytest.mark.parametrize("text, word, code", [
    ("The Kremlin criticized the Pentagon.", "Kremlin", "RUSGOV"),
    ("The Kremlin criticized the Pentagon.", "Pentagon", "USAMIL"),
    ("The White House welcomed the decision.", "House", "USAGOV"),
    ("The Bundestag approved the budget.", "Bundestag", "DEULEG"),
])
def test_named_institutions_have_fixed_codes(resolve, text, word, code):
    a = resolve(text)(word)
    assert _code(a) == code
    assert a.how == "institution"


@pytest.mark.parametrize("text, word, code", [
    ("The Justice Department charged two Kenyans.", "Department", "USAGOV"),
    ("The DHS deported two Kenyans.", "DHS", "USAGOV"),
    ("The NSA spied on Kenya.", "NSA", "USAGOVSPY"),
])
def test_us_federal_bodies_name_their_country(resolve, text, word, code):
    assert _code(resolve(text)(word)) == code


US_LEAD = "President Joe Biden spoke in Washington about the U.S. economy and the United States' allies. "


@pytest.mark.parametrize("sentence, word, code", [
    ("The Senate condemned Kenya.", "Senate", "USALEG"),
    ("The House voted to sanction Kenya.", "House", "USALEG"),
    ("The House Foreign Affairs Committee condemned Kenya.", "Committee", "USALEG"),
    ("Republican lawmakers condemned Kenya.", "lawmakers", "USALEG"),
    ("Democrats criticized Biden.", "Democrats", "USAPTY"),
])
def test_congress_and_parties_are_american_in_an_article_about_the_us(resolve, sentence, word, code):
    assert _code(resolve(US_LEAD + sentence, "2022-03-15")(word)) == code


@pytest.mark.parametrize("text, word", [
    # an article about another country: its senate, its democrats are not American
    ("Kenya's president spoke in Nairobi. Kenyan lawmakers and Kenya's courts disagreed. "
     "The Senate rejected the bill, a U.S. diplomat said.", "Senate"),
    ("Kenya's president spoke in Nairobi about Kenya. Kenyan voters went to the polls. "
     "The Democrats won, a U.S. diplomat said.", "Democrats"),
    # an ordinary house is no chamber of Congress
    (US_LEAD + "A rocket hit a house in Kabul.", "house"),
])
def test_congress_words_are_not_american_elsewhere(resolve, text, word):
    assert resolve(text, "2022-03-15")(word) is None


def test_a_cased_name_inside_a_longer_name_is_not_congress(resolve):
    at = resolve(US_LEAD + "Blinken visited the Park Hwa Guest House. Liberal Democrats criticized Kenya. "
                 "House Democrats criticized Kenya.", "2022-03-15")
    assert at("House", 0) is None
    assert at("Democrats", 0) is None
    assert _code(at("Democrats", 1)) == "USAPTY"


def test_a_leader_of_a_chamber_is_a_legislator(resolve):
    at = resolve(US_LEAD + "Senate Democratic Leader Chuck Schumer criticized Kenya.", "2022-03-15")
    assert _code(at("Schumer")) == "USALEG"


def test_intelligence_officers_are_spies(resolve):
    assert _code(resolve("Twelve Russian intelligence officers hacked Kenya.")("officers")) == "RUSSPY"


def test_an_intelligence_committee_is_the_legislature(resolve):
    at = resolve(US_LEAD + "The Senate Intelligence Committee blamed Kenya.", "2022-03-15")
    assert _code(at("Committee")) == "USALEG"


def test_a_senator_is_placed_by_his_title_not_by_the_story(resolve):
    at = resolve(US_LEAD + "Senate Foreign Relations chairman Bob Corker criticized Kenya. "
                 "Republican Sen. Lindsey Graham criticized Kenya.", "2022-03-15")
    assert _code(at("Corker")) == "USALEG"
    assert _code(at("Graham")) == "USALEG"
    # a story about North Korea: an unplaced senator is not North Korean
    nk = resolve("North Korea fired a missile, North Korea's state media said. Pyongyang defended the test. "
                 "Sen. Lindsey Graham said he spoke with the president.", "2022-03-15")
    assert nk("Graham") is None or nk("Graham").country != "PRK"


def test_a_chairman_takes_the_role_of_what_he_chairs(resolve):
    at = resolve(US_LEAD + "The chairman of the House Foreign Affairs Committee condemned Kenya. "
                 "Kenyan Joint Chiefs Chairman Gen. Robert Kibochi replied.", "2022-03-15")
    assert _code(at("chairman")) == "USALEG"
    assert "GOV" not in (at("Kibochi").code or "") if at("Kibochi") else True


def test_a_party_word_is_american_only_where_the_us_leads(resolve):
    # an article that names Canada three times and the US twice: "New Democrat" is a Canadian party
    at = resolve("Canada's prime minister spoke in Ottawa about Canada. New Democrat leader Jagmeet Singh "
                 "congratulated him, a U.S. official said, citing the U.S. embassy.", "2022-03-15")
    assert at("Singh") is None or at("Singh").country != "USA"


def test_a_former_office_holder_named_by_title_is_an_elite_not_the_state(resolve):
    # ('future."Former': a quote run into the next sentence is one token with its word)
    at = resolve("\"We will deal with it for the foreseeable future.\"Former Kenyan Foreign Minister Amina "
                 "Mohamed criticized Uganda. "
                 "Ex-Kenyan Defence Minister Raphael Tuju met Ugandan officials. "
                 "Kenyan Foreign Minister Raychelle Omamo replied.", "2022-03-15")
    assert _code(at("Mohamed")) == "KENELI"
    assert _code(at("Tuju")) == "KENELI"
    assert _code(at("Omamo")) == "KENGOV"  # in office: the state


def test_intergovernmental_organisation(resolve):
    a = resolve("The United Nations criticized Iran.")("Nations")
    assert _code(a) == "IGOUNO"
    assert a.country is None


# ------------------------------------------------------------------ leaders by date
def test_leader_resolved_by_article_date(resolve):
    a = resolve("Merkel met Macron in Berlin.", "2015-06-01")("Merkel")
    assert a is not None
    assert (a.country, a.code, a.kind) == ("DEU", "DEUGOV", "person")
    assert a.name == "Angela Merkel"
    assert a.how == "leader-table"


def test_leader_in_office_on_the_date(resolve):
    a = resolve("Obama visited Germany.", "2012-06-01")("Obama")
    assert _code(a) == "USAGOV"


def test_former_leader_is_not_coded_as_government(resolve):
    # in 2023 Obama holds no office: he must not be coded as the US government
    a = resolve("Obama visited Germany.", "2023-06-01")("Obama")
    assert a is None or a.code != "USAGOV"
    assert a is None or a.how != "leader-table"


def test_same_leader_name_changes_with_date(resolve):
    before = resolve("Abe visited India.", "2015-01-01")("Abe")
    after = resolve("Abe visited India.", "2022-01-01")("Abe")
    assert _code(before) == "JPNGOV"
    assert _code(after) != "JPNGOV"


# ------------------------------------------------------------------ apposition and titles
def test_apposition_gives_the_envoys_country_not_the_host(resolve):
    at = resolve("The top Japanese envoy in Kenya, Taro Yamada, visited Mombasa on Tuesday.")
    a = at("Yamada")
    assert a is not None
    assert a.country == "JPN"
    assert "DIP" in a.roles or "GOV" in a.roles
    assert a.kind == "person"


def test_title_before_name_gives_country(resolve):
    a = resolve("Kenyan President Uhuru Kenyatta told reporters that Uganda had closed the border.")("Kenyatta")
    assert _code(a) == "KENGOV"


# ------------------------------------------------------------------ coreference
def test_definite_ministry_refers_back(resolve):
    at = resolve("The Indian foreign ministry criticized Pakistan on Monday. The ministry said talks would continue.")
    first, second = at("ministry", 0), at("ministry", 1)
    assert _code(first) == "INDGOV"
    assert _code(second) == "INDGOV"
    assert second.how == "coref"


def test_pronoun_refers_to_leader(resolve):
    at = resolve("Putin arrived in Ankara on Monday. He met Turkish officials.")
    assert _code(at("Putin")) == "RUSGOV"
    he = at("He")
    assert _code(he) == "RUSGOV"
    assert he.how == "coref"
    assert _code(at("officials")) == "TURGOV"


def test_surname_refers_back_to_full_name(resolve):
    at = resolve("Kenyan President Uhuru Kenyatta arrived in Kampala. Kenyatta met Ugandan officials.")
    assert _code(at("Kenyatta", 1)) == "KENGOV"


# ------------------------------------------------------------------ media, nationalities
@pytest.mark.parametrize("text, outlet", [
    ("Kenyan President Uhuru Kenyatta told Reuters that Uganda had closed the border.", "Reuters"),
    ("Indian officials told the BBC that talks had failed.", "BBC"),
])
def test_media_outlet_is_never_an_actor(resolve, text, outlet):
    at = resolve(text)
    assert at(outlet) is None
    assert all(outlet not in a.text for a in at.all())


def test_bare_nationality_is_a_civilian(resolve):
    a = resolve("An American was arrested in Moscow on Tuesday.")("American")
    assert a is not None
    assert a.code == "USACVL"
    assert a.roles == ["CVL"]


@pytest.mark.xfail(reason="'Ugandan' is parsed PROPN/compound (ent PERSON), so the amod/ADJ guard for demonyms "
                          "misses it and it resolves to UGACVL", strict=True)
def test_demonym_as_modifier_is_not_a_separate_civilian(resolve):
    # "Ugandan" in "the Ugandan army" only says whose army it is; it is not a Ugandan civilian
    at = resolve("The Kenyan government criticized the Ugandan army.")
    assert _code(at("army")) == "UGAMIL"
    assert all(a.code != "UGACVL" for a in at.all())


def test_eu_leaders_carry_the_eu_code(code):
    events = code("Jean-Claude Juncker criticized Hungary on Monday.", published="2017-06-01")
    assert [(e.source.code, e.source.country) for e in events] == [("IGOEUREEC", None)]
