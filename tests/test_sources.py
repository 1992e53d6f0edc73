"""Any file in: encodings, BOMs, line ends, HTML, and clear refusals of what is not a release."""
from __future__ import annotations

from pathlib import Path

import pytest

from viewer import sources
from viewer.sources import SourceError, collect_files, read_source

RU = ("Совет коллективной безопасности ОДКБ провёл сессию в Астане 8 ноября 2018 года.\n"
      "Генеральный секретарь ОДКБ принял участие в заседании.\n")
EN = "On November 8, a session of the CSTO Collective Security Council was held in Astana.\n"
BILINGUAL = EN + RU

HTML = """<!DOCTYPE html><html><head><title>CSTO</title><style>p {color: red}</style>
<script>var x = "<p>not text</p>";</script></head>
<body><nav>Home</nav><h1>Sessions</h1><p>On November 8, a session
   was held&nbsp;in Astana.</p><p>The Declaration was adopted &amp; signed.<br>Second line</p>
<script>track()</script></body></html>"""


@pytest.mark.parametrize("name, data, text, encoding", [
    ("plain.txt", EN.encode(), EN, "utf-8"),
    ("bilingual.txt", BILINGUAL.encode(), BILINGUAL, "utf-8"),
    ("bom.txt", b"\xef\xbb\xbf" + EN.encode(), EN, "utf-8-sig"),
    ("crlf.txt", b"one\r\ntwo\rthree\nfour\r\n", "one\ntwo\nthree\nfour\n", "utf-8"),
    ("cp1251.txt", RU.encode("cp1251"), RU, "cp1251"),
    ("koi8.txt", RU.encode("koi8_r"), RU, "koi8_r"),
    ("cp1251-mixed.txt", BILINGUAL.encode("cp1251"), BILINGUAL, "cp1251"),
    ("utf16-bom.txt", BILINGUAL.encode("utf-16"), BILINGUAL, "utf-16-le"),
    ("utf16be-bom.txt", b"\xfe\xff" + RU.encode("utf-16-be"), RU, "utf-16-be"),
    ("utf16le.txt", EN.encode("utf-16-le"), EN, "utf-16-le"),
    ("utf16be-ru.txt", RU.encode("utf-16-be"), RU, "utf-16-be"),
    ("cut.txt", BILINGUAL.encode() * 20 + b"\xd0", BILINGUAL * 20 + "\ufffd",
     "utf-8 (broken bytes replaced)"),
    ("mz.txt", b"MZ Kazakhstan hosted the session.\n", "MZ Kazakhstan hosted the session.\n",
     "utf-8"),
    ("latin.txt", "Café résumé – naïve.\n".encode("cp1252"), "Café résumé – naïve.\n", "cp1252"),
    ("page.html", HTML.encode(), "Home\n\nSessions\n\nOn November 8, a session was held in "
     "Astana.\n\nThe Declaration was adopted & signed.\nSecond line\n", "utf-8+html"),
    ("saved.txt", HTML.encode("cp1251"), "Home\n\nSessions\n\nOn November 8, a session was "
     "held in Astana.\n\nThe Declaration was adopted & signed.\nSecond line\n", "utf-8+html"),
])
def test_text_files_are_read(tmp_path: Path, name: str, data: bytes, text: str,
                             encoding: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    src = read_source(path)
    assert (src.name, src.text, src.encoding, src.size) == (name, text, encoding, len(data))


@pytest.mark.parametrize("data, reason", [
    (b"", "the file is empty"),
    (b" \n\r\n\t ", "the file is empty"),
    (b"\xef\xbb\xbf\r\n", "the file holds only blank text"),
    (bytes(range(256)) * 40, "the file looks binary, not text"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "the file is a PNG image, not text"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "the file is a PDF document, not text"),
    (b"MZ\x90\x00\x03\x00\x00\x00" * 8, "the file is a Windows program, not text"),
    (b"PK\x03\x04" + b"\x00" * 50, "the file is a ZIP archive (or a Word/Excel file), not text"),
    (b"SQLite format 3\x00" + b"\x00" * 100, "the file is an SQLite database, not text"),
    (b"<html><head><script>x()</script></head></html>", "the HTML page holds no text"),
    # valid UTF-8, but private-use and C1 control code points, as a mis-saved binary reads
    (("\ue000\ue011\u0085\u0091 " * 40 + "CSTO session\n").encode("utf-8"),
     "the file looks binary, not text"),
])
def test_what_is_not_a_release_is_refused_with_a_reason(tmp_path: Path, data: bytes,
                                                        reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert str(info.value) == reason


def test_a_very_long_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    block = BILINGUAL.encode()
    path.write_bytes(block * (50 * 2**20 // len(block) + 1))
    src = read_source(path)
    assert (src.size > 50 * 2**20, src.text[:len(BILINGUAL)], src.encoding) == (True, BILINGUAL,
                                                                                 "utf-8")


def test_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 1024)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 4096)
    with pytest.raises(SourceError, match="too large"):
        read_source(path)


def test_collect_files_walks_folders_and_names_the_missing(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    for rel in ("d/b.txt", "d/a.html", "d/sub/c.txt", "d/.hidden.txt", "one.txt"):
        (tmp_path / rel).write_text("x")
    files, missing = collect_files([tmp_path / "d", tmp_path / "one.txt", tmp_path / "nope",
                                    tmp_path / "d" / ".." / "one.txt", tmp_path / "d" / "b.txt"])
    assert [str(f.relative_to(tmp_path)) for f in files] == ["d/a.html", "d/b.txt", "d/sub/c.txt",
                                                             "one.txt"]
    assert missing == [(str(tmp_path / "nope"), "no such file or folder")]


def test_spaces_and_marks_of_scraped_pages_are_text(tmp_path: Path) -> None:
    """No-break spaces, soft hyphens and line separators are not odd characters."""
    text = "МОСКВА,\u00a014\u00a0октября. Со\u00adвет\u2028ОДКБ\u200b заседал.\n" * 20
    path = tmp_path / "scraped.txt"
    path.write_text(text, encoding="utf-8")
    assert read_source(path).text == text


def test_collected_files_come_with_their_sizes(tmp_path: Path) -> None:
    from viewer.sources import collect_sized_files

    (tmp_path / "a.txt").write_text("abc")
    (tmp_path / "b.txt").write_bytes(b"x" * 10)
    sized, missing = collect_sized_files([tmp_path, tmp_path / "a.txt"])
    assert ({p.name: n for p, n in sized.items()}, missing) == ({"a.txt": 3, "b.txt": 10}, [])
