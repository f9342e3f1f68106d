"""Meetings and people: each phrasing of a meeting, the negatives, coreference, dates, places."""
import pytest

from sco_cli.corpus import parse_article
from sco_cli.extract import extract


def meetings(body: str, headline: str = "Headline", planned: bool = False):
    """[(date, [participant names], place, format)] extracted from an article with this body."""
    facts = extract(parse_article(f"{headline}\n\n{body}", "doc"))
    return [(m.date.iso if m.date else None, [p.name for p in m.participants], m.place, m.format)
            for m in facts.meetings if m.planned == planned]


def people(body: str):
    facts = extract(parse_article(f"Headline\n\n{body}", "doc"))
    return [(p.name, p.role, p.organization) for p in facts.people]


NOROV = "SCO Secretary-General Vladimir Norov"


@pytest.mark.parametrize(
    "body, expected",
    [
        pytest.param(f"On 6 March 2020, {NOROV} met with Paris Pact Coordinator Marie-Anne Menier in Vienna.",
                     [("2020-03-06", ["Vladimir Norov", "Marie-Anne Menier"], "Vienna", "in-person")], id="met-with"),
        pytest.param(f"On 2 May 2019, {NOROV} had a meeting with Foreign Minister Sergei Lavrov in Moscow.",
                     [("2019-05-02", ["Vladimir Norov", "Sergei Lavrov"], "Moscow", "in-person")],
                     id="had-a-meeting-with"),
        pytest.param(f"On 2 May 2019, {NOROV} had a meeting in Geneva with Tatiana Valovaya, Director-General of "
                     "the United Nations Office at Geneva.",
                     [("2019-05-02", ["Vladimir Norov", "Tatiana Valovaya"], "Geneva", "in-person")],
                     id="had-a-meeting-in-city-with"),
        pytest.param("On 16 March 2023, SCO Secretary-General Zhang Ming held talks with Deputy Foreign Minister "
                     "Andrei Rudenko in Moscow.",
                     [("2023-03-16", ["Zhang Ming", "Andrei Rudenko"], "Moscow", "in-person")], id="held-talks-with"),
        pytest.param(f"On 13 November 2020, {NOROV} received Tuvshin Badral, Ambassador of Mongolia, in Beijing.",
                     [("2020-11-13", ["Vladimir Norov", "Tuvshin Badral"], "Beijing", "in-person")], id="received"),
        pytest.param("On 28 April 2017, the SCO headquarters in Beijing hosted a meeting between SCO "
                     "Secretary-General Rashid Alimov and Shakhrat Nuryshev, Ambassador of Kazakhstan.",
                     [("2017-04-28", ["Rashid Alimov", "Shakhrat Nuryshev"], "Beijing", "in-person")],
                     id="hosted-a-meeting-between"),
        pytest.param(f"On 28 September 2019 the SCO Secretary-General took part in a meeting at the UN Headquarters "
                     "in New York with UN Secretary-General Antonio Guterres. Vladimir Norov thanked him.",
                     [("2019-09-28", ["Vladimir Norov", "Antonio Guterres"], "New York", "in-person")],
                     id="took-part-in-a-meeting-with-role-named-later"),
        pytest.param(f"On 29 April 2020, {NOROV} had a telephone conversation with Le Yucheng, Vice Minister of "
                     "Foreign Affairs of China.",
                     [("2020-04-29", ["Vladimir Norov", "Le Yucheng"], None, "phone")], id="telephone-conversation"),
        pytest.param(f"On 9 February 2021 {NOROV} had a working meeting via videoconference with Miroslav Jenca, "
                     "Assistant Secretary-General of the UN.",
                     [("2021-02-09", ["Vladimir Norov", "Miroslav Jenca"], None, "video")], id="via-videoconference"),
        pytest.param(f"On 14 March 2019, {NOROV} met with Interpol Secretary-General Jurgen Stock on the sidelines of "
                     "the 62nd session of the Commission on Narcotic Drugs in Vienna.",
                     [("2019-03-14", ["Vladimir Norov", "Jurgen Stock"], "Vienna", "in-person")], id="on-the-sidelines"),
        pytest.param("On November 9, 2023, a delegation of the SCO Regional Anti-Terrorist Structure (RATS), led by "
                     "its Director Ruslan Mirzaev, held talks in Tashkent with the UN Monitoring Team headed by its "
                     "Coordinator, Justin Hustwitt.",
                     [("2023-11-09", ["Ruslan Mirzaev", "Justin Hustwitt"], "Tashkent", "in-person")],
                     id="delegations-led-by"),
        pytest.param("SHANGHAI, June 16, 2006 (Xinhua) -- Chinese President Hu Jintao on Friday held separate talks "
                     "here with Pakistani President Pervez Musharraf and Iranian President Mahmoud Ahmadinejad.",
                     [("2006-06-16", ["Hu Jintao", "Pervez Musharraf"], "Shanghai", "in-person"),
                      ("2006-06-16", ["Hu Jintao", "Mahmoud Ahmadinejad"], "Shanghai", "in-person")],
                     id="separate-talks-dateline-here"),
        pytest.param("On 17 May 2022 Zhang Ming arrived in Moscow, where he met Foreign Minister Sergei Lavrov and "
                     "held consultations with Deputy Foreign Minister Igor Morgulov.",
                     [("2022-05-17", ["Zhang Ming", "Sergei Lavrov"], "Moscow", "in-person"),
                      ("2022-05-17", ["Zhang Ming", "Igor Morgulov"], "Moscow", "in-person")],
                     id="two-meetings-in-one-sentence"),
    ],
)
def test_meeting_phrasings(body, expected):
    assert meetings(body) == expected


