from pathlib import Path

from sco_cli.corpus import Problem, is_foreign_script, parse_article, read_articles
from sco_cli.model import Article


def test_parse_article_headline_body_paragraphs():
    text = "Headline here\n\nHeadline here\n\nFirst para.\nstill first.\n\n  \nSecond para.\n"
    a = parse_article(text, "001_x", "/p/001_x.txt")
    assert a.doc_id == "001_x"
    assert a.headline == "Headline here"
    assert [p.text for p in a.paragraphs] == ["First para.\nstill first.", "Second para."]
    for p in a.paragraphs:
        assert a.body[p.start:p.end] == p.text
    assert a.words == 8  # the repeated headline is part of the body text that search indexes


def test_parse_article_recognises_other_script_lines():
    text = "SCO and UNODC\n\nГенеральный секретарь ШОС встретился\n\n上海合作组织秘书长\n\nIn English."
    a = parse_article(text, "d")
    assert [p.text for p in a.foreign_lines] == ["Генеральный секретарь ШОС встретился", "上海合作组织秘书长"]
    assert [p.text for p in a.paragraphs] == ["In English."]


def test_parse_article_sanitises_and_hashes_raw_bytes():
    raw = "Title \x1b[2J[bold]x[/bold]\n\nBody\u202e text".encode()
    a = parse_article(raw.decode(), "d", raw=raw)
    assert a.headline == "Title [bold]x[/bold]"
    assert a.body == "Body text"
    import hashlib

    assert a.content_hash == hashlib.sha256(raw).hexdigest()


def test_no_break_spaces_become_plain_spaces_keeping_offsets():
    a = parse_article("Title\n\nMet in\u00a0Vienna\u202ftoday.", "d")
    assert a.body == "Met in Vienna today."


def test_parse_article_empty_is_none():
    assert parse_article(" \n\n \t\n", "d") is None


def test_is_foreign_script():
    assert is_foreign_script("Шанхайская организация сотрудничества")
    assert not is_foreign_script("Jürgen Stock, Secretary-General")
    assert not is_foreign_script("2019")


def test_read_articles_reports_every_bad_file(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Title\n\nBody.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 title\n\nBody".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    items = list(read_articles([tmp_path, tmp_path / "missing.txt"]))
    problems = sorted(str(p) for p in items if isinstance(p, Problem))
    articles = sorted(a.doc_id for a in items if isinstance(a, Article))
    assert articles == ["good", "latin1"]
    assert problems == sorted([
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        f"{tmp_path / 'binary.txt'}: looks like a binary file, skipped",
        f"{tmp_path / 'empty.txt'}: empty file, skipped",
        f"{tmp_path / 'latin1.txt'}: not valid UTF-8 (first bad byte at 3), decoded with replacement",
    ])
    latin1 = next(a for a in items if isinstance(a, Article) and a.doc_id == "latin1")
    assert latin1.headline == "Caf\ufffd title"


def test_read_articles_folder_without_articles(tmp_path: Path):
    (tmp_path / "readme.md").write_text("x", encoding="utf-8")
    assert [str(p) for p in read_articles([tmp_path])] == [f"{tmp_path}: no .txt files in this folder"]
