"""Agreements: each way news names an instrument, the negatives, and deduplication."""
import pytest

from sco_cli.corpus import parse_article
from sco_cli.extract import extract


def agreements(body: str):
    """[(kind, title, parties, date, place)] extracted from an article with this body."""
    facts = extract(parse_article(f"Headline\n\n{body}", "doc"))
    return [(a.kind, a.title, list(a.parties), a.date.iso if a.date else None, a.place) for a in facts.agreements]


@pytest.mark.parametrize(
    "body, expected",
    [
        pytest.param(
            "Cooperation rests on the Memorandum of Understanding between the SCO Secretariat and the United "
            "Nations Office on Drugs and Crime (UNODC) (Astana, 14 June 2011).",
            [("memorandum", "Memorandum of Understanding between the SCO Secretariat and the United Nations Office "
              "on Drugs and Crime (UNODC)", ["SCO Secretariat", "UNODC"], "2011-06-14", "Astana")],
            id="titled-with-place-and-date-in-parentheses"),
        pytest.param(
            "In 2014, the SCO's Regional Anti-Terrorist Structure (RATS) and Interpol signed a memorandum of "
            "understanding.",
            [("memorandum", "Memorandum of understanding between RATS and Interpol", ["RATS", "Interpol"], "2014",
              None)],
            id="signers-before-a-lowercase-kind"),
        pytest.param(
            "On 2 December 2004, Resolution A/RES/59/48 was adopted at the 59th session of the UN General Assembly "
            "entitled \"Observer status for the Shanghai Cooperation Organisation\".",
            [("resolution", "Resolution A/RES/59/48", ["UN General Assembly"], "2004-12-02", None)],
            id="numbered-resolution"),
        pytest.param(
            "On 25 March 2021, the United Nations General Assembly adopted resolution 75/69, \"Cooperation between "
            "the United Nations and the Shanghai Cooperation Organization\".",
            [("resolution", "Resolution 75/69, \"Cooperation between the United Nations and the Shanghai "
              "Cooperation Organization\"", ["UN General Assembly"], "2021-03-25", None)],
            id="numbered-and-quoted-resolution"),
        pytest.param(
            "Their cooperation stems from the objectives stated in the Vienna Declaration of 2012.",
            [("declaration", "Vienna Declaration", [], "2012", None)], id="declaration-of-year"),
        pytest.param(
            "On 5 April 2010, the two met in Tashkent and signed a Joint Declaration on Cooperation between the "
            "Secretariats of the SCO and the UN.",
            [("declaration", "Joint Declaration on Cooperation between the Secretariats of the SCO and the UN",
              ["SCO Secretariat", "UN Secretariat"], "2010-04-05", "Tashkent")],
            id="signed-joint-declaration"),
        pytest.param(
            "The SCO Secretariat already has memoranda of understanding with several UN bodies: the Economic and "
            "Social Commission for Asia and the Pacific (ESCAP), UNESCO and the Food and Agriculture Organization "
            "(FAO).",
            [("memorandum", "Memorandum with ESCAP", ["ESCAP"], None, None),
             ("memorandum", "Memorandum with UNESCO", ["UNESCO"], None, None),
             ("memorandum", "Memorandum with FAO", ["FAO"], None, None)],
            id="memoranda-listed"),
        pytest.param(
            "The ministers also adopted a road map on support for Afghanistan.",
            [("plan", "Road map on support for Afghanistan", [], None, None)], id="roadmap-is-a-plan"),
        pytest.param(
            "The heads of delegation signed a joint communique.",
            [("statement", "Joint communique", [], None, None)], id="communique-is-a-statement"),
    ],
)
def test_instrument_phrasings(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("The SCO supports the three basic UN conventions on drugs.", id="generic-plural"),
        pytest.param("Singh said the failure to respect existing agreements had hurt ties.", id="existing-agreements"),
        pytest.param("Under the memorandum, the two organisations will share information.", id="reference-back"),
        pytest.param("The Paris Pact Initiative is a leading international programme on combatting trafficking.",
                     id="description-not-instrument"),
        pytest.param("They discussed a possible memorandum of understanding between the SCO and the UNECE.",
                     id="not-yet-signed"),
        pytest.param("Leaders met at the Collective Security Treaty Organisation (CSTO) headquarters.",
                     id="kind-word-in-an-organisation-name"),
    ],
)
def test_not_instruments(body):
    assert agreements(body) == []


