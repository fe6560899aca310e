"""Hard-wrapped text (copied from PDFs and e-mails, reader letters, plain-text feeds, pages kept
with their source's line breaks), on passages we wrote ourselves: a text wrapped at one width is
re-joined at every line cut there, whatever the next line starts with, while the short lines
around it (headlines, datelines, captions, list items, related headlines) stay lines.

Each case carries its guard: the short lines that must stay lines. None is a copy of a real
passage.
"""

from __future__ import annotations

from datetime import datetime

from indexer.ocop import enrich_text
from indexer.ocop.document import Document
from indexer.ocop.wrapping import unwrap
from indexer.schema import VIETNAM_TZ

BEFORE = datetime(2022, 4, 2, 9, 0, tzinfo=VIETNAM_TZ)
OCOP_TITLE = "Thêm nhiều sản phẩm OCOP được công nhận"


def facts(text: str, title: str = OCOP_TITLE):
    return enrich_text(title, text, published=BEFORE)


def claims(text: str, title: str = OCOP_TITLE) -> set[tuple[int, int | None]]:
    return {(c.count, c.stars) for c in facts(text, title).ocop_claims}


# Wrapped at 50 columns: lines cut inside names ("Đình" / "Lập", "Bản" / "Khe", "Phù" / "Vân)")
# and before "Hợp tác xã"; only four of the eight cuts go on in lower case.
_WRAPPED = (
    "Ngày 20/5, Hội đồng đánh giá, phân hạng sản phẩm\n"
    "cấp tỉnh đã công nhận 11 sản phẩm của huyện Đình\n"
    "Lập, tỉnh Lạng Sơn đạt OCOP 3 sao và 2 sản phẩm\n"
    "đạt OCOP 4 sao. Các sản phẩm gồm miến dong Bản\n"
    "Khe, trà hoa vàng Khau Sỉn và mật ong Lũng Vài của\n"
    "Hợp tác xã Nông sản Suối Ngàn.\n"
)
_SECOND = (
    "Theo Sở Nông nghiệp, đến nay toàn tỉnh có 86 sản\n"
    "phẩm OCOP, trong đó Hợp tác xã Đồi Thông (xã Phù\n"
    "Vân) có 4 sản phẩm. Tỉnh sẽ hỗ trợ các chủ thể\n"
    "quảng bá sản phẩm trên sàn thương mại điện tử.\n"
)
# The short lines around it, each of its own: a headline, a dateline, a caption as long as the
# width but for one word, a related-links box of headlines naming other provinces.
_HEADLINE = "Miến dong Bản Khe vào danh sách OCOP"
_DATELINE = "08:30, 21/05/2022"
_CAPTION = "Gian hàng miến dong ở hội chợ. Ảnh: Thu Trang"
_RELATED = ["Tin liên quan", "Yên Bái: Thêm 9 sản phẩm OCOP 4 sao", "Hà Giang có 5 sản phẩm OCOP mới"]


def test_a_text_wrapped_at_one_width_is_read_as_written() -> None:
    text = "\n".join([_HEADLINE, _DATELINE, _WRAPPED + _CAPTION, _SECOND + "\n".join(_RELATED)])
    found = facts(text)
    assert found.provinces == ["Lạng Sơn"]
    assert found.stars == [3, 4]
    assert {(11, 3), (2, 4)} <= claims(text)
    lines = unwrap(text).split("\n")
    assert " ".join(_WRAPPED.split()) in lines
    # Guard: the short lines stay lines, and the related headlines add no province or claim.
    assert {_HEADLINE, _DATELINE, _CAPTION, *_RELATED} <= set(lines)
    assert (9, 4) not in claims(text)


# Related headlines as long as each other: they cut no sentence, so they show no width.
_COLUMN = (
    "Hà Giang: Thêm 7 sản phẩm đạt chuẩn OCOP 4 sao năm 2022\n"
    "Lạng Sơn: Miến dong vùng cao vào siêu thị ở Hà Nội\n"
    "Cao Bằng: Hợp tác xã trồng chè nhận chứng nhận OCOP\n"
    "Tuyên Quang: Nhiều sản phẩm được nâng hạng 4 sao\n"
)


def test_the_same_text_unwrapped_gives_the_same_facts() -> None:
    wrapped = _WRAPPED + _SECOND
    flat = " ".join(_WRAPPED.split()) + "\n" + " ".join(_SECOND.split()) + "\n"
    assert unwrap(wrapped) == flat
    assert facts(wrapped) == facts(flat)
    # Guard: a column of headlines is no wrapped text.
    assert unwrap(_COLUMN) == _COLUMN


# A list under a paragraph wrapped at 62 columns: lines cut before a number ("27."), inside a
# name ("Đồi" / "Thông") and before "Hợp tác xã"; the first item runs to the width too.
_LIST = (
    "Năm 2023, huyện Bảo Lâm, tỉnh Lâm Đồng có thêm 4 sản phẩm được\n"
    "công nhận OCOP 3 sao, nâng tổng số sản phẩm OCOP của huyện lên\n"
    "27. Trong đợt này, các sản phẩm được công nhận gồm cà phê Đồi\n"
    "Thông, chè ô long Phù Vân, mật ong Thác Bạc và hạt mắc ca của\n"
    "Hợp tác xã Ngọc Lâm. Các chủ thể được nhận giấy chứng nhận:\n"
    "- Hợp tác xã Nông nghiệp Đồi Thông (xã Lộc Bắc, huyện Bảo Lâm)\n"
    "- Cơ sở Phù Vân\n"
    "- Hộ kinh doanh Thác Bạc\n"
)
_ITEMS = _LIST.split("\n")[5:8]