def test_background_meeting_with_roles_as_written():
    body = (f"On 28 September 2019, {NOROV} met with UN Secretary-General Antonio Guterres in New York.\n\n"
            "On 5 April 2010, the SCO Secretary General and the UN Secretary General met in Tashkent.")
    assert meetings(body) == [
        ("2019-09-28", ["Vladimir Norov", "Antonio Guterres"], "New York", "in-person"),
        ("2010-04-05", ["SCO Secretary General", "UN Secretary General"], "Tashkent", "in-person"),
    ]


def test_several_meetings_share_the_story_and_pronouns():
    body = ("On 9 June 2018, SCO Secretary-General Rashid Alimov held a series of meetings on the sidelines of "
            "the Qingdao summit.\n\nHe met with Prime Minister of India Narendra Modi.\n\n"
            "The same day, Mr Alimov received CSTO Secretary-General Yury Khachaturov.")
    assert meetings(body) == [
        ("2018-06-09", ["Rashid Alimov", "Narendra Modi"], "Qingdao", "in-person"),
        ("2018-06-09", ["Rashid Alimov", "Yury Khachaturov"], "Qingdao", "in-person"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(f"{NOROV} will meet Foreign Minister Sergei Lavrov in Moscow next week.", id="will-meet"),
        pytest.param(f"{NOROV} and Foreign Minister Sergei Lavrov agreed to hold talks in Moscow.", id="agreed-to-hold"),
        pytest.param(f"A planned meeting between {NOROV} and Foreign Minister Sergei Lavrov could not take place.",
                     id="planned-did-not-happen"),
        pytest.param(f"{NOROV} spoke about preparations for the next meeting with Paris Pact Coordinator "
                     "Marie-Anne Menier on 29-30 June 2020.", id="next-meeting"),
    ],
)
def test_planned_meetings_are_not_meetings(body):
    assert meetings(body) == []


def test_planned_meetings_are_kept_apart():
    body = f"{NOROV} will meet Foreign Minister Sergei Lavrov in Moscow."
    assert meetings(body, planned=True) == [(None, ["Vladimir Norov", "Sergei Lavrov"], "Moscow", "in-person")]


def test_atmosphere_sentence_adds_no_second_meeting():
    body = (f"On 6 March 2020, {NOROV} met with Paris Pact Coordinator Marie-Anne Menier in Vienna. "
            "During the meeting, the parties discussed cooperation. "
            "The meeting was held in a businesslike and constructive atmosphere.")
    assert len(meetings(body)) == 1


def test_a_letter_received_is_no_meeting():
    assert meetings(f"{NOROV} received a letter of congratulations from the ministry.") == []


def test_people_with_roles_and_organisations():
    body = ("On 14 March 2017, SCO Secretary-General Rashid Alimov met with UN Under-Secretary General and "
            "UNODC Executive Director Yury Fedotov. Khusrav Noziri, Secretary General of the Economic Cooperation "
            "Organization (ECO), joined them. Chinese President Xi Jinping sent greetings.")
    assert people(body) == [
        ("Rashid Alimov", "Secretary-General", "SCO"),
        ("Yury Fedotov", "Executive Director", "UNODC"),
        ("Khusrav Noziri", "Secretary General", "ECO"),
        ("Xi Jinping", "President", "China"),
    ]


def test_surname_and_title_refer_back_to_the_full_name():
    body = (f"On 14 March 2019, {NOROV} met with Interpol Secretary-General Jurgen Stock in Vienna. "
            "Mr Norov thanked Mr Stock for attending.")
    facts = extract(parse_article(f"Headline\n\n{body}", "doc"))
    assert [p.name for p in facts.people] == ["Vladimir Norov", "Jurgen Stock"]
    assert facts.people[0].aliases == ("Norov",)


DAY_OF_BILATERALS = (
    "ASTANA, July 3 (Kazinform) -- On Wednesday Kyrgyz President Sadyr Japarov met Chinese President "
    "Xi Jinping. Japarov also met Russian President Vladimir Putin, Turkish President Recep Tayyip Erdogan "
    "and Iranian President Masoud Pezeshkian. Later he received Mongolian President Ukhnaagiin Khurelsukh.")