def test_two_mentions_in_one_article_are_one_record_with_the_fuller_fields():
    body = ("In June 2011, the Memorandum of Understanding between the SCO Secretariat and the UNODC was signed. "
            "They recalled the Memorandum of Understanding between the SCO Secretariat and the United Nations "
            "Office on Drugs and Crime (UNODC) (Astana, 14 June 2011).")
    assert agreements(body) == [
        ("memorandum", "Memorandum of Understanding between the SCO Secretariat and the United Nations Office on "
         "Drugs and Crime (UNODC)", ["SCO Secretariat", "UNODC"], "2011-06-14", "Astana")]


@pytest.mark.parametrize("body, expected", [
    # a title ends before its clause's place and time words
    pytest.param("On 9 June 2018 the ministers signed a memorandum of understanding on cooperation in tourism in "
                 "Qingdao.", [("memorandum", "Memorandum of understanding on cooperation in tourism", [],
                               "2018-06-09", "Qingdao")], id="title-ends-before-its-city"),
    # resolutions named by number, and by their adopting body
    pytest.param("The council recalled UN Security Council resolution 1267 and General Assembly resolution "
                 "A/77/L.107.",
                 [("resolution", "UN Security Council resolution 1267", ["UN Security Council"], None, None),
                  ("resolution", "General Assembly resolution A/77/L.107", ["UN General Assembly"], None, None)],
                 id="numbered-resolutions"),
    # still to be signed: no instrument yet
    pytest.param("The two countries are to sign a treaty on friendship next year.", [], id="to-be-signed"),
    # a building named after a convention is none
    pytest.param("On 15 December 2015 the premiers met at the Zhengzhou International Convention and Exhibition "
                 "Centre.", [], id="convention-centre"),
])
def test_instruments_named_in_running_text(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a joint communique is an instrument of the meeting it closes, dated by it
    pytest.param("TASHKENT, Nov. 2, 2007 (Xinhua) -- In their joint communique the prime ministers pledged to "
                 "expand trade.", [("statement", "Joint communique", [], "2007-11-02", "Tashkent")],
                 id="joint-communique"),
    # two instruments of one list, each with its own title
    pytest.param("On 15 December 2015 the heads of government issued a joint communique of 22 points and a "
                 "statement on regional economic cooperation.",
                 [("statement", "Joint communique of 22 points", [], "2015-12-15", None),
                  ("statement", "Statement on regional economic cooperation", [], "2015-12-15", None)],
                 id="listed-lowercase"),
    # the period an instrument covers, and another thing's founding, do not date it
    pytest.param("ASTANA, June 15, 2011 -- The leaders approved the organisation's Anti-Drug Strategy for "
                 "2011-2016.", [("strategy", "Anti-Drug Strategy", [], "2011-06-15", "Astana")],
                 id="period-covered"),
    pytest.param("Hu recalled the bilateral treaty of 2001.", [("treaty", "Treaty of 2001", [], "2001", None)],
                 id="treaty-of-year"),
    # one verb after a list: every instrument of the list is signed, the day of the dispatch
    pytest.param("BISHKEK, March 3, 2023 (Kabar) -- After the talks a memorandum on cooperation in tourism "
                 "and a memorandum between the two ministries of culture were signed.",
                 [("memorandum", "Memorandum on cooperation in tourism", [], "2023-03-03", "Bishkek"),
                  ("memorandum", "Memorandum between the two ministries of culture", [], "2023-03-03", "Bishkek")],
                 id="list-before-its-verb"),
    pytest.param("BISHKEK, March 3, 2023 (Kabar) -- Following the meeting, a memorandum of understanding between "
                 "the two governments on developing the southern transport corridor and a memorandum of "
                 "understanding between Kyrgyzstan's Ministry of Economy and Uzbekistan's Ministry of Investment "
                 "were signed.",
                 [("memorandum", "Memorandum of understanding between the two governments on developing the "
                   "southern transport corridor", [], "2023-03-03", "Bishkek"),
                  ("memorandum", "Memorandum of understanding between Kyrgyzstan's Ministry of Economy and "
                   "Uzbekistan's Ministry of Investment", ["Kyrgyzstan's Ministry of Economy",
                                                           "Uzbekistan's Ministry of Investment"],
                   "2023-03-03", "Bishkek")],
                 id="long-titles-before-their-verb"),
    # the years the first instrument covers do not break the list
    pytest.param("DUSHANBE, May 20, 2024 -- The education ministers approved the Programme of Cooperation in "
                 "Education for 2024-2026 along with a plan of measures for its implementation.",
                 [("programme", "Programme of Cooperation in Education", [], "2024-05-20", "Dushanbe"),
                  ("plan", "Plan of measures for its implementation", [], "2024-05-20", "Dushanbe")],
                 id="list-after-the-years-covered"),
])
def test_instruments_and_their_dates(body, expected):
    assert agreements(body) == expected


