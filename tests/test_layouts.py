"""Golden tables of the listing commands at 60, 80 and 120 columns on the bundled seeds (each
checked by eye when written: words never break, identifiers sit on a dim line of their own, the
facts get the width). `search` and `who-met` have theirs beside their other tests."""
from __future__ import annotations

import pytest

from conftest import SEEDS

COMMANDS = {"agreements": ["agreements", "--kind", "memorandum"], "docs": ["docs", "--limit", "2"],
            "timeline": ["timeline", "--limit", "3"]}

EXPECTED = {
    ('agreements', 60): [
        ' date         title                   parties        place',
        ' 2011-06-14   Memorandum of           SCO            Astana',
        '              Understanding between   Secretariat',
        '              the SCO Secretariat     UNODC',
        '              and the United',
        '              Nations Office on',
        '              Drugs and Crime',
        '              memorandum  1 mention',
        ' 2014         Memorandum of           RATS',
        '              understanding between   Interpol',
        '              RATS and Interpol',
        '              memorandum  1 mention',
    ],
    ('agreements', 80): [
        ' date         title                               parties                place',
        ' 2011-06-14   Memorandum of Understanding         SCO Secretariat        Astana',
        '              between the SCO Secretariat and     UNODC',
        '              the United Nations Office on',
        '              Drugs and Crime',
        '              memorandum  1 mention',
        ' 2014         Memorandum of understanding         RATS',
        '              between RATS and Interpol           Interpol',
        '              memorandum  1 mention',
    ],
    ('agreements', 120): [
        ' date         title                                                       parties                                place',
        ' 2011-06-14   Memorandum of Understanding between the SCO Secretariat     SCO Secretariat                        Astana',
        '              and the United Nations Office on Drugs and Crime            UNODC',
        '              memorandum  1 mention',
        ' 2014         Memorandum of understanding between RATS and Interpol       RATS',
        '              memorandum  1 mention                                       Interpol',
    ],
    ('docs', 60): [
        ' date         title',
        ' 2020-03-06   SCO Secretary-General meets with Paris Pact',
        '              coordinator',
        '              000_696adcf27fd638ed  315 words',
        ' 2017-03-14   SCO Secretary-General meets with UNODC',
        '              Executive Director',
        '              001_95c8ddcf366ad626  600 words',
    ],
    ('docs', 80): [
        ' date         title',
        ' 2020-03-06   SCO Secretary-General meets with Paris Pact coordinator',
        '              000_696adcf27fd638ed  315 words',
        ' 2017-03-14   SCO Secretary-General meets with UNODC Executive Director',
        '              001_95c8ddcf366ad626  600 words',
    ],
    ('docs', 120): [
        ' date         title',
        ' 2020-03-06   SCO Secretary-General meets with Paris Pact coordinator',
        '              000_696adcf27fd638ed  315 words',
        ' 2017-03-14   SCO Secretary-General meets with UNODC Executive Director',
        '              001_95c8ddcf366ad626  600 words',
    ],
    ('timeline', 60): [
        ' date      mention    sentence',
        ' 1997      1997       Established in 1997, the Vienna-based',
        '                      United Nations Office on Drugs and',
        '                      Crime fights illegal trafficking in',
        '                      narcotic drugs and arms, organised',
        '                      crime, trafficking in persons, and',
        '                      international terrorism.',
        '                      001_95c8ddcf366ad626',
        ' 2003-05   May 2003   It appeared on the basis of the Paris',
        '                      Statement signed in May 2003 at the',
        '                      Ministerial Conference on Drug Routes',
        '                      from Central Asia to Europe.',
        '                      000_696adcf27fd638ed',
        ' 2004      2004       The SCO-UN relations have developed',
        '                      since 2004, representing an example',
        '                      of effective cooperation between a',
        '                      global and a regional organisation.',
        '                      001_95c8ddcf366ad626',
    ],
    ('timeline', 80): [
        ' date      mention    sentence',
        ' 1997      1997       Established in 1997, the Vienna-based United Nations',
        '                      Office on Drugs and Crime fights illegal trafficking in',
        '                      narcotic drugs and arms, organised crime, trafficking in',
        '                      persons, and international terrorism.',
        '                      001_95c8ddcf366ad626',
        ' 2003-05   May 2003   It appeared on the basis of the Paris Statement signed in',
        '                      May 2003 at the Ministerial Conference on Drug Routes',
        '                      from Central Asia to Europe.',
        '                      000_696adcf27fd638ed',
        ' 2004      2004       The SCO-UN relations have developed since 2004,',
        '                      representing an example of effective cooperation between',
        '                      a global and a regional organisation.',
        '                      001_95c8ddcf366ad626',
    ],
    ('timeline', 120): [
        ' date      mention    sentence',
        ' 1997      1997       Established in 1997, the Vienna-based United Nations Office on Drugs and Crime fights illegal',
        '                      trafficking in narcotic drugs and arms, organised crime, trafficking in persons, and',
        '                      international terrorism.',
        '                      001_95c8ddcf366ad626',
        ' 2003-05   May 2003   It appeared on the basis of the Paris Statement signed in May 2003 at the Ministerial Conference',
        '                      on Drug Routes from Central Asia to Europe.',
        '                      000_696adcf27fd638ed',
        ' 2004      2004       The SCO-UN relations have developed since 2004, representing an example of effective cooperation',
        '                      between a global and a regional organisation.',
        '                      001_95c8ddcf366ad626',
    ],
}