def test_a_leader_meeting_leaders_of_several_states_holds_bilaterals():
    # 3 July 2024 was a Wednesday, in the terms of all six presidents
    day = "2024-07-03"
    assert meetings(DAY_OF_BILATERALS) == [
        (day, ["Sadyr Japarov", "Xi Jinping"], "Astana", "in-person"),
        (day, ["Sadyr Japarov", "Vladimir Putin"], "Astana", "in-person"),
        (day, ["Sadyr Japarov", "Recep Tayyip Erdogan"], "Astana", "in-person"),
        (day, ["Sadyr Japarov", "Masoud Pezeshkian"], "Astana", "in-person"),
        (day, ["Sadyr Japarov", "Ukhnaagiin Khurelsukh"], "Astana", "in-person"),
    ]


@pytest.mark.parametrize("body, expected", [
    # a trilateral is one meeting
    pytest.param("On 3 July 2024 Kyrgyz President Sadyr Japarov held a trilateral meeting with Kazakh President "
                 "Kassym-Jomart Tokayev and Uzbek President Shavkat Mirziyoyev in Astana.",
                 [("2024-07-03", ["Sadyr Japarov", "Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"], "Astana",
                   "in-person")], id="trilateral"),
    # two people of one organisation are received together
    pytest.param("On 5 May 2023 Foreign Minister Sergey Lavrov received SCO Secretary-General Zhang Ming and SCO "
                 "Deputy Secretary-General Sohail Khan in Moscow.",
                 [("2023-05-05", ["Sergey Lavrov", "Zhang Ming", "Sohail Khan"], "Moscow", "in-person")],
                 id="one-delegation"),
])
def test_one_meeting_with_several_people(body, expected):
    assert meetings(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a phone call "took place between" two named people
    pytest.param("A telephone conversation took place on 14 September 2021 between President of Tajikistan "
                 "Emomali Rahmon and Russian President Vladimir Putin.",
                 [("2021-09-14", ["Emomali Rahmon", "Vladimir Putin"], None, "phone")], id="call-between"),
    # "spoke with" after a round of calls is a call too; its leaders of two states are two calls
    pytest.param("On 8 August 2025 Russian President Vladimir Putin held telephone conversations with several "
                 "leaders. Putin spoke with Uzbek President Shavkat Mirziyoyev and Kazakh President "
                 "Kassym-Jomart Tokayev.",
                 [("2025-08-08", ["Vladimir Putin", "Shavkat Mirziyoyev"], None, "phone"),
                  ("2025-08-08", ["Vladimir Putin", "Kassym-Jomart Tokayev"], None, "phone")], id="call-round"),
    # the talks are dated by their own clause, not by an aside about the arrival
    pytest.param("Chinese President Hu Jintao, who arrived on 12 June 2011, held talks with Kazakh President "
                 "Nursultan Nazarbayev on 13 June 2011 in Astana.",
                 [("2011-06-13", ["Hu Jintao", "Nursultan Nazarbayev"], "Astana", "in-person")], id="aside"),
    # a later clause of the sentence has its own date
    pytest.param("Tajik President Emomali Rahmon visited China in May 2023, and the two leaders held talks with "
                 "Chinese President Xi Jinping in Xi'an on May 18, 2023.",
                 [("2023-05-18", ["Emomali Rahmon", "Xi Jinping"], "Xi'an", "in-person")], id="new-clause"),
    # the envoy is met, not the president who sent him
    pytest.param("On 6 August 2025 Russian President Vladimir Putin met US President Donald Trump's special envoy "
                 "Steve Witkoff in Moscow.",
                 [("2025-08-06", ["Vladimir Putin", "Steve Witkoff"], "Moscow", "in-person")], id="possessor"),
])
def test_meeting_frames(body, expected):
    assert meetings(body) == expected


def test_each_phrase_of_a_sentence_is_held_or_planned_on_its_own():
    body = ("On 16 September 2022 Pakistani Prime Minister Shehbaz Sharif met President of Azerbaijan Ilham "
            "Aliyev in Samarkand, and he was due to meet Chinese President Xi Jinping.")
    assert meetings(body) == [("2022-09-16", ["Shehbaz Sharif", "Ilham Aliyev"], "Samarkand", "in-person")]
    assert meetings(body, planned=True) == [
        ("2022-09-16", ["Shehbaz Sharif", "Xi Jinping"], "Samarkand", "in-person")]


def test_a_dispatch_filed_the_day_after_dates_the_meeting_by_its_weekday():
    # the dateline is the filing day (Friday 30 July 2021); the meeting was on the Wednesday
    body = ("Dushanbe: 30 July 2021 (TDI): Pakistan's Defence Minister Pervez Khattak met Chinese Defence "
            "Minister Wei Fenghe in Dushanbe on Wednesday.")
    assert meetings(body) == [("2021-07-28", ["Pervez Khattak", "Wei Fenghe"], "Dushanbe", "in-person")]


