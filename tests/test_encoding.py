"""Bytes → text: BOM, HTTP charset, meta charset, detection, windows-1258 and mojibake repair."""

from __future__ import annotations

import codecs
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from crawler.extraction import encoding
from crawler.extraction.encoding import charset_from_meta, decode_html
from crawler.extraction.extract import ExtractionError, extract_article
from indexer.schema import VIETNAM_TZ
from indexer.text import normalize
from ocop_watch.reencoded_pages import REENCODINGS, windows_1258, windows_1258_text

SAMPLE = (
    "Chương trình mỗi xã một sản phẩm (OCOP) giúp các hộ làm hàng ở nông thôn có thêm chỗ bán ổn định. "
    "Đồng Tháp có 150 sản phẩm đạt 3 sao, 4 sao; sản phẩm thủy sản và hòa quả được ưa chuộng."
)


def page(text: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>OCOP</title></head><body><p>{text}</p></body></html>"


def test_utf8_without_any_declaration_is_not_read_as_latin1() -> None:
    decoded = decode_html(page(SAMPLE).encode("utf-8"), "text/html")
    assert SAMPLE in decoded.text
    assert decoded.encoding == "utf-8"


def test_http_charset_is_used() -> None:
    body = windows_1258_text(page(SAMPLE))
    decoded = decode_html(body, "text/html; charset=windows-1258")
    assert decoded.source == "http"
    assert SAMPLE in normalize(decoded.text)


def test_meta_charset_when_http_has_none() -> None:
    body = windows_1258_text(
        page(SAMPLE, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
    )
    decoded = decode_html(body, "text/html")
    assert (decoded.source, decoded.encoding) == ("meta", "cp1258")
    assert SAMPLE in normalize(decoded.text)


def test_detection_recognises_windows_1258() -> None:
    body = windows_1258_text(page(" ".join([SAMPLE] * 4)))
    decoded = decode_html(body, None)
    assert decoded.source == "detected"
    assert SAMPLE in normalize(decoded.text)


def test_bom_outranks_the_http_header() -> None:
    body = codecs.BOM_UTF8 + page(SAMPLE).encode("utf-8")
    decoded = decode_html(body, "text/html; charset=windows-1258")
    assert decoded.source == "bom"
    assert SAMPLE in decoded.text


def test_western_label_on_utf8_bytes_is_a_server_mistake() -> None:
    decoded = decode_html(page(SAMPLE).encode("utf-8"), "text/html; charset=ISO-8859-1")
    assert decoded.encoding == "utf-8"
    assert SAMPLE in decoded.text


def test_declared_utf8_on_legacy_bytes_falls_through() -> None:
    body = windows_1258_text(page(" ".join([SAMPLE] * 4), '<meta charset="utf-8">'))
    decoded = decode_html(body, None)
    assert decoded.source != "meta"
    assert SAMPLE in normalize(decoded.text)


def test_mojibake_in_a_str_is_repaired() -> None:
    broken = page(SAMPLE).encode("utf-8").decode("latin-1")
    decoded = decode_html(broken)
    assert decoded.repaired
    assert SAMPLE in decoded.text


def test_clean_text_is_left_alone() -> None:
    decoded = decode_html(page(SAMPLE))
    assert not decoded.repaired and decoded.text == page(SAMPLE)


def test_meta_charset_outside_the_head_does_not_count() -> None:
    # A charset mentioned in the body (here a code sample in a comment) is not a declaration.
    body = page("Ví dụ về khai báo mã hóa").encode("utf-8") + b'<!-- <meta charset="koi8-r"> -->'
    assert charset_from_meta(body) is None
    assert charset_from_meta(page("x", '<meta charset="koi8-r">').encode("utf-8")) == "koi8-r"


def test_extracted_fields_are_normalised() -> None:
    # Decomposed tone marks (as windows-1258 gives), zero-width spaces and &nbsp; all come out clean.
    body = windows_1258_text(
        page(
            "Sản phẩm &#8203;OCOP&nbsp;của Hòa Bình được ưa chuộng. " + SAMPLE,
            '<meta charset="windows-1258">',
        )
    )
    article = extract_article(body, "https://example.vn/ocop-1.html")
    assert "\u200b" not in article.text and "\xa0" not in article.text
    assert unicodedata.is_normalized("NFC", article.text)
    assert "Sản phẩm OCOP của Hòa Bình" in article.text


@pytest.mark.corpus
def test_corpus_page_decodes_via_its_meta_charset() -> None:
    from tests.support.environment import require_shared

    page_path = require_shared(
        "corpus", "articles", "vnexpress.net__dau-bung-keo-dai-ung-thu-lymphoma-ruot-non.html"
    )
    decoded = decode_html(page_path.read_bytes(), "text/html")  # served with no charset parameter
    assert decoded.source == "meta" and decoded.encoding == "utf-8"
    assert "Đau bụng kéo dài" in decoded.text


def test_meta_utf16_label_on_ascii_compatible_bytes_means_utf8() -> None:
    body = page(SAMPLE, '<meta charset="utf-16">').encode("utf-8")
    decoded = decode_html(body, None)
    assert decoded.encoding == "utf-8" and SAMPLE in decoded.text


# Pre-Unicode Vietnamese, written for us in the shape of those encodings (the letters a TCVN3 or a
# VNI font redraws as Vietnamese): a page that asks for such a font and is made of them is refused
# with the reason; the same font name on a Unicode page changes nothing.
TCVN3_LIKE = "ViÖt Nam cã thªm s¶n phÈm OCOP ®¹t chuÈn, gióp ng­êi d©n cã thu nhËp æn ®Þnh h¬n. "
VNI_LIKE = "Vieät Nam coù theâm saûn phaåm OCOP ñaït chuaån, giuùp ngöôøi daân coù thu nhaäp oån ñònh hôn. "


@pytest.mark.parametrize(
    ("head", "text", "charset", "name"),
    [
        ("<style>p { font-family: '.VnTime', serif }</style>", TCVN3_LIKE, "windows-1252", "TCVN3"),
        ("<style>p { font-family: '.VnTime', serif }</style>", TCVN3_LIKE, None, "TCVN3"),
        ("", f"<font face='VNI-Times'>{VNI_LIKE}</font>", "windows-1252", "VNI"),
    ],
)
def test_a_legacy_font_encoding_is_refused_with_its_name(
    head: str, text: str, charset: str | None, name: str
) -> None:
    from crawler.extraction.encoding import legacy_font_encoding
    from crawler.extraction.extract import ExtractionError

    declared = f'<meta charset="{charset}">' if charset else ""
    raw = page(text * 4, declared + head).encode("cp1252")
    assert legacy_font_encoding(decode_html(raw).text) == name
    with pytest.raises(ExtractionError, match=rf"legacy Vietnamese font encoding \({name}\)"):
        extract_article(raw, "https://baomau.example.vn/a.html")


def test_a_unicode_page_naming_a_legacy_font_is_read() -> None:
    from crawler.extraction.encoding import legacy_font_encoding

    html = page(f"<font face='.VnTime'>{SAMPLE}</font>", "<style>h1 { font-family: VNI-Times }</style>")
    assert legacy_font_encoding(html) is None
    assert "Đồng Tháp có 150 sản phẩm" in extract_article(html.encode(), "https://baomau.example.vn/a").text


KINDS = Path(__file__).parent / "fixtures" / "pages" / "kinds"
CRAWLED = datetime(2026, 3, 1, 12, 0, tzinfo=VIETNAM_TZ)


def _article_or_refusal(raw: bytes) -> str:
    try:
        article = extract_article(raw, "https://bao.example.vn/bai-viet.html", crawled=CRAWLED)
    except ExtractionError as error:
        return f"refused: {error}"
    return article.model_dump_json()


@pytest.mark.parametrize("reencoding", list(REENCODINGS))
def test_our_pages_in_another_byte_form_give_the_same_article(reencoding: str) -> None:
    # Decomposed marks reached the byline, date and chrome-label rules unrecomposed (a signature, a
    # printed date and a share label were missed); undeclared windows-1258 was read as windows-1250.
    pages = sorted(KINDS.glob("*.html"))
    assert len(pages) >= 20
    changed = [
        page.name
        for page in pages
        if _article_or_refusal(REENCODINGS[reencoding](page.read_bytes()))
        != _article_or_refusal(page.read_bytes())
    ]
    assert not changed, changed


def test_decoded_text_is_nfc_whatever_form_the_bytes_were_in() -> None:
    decomposed_page = unicodedata.normalize("NFD", page(SAMPLE)).encode("utf-8")
    for decoded in (decode_html(decomposed_page), decode_html(decomposed_page.decode("utf-8"))):
        assert unicodedata.is_normalized("NFC", decoded.text)
        assert SAMPLE in decoded.text


def test_an_undeclared_windows_1258_page_is_not_read_as_windows_1250() -> None:
    # Both code pages decode these bytes without error; only windows-1258 gives Vietnamese letters.
    body = windows_1258(page(" ".join([SAMPLE] * 3)).encode("utf-8"), declared=False)
    decoded = decode_html(body, None)
    assert decoded.source == "detected" and decoded.encoding == "cp1258"
    assert SAMPLE in decoded.text


@pytest.mark.parametrize(
    "text",
    [
        "Ärger im Ätna-Tal, Äpfel und Ärzte",  # the markers in a language's own words: no pair
        "Ã© once, Ä‘ twice, Æ° three",  # three pairs, far apart
        "Ã©Ã©",  # two pairs, side by side
        "Ã©Ã©Ã©",
        "áºáº» and á»",
        "ÃÃ©Ä ÆÆ°x á",
        "",
    ],
)
def test_the_mojibake_count_finds_the_pairs_the_pattern_finds(text: str) -> None:
    """Guard (session 22): the pattern is tried only where a marker is found, and counts what a
    scan of the whole text counted."""
    assert encoding._has_mojibake(text) == (
        len(encoding._MOJIBAKE.findall(text)) >= encoding._MOJIBAKE_MIN_HITS
    )


def test_a_few_capital_umlauts_are_no_mojibake() -> None:
    text = page("Ärger über Äpfel: Ötzi und Ärzte sprechen. " * 3)
    decoded = decode_html(text.encode("utf-8"))
    assert not decoded.repaired and decoded.text == text
