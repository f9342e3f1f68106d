import pytest

from sco_cli.safety import clean_line, clean_text


@pytest.mark.parametrize(
    "raw, clean",
    [
        pytest.param("Vienna\x1b[2J talks", "Vienna talks", id="csi-clear-screen"),
        pytest.param("\x1b[1;31mred\x1b[0m", "red", id="csi-colour"),
        pytest.param("a\x1b]0;owned-title\x07b", "ab", id="osc-title-bel"),
        pytest.param("a\x1b]8;;https://evil.example\x1b\\UNODC\x1b]8;;\x1b\\b", "aUNODCb", id="osc8-link"),
        pytest.param("a\x1b]52;c;ZXZpbA==\x07b", "ab", id="osc52-clipboard"),
        pytest.param("a\x1b]0;unterminated\nnext", "a\nnext", id="osc-unterminated-ends-at-newline"),
        pytest.param("a\x9b2Jb", "ab", id="c1-csi"),
        pytest.param("a\x9d0;t\x9cb", "ab", id="c1-osc"),
        pytest.param("x\x85y\x7fz", "xyz", id="c1-and-del"),
        pytest.param("abc\u202edef\u2066g", "abcdefg", id="bidi-overrides"),
        pytest.param("nul\x00byte", "nulbyte", id="nul"),
        pytest.param("tab\tand\nnewline", "tab\tand\nnewline", id="tab-newline-kept"),
        pytest.param("crlf\r\nline", "crlf\nline", id="crlf"),
        pytest.param("[bold]x[/bold] :smile:", "[bold]x[/bold] :smile:", id="markup-is-text-not-control"),
        pytest.param("Москва 北京 Jürgen", "Москва 北京 Jürgen", id="other-scripts-kept"),
        pytest.param("ZW\u200cNJ", "ZW\u200cNJ", id="zwnj-kept"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_clean_line_flattens_whitespace():
    assert clean_line(" a\tb\n\nc ") == "a b c"


def test_is_clean_agrees_with_clean_text_on_every_code_point():
    import sys

    from sco_cli.safety import is_clean

    disagree = [cp for cp in range(sys.maxunicode + 1)
                if 0xD800 > cp or cp > 0xDFFF
                if is_clean(chr(cp)) != (clean_text(chr(cp)) == chr(cp))]
    assert disagree == []


def test_agreement_records_are_clean_whatever_the_file_holds():
    import json

    from sco_cli import instruments

    hostile = [{"id": "a-1", "agreement": {"title": "Memo\u001b[2J\u202e", "kind": "memorandum", "parties": ["A\u0085"],
                                           "date": None, "place": None, "evidence": "x\u009b31m", "reported": False},
                "mentions": [{"doc_id": "d\u200b", "evidence": "e\u0007"}], "uids": ["d#agreement0"]}]
    for text in (json.dumps(hostile), json.dumps(hostile, ensure_ascii=False)):  # escaped and raw
        [record] = instruments.load(text)
        assert (record.agreement.title, record.agreement.parties, record.agreement.evidence,
                record.mentions[0].doc_id, record.mentions[0].evidence) == ("Memo", ("A",), "x", "d", "e")


@pytest.mark.parametrize(
    "text, value",
    [
        pytest.param('["plain", {"k": "Jürgen"}]', ["plain", {"k": "Jürgen"}], id="clean-as-is"),
        pytest.param('["a\\rb"]', ["a\nb"], id="escaped-carriage-return"),
        pytest.param('["a\\bb\\fc"]', ["abc"], id="escaped-backspace-form-feed"),
        pytest.param('["\\u001b[31mred"]', ["red"], id="escaped-csi"),
        pytest.param('["x\\u202ey"]', ["xy"], id="escaped-bidi"),
        pytest.param('["raw\u0085c1"]', ["rawc1"], id="raw-c1"),
        pytest.param('["back\\\\slash b"]', ["back\\slash b"], id="escaped-backslash-kept"),
    ],
)
def test_loads_clean_never_returns_what_clean_text_removes(text, value):
    from sco_cli.safety import loads_clean

    assert loads_clean(text) == value