def test_a_meeting_being_prepared_is_not_held():
    body = "On 8 August 2025, officials said a meeting between Vladimir Putin and Donald Trump is being prepared."
    assert meetings(body) == []
    assert [m[1] for m in meetings(body, planned=True)] == [["Vladimir Putin", "Donald Trump"]]


@pytest.mark.parametrize("body, expected", [
    pytest.param("On 5 May 2023 Indian External Affairs Minister S. Jaishankar was received by Chinese Foreign "
                 "Minister Qin Gang in Goa.",
                 [("2023-05-05", ["S. Jaishankar", "Qin Gang"], "Goa", "in-person")], id="passive-initials"),
    pytest.param("On 5 May 2023 Indian External Affairs Minister S. Jaishankar hosted Russian Foreign Minister "
                 "Sergey Lavrov in Goa.",
                 [("2023-05-05", ["S. Jaishankar", "Sergey Lavrov"], "Goa", "in-person")], id="hosted"),
    pytest.param("On 5 May 2023 the SCO Secretariat hosted a news conference at which SCO Secretary-General "
                 "Zhang Ming spoke in Beijing.", [], id="hosted-an-event"),
    pytest.param("On 9 June 2023 Indian Prime Minister Narendra Modi met Uzbek President Sh. Mirziyoyev and "
                 "Russian Security Council Secretary N.P. Patrushev in Samarkand.",
                 [("2023-06-09", ["Narendra Modi", "Sh. Mirziyoyev"], "Samarkand", "in-person"),
                  ("2023-06-09", ["Narendra Modi", "N.P. Patrushev"], "Samarkand", "in-person")], id="initials"),
    # protocol at the airport is no meeting; the talks that follow are
    pytest.param("On arrival in Astana on 5 May 2023, Chinese Foreign Minister Qin Gang was received at the "
                 "airport by Kazakh Deputy Foreign Minister Roman Vassilenko. Qin then held talks with Kazakh "
                 "President Kassym-Jomart Tokayev.",
                 [("2023-05-05", ["Qin Gang", "Kassym-Jomart Tokayev"], "Astana", "in-person")], id="airport"),
    pytest.param("On 5 May 2023 the leaders of Russia, India and China, Vladimir Putin, Narendra Modi and Xi "
                 "Jinping, held a trilateral lunch in Goa.",
                 [("2023-05-05", ["Vladimir Putin", "Narendra Modi", "Xi Jinping"], "Goa", "in-person")],
                 id="trilateral-lunch"),
])
def test_more_meeting_frames(body, expected):
    assert meetings(body) == expected


def test_a_background_meeting_in_a_when_clause_has_its_own_date_and_city():
    body = ("On 14 July 2021 External Affairs Minister S Jaishankar held a bilateral meeting with Chinese "
            "Foreign Minister Wang Yi in Dushanbe. It was their first meeting since September 2020, when they "
            "met in Moscow.")
    assert meetings(body) == [
        ("2021-07-14", ["S Jaishankar", "Wang Yi"], "Dushanbe", "in-person"),
        ("2020-09", ["S Jaishankar", "Wang Yi"], "Moscow", "in-person"),
    ]


@pytest.mark.parametrize("body, expected", [
    # "and, separately," makes two meetings; a person in a ", who ..." aside is no side
    pytest.param("On 20 May 2024 President Kassym-Jomart Tokayev received Russian Foreign Minister Sergey Lavrov "
                 "and, separately, Chinese Foreign Minister Wang Yi, who conveyed greetings from President Xi "
                 "Jinping, in Astana.",
                 [("2024-05-20", ["Kassym-Jomart Tokayev", "Sergey Lavrov"], "Astana", "in-person"),
                  ("2024-05-20", ["Kassym-Jomart Tokayev", "Wang Yi"], "Astana", "in-person")], id="separately"),
    # a second subject after "while" meets its own counterpart
    pytest.param("On 15 September 2022 Chinese President Xi Jinping held talks with Uzbek President Shavkat "
                 "Mirziyoyev in Samarkand, while Russian President Vladimir Putin met Kyrgyz President Sadyr Japarov.",
                 [("2022-09-15", ["Xi Jinping", "Shavkat Mirziyoyev"], "Samarkand", "in-person"),
                  ("2022-09-15", ["Vladimir Putin", "Sadyr Japarov"], "Samarkand", "in-person")], id="while"),
    pytest.param("On 28 March 2024 Kazakh President Kassym-Jomart Tokayev discussed the summit with SCO "
                 "Secretary-General Zhang Ming in Boao.",
                 [("2024-03-28", ["Kassym-Jomart Tokayev", "Zhang Ming"], None, "in-person")], id="discussed-with"),
    # "discussed with him" goes on about the same meeting
    pytest.param("On 15 September 2022 SCO Secretary-General Zhang Ming met with Iranian President Ebrahim Raisi "
                 "in Samarkand and discussed with him Iran's accession.",
                 [("2022-09-15", ["Zhang Ming", "Ebrahim Raisi"], "Samarkand", "in-person")], id="with-him"),
])
def test_sides_of_each_phrase(body, expected):
    assert meetings(body) == expected


