"""Bytes → text for HTML pages, Vietnamese legacy encodings included.

Order of evidence, as in the WHATWG encoding-sniffing algorithm that browsers follow (what the
journalist saw is what we must read):

1. a byte-order mark: it is part of the bytes and cannot be wrong, so it overrides everything,
   even an HTTP header (WHATWG "BOM sniffing" runs before the transport-layer charset);
2. the HTTP `Content-Type` charset;
3. a `<meta charset>` / `<meta http-equiv="Content-Type">` declaration in the page head;
4. detection: valid UTF-8 is taken as UTF-8 (random legacy bytes are almost never valid UTF-8),
   otherwise charset-normalizer guesses (it knows windows-1258, the Vietnamese code page).

Two corrections on top, because Vietnamese servers get this wrong in practice:
- a missing charset is NOT ISO-8859-1 (the old HTTP/1.1 default some clients still apply): a
  UTF-8 page served as bare `text/html` decodes as mojibake that way;
- a Western single-byte label (ISO-8859-1, windows-1252, ASCII) on bytes that are valid UTF-8 is
  a server misconfiguration: those code pages cannot even spell Vietnamese.
Whatever still shows the typical UTF-8-read-as-cp1252 patterns ("Viá»‡t") is repaired with ftfy.

Last, the text is put in Unicode NFC. Vietnamese is written two ways: precomposed letters ("ệ") and
a base letter with combining marks ("ê" + dot below), which windows-1258 bytes, Mac input methods
and some CMS editors give ("Unicode tổ hợp"). Every later step (byline and date grammar, chrome
labels from data files, the text stored for journalists) compares strings, so it must see one form;
NFC is also what the archive keeps.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.IGNORECASE)
_PRESCAN_LIMIT = 32_768  # a few sites put 20 kB of inline script before their meta charset
# Labels whose code pages cannot encode Vietnamese: a page "in" them is really something else.
_WESTERN = frozenset({"iso8859-1", "cp1252", "ascii"})
# WHATWG maps these labels to windows-1252; Python's codecs would take them literally.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1258": "cp1258",
    "x-cp1258": "cp1258",
    "unicode": "utf-8",
    "utf8": "utf-8",
    "x-user-defined": "cp1252",
}
# UTF-8 bytes of Vietnamese letters read as cp1252/latin-1: "Ã¡" (á), "á»‡" (ệ), "Ä‘" (đ), "Æ°" (ư).
_MOJIBAKE = re.compile(
    "[ÃÄÆ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122]|á[º»]"
)
_MOJIBAKE_MARKERS = ("Ã", "Ä", "Æ", "áº", "á»")  # every match opens with one
_MOJIBAKE_MIN_HITS = 3
_TOLERATED_BAD_BYTES = 8


@dataclass(frozen=True)
class DecodedPage:
    """The page text and how it was decoded (kept for debugging extraction problems)."""

    text: str
    encoding: str
    source: str  # "bom" | "http" | "meta" | "utf-8" | "detected" | "str"
    repaired: bool = False


def _codec(label: str | None) -> str | None:
    """A Python codec name for an HTML/HTTP charset label, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    match = _HTTP_CHARSET.search(content_type or "")
    return _codec(match.group(1)) if match else None


def charset_from_meta(body: bytes) -> str | None:
    """The charset declared in the page head (only the head is scanned: a charset mentioned in
    the article text, or in a quoted code sample, must not count). A UTF-16 label in a page we
    could read as ASCII is a template mistake; WHATWG reads it as UTF-8, so do we."""
    head = body[:_PRESCAN_LIMIT]
    end = _HEAD_END.search(head)
    if end:
        head = head[: end.start()]
    match = _META_CHARSET.search(head)
    codec = _codec(match.group(1).decode("ascii", "ignore")) if match else None
    return "utf-8" if codec is not None and codec.startswith("utf-16") else codec


