"""The opaque-names rewrite that measures what extraction owes to class vocabulary: names change,
nothing else does, and scripts still find their elements."""

from __future__ import annotations

from ocop_watch.opaque_names import opaque, opaque_names, plain_tags

PAGE = """<html><head><meta charset="windows-1258"><script>
document.getElementById("ngay-dang").innerHTML = "Thứ ba, 03/03/2026";
var label = 'author';
</script></head><body class="trang chi-tiet">
<div id=khung class='noi-dung  bai-viet'><p class="tac-gia">Nguyễn Văn An</p>
<span id="ngay-dang"></span><p>Bài viết nói về class="tac-gia" như một chuỗi chữ.</p></div>
</body></html>"""


def test_every_class_token_and_id_is_renamed_and_the_text_is_not() -> None:
    out = opaque_names(PAGE.encode("utf-8")).decode("utf-8")
    for name in ("trang", "chi-tiet", "khung", "noi-dung", "bai-viet", "tac-gia"):
        assert opaque(name.encode()).decode() in out, name
    assert 'class="' + opaque(b"noi-dung").decode() + " " + opaque(b"bai-viet").decode() + '"' in out
    assert '<p class="' + opaque(b"tac-gia").decode() + '">Nguyễn Văn An</p>' in out
    assert 'nói về class="tac-gia" như một chuỗi chữ' in out  # prose is not markup
    assert 'charset="windows-1258"' in out  # other attributes are left alone


def test_a_script_still_finds_the_element_it_writes_into() -> None:
    out = opaque_names(PAGE.encode("utf-8")).decode("utf-8")
    renamed = opaque(b"ngay-dang").decode()
    assert f'getElementById("{renamed}")' in out and f'<span id="{renamed}">' in out
    assert "var label = 'author'" in out  # a string that names no id of the page stays


def test_bytes_outside_names_are_untouched_whatever_the_encoding() -> None:
    legacy = '<p class="a">Thanh Hoá</p>'.encode("cp1258")
    assert opaque_names(legacy) == legacy.replace(b'class="a"', b'class="' + opaque(b"a") + b'"')


def test_plain_tags_write_semantic_blocks_as_divs_and_leave_the_rest() -> None:
    page = (
        b'<article class="a"><header><h1>T</h1><time datetime="2026-03-03">3/3</time></header>'
        b"<p>M\xe1\xbb\x99t <b>c\xc3\xa2u</b>.</p><figure><img src=x><figcaption>\xe1\xba\xa2nh</figcaption>"
        b"</figure><pre>code</pre><footer>F</footer></article><param name=p>"
    )
    assert plain_tags(page) == (
        b'<div class="a"><div><h1>T</h1><span datetime="2026-03-03">3/3</span></div>'
        b"<div>M\xe1\xbb\x99t <b>c\xc3\xa2u</b>.</div><div><img src=x><div>\xe1\xba\xa2nh</div>"
        b"</div><pre>code</pre><div>F</div></div><param name=p>"
    )