def test_a_bilateral_then_a_trilateral_in_one_sentence_are_two_meetings():
    body = ("On 15 September 2022 Chinese President Xi Jinping met with Russian President Vladimir Putin in "
            "Samarkand, and later held a trilateral meeting with Putin and Mongolian President Ukhnaa Khurelsukh.")
    assert meetings(body) == [
        ("2022-09-15", ["Xi Jinping", "Vladimir Putin"], "Samarkand", "in-person"),
        ("2022-09-15", ["Xi Jinping", "Vladimir Putin", "Ukhnaa Khurelsukh"], "Samarkand", "in-person"),
    ]


@pytest.mark.parametrize("body, expected", [
    pytest.param("DUSHANBE, June 23 (PTI) National Security Adviser Ajit Doval met his Russian counterpart Nikolai "
                 "Patrushev during his stay in the Tajik capital, where the security council secretaries met on "
                 "Wednesday.", [("2021-06", ["Ajit Doval", "Nikolai Patrushev"], "Dushanbe", "in-person")],
                 id="during-his-stay"),
    pytest.param("On 13 October 2009 Russian Prime Minister Vladimir Putin held talks with Chinese Premier Wen "
                 "Jiabao in Beijing. The two premiers had held their previous meeting in Moscow on October 28, 2008.",
                 [("2009-10-13", ["Vladimir Putin", "Wen Jiabao"], "Beijing", "in-person"),
                  ("2008-10-28", ["Vladimir Putin", "Wen Jiabao"], "Moscow", "in-person")], id="the-two-premiers"),
    pytest.param("On 10 June 2010 Russian President Dmitry Medvedev met Chinese President Hu Jintao in Tashkent. "
                 "They had last seen each other in Moscow on May 9.",
                 [("2010-06-10", ["Dmitry Medvedev", "Hu Jintao"], "Tashkent", "in-person"),
                  ("2010-05-09", ["Dmitry Medvedev", "Hu Jintao"], "Moscow", "in-person")], id="seen-each-other"),
    # an unnamed group received by someone is no bilateral with the article's first person
    pytest.param("On 14 October 2009 Chinese Premier Wen Jiabao chaired the meeting in Beijing. The heads of "
                 "delegation were also received by Chinese President Hu Jintao.", [], id="unnamed-group"),
])
def test_sides_and_days_told_by_reference(body, expected):
    assert meetings(body) == expected


def test_three_word_family_name_first_names_are_people():
    body = ("On 20 May 2016 the secretaries general of the SCO and ASEAN, Rashid Alimov and Le Luong Minh, held "
            "talks in Sochi.")
    assert meetings(body) == [("2016-05-20", ["Rashid Alimov", "Le Luong Minh"], "Sochi", "in-person")]


@pytest.mark.parametrize("body, expected", [
    # counterparts the text names only by their country's office: the office as written
    pytest.param("On 5 May 2023 Kazakh Foreign Minister Murat Nurtleu met the defence minister of Kyrgyzstan in "
                 "Astana.", [("2023-05-05", ["Murat Nurtleu", "defence minister of Kyrgyzstan"], "Astana",
                              "in-person")], id="office-of-country"),
    pytest.param("On 15 September 2022 Russian President Vladimir Putin met Kyrgyz President Sadyr Japarov and, "
                 "separately, Turkmenistan's president in Samarkand.",
                 [("2022-09-15", ["Vladimir Putin", "Sadyr Japarov"], "Samarkand", "in-person"),
                  ("2022-09-15", ["Vladimir Putin", "Turkmenistan's president"], "Samarkand", "in-person")],
                 id="country-s-office"),
    # the office holder the article named is the one met
    pytest.param("On 16 September 2022 Kyrgyz President Sadyr Japarov arrived in Samarkand. Pakistani Prime "
                 "Minister Shehbaz Sharif held a separate meeting with the President of Kyrgyzstan.",
                 [("2022-09-16", ["Shehbaz Sharif", "Sadyr Japarov"], "Samarkand", "in-person")],
                 id="office-resolved"),
    # an institution named after an office is no one
    pytest.param("On 24 May 2022 SCO Secretary-General Zhang Ming visited the Academy under the President of "
                 "Tajikistan in Dushanbe and met its rector, Abdukhalil Ghafurzoda.",
                 [("2022-05-24", ["Zhang Ming", "Abdukhalil Ghafurzoda"], "Dushanbe", "in-person")],
                 id="institution"),
])
def test_counterparts_named_by_office(body, expected):
    assert meetings(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a later clause's own weekday
    pytest.param("DUSHANBE, July 30, 2021 (TDI) -- Indian Defence Minister Rajnath Singh met Belarusian Defence "
                 "Minister Viktor Khrenin on Wednesday, and on Thursday had a meeting with Tajik Defence Minister "
                 "Sherali Mirzo.",
                 [("2021-07-28", ["Rajnath Singh", "Viktor Khrenin"], "Dushanbe", "in-person"),
                  ("2021-07-29", ["Rajnath Singh", "Sherali Mirzo"], "Dushanbe", "in-person")], id="own-weekday"),
    # words of an aside do not make the next phrase planned
    pytest.param("In Astana on 3 July 2024 Azerbaijani President Ilham Aliyev met Russian President Vladimir Putin, "
                 "who said Moscow was ready to help, and was received by Kazakh President Kassym-Jomart Tokayev.",
                 [("2024-07-03", ["Ilham Aliyev", "Vladimir Putin"], "Astana", "in-person"),
                  ("2024-07-03", ["Ilham Aliyev", "Kassym-Jomart Tokayev"], "Astana", "in-person")], id="aside-ready"),
    # a summit attended by someone is no meeting with the article's first person
    pytest.param("On 3 July 2024 Azerbaijani President Ilham Aliyev arrived in Astana. Pakistan joined at the "
                 "summit of 2017, which was attended by Nawaz Sharif, then prime minister.", [], id="attended-by"),
])
def test_later_phrases_and_attendance(body, expected):
    assert meetings(body) == expected


