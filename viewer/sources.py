"""Read one file into text: detect its encoding, strip HTML, hash it; bytes in, text out."""
from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

MAX_BYTES = 512 * 1024 * 1024
_SAMPLE = 1 << 16
UTF8_REPAIRED = "utf-8 (broken bytes replaced)"
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
# Signatures of common non-text files, so the refusal can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"), (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|br|meta|span|table)\b",
                        re.IGNORECASE)
_CYR_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєў")
_CYR_UPPER = {c.upper() for c in _CYR_LOWER}


class SourceError(Exception):
    """A file cannot be read as a release; the message says why in plain words."""


@dataclass(frozen=True)
class Source:
    name: str          # the file's base name: the document's identity in the store
    path: str
    text: str
    encoding: str      # as detected, plus "+html" when markup was stripped
    sha256: str
    size: int


def file_hash(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_source(path: str | Path) -> Source:
    """The file's text, ready for extraction; SourceError with a reason when it is not a release."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"the file is too large ({size / 2**20:.0f} MB; "
                              f"the limit is {MAX_BYTES // 2**20} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"the file cannot be read ({exc.strerror or exc})") from exc
    text, encoding = decode(data)
    if looks_like_html(text, path.name):
        text, encoding = html_to_text(text), encoding + "+html"
        if not text.strip():
            raise SourceError("the HTML page holds no text")
    return Source(name=path.name, path=str(path), text=text, encoding=encoding,
                  sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def decode(data: bytes) -> tuple[str, str]:
    """Text with '\\n' line ends and the encoding it was read in; SourceError if not text."""
    if not data.strip():
        raise SourceError("the file is empty")
    encoding = _encoding(data)
    try:
        text = (data.decode("utf-8", errors="replace") if encoding == UTF8_REPAIRED
                else data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise SourceError(f"the file is not valid {encoding} text") from exc
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _odd_ratio(text[:_SAMPLE]) > 0.05:
        raise SourceError("the file looks binary, not text")
    if not text.strip():
        raise SourceError("the file holds only blank text")
    return text, encoding


def _encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:_SAMPLE]
    for magic, what in _MAGIC:
        # two letters are a weak sign: "MZ" opens a program only if binary bytes follow
        if data.startswith(magic) and (len(magic) > 2 or b"\x00" in sample):
            raise SourceError(f"the file is {what}, not text")
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise SourceError("the file looks binary, not text")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a few broken bytes (a cut download) is still UTF-8.
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") * 1000 <= len(text) and len(text) < len(data):
        return UTF8_REPAIRED
    return _single_byte(data)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 tells itself by its high bytes: 0x00 for Latin, 0x04 for Cyrillic."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for half, name in ((odd, "utf-16-le"), (even, "utf-16-be")):
        share = (half.count(0) + half.count(4)) / len(half)
        if share > 0.6:
            try:
                sample[: len(sample) // 2 * 2].decode(name)
            except UnicodeDecodeError:
                continue
            return name
    return None


def _odd_ratio(text: str) -> float:
    """Share of characters no release would hold: controls, unassigned and private-use code points."""
    rest = text.replace("\n", "").replace("\t", "").replace("\f", "")
    if rest.isprintable():  # the usual case, told in one pass in C: not one such character
        return 0.0
    odd = sum(rest.count(c) for c in set(rest)
              if not c.isprintable() and unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs"))
    return odd / max(1, len(text))


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _control_ratio(sample: bytes) -> float:
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / max(1, len(sample))


def _single_byte(data: bytes) -> str:
    """Windows-1251 or KOI8-R for Russian (whichever reads as mostly lowercase), else Windows-1252."""
    sample = data[:_SAMPLE * 4]
    high = sum(1 for b in sample if b >= 0x80)
    best, best_score = "", 0.0
    for name in ("cp1251", "koi8_r"):
        # Russian read right is runs of lowercase letters; read wrong (or Latin-1 read as
        # Cyrillic) it is capitals inside words or lone letters between Latin ones.
        text = sample.decode(name, errors="replace")
        score = 0
        for prev, c in zip(text, text[1:]):
            if c in _CYR_LOWER and prev in _CYR_LOWER:
                score += 1
            elif c in _CYR_UPPER and (prev in _CYR_LOWER or prev in _CYR_UPPER):
                score -= 1
        if score > best_score:
            best, best_score = name, score
    if best and best_score >= 0.3 * high:
        return best
    try:
        sample.decode("cp1252")
        return "cp1252"  # the Western default, before a guess on a few words
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # only for text that is neither UTF-8, Russian nor Windows-1252

    guess = charset_normalizer.from_bytes(sample).best()
    if guess is not None and guess.encoding:
        return str(guess.encoding)
    return "latin-1"


def looks_like_html(text: str, name: str = "") -> bool:
    if name.lower().endswith((".htm", ".html", ".xhtml")):
        return True
    head = text[:4096].lstrip()
    return head.startswith("<") and bool(_HTML_HINT.search(head))


_BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li",
          "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
          "dd", "dt", "dl", "figure", "figcaption", "form", "hr", "address", "title"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "body":
            self.skip = 0  # a page that never closes its <head> still shows its body
        elif tag in _SKIP:
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Visible text of a page, one blank line between paragraphs; scripts and styles dropped."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named or inside the folders named (hidden ones left out), sorted; and the misses."""
    sized, missing = collect_sized_files(paths)
    return list(sized), missing


def collect_sized_files(paths: Iterable[str | Path]
                        ) -> tuple[dict[Path, int], list[tuple[str, str]]]:
    """As collect_files, each file with its size in bytes (read once, with the rest of its stat).

    A file reached twice (a folder and a file in it) is listed once. Folders are walked with
    os.walk and files told apart by device and inode: an archive holds tens of thousands of
    files, and resolving each path component by component took seconds.
    """
    files: dict[Path, int] = {}
    missing: list[tuple[str, str]] = []
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: list[str] = []
            for root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(os.path.join(root, n) for n in names if not n.startswith("."))
            found.sort(key=lambda f: f.split(os.sep))  # as paths sort: by folder, then name
            candidates = [Path(f) for f in found]
        elif path.is_file():
            candidates = [path]
        else:
            missing.append((str(path), "no such file or folder"))
            continue
        for f in candidates:
            try:
                st = f.stat()
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                files[f] = st.st_size
    return files, missing