def test_list_items_under_a_wrapped_paragraph_stay_items() -> None:
    lines = unwrap(_LIST).split("\n")
    assert lines[0] == " ".join(_LIST.split("\n-")[0].split())
    assert {(4, 3), (27, None)} <= claims(_LIST)
    # Guard: the items stay lines, the first one too though it runs to the width.
    assert lines[1:4] == _ITEMS


# Paragraphs set apart by blank lines: a line cut at the width after a sentence end is inside its
# paragraph, so the first paragraph, the lead, holds both sentences.
_SPACED = (
    "Sáng 3/11, tỉnh Hà Giang trao chứng nhận cho 7 sản phẩm OCOP 4\n"
    "sao của 5 chủ thể trên địa bàn các huyện vùng cao. Trước đó,\n"
    "tỉnh đã có 105 sản phẩm OCOP được công nhận từ 3 sao trở lên.\n"
    "Hợp tác xã Sông Mây ở xã Lũng Vài có 2 sản phẩm được nâng\n"
    "hạng.\n"
    "\n"
    "Thị trường cho sản phẩm vùng cao\n"
    "\n"
    "Các chủ thể cho biết, sau khi được công nhận OCOP, sản phẩm đã\n"
    "có mặt ở nhiều siêu thị trong và ngoài tỉnh. Giá bán ổn định\n"
    "hơn so với trước, người dân yên tâm mở rộng vùng nguyên liệu.\n"
)


def test_paragraphs_set_apart_by_blank_lines_go_on_after_a_sentence_end_at_the_width() -> None:
    doc = Document("", _SPACED)
    blocks = [doc.text[b.start : b.end] for b in doc.blocks if b.last > b.first]
    lead = next(doc.text[b.start : b.end] for b in doc.blocks if b.zone == "lead")
    assert lead.startswith("Sáng 3/11") and lead.endswith("có 2 sản phẩm được nâng hạng.")
    # Guard: the subhead between the paragraphs stays a line of its own.
    assert "Thị trường cho sản phẩm vùng cao" in blocks
    assert (7, 4) in claims(_SPACED)


# Wrapped at 51 columns by a tool that counted the source's double spaces: the width is read on the
# text as given, before its spaces are made single.
_DOUBLE_SPACED = (
    "Theo Sở Công Thương,  đến hết tháng 6 tỉnh Cao Bằng\n"
    "có 64 sản phẩm OCOP,  trong đó Hợp tác xã Tràng\n"
    "Định có 5 sản phẩm đạt 4 sao.  Các sản phẩm của Hợp\n"
    "tác xã Nông nghiệp Sông Mây được bày bán tại Hà Nội\n"
    "và Thành phố Hồ Chí Minh,  nhiều nhất là miến dong\n"
    "và trà hoa vàng.\n"
    "Ảnh: Thu Trang\n"
)


def test_the_width_is_read_before_double_spaces_are_made_single() -> None:
    doc = Document("", _DOUBLE_SPACED)
    blocks = [doc.text[b.start : b.end] for b in doc.blocks if b.last > b.first]
    assert blocks[0].startswith("Theo Sở Công Thương, đến") and blocks[0].endswith("trà hoa vàng.")
    # Guard: the credit stays a line of its own.
    assert blocks[1:] == ["Ảnh: Thu Trang"]


# Wrapped twice: a source's lines of 70 columns re-wrapped at 56, each long line followed by its
# short remainder; the rating of the 6 products is on the next source line ("đạt" / "OCOP 3 sao").
_TWICE = (
    "Chấm điểm sản phẩm ở huyện vùng cao\n"
    "Thực hiện kế hoạch năm 2022, Hội đồng đánh giá, phân\n"
    "hạng sản phẩm cấp\n"
    "huyện Đình Lập đã tổ chức chấm điểm cho các sản phẩm\n"
    "đăng ký. Kết quả,\n"
    "6 sản phẩm của Hợp tác xã Nông sản Suối Ngàn và Cơ sở\n"
    "Khau Sỉn đạt\n"
    "OCOP 3 sao; Hợp tác xã Tràng Định có 2 sản phẩm đạt OCOP\n"
    "4 sao. Các\n"
    "sản phẩm được Ủy ban nhân dân tỉnh Lạng Sơn cấp giấy\n"
    "chứng nhận trong\n"
    "tháng 6 và được hỗ trợ quảng bá tại các hội chợ.\n"
)


def test_a_text_wrapped_twice_is_re_joined_at_both_widths() -> None:
    lines = unwrap(_TWICE).split("\n")
    assert lines[1] == " ".join("\n".join(_TWICE.split("\n")[1:]).split())
    assert claims(_TWICE) >= {(6, 3), (2, 4)}
    # Guard: the subhead above the paragraph stays a line of its own.
    assert lines[0] == "Chấm điểm sản phẩm ở huyện vùng cao"