def test_a_name_after_a_role_of_a_country_and_a_comma_is_a_person():
    body = ("QINGDAO, June 10, 2018 (IRNA) -- President Hassan Rouhani held talks with Chinese President Xi "
            "Jinping. In a third meeting, Rouhani discussed economic ties with the President of Mongolia, "
            "Khaltmaagiin Battulga.")
    assert [m[1] for m in meetings(body)] == [["Hassan Rouhani", "Xi Jinping"], ["Hassan Rouhani", "Khaltmaagiin Battulga"]]
    assert ("Khaltmaagiin Battulga", "President", "Mongolia") in people(body)


def test_the_same_day_is_the_day_the_previous_sentence_told():
    body = ("TASHKENT, June 11, 2010 (UzA) -- The summit was preceded by a state visit of Chinese President Hu "
            "Jintao, who arrived on Wednesday. The same day Uzbek President Islam Karimov and Hu held talks.")
    # 11 June 2010 was a Friday: the Wednesday is the 9th
    assert meetings(body) == [("2010-06-09", ["Islam Karimov", "Hu Jintao"], "Tashkent", "in-person")]


@pytest.mark.parametrize("body, expected", [
    # a relative clause tells a past meeting of the people just named, whatever the main clause denies
    pytest.param("ASTANA, 12 May 2024 -- No talks were planned between Kazakh Foreign Minister Murat Nurtleu and "
                 "Pakistani Foreign Minister Ishaq Dar, who had last met in Islamabad in November 2023.",
                 [("2023-11", ["Murat Nurtleu", "Ishaq Dar"], "Islamabad", "in-person")], id="who-had-last-met"),
    # "the same trip" is the one the sentence before tells
    pytest.param("On 9 June 2022 SCO Secretary-General Zhang Ming signed a memorandum with Indian Foreign Minister "
                 "S. Jaishankar in Beijing. Mr Zhang spoke at a forum in Geneva in April 2022. During the same trip "
                 "he met WHO Director-General Tedros Adhanom.",
                 [("2022-06-09", ["Zhang Ming", "S. Jaishankar"], "Beijing", "in-person"),
                  ("2022-04", ["Zhang Ming", "Tedros Adhanom"], "Geneva", "in-person")], id="same-trip"),
    # a pronoun far after the phrase is not its object
    pytest.param("MOSCOW, 3 March 2021 -- Kremlin spokesman Dmitry Peskov spoke to reporters. President Vladimir "
                 "Putin said at a meeting with students in the Kremlin that people close to him were well.",
                 [], id="pronoun-out-of-reach"),
    # a month the article later gives to the day by the same place
    pytest.param("BEIJING, 5 June 2019 -- Chinese President Xi Jinping and Kyrgyz President Sooronbay Jeenbekov "
                 "held talks on Wednesday, recalling their previous meeting in Bishkek in early May. In Bishkek on May 3 they had "
                 "also opened a school.",
                 [("2019-06-05", ["Xi Jinping", "Sooronbay Jeenbekov"], "Beijing", "in-person"),
                  ("2019-05-03", ["Xi Jinping", "Sooronbay Jeenbekov"], "Bishkek", "in-person")],
                 id="month-to-the-day"),
    # an official name of a state before a person's name
    pytest.param("On 4 July 2024 in Astana, SCO Secretary-General Zhang Ming met with Minister of Foreign Affairs "
                 "of the Lao People's Democratic Republic Saleumxay Kommasith.",
                 [("2024-07-04", ["Zhang Ming", "Saleumxay Kommasith"], "Astana", "in-person")],
                 id="official-state-name"),
])
def test_background_and_reference(body, expected):
    assert meetings(body) == expected