def test_the_headline_tells_which_instruments_the_main_event_adopted():
    facts = extract(parse_article(
        "SCO leaders meet online and adopt the Moscow Declaration\n\n"
        "MOSCOW, Nov. 10, 2020 (TASS) -- The leaders of the SCO member states held their summit by video link.\n\n"
        "The main outcome was the Moscow Declaration.", "doc"))
    assert [(a.title, a.date.iso if a.date else None) for a in facts.agreements] == [
        ("Moscow Declaration", "2020-11-10")]


def test_a_signing_after_a_meeting_of_two_days_takes_the_main_day():
    # "4-5 May" holds the main date (5 May, the day the memoranda were signed): not its first day
    facts = extract(parse_article(
        "Memoranda signed at Goa meeting\n\n"
        "The foreign ministers met on 4-5 May 2023 in Goa. The meeting ended with the signing of memoranda "
        "granting dialogue partner status to Kuwait and the Maldives.\n\n"
        "The memoranda were signed on 5 May.", "doc"))
    assert [(a.title, a.date.iso) for a in facts.agreements] == [
        ("Memorandum granting dialogue partner status to Kuwait", "2023-05-05"),
        ("Memorandum granting dialogue partner status to Maldives", "2023-05-05")]


@pytest.mark.parametrize("body, expected", [
    # the signers before the verb are the parties; the title stays as written
    pytest.param("On 22 October 2025 the Secretariat of the Shanghai Cooperation Organization (SCO) and the "
                 "Roscongress Foundation signed a memorandum of understanding on congress activities.",
                 [("memorandum", "Memorandum of understanding on congress activities",
                   ["Secretariat of the SCO", "Roscongress Foundation"], "2025-10-22", None)], id="signers"),
    # a spokesman's statement, and a declaration still to be adopted, are no instruments
    pytest.param("In a statement of 5 February 2013, a spokesman for the Foreign Ministry said relations were good.",
                 [], id="spokesman"),
    pytest.param("On Friday the leaders are to adopt the Samarkand Declaration.", [], id="to-adopt"),
])
def test_signers_and_look_alikes(body, expected):
    assert agreements(body) == expected


def test_a_declaration_with_a_leader_binds_his_state_and_is_dated_by_a_later_sentence():
    facts = extract(parse_article(
        "Headline\n\nChinese President Xi Jinping and Mongolian President Tsakhiagiin Elbegdorj held talks. A few "
        "weeks earlier Xi had signed a joint declaration with Elbegdorj in Ulan Bator. That declaration was "
        "signed on August 21, 2014.", "doc"))
    assert [(a.kind, a.title, a.parties, a.date.iso) for a in facts.agreements] == [
        ("declaration", "Joint declaration with Mongolia", ("Mongolia",), "2014-08-21")]