@pytest.mark.parametrize("name, width", sorted(EXPECTED))
def test_table_layout(sco, seeds_index, name, width):
    result = sco(*COMMANDS[name], "--format", "table", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    header, *rows = EXPECTED[(name, width)]
    assert lines[:3] == ["", header, " " + "\u2500" * (width - 2)]
    assert [line for line in lines[3:] if line] == rows
    assert max(len(line) for line in lines) <= width


# `sco show` of the seed article about the 2019 meeting in New York: its fact tables (checked by eye:
# names whole, roles on their own line at 60, kinds on a dim line under the title)
SHOW_FACTS = {
    60: [
        'People (2)',
        ' name                 role                organization',
        ' ──────────────────────────────────────────────────────────',
        ' Antonio Guterres     Secretary-General   UN',
        ' Vladimir Norov       Secretary-General   SCO',
        'Meetings (2)',
        ' date         participants             place      format',
        ' ──────────────────────────────────────────────────────────',
        ' 2019-09-28   Vladimir Norov           New York   in-person',
        '              (Secretary-General)',
        '              Antonio Guterres',
        '              (Secretary-General)',
        ' 2010-04-05   SCO Secretary General    Tashkent   in-person',
        '              UN Secretary General',
        'Agreements (3)',
        ' date         title                 parties        place',
        ' ──────────────────────────────────────────────────────────',
        '              Resolution On         UN General',
        '              Cooperation between   Assembly',
        '              the United Nations',
        '              and the SCO',
        '              resolution',
        ' 2004-12-02   Resolution            UN General',
        '              А/RES/59/48           Assembly',
        '              resolution',
        ' 2010-04-05   Joint Declaration     SCO            Tashkent',
        '              on Cooperation        Secretariat',
        '              between the           UN',
        '              Secretariats of the   Secretariat',
        '              SCO and the UN',
        '              declaration',
    ],
    80: [
        'People (2)',
        ' name                        role                      organization',
        ' ──────────────────────────────────────────────────────────────────────────────',
        ' Antonio Guterres            Secretary-General         UN',
        ' Vladimir Norov              Secretary-General         SCO',
        'Meetings (2)',
        ' date         participants                                 place      format',
        ' ──────────────────────────────────────────────────────────────────────────────',
        ' 2019-09-28   Vladimir Norov (Secretary-General)           New York   in-person',
        '              Antonio Guterres (Secretary-General)',
        ' 2010-04-05   SCO Secretary General                        Tashkent   in-person',
        '              UN Secretary General',
        'Agreements (3)',
        ' date         title                             parties                place',
        ' ──────────────────────────────────────────────────────────────────────────────',
        '              Resolution On Cooperation         UN General Assembly',
        '              between the United Nations and',
        '              the SCO',
        '              resolution',
        ' 2004-12-02   Resolution А/RES/59/48            UN General Assembly',
        '              resolution',
        ' 2010-04-05   Joint Declaration on              SCO Secretariat        Tashkent',
        '              Cooperation between the           UN Secretariat',
        '              Secretariats of the SCO and the',
        '              UN',
        '              declaration',
    ],
    120: [
        'People (2)',
        ' name                                     role                                    organization',
        ' ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────',
        ' Antonio Guterres                         Secretary-General                       UN',
        ' Vladimir Norov                           Secretary-General                       SCO',
        'Meetings (2)',
        ' date         participants                                                                         place      format',
        ' ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────',
        ' 2019-09-28   Vladimir Norov (Secretary-General)                                                   New York   in-person',
        '              Antonio Guterres (Secretary-General)',
        ' 2010-04-05   SCO Secretary General                                                                Tashkent   in-person',
        '              UN Secretary General',
        'Agreements (3)',
        ' date         title                                                     parties                                place',
        ' ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────',
        '              Resolution On Cooperation between the United Nations      UN General Assembly',
        '              and the SCO',
        '              resolution',
        ' 2004-12-02   Resolution А/RES/59/48                                    UN General Assembly',
        '              resolution',
        ' 2010-04-05   Joint Declaration on Cooperation between the              SCO Secretariat                        Tashkent',
        '              Secretariats of the SCO and the UN                        UN Secretariat',
        '              declaration',
    ],
}


@pytest.mark.parametrize("width", sorted(SHOW_FACTS))
def test_show_fact_tables_layout(sco, seeds_index, width):
    result = sco("show", "003_3015c8537fc2c6bb", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    facts = [line for line in lines[lines.index("People (2)"):] if line]
    assert facts == SHOW_FACTS[width]
    assert max(len(line) for line in lines if not line.startswith("path ")) <= width
    # the path is printed whole on its own line, never folded, whatever the width
    assert f"path {SEEDS / '003_3015c8537fc2c6bb.txt'}" in lines