@pytest.mark.parametrize("body, expected", [
    # a later clause is held or not on its own words
    pytest.param("BISHKEK, 14 June 2019 -- Kazakh President Kassym-Jomart Tokayev had no talks with Turkmen "
                 "President Serdar Berdimuhamedov at the summit, but met Chinese President Xi Jinping.",
                 [("2019-06-14", ["Kassym-Jomart Tokayev", "Xi Jinping"], "Bishkek", "in-person")],
                 id="no-talks-but-met"),
    pytest.param("TASHKENT, 12 May 2022 -- SCO Secretary-General Zhang Ming paid a courtesy call on Uzbek "
                 "President Shavkat Mirziyoyev on Thursday.",
                 [("2022-05-12", ["Zhang Ming", "Shavkat Mirziyoyev"], "Tashkent", "in-person")],
                 id="courtesy-call"),
    pytest.param("MINSK, 4 March 2024 -- Belarusian President Alexander Lukashenko and SCO Secretary-General "
                 "Zhang Ming discussed trade by videoconference on Monday.",
                 [("2024-03-04", ["Alexander Lukashenko", "Zhang Ming"], None, "video")], id="two-discussed"),
    pytest.param("MINSK, 4 March 2024 -- Belarusian President Alexander Lukashenko discussed trade on Monday.",
                 [], id="one-discussed"),
    # a possessor is not met; a year right after the phrase dates it
    pytest.param("BEIJING, 2 Sept 2025 -- Premier Li Qiang met Kyrgyz Prime Minister Adylbek Kasymaliev. Former "
                 "Chinese Premier Li Keqiang had met Kasymaliev's predecessor in 2021.",
                 [("2025-09-02", ["Li Qiang", "Adylbek Kasymaliev"], "Beijing", "in-person")], id="possessor"),
    pytest.param("NEW DELHI, 28 April 2023 -- Indian Defence Minister Rajnath Singh met the head of the Russian "
                 "delegation on Friday.",
                 [("2023-04-28", ["Rajnath Singh", "head of the Russian delegation"], "New Delhi", "in-person")],
                 id="head-of-a-delegation"),
    pytest.param("ASTANA, 5 June 2024 -- Kazakh Foreign Minister Murat Nurtleu met Chinese Foreign Minister Wang "
                 "Yi. Nurtleu had first met Wang in 2019.",
                 [("2024-06-05", ["Murat Nurtleu", "Wang Yi"], "Astana", "in-person"),
                  ("2019", ["Murat Nurtleu", "Wang Yi"], None, "in-person")], id="met-in-a-year"),
    # a meal for several leaders is one meeting of them all
    pytest.param("MOSCOW, 9 May 2025 -- Russian President Vladimir Putin hosted a lunch for Chinese President Xi "
                 "Jinping and Belarusian President Alexander Lukashenko.",
                 [("2025-05-09", ["Vladimir Putin", "Xi Jinping", "Alexander Lukashenko"], "Moscow", "in-person")],
                 id="lunch-for"),
    # calls in the plural are one each; a videoconference is a meeting by video
    pytest.param("MOSCOW, 8 Aug 2025 -- Russian President Vladimir Putin had telephone conversations with Chinese "
                 "President Xi Jinping and Kazakh President Kassym-Jomart Tokayev on Friday.",
                 [("2025-08-08", ["Vladimir Putin", "Xi Jinping"], None, "phone"),
                  ("2025-08-08", ["Vladimir Putin", "Kassym-Jomart Tokayev"], None, "phone")], id="calls-in-the-plural"),
    pytest.param("BEIJING, 3 March 2021 -- SCO Secretary-General Vladimir Norov held a videoconference with UNODC "
                 "Executive Director Ghada Waly on Wednesday.",
                 [("2021-03-03", ["Vladimir Norov", "Ghada Waly"], None, "video")], id="videoconference"),
])
def test_held_or_not_and_who(body, expected):
    assert meetings(body) == expected