def test_numbered_resolutions_listed_together_take_their_dates_in_order():
    assert agreements("ASTANA, June 15, 2011 -- The leaders called for compliance with UN Security Council "
                      "resolutions 1970 and 1973, adopted in February and March.") == [
        ("resolution", "UN Security Council resolution 1970", ["UN Security Council"], "2011-02", None),
        ("resolution", "UN Security Council resolution 1973", ["UN Security Council"], "2011-03", None)]


def test_a_joint_statement_named_in_a_clause_is_one():
    assert agreements("The minister said the joint statement the two presidents signed on May 16, 2024 had drawn "
                      "a wide response.") == [("statement", "Joint statement", [], "2024-05-16", None)]


def test_the_documents_of_a_summit_that_adopted_them_take_its_day():
    facts = extract(parse_article(
        "SCO leaders adopt declaration and plans at online summit\n\n"
        "MOSCOW, Nov. 10, 2020 (TASS) -- The leaders of the SCO member states held their summit by video link.\n\n"
        "Nine decisions had been prepared, among them a comprehensive plan of joint measures against epidemic "
        "threats. The leaders approved the Anti-Drug Strategy together with a programme of action for its "
        "implementation.", "doc"))
    assert [(a.title, a.date.iso if a.date else None) for a in facts.agreements] == [
        ("Comprehensive plan of joint measures against epidemic threats", "2020-11-10"),
        ("Anti-Drug Strategy", "2020-11-10"),
        ("Programme of action for its implementation", "2020-11-10")]



