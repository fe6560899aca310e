"""An outlet's footer led by its own name names the outlet's home, not a place of the story
(session 18, relevance3 blind round). Passages invented for these tests."""

from __future__ import annotations

from datetime import datetime

from indexer.ocop import enrich_text
from indexer.schema import VIETNAM_TZ

BEFORE = datetime(2023, 5, 9, 9, 0, tzinfo=VIETNAM_TZ)
STORY = (
    "Hội đồng cấp tỉnh Sơn La vừa xếp 14 sản phẩm vào hạng OCOP 3 sao, phần lớn là chè búp "
    "và mật ong của các hợp tác xã vùng cao.\n"
)


def provinces(text: str) -> list[str]:
    return enrich_text("Thêm sản phẩm OCOP", text, published=BEFORE).provinces


def test_an_outlet_led_footer_with_its_address_is_chrome() -> None:
    footers = [
        "Báo Đồng Quê Sớm điện tử - Cơ quan của Hội Làm vườn. Địa chỉ: số 8 phố Chợ, tỉnh Bạc Liêu.",
        "Tạp chí Làng Quê, Cơ quan ngôn luận của Hội Làng nghề. Trụ sở: tỉnh Long An. ĐT: 0272 3456789",
        "Cổng thông tin điện tử huyện – Cơ quan chủ quản: UBND tỉnh Nam Định",
        "Cơ quan ngôn luận của Đảng bộ tỉnh Hải Dương",
    ]
    for footer in footers:
        assert provinces(STORY + footer) == ["Sơn La"], footer


def test_a_sentence_about_a_newspaper_or_an_agency_keeps_its_places() -> None:
    # A sentence that names an outlet and an agency is prose, not the outlet's footer.
    said = (
        "Báo Nông Thôn cho biết, Cơ quan thú y tỉnh Bạc Liêu đã lấy mẫu kiểm tra các lô tôm khô "
        "trước khi sản phẩm OCOP 3 sao được bán ra."
    )
    assert "Bạc Liêu" in provinces(STORY + said)
    agency = "Đài truyền hình tỉnh Long An phát phóng sự về cơ quan của hợp tác xã làm bánh tráng."
    assert "Long An" in provinces(STORY + agency)