@pytest.mark.parametrize("body, expected", [
    # an envoy's office with where they serve, then their name
    pytest.param("BEIJING, 5 March 2024 -- SCO Secretary-General Zhang Ming received the Ambassador of Pakistan to "
                 "China, Khalil Hashmi.",
                 [("2024-03-05", ["Zhang Ming", "Khalil Hashmi"], "Beijing", "in-person")], id="envoy-named-after"),
    pytest.param("BEIJING, 5 March 2024 -- SCO Secretary-General Zhang Ming received the newly appointed Ambassador "
                 "of Kyrgyzstan to China.",
                 [("2024-03-05", ["Zhang Ming", "Ambassador of Kyrgyzstan to China"], "Beijing", "in-person")],
                 id="envoy-unnamed"),
    pytest.param("GENEVA, 2 June 2022 -- The SCO Secretary-General met the UN High Commissioner for Refugees on "
                 "Thursday.",
                 [("2022-06-02", ["SCO Secretary-General", "UN High Commissioner for Refugees"], "Geneva",
                   "in-person")], id="office-for"),
    # a dateline without a date still places the story
    pytest.param("ASTANA (Kazinform) -- President Kassym-Jomart Tokayev received Chinese President Xi Jinping "
                 "at the Akorda.",
                 [(None, ["Kassym-Jomart Tokayev", "Xi Jinping"], "Astana", "in-person")], id="dateless-dateline"),
    # a dateline whose place is written in mixed case, with a date and an agency: "yesterday" counts from it
    pytest.param("Dushanbe, 16 September 2021 (Khovar) -- President Emomali Rahmon met Iranian President Ebrahim "
                 "Raisi yesterday.",
                 [("2021-09-15", ["Emomali Rahmon", "Ebrahim Raisi"], "Dushanbe", "in-person")],
                 id="mixed-case-dateline"),
])
def test_offices_as_written(body, expected):
    assert meetings(body) == expected


@pytest.mark.parametrize("body, expected", [
    pytest.param("DUSHANBE, 16 Sept 2022 -- Pakistani Prime Minister Shehbaz Sharif held talks with Tajik President "
                 "Emomali Rahmon. Foreign Minister Bilawal Bhutto Zardari and Finance Minister Miftah Ismail "
                 "attended the meeting.",
                 [("2022-09-16", ["Shehbaz Sharif", "Emomali Rahmon", "Bilawal Bhutto Zardari", "Miftah Ismail"],
                   "Dushanbe", "in-person")], id="attended-the-meeting"),
    pytest.param("BEIJING, 22 Oct 2025 -- SCO Secretary-General Nurlan Yermekbayev met Roscongress director "
                 "Alexander Stuglev. Stuglev praised the Secretariat. Presidential adviser Anton Kobyakov, who "
                 "attended the talks, spoke of a new mechanism.",
                 [("2025-10-22", ["Nurlan Yermekbayev", "Alexander Stuglev", "Anton Kobyakov"], "Beijing",
                   "in-person")], id="who-attended"),
    # too far from the meeting, or in another paragraph: no attendee of it
    pytest.param("BEIJING, 22 Oct 2025 -- SCO Secretary-General Nurlan Yermekbayev met Roscongress director "
                 "Alexander Stuglev.\n\nPresidential adviser Anton Kobyakov attended the ceremony.",
                 [("2025-10-22", ["Nurlan Yermekbayev", "Alexander Stuglev"], "Beijing", "in-person")],
                 id="another-paragraph"),
    # each one met on a day of their own: one meeting each
    pytest.param("ISLAMABAD, 17 Oct 2024 -- Chinese Premier Li Qiang met Pakistani President Asif Ali Zardari on "
                 "Tuesday and Prime Minister Shehbaz Sharif on Wednesday.",
                 [("2024-10-15", ["Li Qiang", "Asif Ali Zardari"], "Islamabad", "in-person"),
                  ("2024-10-16", ["Li Qiang", "Shehbaz Sharif"], "Islamabad", "in-person")], id="a-day-each"),
])
def test_attendees_and_days_of_their_own(body, expected):
    assert meetings(body) == expected


@pytest.mark.parametrize("body, expected", [
    # the meeting a first one counts from is a meeting of the same two, on its own day and place
    pytest.param("SAMARKAND, 16 Sept 2022 -- Chinese President Xi Jinping met Kazakh President Kassym-Jomart "
                 "Tokayev on Friday. It was their first meeting since Xi's visit to Astana in September 2019.",
                 [("2022-09-16", ["Xi Jinping", "Kassym-Jomart Tokayev"], "Samarkand", "in-person"),
                  ("2019-09", ["Xi Jinping", "Kassym-Jomart Tokayev"], "Astana", "in-person")],
                 id="first-since-a-visit"),
    pytest.param("BISHKEK, 14 June 2019 -- Chinese President Xi Jinping met Russian President Vladimir Putin on "
                 "Friday, their second encounter in a month after a meeting on May 20 in Japan.",
                 [("2019-06-14", ["Xi Jinping", "Vladimir Putin"], "Bishkek", "in-person"),
                  ("2019-05-20", ["Xi Jinping", "Vladimir Putin"], None, "in-person")],
                 id="after-a-meeting-in-a-country"),
    pytest.param("MOSCOW, 3 Dec 2023 -- Kazakh President Kassym-Jomart Tokayev and Uzbek President Shavkat "
                 "Mirziyoyev talked by phone. They recalled their previous session in Tashkent in March 2023.",
                 [("2023-12-03", ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"], None, "phone"),
                  ("2023-03", ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"], "Tashkent", "in-person")],
                 id="previous-session"),
])
def test_meetings_a_meeting_counts_from(body, expected):
    assert meetings(body) == expected