@pytest.mark.parametrize("body, expected", [
    # an SCO body that issues a document binds the member states
    pytest.param("BISHKEK, March 4, 2019 (Xinhua) -- The SCO heads of government issued a joint communique on "
                 "transport on Monday.",
                 [("statement", "Joint communique on transport", ["SCO member states"], "2019-03-04", "Bishkek")],
                 id="collective-body-issues"),
    # a count before the body names the sides of a bilateral, and their people name the states
    pytest.param("On 3 May 2019, at the SCO meeting, Russian Foreign Minister Sergey Lavrov and Mongolian Foreign "
                 "Minister Damdin Tsogtbaatar signed a plan of cooperation for 2019-2020.",
                 [("plan", "Plan of cooperation for 2019-2020", ["Russia", "Mongolia"], "2019-05-03", None)],
                 id="signers-of-two-states"),
    # states joined by hyphens in the title
    pytest.param("On 7 July 2016 the Russia-Mongolia protocol on border crossings was signed in Ulaanbaatar.",
                 [("protocol", "Russia-Mongolia protocol on border crossings", ["Russia", "Mongolia"], "2016-07-07",
                   "Ulaanbaatar")], id="hyphenated-states"),
    # a declaration named in passing, near words about member states, binds nobody the text says
    pytest.param("The SCO's experts in the member states share the goals stated in the Vienna Declaration of 2012.",
                 [("declaration", "Vienna Declaration", [], "2012", None)], id="named-in-passing"),
    # a summit's city declaration is the member states'
    pytest.param("The Bishkek Declaration of the SCO was adopted on 14 June 2019.",
                 [("declaration", "Bishkek Declaration of the SCO", ["SCO member states"], "2019-06-14", "Bishkek")],
                 id="summit-city-declaration"),
])
def test_parties_from_the_clause(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize("body, expected", [
    pytest.param("Nepal signed its memorandum on dialogue partner status in Kathmandu on 3 May 2016.",
                 [("memorandum", "Memorandum on granting Nepal the status of SCO dialogue partner", ["Nepal", "SCO"],
                   "2016-05-03", "Kathmandu")], id="signed-its-memorandum"),
    pytest.param("Bahrain's memorandum on observer status was signed on 9 March 2024.",
                 [("memorandum", "Memorandum on granting Bahrain the status of SCO observer", ["Bahrain", "SCO"],
                   "2024-03-09", None)], id="possessive"),
    pytest.param("Mongolia, an observer since 2004, signed a memorandum of obligations on 2 June 2025.",
                 [("memorandum", "Memorandum of obligations of Mongolia to obtain the status of SCO member state",
                   ["Mongolia", "SCO"], "2025-06-02", None)], id="memorandum-of-obligations"),
    pytest.param("For Qatar, the memorandum on its accession to the SCO as a dialogue partner was signed on 14 "
                 "September 2022.",
                 [("memorandum", "Memorandum on its accession to the SCO as a dialogue partner", ["Qatar", "SCO"],
                   "2022-09-14", None)], id="its-accession"),
    pytest.param("On 4 May 2023 the Secretary-General signed memoranda granting dialogue partner status to Kuwait "
                 "and Bahrain.",
                 [("memorandum", "Memorandum granting dialogue partner status to Kuwait", ["Kuwait", "SCO"],
                   "2023-05-04", None),
                  ("memorandum", "Memorandum granting dialogue partner status to Bahrain", ["Bahrain", "SCO"],
                   "2023-05-04", None)], id="granting-to-each"),
])
def test_status_memoranda_name_their_state_and_the_sco(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize("body, expected", [
    # drafts are not signed, and a "could be signed" is said of the first instrument before it
    pytest.param("The experts agreed the draft documents, including a plan of cooperation for 2024-2025.", [],
                 id="among-drafts"),
    pytest.param("He hoped that a treaty on friendship, building on the agreement of 2001, could be signed soon.",
                 [("agreement", "Agreement of 2001", [], "2001", None)], id="could-be-signed"),
    # a plural kind word that lists its instruments one by one
    pytest.param("On 2 June 2021 the ministers adopted two statements: one on food security, and another on "
                 "climate change.",
                 [("statement", "Statement on food security", [], "2021-06-02", None),
                  ("statement", "Statement on climate change", [], "2021-06-02", None)], id="one-on-another-on"),
    # a meeting's document named by the meeting
    pytest.param("On 12 May 2021 they adopted the Protocol of the fifth meeting of the transport ministers.",
                 [("protocol", "Protocol of the fifth meeting of the transport ministers", [], "2021-05-12", None)],
                 id="of-the-nth-meeting"),
    # "the programme of ..." is an instrument when its clause tells its signing
    pytest.param("The programme of the transport corridor was signed in Bishkek in 2015.",
                 [("programme", "Programme of the transport corridor", [], "2015", "Bishkek")], id="signed-programme"),
    pytest.param("The programme of the visit included a concert in 2015.", [], id="programme-of-a-visit"),
])
def test_more_ways_of_naming(body, expected):
    assert agreements(body) == expected


def test_a_joint_communique_named_by_its_kind_first_is_one_record():
    body = ("According to the joint communique, six premiers attended the SCO meeting. On 3 November 2019 the "
            "heads of government issued a joint communique of 18 points.")
    assert agreements(body) == [("statement", "Joint communique of 18 points", ["SCO member states"], "2019-11-03",
                                 None)]


@pytest.mark.parametrize("body, expected", [
    pytest.param("MOSCOW, 10 Nov 2020 -- The SCO leaders approved statements on the digital economy and on food "
                 "security.",
                 [("statement", "Statement on the digital economy", ["SCO member states"], "2020-11-10", "Moscow"),
                  ("statement", "Statement on food security", ["SCO member states"], "2020-11-10", "Moscow")],
                 id="statements-on-each"),
    pytest.param("The Memorandum of Understanding between the SCO Secretariat and the WHO in Astana on 4 July 2024 "
                 "was a milestone.",
                 [("memorandum", "Memorandum of Understanding between the SCO Secretariat and the WHO",
                   ["SCO Secretariat", "WHO"], "2024-07-04", "Astana")], id="party-ends-before-its-city"),
])
def test_lists_and_party_tails(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize("body, expected", [
    # the participle right after an instrument dates it; "said on Friday" dates the words
    pytest.param("BEIJING, 20 Oct 2023 -- Zhang Ming said on Friday that the memorandum of understanding on "
                 "cooperation in tourism, signed in Tashkent on 5 June 2019, had borne fruit.",
                 [("memorandum", "Memorandum of understanding on cooperation in tourism", [], "2019-06-05",
                   "Tashkent")], id="participle-dates-it"),
    # a year or a day at the end of a complement is the clause's, not the title's
    pytest.param("MOSCOW, 12 March 2024 -- Russia and China signed a treaty on good-neighbourliness in 2001, "
                 "Lavrov recalled.",
                 [("treaty", "Treaty on good-neighbourliness", ["Russia", "China"], "2001", None)], id="year-tail"),
    pytest.param("BISHKEK, 14 June 2019 -- The ministers approved a programme of cooperation on tourism on 13 June.",
                 [("programme", "Programme of cooperation on tourism", [], "2019-06-13", "Bishkek")], id="day-tail"),
    # another clause's date ("and condemning the strikes ... on 13 June") is not the statement's
    pytest.param("ASTANA, 15 June 2025 -- The SCO member states on Saturday issued a statement expressing concern "
                 "over the escalation and strongly condemning the strikes carried out on 13 June 2025.",
                 [("statement", "Statement expressing concern over the escalation", ["SCO member states"],
                   "2025-06-14", "Astana")], id="other-clause-date"),
    # "ended with the adoption of": reported, placed and dated by the summit
    pytest.param("DUSHANBE, 17 Sept 2021 -- The SCO summit ended with the adoption of the Dushanbe Declaration.",
                 [("declaration", "Dushanbe Declaration", ["SCO member states"], "2021-09-17", "Dushanbe")],
                 id="adoption-of"),
    # the owner written before a title is its party, not part of it
    pytest.param("The SCO's Bishkek Declaration was adopted on 14 June 2019.",
                 [("declaration", "Bishkek Declaration", ["SCO"], "2019-06-14", "Bishkek")], id="owner"),
    # a year as the instrument's adjective names and dates it
    pytest.param("BEIJING, 9 June 2018 -- The new rules expand a 2006 protocol on rice exports.",
                 [("protocol", "2006 protocol on rice exports", [], "2006", None)], id="year-adjective"),
])
def test_dates_and_owners(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize("body, expected", [
    pytest.param("BISHKEK, 2 Nov 2023 -- The agreement on cooperation in the field of energy was signed by "
                 "Kazakhstan, Kyrgyzstan and Uzbekistan on 1 November.",
                 [("agreement", "Agreement on cooperation in the field of energy",
                   ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"], "2023-11-01", "Bishkek")], id="signed-by-states"),
    pytest.param("ASTANA, 4 July 2024 -- The documents signed included a memorandum of understanding between the "
                 "SCO Secretariat and the Eurasian Economic Commission and a roadmap for the SCO energy partnership.",
                 [("memorandum", "Memorandum of understanding between the SCO Secretariat and the Eurasian Economic "
                   "Commission", ["SCO Secretariat", "Eurasian Economic Commission"], "2024-07-04", "Astana"),
                  ("plan", "Roadmap for the SCO energy partnership", [], "2024-07-04", "Astana")],
                 id="title-ends-at-the-next-instrument"),
])
def test_signed_by_and_the_next_instrument(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize("body, expected", [
    pytest.param("NEW DELHI, 12 Jan 2024 -- India and Kazakhstan on Friday signed an MoU on cooperation in the field "
                 "of digital technologies.",
                 [("memorandum", "MoU on cooperation in the field of digital technologies", ["India", "Kazakhstan"],
                   "2024-01-12", "New Delhi")], id="signers-of-an-MoU"),
    pytest.param("MOSCOW, 20 Oct 2023 -- Lavrov recalled the Treaty of Good-Neighbourliness, Friendship and "
                 "Cooperation signed by Russia and China in July 2001.",
                 [("treaty", "Treaty of Good-Neighbourliness, Friendship and Cooperation", ["Russia", "China"],
                   "2001-07", None)], id="signed-by-after-a-title"),
    pytest.param("DUSHANBE, 5 July 2024 -- An MoU on cultural exchanges was inked by the two ministries.",
                 [("memorandum", "MoU on cultural exchanges", [], "2024-07-05", "Dushanbe")], id="inked"),
])
def test_signers_of_capitalised_kinds(body, expected):
    assert agreements(body) == expected
