"""Event coding on small texts: one sentence per CAMEO root family, modality, negation, compound
actors, dates, locations and provenance."""
from __future__ import annotations

import pytest

from dyad.coding.cameo import cameo_table

pytestmark = pytest.mark.model


def show(events) -> str:
    return "; ".join(
        f"{e.cameo} {e.source.code if e.source else None}->{e.target.code if e.target else None} "
        f"[{e.modality}, {e.pattern_id}]" for e in events) or "no events"


def dyads(events) -> set[tuple[str, str | None, str | None]]:
    return {(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in events}


def one(events, cameo: str):
    hits = [e for e in events if e.cameo == cameo]
    assert len(hits) == 1, f"expected one {cameo} event, got: {show(events)}"
    return hits[0]


# ------------------------------------------------------------------ one sentence per root family
FAMILIES = [
    # (sentence, cameo, source, target)
    ("Germany urged Iran to return to talks.", "020", "DEU", "IRN"),
    ("Japan pledged aid to Kenya.", "033", "JPN", "KEN"),
    ("Japan's prime minister visited Nairobi on Tuesday.", "042", "JPNGOV", "KEN"),
    ("India's prime minister met Japan's prime minister in Tokyo.", "040", "INDGOV", "JPNGOV"),
    ("Kenya's president hosted the Japanese prime minister.", "043", "KENGOV", "JPNGOV"),
    ("The Brazilian president praised Argentina.", "051", "BRAGOV", "ARG"),
    ("Brazil signed a trade agreement with Argentina.", "057", "BRA", "ARG"),
    ("India apologized to Nepal.", "055", "IND", "NPL"),
    ("Japan shared intelligence with India.", "064", "JPN", "IND"),
    ("Japan sent humanitarian aid to Kenya.", "073", "JPN", "KEN"),
    ("Iran released two British prisoners.", "0841", "IRN", "GBRCVL"),
    ("Turkey investigated the German embassy.", "090", "TUR", "DEUGOVDIP"),
    ("The German government condemned Iran.", "111", "DEUGOV", "IRN"),
    ("Iran accused Germany of spying.", "112", "IRN", "DEU"),
    ("Iran rejected the proposal from Germany.", "120", "IRN", "DEU"),
    ("Russia threatened military action against Ukraine.", "138", "RUS", "UKR"),
    ("Kenyan students protested against the Ugandan government.", "141", "KENEDU", "UGAGOV"),
    ("The Pentagon deployed troops near the Russian border.", "150", "USAMIL", "RUS"),
    ("Germany expelled two Russian diplomats.", "161", "DEU", "RUSGOVDIP"),
    ("India cut aid to Nepal.", "162", "IND", "NPL"),
    ("India imposed sanctions on Pakistan.", "163", "IND", "PAK"),
    ("Kenyan police arrested Ugandan activists.", "173", "KENCOP", "UGACVL"),
    ("Russian forces attacked Ukrainian soldiers.", "190", "RUSMIL", "UKRMIL"),
    ("Kenya invaded Uganda.", "192", "KEN", "UGA"),
    ("Russian soldiers shot Ukrainian civilians.", "193", "RUSMIL", "UKRCVL"),
]


@pytest.mark.parametrize("text, cameo, source, target", FAMILIES, ids=[f[1] for f in FAMILIES])
def test_root_family(code, text, cameo, source, target):
    events = code(text)
    assert (cameo, source, target) in dyads(events), show(events)
    ev = one(events, cameo)
    assert ev.root == cameo[:2]
    assert ev.modality == "asserted"


def test_shelling_positions(code):
    events = code("Russian forces shelled Ukrainian positions on Wednesday.")
    ev = one(events, "194")
    assert ev.source.code == "RUSMIL"
    assert ev.target is not None and ev.target.country == "UKR"


def test_arrest_of_domestic_opposition(code):
    events = code("Kenyan police arrested opposition activists.")
    ev = one(events, "173")
    assert ev.source.code == "KENCOP"


def test_joint_agreement_between_conjoined_subjects(code):
    events = code("Brazil and Argentina signed a trade agreement.")
    pairs = {(e.source.code, e.target.code if e.target else None) for e in events if e.cameo == "057"}
    assert ("BRA", "ARG") in pairs or ("ARG", "BRA") in pairs, show(events)


def test_talks_between_conjoined_subjects(code):
    events = code("Japan and Kenya held talks in Nairobi.")
    pairs = {(e.source.code, e.target.code if e.target else None) for e in events if e.cameo == "040"}
    assert ("JPN", "KEN") in pairs or ("KEN", "JPN") in pairs, show(events)


def test_protest_with_partitive_subject(code):
    events = code("Thousands of Kenyan protesters demonstrated against the government in Nairobi.")
    assert ("141", "KENCVL", "KENGOV") in dyads(events), show(events)


def test_seizure_of_foreign_ship(code):
    events = code("Iran seized a British tanker.")
    ev = one(events, "1711")
    assert ev.source.code == "IRN"
    assert ev.target is not None and ev.target.country == "GBR"


# ------------------------------------------------------------------ the code table
def test_cameo_fields_come_from_the_table(code):
    ev = one(code("The German government condemned Iran."), "111")
    row = cameo_table().get("111")
    assert isinstance(ev.cameo, str)
    assert (ev.cameo_name, ev.goldstein, ev.quad_class, ev.plover, ev.plover_mode) == \
        (row.name, row.goldstein, row.quad_class, row.plover, row.plover_mode)
    assert ev.quad_class == 3
    assert ev.goldstein < 0


def test_cameo_code_keeps_leading_zero(code):
    ev = one(code("Japan's prime minister visited Nairobi on Tuesday."), "042")
    assert ev.cameo == "042"
    assert ev.root == "04"
    assert ev.quad_class == 1
    assert ev.goldstein == cameo_table().get("042").goldstein > 0


# ------------------------------------------------------------------ modality
def test_will_visit_is_planned_intent(code):
    events = code("Japan's prime minister will visit Kenya next week.")
    assert not [e for e in events if e.cameo == "042"], show(events)
    ev = one(events, "036")
    assert ev.modality == "planned"
    assert (ev.source.code, ev.target.code) == ("JPNGOV", "KEN")


@pytest.mark.parametrize("text, source", [
    ("Japan's prime minister plans to visit Kenya.", "JPNGOV"),
    ("Japan is considering visiting Kenya.", "JPN"),
])
def test_announced_visit_is_intent(code, text, source):
    events = code(text)
    assert not [e for e in events if e.cameo == "042"], show(events)
    ev = one(events, "036")
    assert ev.cameo.startswith("03")
    assert ev.modality == "announced"
    assert (ev.source.code, ev.target.code) == (source, "KEN")


@pytest.mark.parametrize("text, forbidden", [
    ("Russia did not attack Ukraine.", "19"),
    ("Russian forces did not attack Ukrainian soldiers.", "19"),
    ("The Indian prime minister refused to meet the Pakistani prime minister.", "04"),
    ("India refused to meet Pakistan.", "04"),
    ("Germany did not condemn Iran.", "11"),
])
def test_negated_action_is_not_coded(code, text, forbidden):
    events = code(text)
    assert not [e for e in events if e.root == forbidden], show(events)


@pytest.mark.parametrize("text", [
    "Russia could attack Ukraine.",
    "India might attack Pakistan.",
])
def test_hypothetical_attack_is_not_a_fight_event(code, text):
    events = code(text)
    assert not [e for e in events if e.root in ("18", "19", "20")], show(events)
    assert all(e.modality == "hypothetical" for e in events), show(events)


@pytest.mark.parametrize("text, appeal, not_done", [
    ("Germany urged Iran to release the prisoners.", "0253", "08"),
    ("Japan urged North Korea to halt missile tests.", "020", "08"),
])
def test_urged_action_is_not_asserted(code, text, appeal, not_done):
    events = code(text)
    assert [e for e in events if e.cameo == appeal], show(events)
    assert not [e for e in events if e.root == not_done and e.modality == "asserted"], show(events)


@pytest.mark.xfail(reason="target of the conditional sanctions is taken from the nearest country (Ukraine), "
                          "giving 132 DEU->UKR", strict=True)
def test_conditional_sanctions_target_the_aggressor(code):
    events = code("If Russia attacks Ukraine, Germany will impose sanctions.")
    assert not [e for e in events if e.root == "19"], show(events)
    assert ("132", "DEU", "RUS") in dyads(events), show(events)


# ------------------------------------------------------------------ compound actors
def test_each_conjoined_subject_gets_its_own_event(code):
    events = code("France, Germany and Italy condemned Iran.")
    assert dyads(events) == {("111", "FRA", "IRN"), ("111", "DEU", "IRN"), ("111", "ITA", "IRN")}, show(events)
    assert len({e.event_id for e in events}) == 3


def test_conjoined_targets_each_get_an_event(code):
    events = code("Germany offered to mediate between Iran and Britain.")
    targets = {e.target.code for e in events if e.source and e.source.code == "DEU"}
    assert {"IRN", "GBR"} <= targets, show(events)


# ------------------------------------------------------------------ dates
def test_weekday_resolves_against_published_date(code):
    ev = one(code("Japan's prime minister visited Kenya on Monday."), "042")  # published Fri 2019-03-15
    assert ev.date == "2019-03-11"
    assert ev.date_source == "text"
    assert ev.published == "2019-03-15"


def test_next_week_resolves_forward(code):
    ev = one(code("Japan's prime minister will visit Kenya next week."), "036")
    assert ev.date is not None and ev.date > "2019-03-15"
    assert ev.date_source == "text"


def test_no_date_in_sentence_falls_back_to_published(code):
    ev = one(code("Japan's prime minister visited Kenya."), "042")
    assert ev.date == "2019-03-15"
    assert ev.date_source == "published"


def test_date_is_per_sentence(code):
    events = code("The Indian foreign ministry condemned Pakistan on Monday. The ministry also criticized Nepal.")
    by_target = {e.target.code: e for e in events if e.cameo == "111"}
    assert by_target["PAK"].date == "2019-03-11"
    assert by_target["NPL"].date_source == "published"


# ------------------------------------------------------------------ locations
def test_visit_is_located_at_the_city_visited(code):
    ev = one(code("Japan's prime minister visited Nairobi on Tuesday."), "042")
    assert ev.location is not None
    assert ev.location.country == "KEN"
    assert ev.location.lat == pytest.approx(-1.28, abs=0.05)
    assert ev.location.lon == pytest.approx(36.8, abs=0.1)


def test_explicit_place_phrase_gives_location(code):
    ev = one(code("The German government condemned Iran in Berlin on Monday."), "111")
    assert ev.location is not None
    assert ev.location.name == "Berlin"
    assert ev.location.country == "DEU"


def test_target_of_condemnation_is_not_its_location(code):
    ev = one(code("The German government condemned Iran."), "111")
    assert ev.location is None or ev.location.country != "IRN", ev.location


def test_compound_subject_events_are_not_located_in_another_subjects_country(code):
    events = code("France, Germany and Italy condemned Iran.")
    for e in events:
        if e.location is not None:
            assert e.location.country in (e.source.country, e.target.country), (e.source.code, e.location)


# ------------------------------------------------------------------ provenance
TEXT = ("Kenya and Uganda share a long border. Japan's prime minister visited Nairobi on Tuesday. "
        "The German government condemned Iran.")


def test_provenance_points_back_into_the_article(code):
    events = code(TEXT)
    assert events
    for ev in events:
        start, end = ev.span
        assert TEXT[start:end] == ev.sentence
        assert ev.trigger_span is not None
        assert TEXT[ev.trigger_span[0]:ev.trigger_span[1]] == ev.trigger
        assert ev.pattern_id
        assert 0 < ev.confidence <= 1
        assert ev.article_id == "test-article"
    visit = one(events, "042")
    assert visit.sentence == "Japan's prime minister visited Nairobi on Tuesday."
    assert visit.sentence_index == 1
    assert visit.trigger == "visited"
    assert visit.source.start is not None and TEXT[visit.source.start:visit.source.end] == visit.source.text


def test_event_ids_are_stable_across_runs(code):
    first = [e.event_id for e in code(TEXT)]
    second = [e.event_id for e in code(TEXT)]
    assert first == second
    assert len(set(first)) == len(first)


def test_media_outlet_is_not_a_target(code):
    events = code("Russia attacked Ukraine, Russian officials told Reuters.")
    assert ("190", "RUS", "UKR") in dyads(events), show(events)
    for e in events:
        for a in (e.source, e.target):
            assert a is None or "Reuters" not in a.text


def test_leader_event_by_date(code):
    assert ("042", "USAGOV", "DEU") in dyads(code("Obama visited Germany.", "2012-06-01"))
    later = code("Obama visited Germany.", "2023-06-01")
    assert not [e for e in later if e.source and e.source.code == "USAGOV"], show(later)


# ------------------------------------------------------------------ disambiguation by object and context
@pytest.mark.parametrize("text, expected", [
    ("Iran fired missiles at Israel on Monday.", {("195", "IRN", "ISR")}),
    ("The Iranian president fired the defense minister on Monday.", set()),
    ("Pakistan called for talks with India on Monday.", {("026", "PAK", "IND")}),
    ("Pakistan called on the UN to intervene on Monday.", {("020", "PAK", "IGOUNO")}),
    ("Egypt called off talks with Ethiopia on Monday.", {("164", "EGY", "ETH")}),
])
def test_same_verb_different_events(code, text, expected):
    events = code(text)
    assert dyads(events) == expected, show(events)


def test_yaml_booleans_in_word_lists_are_refused(tmp_path):
    from dyad.coding.patterns import load_patterns
    from dyad.errors import DataFileError

    bad = tmp_path / "p.yaml"
    bad.write_text('patterns:\n  - {id: x, verbs: [call], prep: [on], cameo: "020", target: [prep:on]}\n')
    with pytest.raises(DataFileError, match="quote them"):
        load_patterns(bad)


@pytest.mark.parametrize("text, expected", [
    ("Kenyan protesters stormed the Ugandan embassy in Nairobi on Tuesday.", "145"),  # violent protest, not war
    ("A Russian drone strike killed a Ukrainian commander near Kherson on Monday.", "195"),  # aerial weapons
])
def test_who_did_it_sets_the_code(code, text, expected):
    events = code(text)
    assert [e.cameo for e in events] == [expected], show(events)


@pytest.mark.parametrize("text", [
    "No Kenyan soldiers were killed in the attack on Monday.",
    "Japan is highly unlikely to recognize the Russian annexation of the islands.",
])
def test_negated_by_determiner_or_adjective(code, text):
    assert code(text) == []


def test_weapon_of_a_passive_killing_names_the_code(code):
    events = code("Two Kenyan soldiers were killed by a roadside bomb in Somalia on Monday.")
    assert dyads(events) == {("1833", None, "KENMIL")}, show(events)


@pytest.mark.parametrize("text", [
    "Kenyan troops are fighting side by side with their Ugandan partners in Somalia.",
    "I do not see Russia attacking Ukraine this year.",
    "The Kenyan foreign ministry warned Kenyans to avoid travel to Somalia.",
])
def test_allies_negated_views_and_advisories_are_not_events(code, text):
    events = code(text)
    assert not [e for e in events if e.root in ("13", "18", "19")], show(events)


def test_hit_with_sanctions_is_not_force(code):
    events = code("The European Union hit Belarus with a series of new sanctions on Monday.")
    assert [e.root for e in events] == ["16"], show(events)


def test_newspaper_is_media_not_the_state(code):
    events = code("Britain's Guardian newspaper accused Russia of meddling on Monday.")
    assert events and all("MED" in e.source.roles for e in events), show(events)


def test_a_named_person_elsewhere_is_not_the_context_target(code):
    events = code("Russia carried out air strikes on Thursday after a request from Bashar al-Assad.",
                  published="2015-10-02")
    assert not [e for e in events if e.target is not None and e.target.kind == "person"], show(events)


@pytest.mark.parametrize("text", [
    "A deal was struck for the Kenyan president to meet Ugandan President Yoweri Museveni in Kampala.",
    "When the Japanese prime minister visits Nairobi, he will sign the loan.",
])
def test_arranged_or_upcoming_meetings_are_not_held(code, text):
    events = code(text)
    assert events and all(e.root == "03" for e in events if e.root in ("03", "04")), show(events)
    assert not [e for e in events if e.root == "04"], show(events)


def test_passive_agent_named_by_its_country(code):
    events = code("A Russian warplane was shot down by Turkish F-16s near the Syrian border on Tuesday.",
                  published="2015-11-25")
    assert dyads(events) == {("195", "TUR", "RUSMIL")}, show(events)


@pytest.mark.parametrize("text", [
    "Moscow (CNN) Citing terrorism, Pakistan conducted air strikes in Afghanistan on Tuesday.",
    "Indian aircraft bombed Muzaffarabad on Tuesday, officials said.",
    "The Nigerian army carried out an airstrike in Maiduguri on Sunday.",
])
def test_a_dateline_or_a_city_is_not_the_target_of_force(code, text):
    events = code(text, published="2019-02-26")
    assert not [e for e in events if e.target is not None and e.target.how in ("capital", "geonames")], show(events)


@pytest.mark.parametrize("text, forbidden", [
    ("Argentina backs the Chilean fishing agreement with Peru.", "CHL"),
    ("Spain is sending 500 troops to the Franco-Spanish border.", "FRA"),
])
def test_a_country_word_on_a_thing_is_not_a_target(code, text, forbidden):
    events = code(text)
    assert not [e for e in events if e.target is not None and e.target.country == forbidden], show(events)


def test_a_country_s_border_is_the_country(code):
    events = code("Turkey has massed 20,000 troops near Syria's border.")
    assert ("154", "TUR", "SYR") in dyads(events) or any(e.target and e.target.code == "SYR" for e in events), show(events)


@pytest.mark.parametrize("text", [
    "Chinese warships arrived in Djibouti on Monday for a naval exercise.",
    "Thousands of Syrian refugees travelled to Germany last year.",
])
def test_forces_and_civilians_arriving_are_not_a_state_visit(code, text):
    events = code(text)
    assert not [e for e in events if e.root == "04"], show(events)


def test_violence_words_between_politicians_are_figures_of_speech(code):
    events = code("The Kenyan government has clashed with the Kenyan parliament over the budget.")
    assert not [e for e in events if e.root in ("18", "19", "20")], show(events)


def test_both_is_not_reciprocal(code):
    events = code("The French and German governments have both started talks on the budget.")
    assert not [e for e in events if e.source and e.target and {e.source.country, e.target.country} == {"FRA", "DEU"}], show(events)


@pytest.mark.parametrize("text", [
    "There were persistent reports that Iran was supplying weapons to the Houthis.",
    "The chances of India attacking Pakistan are high.",
])
def test_reported_rumours_and_chances_are_not_events(code, text):
    events = code(text)
    assert not [e for e in events if e.root in ("07", "18", "19")], show(events)


def test_a_pronoun_two_people_could_fill_is_left_unresolved(code):
    one = code("Crowds cheered Emmanuel Macron in Paris on Monday. Kenya criticized him on Tuesday.",
               published="2018-06-01")
    assert [e.target.code for e in one if e.root == "11"] == ["FRAGOV"], show(one)
    two = code("Crowds cheered Boris Johnson and Emmanuel Macron in Paris on Monday. Kenya criticized him on Tuesday.",
               published="2018-06-01")
    assert not [e for e in two if e.target is not None and e.target.how == "coref"], show(two)


def test_a_thing_of_a_country_is_not_hosted(code):
    events = code("The Kenyan president welcomed Uganda's response on Friday.")
    assert not [e for e in events if e.cameo == "043"], show(events)


def test_an_upper_case_byline_city_is_not_an_actor(code):
    events = code("Jane Doe NEWS AGENCY NAIROBI – Kenya's president met Uganda's president on Monday.")
    assert not [e for e in events if "KEN" not in {e.source and e.source.country}
                and (e.source and e.source.how == "capital")], show(events)
    assert not [e for e in events if e.target is not None and e.target.how == "capital"], show(events)


def test_a_summit_city_is_the_venue_not_the_host(code):
    venue = code("Vladimir Putin arrived in Helsinki on Monday for a summit with Donald Trump.", published="2018-07-16")
    assert not [e for e in venue if e.target is not None and e.target.country == "FIN"], show(venue)
    host = code("Donald Trump arrived in Beijing on Monday for talks with Xi Jinping.", published="2017-11-08")
    assert [e.target.country for e in host if e.root == "04"] == ["CHN"], show(host)


def test_a_clash_with_a_civil_international_body_is_not_force(code):
    events = code("Iran clashed with the IAEA over inspections on Monday.")
    assert not [e for e in events if e.root == "19"], show(events)


@pytest.mark.parametrize("text", [
    "After Kenya rejected Uganda's overtures in late 2009, the talks stalled.",
    "The 2012 pact was signed by Kenya and Uganda.",
    "In the mid-2000s, Kenya started deporting Somali migrants.",
])
def test_events_placed_years_before_publication_are_history_not_news(code, text):
    events = code(text, published="2017-08-18")
    assert not events, show(events)


@pytest.mark.parametrize("text", [
    "In 2016, Kenya accused Uganda of smuggling.",
    "Since 2017, Kenya has accused Uganda of smuggling.",
])
def test_recent_years_are_still_coded(code, text):
    events = code(text, published="2017-08-18")
    assert [e.root for e in events] == ["11"], show(events)


def test_the_victim_of_a_condemned_killing_is_not_the_target(code):
    events = code("Kenya condemned the killing of the Ugandan hostage on Friday.")
    assert not [e for e in events if e.target is not None and e.target.country == "UGA"], show(events)


@pytest.mark.parametrize("text, ally", [
    ("The United States launched six more airstrikes near the dam in support of Iraqi forces.", "IRQ"),
    ("The U.S. has conducted strikes against the group within Yemen.", "YEM"),
])
def test_allies_and_places_are_not_the_targets_of_strikes(code, text, ally):
    events = code(text, published="2014-08-21")
    assert not [e for e in events if e.target is not None and e.target.country == ally], show(events)


def test_a_facility_is_not_hosted(code):
    events = code("Kenya hosts a major Ugandan navy base.")
    assert not [e for e in events if e.cameo == "043"], show(events)


@pytest.mark.parametrize("pronoun, source", [("She", "DEUGOV"), ("He", "USAGOV")])
def test_pronouns_agree_in_gender_with_known_leaders(code, pronoun, source):
    events = code(f"Angela Merkel met Barack Obama in Berlin on Monday. {pronoun} criticized Russia on Tuesday.",
                  published="2016-06-01")
    assert [e.source.code for e in events if e.root == "11"] == [source], show(events)


@pytest.mark.parametrize("text", [
    "Kenya's foreign minister left Nairobi for Kampala on Monday to meet Uganda's president.",
    "The Kenyan president is going to Kampala next week to meet Museveni.",
    "Later on Monday, the Kenyan president meets Uganda's president.",
])
def test_trips_and_meetings_still_ahead_are_not_held(code, text):
    events = code(text, published="2019-03-15")
    assert not [e for e in events if e.root == "04"], show(events)


def test_summoning_an_ambassador_is_an_official_complaint(code):
    events = code("Kenya summoned the Ugandan ambassador on Monday.")
    assert [(e.cameo, e.target.country) for e in events] == [("114", "UGA")], show(events)


def test_a_politician_s_fresh_attack_is_criticism(code):
    events = code("At a summit in Brussels, Donald Trump launched a fresh attack on Germany.", published="2018-07-12")
    assert [e.cameo for e in events] == ["111"], show(events)


def test_calling_a_meeting_productive_is_no_appeal(code):
    events = code("Kenya's president called the summit with Uganda \"deeply productive.\"")
    assert not [e for e in events if e.root == "02"], show(events)


def test_a_country_inside_a_clause_of_the_object_is_not_the_target(code):
    events = code("Kenya criticized the fact that the hearing took place while it was negotiating with Uganda.")
    assert not [e for e in events if e.root == "11" and e.target is not None and e.target.country == "UGA"], \
        show(events)


def test_a_conditional_governing_the_clause_makes_it_hypothetical(code):
    events = code('"If this happens, it means Kenya is asking Uganda to leave the bloc," he said.')
    assert not [e for e in events if e.root == "02"], show(events)


def test_fighting_for_centuries_is_a_habit_not_an_event(code):
    events = code('Kenya said Uganda and Tanzania have "been fighting each other for centuries."')
    assert not [e for e in events if e.root == "19"], show(events)


@pytest.mark.parametrize("text", [
    "Kenya was launching a sophisticated cyber operation against Uganda's power grid.",
    "Kenya launched a charm offensive against Uganda.",
])
def test_non_kinetic_operations_are_not_force(code, text):
    events = code(text)
    assert not [e for e in events if e.root in ("18", "19", "20")], show(events)


def test_a_national_security_council_is_not_the_un(code):
    events = code("The general clashed with President Barack Obama's National Security Council.", published="2016-01-05")
    assert not [e for e in events if e.target is not None and e.target.code == "IGOUNO"], show(events)


def test_goods_targeted_by_tariffs_are_not_under_fire(code):
    events = code("Kenyan tea exports have been targeted by Uganda's retaliatory tariffs.")
    assert not [e for e in events if e.root in ("18", "19", "20")], show(events)


def test_the_victims_named_on_a_harm_noun_are_not_its_critic_s_target(code):
    events = code("Kenya decries Ugandan schoolgirl kidnappings.")
    assert not [e for e in events if e.target is not None and e.target.country == "UGA"], show(events)


def test_a_visit_to_a_newspaper_is_not_a_visit_to_its_country(code):
    events = code("Kenyan diplomats paid a visit to The Washington Times on Monday.")
    assert not [e for e in events if e.target is not None and e.target.country == "USA"], show(events)


def test_travelling_to_a_third_country_to_meet_someone_is_not_a_visit_to_it(code):
    events = code("Kenya's president traveled to Singapore to meet with Donald Trump.", published="2018-06-11")
    assert not [e for e in events if e.target is not None and e.target.country == "SGP"], show(events)


def test_calling_out_someone_is_no_phone_call(code):
    events = code("Kenya's president appeared to call out Uganda's president in the process.")
    assert not [e for e in events if e.cameo == "041"], show(events)


def test_a_trigger_inside_a_phrase_takes_the_mood_of_its_governing_verb(code):
    events = code("The two leaders might agree to concessions, like Kenya reducing its army and Uganda "
                  "removing troops from South Sudan.")
    assert not [e for e in events if e.modality == "asserted"], show(events)


def test_sentence_initial_later_with_a_present_tense_is_ahead(code):
    events = code("Later, the Kenyan president meets with leaders of Uganda and Tanzania.")
    assert events and not [e for e in events if e.root == "04"], show(events)


def test_a_when_clause_of_an_old_year_is_history(code):
    events = code("Diplomats hope to avoid a repeat of 2008 and 2009, when people died as Kenyan troops invaded Uganda.",
                  published="2012-11-21")
    assert not events, show(events)


def test_a_state_held_since_an_old_year_is_not_news(code):
    events = code("Kenya has held formal talks with Uganda since the joint commission was formed in 1983.",
                  published="2017-02-08")
    assert not events, show(events)


def test_hosting_refugees_is_no_visit(code):
    events = code("Kenya is hosting more than 300,000 Somali refugees.")
    assert not [e for e in events if e.cameo == "043"], show(events)


def test_appearing_to_cooperate_is_not_cooperation(code):
    events = code("The White House must explain why the United States appears to be tacitly cooperating with Iran.",
                  published="2015-03-31")
    assert not events, show(events)


def test_run_together_link_headlines_are_page_furniture(code):
    events = code("Kenya is set to meet Uganda Yoweri Museveni Yoweri MuseveniKenya says it will meet Uganda "
                  "Tanzania blasts Kenya as an idiot.")
    assert not events, show(events)


def test_deportees_are_not_the_deporting_country_s_civilians(code):
    events = code("Kenya has deported more than 2,000 people this year.")
    assert not [e for e in events if e.target is not None and e.target.code == "KENCVL"], show(events)


def test_banning_foreign_lawmakers_is_a_sanction(code):
    events = code("Kenya has banned two Ugandan lawmakers from visiting.")
    assert [e.cameo for e in events] == ["163"], show(events)


@pytest.mark.parametrize("text", [
    "Kenya has frequently urged improved relations with Uganda.",
    "Hundreds of Kenyan tourists visit Uganda each year.",
])
def test_habits_are_not_events(code, text):
    events = code(text)
    assert not events, show(events)


def test_a_negated_subject_clause_is_not_an_event(code):
    events = code("Kenya rushing to lift the embargo on Uganda isn't going to happen.")
    assert not events, show(events)


def test_a_trip_next_week_is_planned(code):
    events = code("The Kenyan president's trip to Uganda next week will test relations.")
    assert not [e for e in events if e.root == "04"], show(events)


def test_calling_out_is_criticism(code):
    events = code("Kenya's president called out Uganda for its trade practices.")
    assert [e.cameo for e in events] == ["111"], show(events)


def test_sending_troops_to_a_country_does_not_make_it_a_target(code):
    events = code("Kenya sent 500 troops to Somalia on Monday.")
    assert not [e for e in events if e.root == "15" and e.target is not None], show(events)


# ------------------------------------------------------------------ stop 10: classes from blind samples 7-9
@pytest.mark.parametrize("text", [
    "In 1998, the president allowed Kenyan jets to fly from Ugandan bases to bomb Somalia.",
    "Two years ago, Kenyan troops invaded Uganda.",
    "Then-Kenyan President Daniel Moi accused Uganda of arming rebels.",
    "Kenya and Uganda have been fighting each other for centuries, the president said.",
])
def test_history_without_a_year_in_the_clause(code, text):
    events = code(text, published="2019-03-15")
    assert not events, show(events)


def test_last_month_is_news_and_last_year_is_history(code):
    # samples 18-19: annotators judged events placed "last year" as background, like "two years ago"
    events = code("Last month, Kenya imposed sanctions on Uganda.", published="2019-03-15")
    assert [e.cameo for e in events] == ["163"], show(events)
    events = code("Last year, Kenya imposed sanctions on Uganda.", published="2019-03-15")
    assert not events, show(events)


def test_then_as_an_adverb_is_no_former_title(code):
    events = code("Kenya's president met Uganda's president and then Tanzania's president on Monday.")
    assert ("040", "KENGOV", "TZAGOV") in dyads(events), show(events)


def test_over_the_past_year_is_not_history(code):
    events = code("Over the past year, Kenya imposed sanctions on Uganda.", published="2019-03-15")
    assert [e.cameo for e in events] == ["163"], show(events)


def test_a_groups_targets_are_the_group(code):
    events = code("Kenya launched air strikes against Islamic State targets in Somalia on Monday.")
    e = one(events, "195")
    assert e.target is not None and e.target.code != "SOMGOV" and "REB" in e.target.roles, show(events)


@pytest.mark.parametrize("text", [
    "Forty protesters were shot dead by Kenyan security forces in Nairobi on Thursday.",
    "Ugandan soldiers killed twelve demonstrators in Kampala on Monday.",
])
def test_security_forces_killing_protesters_is_repression(code, text):
    events = code(text)
    assert [e.cameo for e in events] == ["175"], show(events)


@pytest.mark.parametrize("text", [
    "Kenya's parliament took a nonbinding vote to cut aid to Uganda.",  # (a vote to expel troops: no event, 137 is no fit)
    "The Kenyan foreign minister is scheduled to go to Kampala next week.",
    "The Kenyan president's visit Friday to Kampala will test relations.",
    "Monday, as the Kenyan president meets Uganda's president in Geneva, talks will resume.",
])
def test_what_is_ahead_is_not_done(code, text):
    events = code(text)
    assert events and all(e.modality in ("planned", "announced") for e in events), show(events)


def test_a_present_tense_weekday_is_the_next_one(code):
    events = code("Monday, as the Kenyan president meets Uganda's president in Geneva, talks will resume.",
                  published="2019-03-15")  # a Friday
    assert [e.date for e in events] == ["2019-03-18"], show(events)


def test_condemned_attacks_in_a_country_do_not_target_it(code):
    events = code("The African Union on Thursday condemned the attacks on minorities in Uganda.")
    assert not [e for e in events if e.target is not None and e.target.code == "UGA"], show(events)


@pytest.mark.parametrize("text", [
    "Kenyan jets conducted massive airstrikes and the Ugandan army provided artillery support.",
    "While the Kenyan military has carried out more airstrikes in Somalia, Uganda is the site of a longer war.",
])
def test_an_actor_of_another_clause_is_not_the_strike_target(code, text):
    events = code(text)
    assert not [e for e in events if e.root == "19" and e.target is not None and e.target.country == "UGA"], \
        show(events)


def test_a_foreign_people_addressed_in_diplomacy_is_their_side(code):
    events = code("Kenya's president urged Ugandans to return to the negotiating table.")
    assert [e.target.code for e in events if e.root == "02"] == ["UGA"], show(events)


def test_members_meeting_in_a_council_session_do_not_meet_each_other(code):
    events = code("Kenya, Uganda and Tanzania, meeting in a closed-door Security Council briefing, "
                  "condemned Somalia's missile tests.")
    assert not [e for e in events if e.root == "04"], show(events)


def test_a_city_where_a_third_leader_waits_is_a_venue(code):
    events = code("Kenya's president made Uganda's president wait, arriving late in Addis Ababa "
                  "as the two leaders attempted another reset.")
    assert not [e for e in events if e.target is not None and e.target.country == "ETH"], show(events)


# ------------------------------------------------------------------ stop 10: classes from blind sample 10
@pytest.mark.parametrize("text", [
    "Kenya has been at war with militants since al-Shabaab killed 67 Kenyans in Nairobi.",
    "When the Kenyan president called on Uganda's president to step down in August of 2011, relations soured.",
    "Aid groups have been setting up plans in case Kenya does launch strikes against Uganda.",
    "A poll found most Kenyans believe Uganda used chemical weapons against its own people.",
    "More evidence is necessary to confirm the Ugandan government used chemical weapons against its people.",
    "Kenya's president was hit with a blistering statement from Uganda's president.",
    "Officials took an understanding approach to the Kenyan president's need to denounce Uganda.",
    "The Kenyan parliament passed a law giving the government authority to conduct operations against Uganda.",
])
def test_not_an_event_of_the_day(code, text):
    events = code(text, published="2019-03-15")
    assert not [e for e in events if e.modality == "asserted"], show(events)


def test_a_dated_visit_still_ahead_is_planned(code):
    events = code("The second is the Kenyan president's April 24 state visit to Kampala.", published="2019-04-03")
    e = one(events, "036")
    assert e.modality == "planned" and e.date == "2019-04-24", show(events)


def test_a_headline_infinitive_is_ahead(code):
    events = code("Kenya to deploy troops against al-Shabaab", published="2019-04-03")
    assert events and all(e.modality == "planned" for e in events), show(events)


def test_a_leader_of_an_armed_group_is_the_group(code):
    events = code("Kenya killed a Somali leader of al-Shabaab in an airstrike on Monday.")
    assert [e.target.code for e in events] == ["SOMREB"], show(events)


def test_a_ship_flagged_by_a_country_is_that_countrys(code):
    events = code("Kenyan police seized a Ugandan-flagged oil tanker in Mombasa on Friday.")
    assert [e.target.country for e in events] == ["UGA"], show(events)


def test_the_shares_its_article_across_a_conjunction(code):
    events = code("Kenya's president criticized the Ugandans and Tanzanians on Monday.")
    assert {e.target.code for e in events} == {"UGA", "TZA"}, show(events)


def test_a_topic_named_by_a_country_is_not_the_target(code):
    events = code("Kenya's president has slammed the Uganda investigation as a witch-hunt.")
    assert not [e for e in events if e.target is not None and e.target.country == "UGA"], show(events)


def test_his_in_a_conjunct_is_the_person_joined(code):
    events = code("Uganda's president congratulated Kenyan President Uhuru Kenyatta and his party on Monday.")
    assert ("051", "UGAGOV", "KENPTY") in dyads(events) or ("051", "UGAGOV", "KENGOV") in dyads(events), show(events)
    assert ("051", "UGAGOV", "UGAPTY") not in dyads(events), show(events)


def test_rockets_killing_a_soldier_is_combat(code):
    events = code("Militants in Somalia fired rockets into Kenya on Monday, killing a Kenyan soldier.")
    assert not [e for e in events if e.root == "18"], show(events)


def test_barring_ones_own_firms_from_dealing_with_a_foreign_firm_is_a_sanction_on_it(code):
    events = code("Kenya banned Kenyan companies from trading with Ugandan firms.")
    assert [(e.cameo, e.target.country) for e in events] == [("163", "UGA")], show(events)
    assert not code("Kenya banned Kenyan companies from selling to the firm."), "no foreign party named"


def test_an_appeal_still_ahead_is_no_event(code):
    events = code("Kenya's president said he would ask Uganda to reopen the border.")
    assert not [e for e in events if e.root in ("02", "03", "13")], show(events)


@pytest.mark.parametrize("text", [
    "In the past, Kenya has made grandiose efforts at fighting al-Shabaab.",
    "Ugandans keep memories of how Kenyan troops invaded Uganda.",
    "The Kenyan president floated the idea of visiting Uganda.",
    "Parliament will not approve whatever agreement the Kenyan president concludes with Uganda.",
])
def test_past_ideas_and_any_agreement_are_not_events(code, text):
    events = code(text)
    assert not [e for e in events if e.modality == "asserted"], show(events)


def test_co_subjects_fighting_for_a_third_are_allies(code):
    events = code("Kenya and Uganda are in Somalia fighting for the Somali government.")
    assert not [e for e in events if {e.source.country, e.target.country if e.target else None} == {"KEN", "UGA"}], \
        show(events)


# ------------------------------------------------------------------ stop 10: classes from blind samples 11-12
def test_a_repeated_sentence_is_coded_once(code):
    events = code("Kenya's president visited Uganda on Monday. Uganda's president praised Kenya. "
                  "Kenya's president visited Uganda on Monday.")
    assert [e.cameo for e in events].count("042") == 1, show(events)


def test_brussels_as_an_actor_is_the_eu(code):
    events = code("Kenya's president warned Brussels against new tariffs on Kenyan flowers.")
    assert [e.target.code for e in events] == ["IGOEUREEC"], show(events)


@pytest.mark.parametrize("text", [
    "Historically, Kenya has provided weapons to rebels in Uganda.",
    "When Kenya declares it will no longer talk to Uganda about trade, nothing changes.",
    "Zero Kenyans have been killed by Ugandan refugees.",
    "Kenyan warplanes are now authorized to attack al-Shabaab fighters in Somalia.",
    "Kenya and its allies have until March 24 to reach an agreement with Uganda.",
    "A return trip by the Kenyan president to Kampala would be hard to agree to.",
    "It is our hope the Kenyan president will consult with Uganda before acting.",
    "Uganda's opposition leader called for Kenya to pull its troops out of Somalia.",
    "Parliament approved aid to help Uganda fight rebels in the north.",
    "Giving a speech in April 2018, the Kenyan president accused Uganda of lying.",
    "During the 1967 war, Kenya occupied parts of Uganda.",
])
def test_more_things_that_are_not_events_of_the_day(code, text):
    events = code(text, published="2015-03-15")
    assert not [e for e in events if e.modality == "asserted"], show(events)


def test_a_next_visit_is_planned_and_a_visit_that_dates_a_pledge_is_not_announced(code):
    events = code("Officials met to prepare the Kenyan president's next visit to Uganda.")
    assert all(e.modality == "planned" for e in events if e.root in ("03", "04")), show(events)
    events = code("Kenya's foreign minister pledged support during a visit to Kampala on Monday.")
    assert [(e.cameo, e.modality) for e in events if e.root in ("03", "04")] == [("042", "asserted")], show(events)


def test_a_pronoun_subject_of_a_joined_clause_is_the_first_subject(code):
    events = code("Uganda's army shelled the town on Monday. Kenya condemned the attack, and it accuses "
                  "Tanzania of covering it up.")
    assert ("112", "KEN", "TZA") in dyads(events), show(events)
    events = code('"Uganda is not our friend," Senator Odhiambo said, and he urged Kenya\'s president to act.')
    assert not [e for e in events if e.source is not None and e.source.country == "UGA"], show(events)


def test_regional_peoples_are_not_a_country(code):
    events = code("Kenya deported more Central Americans than Uganda did.")
    assert not [e for e in events if e.target is not None and e.target.country == "USA"], show(events)


def test_rebel_commanders_and_fighters_are_rebels(code):
    events = code("Kenyan jets attacked Ugandan rebel commanders on Monday.")
    assert [e.target.code for e in events] == ["UGAREB"], show(events)
    events = code("Kenya launched an operation on Wednesday against Kurdish fighters in Uganda.")
    assert [e.target.code for e in events] == ["UGAREB"], show(events)


def test_a_capitalised_city_before_a_dateline_country(code):
    events = code("NAIROBI, Kenya (AP) — Ugandan Foreign Minister Sam Kutesa issued an ultimatum to Tanzania on Tuesday.")
    assert [(e.source.country, e.target.country) for e in events] == [("UGA", "TZA")], show(events)


def test_a_trip_joined_to_a_would_be_subject_is_hypothetical(code):
    events = code("Such a meeting, or even a return trip by the Kenyan president to Kampala, would be hard to agree to.")
    assert not [e for e in events if e.modality == "asserted"], show(events)


# ------------------------------------------------------------------ stop 10: classes from blind samples 13-14
@pytest.mark.parametrize("text, published", [
    ("In March 2014, Kenya shot down a Ugandan fighter jet after it strayed into Kenyan airspace.", "2015-11-24"),
    ("Over the years, Kenyan airstrikes have killed Somali civilians.", "2019-09-14"),
    ("Kenya has persistently battled al-Shabaab in Somalia.", "2016-01-12"),
    ("The first step is for the Kenyan president to consult with Uganda on the options.", "2016-01-12"),
    ("There was a time when a Tanzania stop was part of any Kenyan leader's trip to Uganda.", "2016-01-12"),
    ("Although Kenya's president met Uganda's president when the Ugandan was vice president, relations are new.",
     "2016-01-12"),
    ("During his tenure as intelligence chief, Kenya's president was accused by Uganda of plotting attacks.",
     "2016-01-12"),
    ("Since 2001, 21 people have plotted to attack Kenyan soldiers in Uganda.", "2016-01-12"),
])
def test_history_summaries_and_generalities(code, text, published):
    events = code(text, published=published)
    assert not [e for e in events if e.modality == "asserted"], show(events)


def test_a_visit_one_speaks_ahead_of_is_planned(code):
    events = code("Kenya's president spoke ahead of his visit to Uganda this week.")
    assert [(e.cameo, e.modality) for e in events if e.root in ("03", "04")] == [("036", "planned")], show(events)


def test_whatever_deal_one_concludes_is_hypothetical(code):
    events = code("Parliament will not vote on whatever agreement the Kenyan president concludes with Uganda.")
    assert not [e for e in events if e.modality == "asserted"], show(events)


def test_a_thing_named_by_a_party_is_no_party_of_the_doer(code):
    events = code("Kenyan hackers broke into Opposition Party computers in Kampala in response to Ugandans hacking "
                  "Kenyan opposition party computers.")
    assert not [e for e in events if e.target is not None and e.target.code == "KENOPP"], show(events)


def test_an_aim_held_throughout_a_tenure_is_no_event_of_the_day(code):
    events = code("Kenya's president has sought throughout his time in office to improve relations with Uganda.")
    assert not [e for e in events if e.modality in ("asserted", "announced")], show(events)


# ------------------------------------------------------------------ stop 10: classes from blind samples 15-16
@pytest.mark.parametrize("text", [
    "Kenyan and Ugandan officials held hardly any conversations last month.",
    "Uganda's refusal to meet Tanzania's demands angered Kenya on Monday.",
    "The Kenyan president's refusal to rebuke Uganda drew criticism on Monday.",
    "Kenya forged close ties with Uganda under the late President Moi.",
    "There is no confirmation that Uganda imposed an embargo on Kenya.",
    "Kenya's parliament has targeted Uganda's financial sector.",
    "Kenya's president will urge Uganda to reopen the border.",
    "When the talks fail, Kenya's president will blame Uganda.",
])
def test_not_done_or_not_force(code, text):
    events = code(text)
    assert not [e for e in events if e.root in ("02", "04", "05", "11", "13", "16", "19")], show(events)


def test_a_trip_one_was_to_make_is_planned(code):
    events = code("Kenya's foreign minister was to travel to Kampala on Friday.", published="2019-03-13")
    assert events and all(e.modality == "planned" for e in events), show(events)


def test_former_officials_are_elites(code):
    events = code("Former Kenyan officials accused Uganda of cheating on Monday.")
    assert [e.source.code for e in events] == ["KENELI"], show(events)


# ------------------------------------------------------------------ stop 10: classes from blind samples 17-18
def test_where_countries_meet_is_geography(code):
    events = code("The region is called the Country of Three Borders because it is where Kenya, Uganda and "
                  "Tanzania meet.")
    assert not [e for e in events if e.root == "04"], show(events)


def test_capitals_clashing_over_a_question_is_a_dispute(code):
    events = code("Kenya and Uganda have clashed over who should judge the incident.")
    assert events and all(e.root == "11" for e in events), show(events)
    events = code("Kenyan and Ugandan troops clashed over the disputed island on Monday.")
    assert events and all(e.root == "19" for e in events), show(events)


# ------------------------------------------------------------------ stop 11: classes from blind sample 19
@pytest.mark.parametrize("text, published", [
    ("Last year, the Kenyan president urged Uganda to reopen the border.", "2019-04-13"),
    ("At last year's regional summit, the Kenyan president arrived late and criticised Uganda.", "2019-12-03"),
    ("Kenya launched missiles at a Ugandan air base last year, after an attack on its border post.", "2019-04-09"),
    ("One year ago on Sunday, Kenyan forces took over the island, annexing the Ugandan territory.", "2019-03-15"),
    ("As the conflict erupted in March 2011 and intensified, Kenya's president called on Uganda to withdraw.",
     "2013-05-05"),
])
def test_last_year_and_dates_of_as_clauses_are_history(code, text, published):
    events = code(text, published=published)
    assert not [e for e in events if e.modality == "asserted"], show(events)


@pytest.mark.parametrize("text, root", [
    ("Kenyan diplomats will still be smarting from last year's revelations of spying when Kenya's president "
     "visits Uganda on Friday.", "03"),
    ("They will find out if they can agree on Friday, when the Kenyan president hosts the Ugandan leader.", "03"),
])
def test_last_years_things_and_questions_leave_a_coming_event_planned(code, text, root):
    events = code(text, published="2019-03-13")
    assert [e.root for e in events if e.modality in ("planned", "announced")] == [root], show(events)


@pytest.mark.parametrize("text", [
    "Uganda has not lifted its duties on Kenyan goods, nor has Kenya lifted its tariffs on Ugandan steel.",
    "Uganda would not be paid unless the Kenyan minister certified that it is cooperating with Kenya.",
    "The opposition's claim that prices rose because Kenya imposed sanctions on Uganda ignores other causes.",
    "READ: Kenya is accusing Uganda of smuggling",
])
def test_negated_conditional_claimed_and_links_are_no_events(code, text):
    events = code(text)
    assert not [e for e in events if e.modality == "asserted"], show(events)


def test_a_visit_that_puts_a_dispute_in_the_spotlight_this_week_is_planned(code):
    events = code("The tariff dispute will be back in the spotlight this week with a visit to Nairobi by "
                  "Uganda's president.")
    assert [(e.cameo, e.modality) for e in events if e.root in ("03", "04")] == [("036", "planned")], show(events)


def test_leaders_meeting_someone_else_together_do_not_meet_each_other(code):
    events = code("The Kenyan and Ugandan presidents laid wreaths and met privately with survivors on Monday.")
    assert not [e for e in events if e.root == "04"], show(events)
    events = code("The Kenyan and Ugandan presidents met privately on Monday.")
    assert len([e for e in events if e.root == "04"]) == 2, show(events)


def test_the_leader_of_a_named_party_is_not_the_last_leader_named(code):
    events = code("Uganda's leaders met Kenya's president on Monday. The leader of the Freedom Party, John Okello, "
                  "criticised Kenya's president on Tuesday.")
    assert not [e for e in events if e.root == "11" and e.source is not None and e.source.country == "UGA"], \
        show(events)
    events = code("Uganda's leaders met Kenya's president on Monday. The leader then criticised Kenya's president.")
    assert [e.source.code for e in events if e.root == "11"] == ["UGAGOV"], show(events)


def test_missiles_fired_into_a_countrys_waters_are_no_attack_on_it(code):
    for text in ("Kenya fired three missiles into Uganda's exclusive economic zone on Monday.",
                 "Kenyan warships fired missiles into Ugandan waters on Monday."):
        events = code(text)
        assert not [e for e in events if e.root in ("18", "19", "20") and e.target is not None], show(events)
    events = code("Kenya fired missiles at Ugandan positions on Monday.")
    assert [(e.root, e.target.country) for e in events] == [("19", "UGA")], show(events)


@pytest.mark.parametrize("text, published", [
    ("In the summer of 2014, Kenya invaded the Ugandan border region.", "2015-09-12"),
    ("Beginning in 2013, Kenyan forces began shelling Ugandan positions.", "2015-09-12"),
    ("Starting in 2009, the Kenyan minister visited Uganda's president several times.", "2016-12-28"),
    ("Kenya's president met with Uganda's president during his first term.", "2016-07-15"),
    ("Kenya and Uganda have signed four agreements in the five years since the war ended.", "2016-07-15"),
    ("Kenya has carried out several airstrikes in Somalia in recent years.", "2016-07-15"),
    ("The Kenyan president toured Uganda with his deputy before becoming president.", "2016-07-15"),
    ("Protesters booed him at his last visit to Uganda.", "2016-07-15"),
    ("Kenya, under the late President Daniel Moi, forged close ties with Uganda.", "2016-07-15"),
    ("Uganda still denies responsibility for the attack on Kenyan soldiers.", "2016-07-15"),
    ("Since then, Kenya has invaded Uganda and attacked its border posts.", "2016-07-15"),
    ("The future Ambassador Okello had used the villa to meet with Ugandan rebels.", "2016-07-15"),
])
def test_more_history_and_standing_positions(code, text, published):
    events = code(text, published=published)
    assert not [e for e in events if e.modality == "asserted"], show(events)


@pytest.mark.parametrize("text", [
    "The Kenyan president arrived in Uganda on his first visit to the country on Monday.",
    "The Kenyan president praised Uganda's president several times during the news conference on Monday.",
    "Kenya's president said on Sunday that Uganda's president still wants to meet Kenya's president.",
    "Kenya has signed four agreements with Uganda this year.",
])
def test_first_visits_tallies_of_the_day_and_wishes_still_held_are_news(code, text):
    events = code(text, published="2016-07-15")
    assert events, show(events)


# ------------------------------------------------------------------ stop 11: classes from blind sample 20
@pytest.mark.parametrize("text", [
    "“Our country is neither Kenya nor Uganda, which have met a miserable fate,” the minister said.",
    "The Kenyan president said the summit won't be the last time he meets with Uganda's president.",
    "The resolution's main aim is to get Kenya to withdraw its troops from Uganda.",
    "Most Kenyans think it is appropriate for the Kenyan president to meet with Uganda's president.",
    "Uganda's parliament has voted to expel Kenyan troops from the country.",
])
def test_fates_meetings_to_come_aims_and_votes_are_no_events(code, text):
    events = code(text)
    assert not [e for e in events if e.modality == "asserted" or e.root in ("13", "17")], show(events)



def test_diplomats_and_world_leaders_take_no_country_from_where_they_are(code):
    events = code("Kenya's foreign ministry refused several requests from diplomats in Uganda on Monday.")
    assert not [e for e in events if e.target is not None and e.target.country == "UGA"], show(events)
    events = code("The Kenyan president met with world leaders in Uganda on Monday.")
    assert not [e for e in events if e.target is not None and e.target.country == "UGA"], show(events)
    events = code("The Kenyan president met with officials in Uganda on Monday.")
    assert [e.target.country for e in events if e.root == "04"] == ["UGA"], show(events)


def test_the_former_president_is_not_the_president_named_before(code):
    events = code("Uganda's president spoke on Monday. The former president criticised Kenya on Tuesday.")
    assert not [e for e in events if e.root == "11" and e.source is not None and e.source.code == "UGAGOV"], \
        show(events)


def test_a_country_named_in_a_comparison_is_no_target(code):
    events = code("Kenya on Sept. 17 became the first Western country other than Uganda to launch an air strike, "
                  "destroying a rebel depot.")
    assert not [e for e in events if e.target is not None and e.target.country == "UGA"], show(events)


# ------------------------------------------------------------------ stop 11: classes from blind samples 21-22
@pytest.mark.parametrize("text, published", [
    ("The last time Kenya expelled Ugandan diplomats on this scale was in 2001.", "2019-03-10"),
    ("Kenya's president visited Uganda in 2017.", "2018-11-20"),
    ("The list includes the Kenyan president's 2013 trip to Uganda.", "2018-11-20"),
    ("Kenya's parliament will be required to lift the sanctions on Uganda.", "2018-11-20"),
])
def test_last_times_old_trips_and_requirements_are_no_events(code, text, published):
    events = code(text, published=published)
    assert not [e for e in events if e.modality == "asserted" or e.root in ("03", "08")], show(events)


def test_a_visit_in_last_year_early_in_the_year_is_still_news(code):
    events = code("Kenya's president visited Uganda in 2017.", published="2018-03-20")
    assert [e.cameo for e in events] == ["042"], show(events)


# ------------------------------------------------------------------ stop 12: classes from blind samples 21-22
@pytest.mark.parametrize("text, published", [
    ("Kenya's president, who has criticized Uganda's trade policy, warned against nationalism.", "2018-11-11"),
    ("President Kenyatta, who has criticized Uganda's trade policy, spoke in Paris.", "2018-11-11"),
    ("The pact bans cheap currencies, something Kenya has accused Uganda of doing in the past.", "2019-12-01"),
    ("Kenyatta and Museveni have at times clashed sharply over the border.", "2018-11-11"),
    ("The following year, Kenyatta was recorded mocking Museveni while meeting with Uganda's foreign minister.",
     "2015-03-03"),
])
def test_who_he_is_and_what_he_did_now_and_then_are_no_events_of_the_day(code, text, published):
    events = code(text, published=published)
    assert not [e for e in events if e.root in ("04", "11", "12")], show(events)


def test_a_relative_clause_dated_to_the_day_is_still_news(code):
    events = code("Kenya's president, who has met Museveni on Monday, decried nationalism.", published="2018-11-14")
    assert [e.root for e in events] == ["04"], show(events)


def test_the_leader_of_a_rebel_group_leads_no_government(code):
    events = code("A Kenyan drone targeted Al Shabab leader Ahmed Godane on Monday.")
    assert [e.target.code for e in events if e.target is not None] == ["SOMREB"], show(events)


@pytest.mark.parametrize("text", [
    "Kenyan and Ugandan warplanes have carried out airstrikes against the group.",
    '"Kenya has agreed to a 12-hour ceasefire from Saturday," said a Ugandan official traveling with the minister.',
])
def test_allies_and_the_reporter_are_no_target(code, text):
    events = code(text)
    assert not [e for e in events if e.target is not None and e.target.country in ("KEN", "UGA")
                and e.source is not None and e.source.country != e.target.country], show(events)


def test_the_one_paid_to_do_it_does_it(code):
    events = code("Kenya was paying the Lord's Resistance Army to kill Ugandan soldiers.")
    assert not [e for e in events if e.root == "18" and e.source is not None and e.source.code == "KEN"], show(events)
    assert [e.source.country for e in events if e.root == "18" and e.source is not None] in ([], ["UGA"]), show(events)


@pytest.mark.parametrize("text, modality", [
    ("Kenyatta is slated to meet Museveni on Friday.", {"planned", "announced"}),
    ("Kenyatta is due to visit Uganda next week.", {"planned", "announced"}),
    ("Kenyatta is ready to negotiate with Museveni.", {"announced"}),
    ("Kenyatta said he will likely meet with Museveni on Friday.", {"planned", "announced"}),
])
def test_slated_due_and_ready_are_what_is_ahead(code, text, modality):
    events = code(text, published="2019-06-10")
    assert events and all(e.modality in modality and e.root == "03" for e in events), show(events)


def test_people_returned_to_a_country_are_deported_and_consequences_are_no_sanctions(code):
    events = code("Kenya returned 1,323 asylum seekers to Uganda on Friday.")
    assert [e.cameo for e in events] == ["174"], show(events)
    events = code("Kenyatta has threatened Uganda with consequences on Friday.")
    assert [e.cameo for e in events if e.root == "13"] == ["130"], show(events)


def test_they_is_the_subject_before_not_the_last_group_named(code):
    events = code("Critics, meanwhile, are advocating a tougher stance, insisting that al-Shabab poses a direct "
                  "threat to Kenya. They urged President Kenyatta to do more.", published="2014-08-10")
    assert not [e for e in events if e.root == "02"], show(events)
    events = code("Ugandan officials, meanwhile, are advocating a tougher stance, insisting that al-Shabab poses a "
                  "direct threat to Kenya. They urged President Kenyatta to do more.", published="2014-08-10")
    assert [e.source.code for e in events if e.root == "02"] == ["UGAGOV"], show(events)
    events = code("Al-Shabab fighters attacked a Kenyan base on Monday. They also kidnapped two Kenyan soldiers.",
                  published="2014-08-10")
    assert [e.source.code for e in events if e.root == "18"] == ["SOMREB"], show(events)


def test_a_byline_in_capitals_is_no_target(code):
    events = code("At U.N., Kenyatta defends free speech UNITED NATIONS — President Uhuru Kenyatta used a speech "
                  "to defend freedom of expression.", published="2019-09-25")
    assert not [e for e in events if e.target is not None and (e.target.code or "").startswith("IGOUNO")], \
        show(events)


@pytest.mark.parametrize("text", [
    "At one time, al-Shabab held the Kenyan ambassador under house arrest, before he escaped.",
    "Kenyatta had been scheduled to visit Uganda shortly after the election, but he scrapped the trip.",
    "Kenyatta had planned to visit Uganda in May.",
    "Kenya will host a meeting on Monday to seek a way to get Ugandan authorities to end a military offensive.",
])
def test_one_time_past_plans_and_what_others_are_got_to_do_are_no_events(code, text):
    events = code(text, published="2017-11-11")
    assert not [e for e in events if e.modality in ("asserted", "announced") and e.root in ("03", "04", "08", "17")], \
        show(events)


def test_a_capital_with_an_article_names_where_not_who(code):
    events = code("The Nairobi attacks especially alarmed Ugandan security experts because of the fear.")
    assert not [e for e in events if e.source is not None and e.source.country == "KEN"], show(events)


def test_an_order_to_talk_is_a_task_set_and_an_order_to_strike_is_carried_out(code):
    events = code("Kenyatta has directed the Kenyan foreign ministry to launch talks with Uganda.")
    assert [(e.cameo, e.modality) for e in events] == [("036", "announced")], show(events)
    events = code("Kenya ordered its fighter jets to carry out a massive bombardment Sunday night on Ugandan rebels.")
    assert [(e.root, e.modality) for e in events] == [("19", "asserted")], show(events)


@pytest.mark.parametrize("text, code_", [
    ("A Kenyan drone targeted the leader of the Al Qaeda-linked al-Shabaab group in a strike on Monday.", "SOMREB"),
    ("Kenya arrested the leader of the opposition on Monday.", "KENOPP"),
])
def test_the_leader_of_a_group_is_the_groups(code, text, code_):
    events = code(text)
    assert [e.target.code for e in events if e.target is not None] == [code_], show(events)


@pytest.mark.parametrize("text, published", [
    ("Kenyatta was supposed to arrive in Kampala early Friday, but his plane returned to Nairobi.", "2018-11-30"),
    ("One possibility, said the general, would be to have Kenyan forces provide more assistance to the Ugandan "
     "army.", "2014-09-10"),
    ('"It is very important for us to make sure that the Kenyans and the Ugandans are talking to each other," '
     "Obama said.", "2015-11-30"),
    ("Perhaps Kenyatta will collaborate with the Ugandan generals to resurrect a new rogue.", "2015-11-30"),
    ("Kenyatta also said he’ll ask Uganda for its support in efforts to stamp out terrorism.", "2018-04-25"),
    ("Kenyatta's credibility has become a key obstacle for Uganda to reach a lasting deal with Kenya.", "2019-05-13"),
])
def test_unrealised_possible_wished_and_ahead_are_not_asserted(code, text, published):
    # (but "he'll likely meet Putin" is a meeting announced: test_slated_due_and_ready_are_what_is_ahead)
    events = code(text, published=published)
    assert not [e for e in events if e.modality == "asserted" or e.root in ("02", "03")], show(events)


@pytest.mark.parametrize("text, published", [
    ("But Museveni, who accuses Kenya of unfair bias toward Tanzania, rejected it out of hand.", "2019-11-30"),
    ("Uganda has long decried the 2,000 Kenyan troops stationed in Somalia.", "2016-07-10"),
])
def test_standing_positions_and_states_of_things_are_no_events_of_the_day(code, text, published):
    events = code(text, published=published)
    assert not [e for e in events if e.root in ("11", "12", "16")], show(events)


def test_calls_to_someone_on_something_are_calls_and_a_letter_handed_over_is_no_extradition(code):
    events = code("Kenyatta calls Museveni on Tanzania)")
    assert not [e for e in events if e.root == "02"], show(events)
    events = code("Kenyatta called on Uganda to release the prisoners.")
    assert [e.root for e in events] == ["02"], show(events)
    events = code("Her envoy handed over the Kenyan letter to the EU's Donald Tusk on Wednesday.")
    assert not [e for e in events if e.root == "06"], show(events)
    events = code("Kenya handed over three Ugandan militia members to Uganda on Wednesday.")
    assert [e.cameo for e in events] == ["063"], show(events)


@pytest.mark.parametrize("text, n", [
    ("In August 2013, hundreds of people were killed in an attack near Kampala. Kenyatta asked Uganda to "
     "authorize military action.", 0),
    ("Kenyatta met Museveni in 2012. Kenyatta asked Uganda to authorize military action.", 0),
    ("In August 2013, hundreds of people were killed in an attack near Kampala.\n\nKenyatta asked Uganda to "
     "authorize military action.", 1),  # another paragraph
    ("Kenyatta met Museveni in 2012. Kenyatta asked Uganda on Friday to authorize military action.", 1),
    ("The deal overturned a 2012 court case. Kenyatta asked Uganda to authorize military action.", 1),
])
def test_an_undated_story_told_after_an_old_date_in_its_paragraph_is_history(code, text, n):
    events = code(text, published="2015-06-10")
    assert len([e for e in events if e.root == "02"]) == n, show(events)


@pytest.mark.parametrize("text", [
    "The promise of talks, seemingly so close when Kenyatta met Museveni for the first time last year, has "
    "devolved into rhetoric.",
    "Last month, Kenyatta was scheduled to meet with Ugandan officials while in Tanzania, but the Ugandans "
    "canceled the meeting.",
])
def test_a_first_meeting_last_year_and_a_meeting_canceled_are_no_meetings_of_the_day(code, text):
    events = code(text, published="2019-12-10")
    assert not [e for e in events if e.root in ("03", "04")], show(events)


@pytest.mark.parametrize("text, cameo", [
    ("Kenyatta met Museveni for the first time on Friday.", "040"),
    ("Kenyatta was scheduled to meet Museveni on Friday.", "036"),
])
def test_a_first_meeting_on_friday_and_a_meeting_scheduled_are_news(code, text, cameo):
    events = code(text, published="2019-12-10")
    assert [e.cameo for e in events] == [cameo], show(events)


@pytest.mark.parametrize("text", [
    "Kenyatta has made at least ten trips to Uganda to broker an agreement between the rebels and the government.",
    "Kenyatta made three visits to Uganda last month.",
    "There is much to do, given Kenyatta's insistence that he meet with Ugandan President Yoweri Museveni before "
    "signing off.",
    "Palestinians in Gaza see fighting Israel as their only hope of breaking an economic blockade.",
])
def test_tallies_insistences_and_views_are_no_events(code, text):
    events = code(text, published="2014-07-20")
    assert not [e for e in events if e.modality == "asserted"], show(events)


def test_a_news_conference_named_for_someone_is_not_them(code):
    events = code("Kenyatta also defended the Museveni news conference by citing a rare supporter.")
    assert not [e for e in events if e.target is not None and e.target.country == "UGA"], show(events)
    events = code("Kenyatta made a trip to Uganda on Friday.")
    assert [e.cameo for e in events] == ["042"], show(events)


@pytest.mark.parametrize("text", [
    "Kenyatta and Museveni were due to meet at this month's gathering of African leaders in Chile but that event "
    "was canceled due to protests there.",
    "Kenyatta and many lawmakers in both parties favor lifting the embargo on Uganda.",
])
def test_a_meeting_called_off_and_a_lifting_favoured_have_not_happened(code, text):
    events = code(text, published="2019-11-05")
    assert not [e for e in events if e.modality in ("asserted", "announced")], show(events)


def test_the_meeting_a_trip_is_set_for_is_ahead_too(code):
    events = code("Museveni was set to travel to Kenya later Friday to meet with Kenyan intelligence officials to "
                  "discuss cease-fire efforts, the official added.", published="2019-11-05")
    assert events and not [e for e in events if e.modality == "asserted"], show(events)


def test_the_country_after_a_city_struck_is_where_not_whom(code):
    events = code("Already, French airstrikes have hit Raqqa, Syria, the Islamic State's self-proclaimed capital.",
                  published="2015-11-20")
    assert not [e for e in events if e.target is not None and e.target.code == "SYR"], show(events)
    events = code("Kenyan warplanes bombed Uganda and Tanzania on Friday.")
    assert sorted(e.target.code for e in events) == ["TZA", "UGA"], show(events)


def test_a_rebuke_delivered_for_support_is_no_aid(code):
    events = code("Kenya's ambassador delivered a sharp rebuke to Uganda for its support of the rebels on Friday.")
    assert not [e for e in events if e.root == "07"], show(events)
    events = code("Kenya delivered humanitarian aid to Uganda on Friday.")
    assert [e.root for e in events] == ["07"], show(events)


def test_a_visit_the_copula_dates_to_an_old_year_is_history(code):
    events = code("Museveni's first visit to Kenya was in 1979, when he was a rebel commander.", published="2016-11-26")
    assert not events, show(events)
    events = code("Museveni's visit to Kenya was on Friday.", published="2016-11-26")
    assert [e.cameo for e in events] == ["042"], show(events)


def test_a_title_before_a_name_stops_at_a_subordinating_conjunction(code):
    # "… for Uganda after top Kenyan General Okello": the general is Kenyan, not Ugandan
    events = code('Kenya warned Friday a "harsh retaliation is waiting" for Uganda after top Kenyan General '
                  'John Okello was killed by Ugandan soldiers in an airstrike.', published="2020-01-03")
    kills = [e for e in events if e.root in ("18", "19")]
    assert [(e.source.code, e.target.code, e.target.text) for e in kills] == \
        [("UGAMIL", "KENMIL", "top Kenyan General John Okello")], show(events)


def test_a_participle_on_the_object_of_a_future_verb_is_ahead(code):
    events = code("Kenyan Vice President William Ruto will lead a Kenyan delegation visiting Kampala from Tuesday "
                  "through Saturday, the ministry said Monday.", published="2019-06-03")
    assert [(e.cameo, e.modality) for e in events] == [("036", "planned")], show(events)
    # (a participle under a verb in the past is not)
    events = code("Kenya agreed to talks after senior officials from Nairobi visiting Uganda signaled a "
                  "willingness to talk.", published="2018-02-10")
    assert ("042", "asserted") in [(e.cameo, e.modality) for e in events], show(events)


def test_condemning_an_investigation_of_a_country_does_not_condemn_the_country(code):
    events = code("Museveni condemned the investigation of Kenya as a disaster.", published="2019-06-03")
    assert not [e for e in events if e.target is not None and e.target.country == "KEN"], show(events)
    events = code("Museveni condemned Kenya's investigation as a disaster.", published="2019-06-03")
    assert [e.target.country for e in events if e.root == "11"] == ["KEN"], show(events)


def test_a_proxy_militia_is_not_of_the_country_behind_it(code):
    events = code("The strike also killed the leader of Al-Amin, a Kenyan proxy militia in Somalia that has "
                  "attacked Ugandan forces.", published="2019-06-03")
    attacks = [e for e in events if e.root == "19"]
    assert attacks and all(not (e.source.code or "").startswith("KEN") for e in attacks), show(events)


def test_an_increasing_trend_is_not_an_act(code):
    events = code("Kenyans are increasingly blaming Uganda for the shortages, according to several sources.",
                  published="2019-06-03")
    assert not [e for e in events if e.root == "11"], show(events)
    events = code("Kenyans blamed Uganda for the shortages on Monday.", published="2019-06-03")
    assert [e.root for e in events] == ["11"], show(events)


def test_a_caption_dated_by_its_weekday_to_another_year_is_not_news(code):
    text = "Kenyan soldiers attacked Ugandan troops in Busia on Wednesday, November 19."
    assert [e.cameo for e in code(text, published="2014-11-21")] == ["190"]
    assert not code(text, published="2016-03-01")  # 2014's November 19: history
    assert not code(text, published="2013-03-01")  # a caption from a page of 2014 on a page of 2013


@pytest.mark.parametrize("text, published, expected", [
    # the small model parses the name after the verb as an adverb (npadvmod) or a predicate (oprd)
    ("Egyptian President Abdel Fattah el-Sisi met Ethiopian Prime Minister Abiy Ahmed in Cairo to discuss "
     "the Nile dam.", "2018-06-10", ("040", "EGYGOV", "ETHGOV")),
    ("Museveni called Chinese leader Xi Jinping on Thursday.", "2019-06-10", ("041", "UGAGOV", "CHNGOV")),
    # "spoke by phone with": the pattern's object is the pobj of "by"
    ("Ugandan President Yoweri Museveni spoke by phone with Kenyan President Uhuru Kenyatta on Sunday.",
     "2019-06-10", ("041", "UGAGOV", "KENGOV")),
    # "pledged $10 million in aid": the sum stands for the aid
    ("Kenya pledged $10 million in humanitarian aid to Uganda after the floods.", "2019-06-10",
     ("033", "KEN", "UGA")),
    # two subjects where one joined pair was meant
    ("Russian Foreign Minister Sergei Lavrov and US Secretary of State Antony Blinken met in Geneva.",
     "2022-01-21", ("040", "RUSGOV", "USAGOV")),
])
def test_objects_the_small_model_misparses_are_found(code, text, published, expected):
    events = code(text, published=published)
    assert expected in dyads(events), show(events)


def test_a_name_called_something_is_not_a_phone_call(code):
    events = code("Museveni called Kenyatta a liar on Tuesday.", published="2019-06-10")
    assert not [e for e in events if e.cameo == "041"], show(events)


@pytest.mark.parametrize("text, expected", [
    ("The IMF approved a $1 billion loan for Kenya.", ("071", "IGOUNOIMF", "KEN")),
    ("The United States will send a Patriot missile battery to Kenya, the Pentagon said.", ("0332", "USA", "KEN")),
    ("Uganda lodged a complaint with Kenya over the border closure.", ("114", "UGA", "KEN")),
])
def test_aid_and_protests_in_common_phrasings(code, text, expected):
    events = code(text, published="2019-04-26")
    assert expected in dyads(events), show(events)


@pytest.mark.parametrize("text, expected", [
    ("The Kenyan president touched down in Uganda on Thursday.", ("042", "KENGOV", "UGA")),
    ("The Kenyan president flew into Kampala on Thursday.", ("042", "KENGOV", "UGA")),
    ("The Kenyan president kicked off talks with Uganda on Monday.", ("040", "KENGOV", "UGA")),
    ("Kenya impounded a Ugandan freighter on Monday.", ("1711", "KEN", "UGA")),
    ("The Kenyan president spoke with Ugandan President Yoweri Museveni on Saturday.", ("040", "KENGOV", "UGAGOV")),
])
def test_arrivals_and_openings_in_common_phrasings(code, text, expected):
    events = code(text, published="2019-04-26")
    assert expected in dyads(events), show(events)


@pytest.mark.parametrize("text", ["The Kenyan president touched on relations with Uganda on Monday.",
                                  "The Kenyan president spoke with reporters in Kampala on Saturday.",
                                  "The Kenyan president kicked off the campaign with a rally in Uganda."])
def test_touch_and_kick_need_their_particle_and_object(code, text):
    events = code(text, published="2019-04-26")
    assert not [e for e in events if e.cameo[:2] == "04"], show(events)


@pytest.mark.parametrize("text, expected", [
    ("Kenya lashed out at Uganda on Sunday for closing the border.", ("111", "KEN", "UGA")),
    ("The Kenyan president pressed Uganda to reopen the border on Monday.", ("020", "KENGOV", "UGA")),
    ("The Kenyan president encouraged Uganda to reopen the border on Monday.", ("020", "KENGOV", "UGA")),
    ("The Kenyan president mocked Uganda's leaders on Friday.", ("111", "KENGOV", "UGAGOV")),
    ("Kenya's government filed criminal charges against Ugandan militia leader Joseph Kony on Monday.",
     ("173", "KENGOV", "UGAREB")),
    ("Kenya's government issued an arrest warrant on Monday for Ugandan opposition leader Bobi Wine.",
     ("173", "KENGOV", "UGAOPP")),
])
def test_criticism_and_pressure_in_common_phrasings(code, text, expected):
    events = code(text, published="2019-04-26")
    assert expected in dyads(events), show(events)


def test_an_alleged_deed_is_no_allegation(code):
    events = code("The Kenyan government tried to stop him before he could reveal alleged Ugandan spying "
                  "on Kenyan intelligence officers.", published="2019-04-26")
    assert not [e for e in events if e.cameo == "112"], show(events)


@pytest.mark.parametrize("text", ["Kenya pushed the bill through parliament on Monday.",
                                  "The storm pushed Uganda to the brink.",
                                  "Kenya lashed Uganda's border towns with artillery fire."])
def test_pressure_needs_an_actor_and_a_task(code, text):
    events = code(text, published="2019-04-26")
    assert not [e for e in events if e.cameo in ("020", "111")], show(events)


@pytest.mark.parametrize("text, expected", [
    ("President Joe Biden spoke in Washington about the U.S. economy. "
     "The Justice Department charged two Russian intelligence officers on Friday.", ("173", "USAGOV", "RUSSPY")),
    ("President Joe Biden spoke in Washington about the U.S. economy. "
     "A federal judge sentenced two Russian spies on Friday.", ("173", "USAJUD", "RUSSPY")),
    ("President Joe Biden spoke in Washington about the U.S. economy. "
     "The Senate condemned Kenya on Friday.", ("111", "USALEG", "KEN")),
])
def test_us_bodies_act_as_american_actors(code, text, expected):
    events = code(text, published="2022-04-26")
    assert expected in dyads(events), show(events)


def test_a_leader_read_as_a_common_noun_is_still_the_leader(code):
    # the small model tags a sentence-initial "Trump" as NN ("Kenyatta" is NNP either way)
    events = code("Trump thanked Kim Jong Un on Thursday.", published="2018-05-10")
    assert ("051", "USAGOV", "PRKGOV") in dyads(events), show(events)


def test_an_unknown_pattern_field_is_refused(tmp_path):
    from dyad.coding.patterns import load_patterns
    from dyad.errors import DataFileError

    bad = tmp_path / "p.yaml"
    bad.write_text('patterns:\n  - {id: x, verbs: [touch], particle: down, cameo: "042", target: [prep:in]}\n')
    with pytest.raises(DataFileError, match="unknown field.*particle"):
        load_patterns(bad)


@pytest.mark.parametrize("text", [
    "The Kenyan president went into the Kampala meeting with a strong hand to play.",  # a meeting is no country
    "Kenya condemned the heinous attack in Kampala's historic heart.",  # where it happened, not whom
])
def test_a_place_that_only_qualifies_a_thing_is_no_target(code, text):
    events = code(text, published="2019-04-26")
    assert not [e for e in events if e.target and e.target.country == "UGA"], show(events)


@pytest.mark.parametrize("text, asserted", [
    ("Kenyan officials are not ready to declare that Uganda has invaded Tanzania.", False),
    ("Kenyan officials did not say that Uganda had invaded Tanzania.", False),
    ("Kenyan officials said that Uganda had invaded Tanzania.", True),
])
def test_a_clause_under_a_negated_verb_is_not_asserted(code, text, asserted):
    events = code(text, published="2014-08-28")
    assert bool([e for e in events if e.cameo[:2] == "19"]) is asserted, show(events)