def _strict(body: bytes, codec: str) -> str | None:
    """Decode, tolerating a handful of bad bytes (one broken byte in a 200 kB UTF-8 page is a
    typo, not evidence of another encoding); None when the declaration is plainly wrong."""
    try:
        return body.decode(codec)
    except LookupError:
        return None
    except UnicodeDecodeError:
        text = body.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        return text if bad <= max(_TOLERATED_BAD_BYTES, len(body) // 5000) else None


def _is_utf8(body: bytes) -> str | None:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


_DETECTION_CANDIDATES = 3  # charset-normalizer's leading guesses worth reading as Vietnamese


def _detect(body: bytes) -> tuple[str, str]:
    """charset-normalizer's guess, corrected for Vietnamese.

    Its ranking is language-blind: on undeclared windows-1258 pages it often puts windows-1250 first
    (both decode the bytes without error and look equally "unchaotic"), which turns every toned
    vowel into Central European letters. Of its leading guesses, the one that reads as the most
    Vietnamese letters wins; its own order breaks ties, so non-Vietnamese pages keep its choice."""
    from charset_normalizer import from_bytes  # imported late: it is only needed for legacy pages

    guesses = [match for match in from_bytes(body) if match.encoding][:_DETECTION_CANDIDATES]
    if not guesses:
        return body.decode("utf-8", errors="replace"), "utf-8"
    readings = [(str(match), match.encoding) for match in guesses]
    text, encoding = max(readings, key=lambda reading: _vietnamese_letters(reading[0]))
    return text, _codec(encoding) or encoding


# Pre-Unicode Vietnamese (1990s–2000s): the bytes are Western letters and symbols that only a
# special font draws as Vietnamese; browsers show the text right only with the font installed.
# TCVN3 (ABC) fonts are named ".VnTime", ".VnArial" …, VNI fonts "VNI-Times", "VNI-Helve" ….
_LEGACY_FONT = re.compile(
    r"""(?i:\bface\s*=|font-family\s*:|font\s*:)\s*[^;>]{0,120}?["'\s,:=]\s*(\.Vn[A-Z]\w*|VNI[- ][A-Z]\w*)"""
)
_LEGACY_MIN_CHARS = 20  # Western letters/symbols beyond ASCII: a few are names or quotes
_LEGACY_SHARE = 0.1  # Unicode Vietnamese letters per such character, at most, in a legacy page


def _is_unicode_vietnamese(ch: str) -> bool:
    """A letter only Unicode Vietnamese text has (ă đ ĩ ũ ơ ư and the U+1EA0–U+1EF9 block)."""
    return "\u1ea0" <= ch <= "\u1ef9" or ch in "ăĂđĐĩĨũŨơƠưƯ"


def _vietnamese_letters(text: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFC", text) if _is_unicode_vietnamese(ch))


def legacy_font_encoding(text: str) -> str | None:
    """ "TCVN3" or "VNI" when the page is written in a legacy Vietnamese font encoding, else None.

    Two pieces of evidence together: the page asks for such a font, and its text is made of the
    Western letters and symbols (U+00A1–U+00FF) the font redraws, with next to none of the
    letters Unicode Vietnamese needs. A Unicode page that merely keeps an old font name in its
    stylesheet has those letters and is read as usual."""
    if ".Vn" not in text and "VNI" not in text:
        return None  # substring tests first: the font names are rare, the regex is not cheap
    match = _LEGACY_FONT.search(text)
    if match is None:
        return None
    body = re.sub(r"<[^>]*>", " ", text[match.end() :])
    # (a byte no codec could read, when the page declares no charset, counts as one of them)
    western = sum(1 for ch in body if "\u00a0" < ch <= "\u00ff" or ch == "\ufffd")
    vietnamese = sum(1 for ch in body if _is_unicode_vietnamese(ch))
    if western < _LEGACY_MIN_CHARS or vietnamese > _LEGACY_SHARE * western:
        return None
    return "TCVN3" if match.group(1).lower().startswith(".vn") else "VNI"


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8-decoded-as-cp1252 damage ("Viá»‡t" → "Việt"), only when it is clearly present.

    ftfy is slow on a whole page, so a cheap pattern count decides first; Vietnamese text itself
    never contains these sequences.
    """
    if not _has_mojibake(text):
        return text, False
    import ftfy

    fixed = ftfy.fix_encoding(text)
    return fixed, fixed != text


def _has_mojibake(text: str) -> bool:
    """At least `_MOJIBAKE_MIN_HITS` places where `_MOJIBAKE` matches.

    Every match opens with one of the markers, so the pattern is tried only where `str.find` (a
    scan in C) finds one: a German or French page with a few "Ä" or "Ã" in its words no longer
    runs the regex over all of its text, a tenth of a foreign page's decoding time. Two matches
    never overlap (no character a match ends with can open one), so the places counted are the
    matches `finditer` would give."""
    hits = 0
    for marker in _MOJIBAKE_MARKERS:
        at = text.find(marker)
        while at >= 0:
            if _MOJIBAKE.match(text, at):
                hits += 1
                if hits >= _MOJIBAKE_MIN_HITS:
                    return True
            at = text.find(marker, at + 1)
    return False


def decode_html(body: bytes | str, http_content_type: str | None = None) -> DecodedPage:
    """Decode a page's bytes with the evidence order above; str input is only checked for mojibake."""
    if isinstance(body, str):
        text, repaired = repair_mojibake(body.lstrip("\ufeff"))
        return DecodedPage(_nfc(text), "str", "str", repaired)

    for bom, codec in _BOMS:
        if body.startswith(bom):
            text = body[len(bom) :].decode(codec, errors="replace")
            return _finish(text, codec, "bom")

    for source, declared in (
        ("http", charset_from_content_type(http_content_type)),
        ("meta", charset_from_meta(body)),
    ):
        if declared is None:
            continue
        if declared in _WESTERN:
            as_utf8 = _is_utf8(body)
            if as_utf8 is not None:
                return _finish(as_utf8, "utf-8", f"{source}-corrected")
        decoded = _strict(body, declared)
        if decoded is not None:
            return _finish(decoded, declared, source)
        # A declaration the bytes contradict (e.g. "utf-8" on windows-1258 bytes): keep looking.

    as_utf8 = _is_utf8(body)
    if as_utf8 is not None:
        return _finish(as_utf8, "utf-8", "utf-8")
    text, codec = _detect(body)
    return _finish(text, codec, "detected")


def _finish(text: str, codec: str, source: str) -> DecodedPage:
    text, repaired = repair_mojibake(text)
    return DecodedPage(_nfc(text), codec, source, repaired)


def _nfc(text: str) -> str:
    # The quick check answers for most pages (already NFC) without building a copy.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
