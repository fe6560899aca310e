"""Session 17, blind round "groups2": product groups and OCOP relevance in other wordings.

Invented passages (none taken from a real page) for the failure kinds the blind round found:
capitalised brand names after "có"/"khi", English product names inside Vietnamese sentences,
the theme of a tourism site ("điểm du lịch làng nghề gốm"), mats, rugs, altar ware and pill
forms missing from the lexicon, a scent between a product and its material ("hương quế"), a
producer that makes a product ("xưởng làm tương"), and a single passing mention of OCOP in a
short brief about something else. Each case has a guard: the rule must not reach further.
"""

from __future__ import annotations

import pytest

from indexer.ocop import enrich_text

TITLE = "Sản phẩm OCOP của tỉnh tiếp tục nâng hạng"
ANCHOR = "Chương trình OCOP ở tỉnh Hà Tĩnh tiếp tục được các hợp tác xã hưởng ứng. "
TP, DU, TD, VM, LN, DL = (
    "Thực phẩm",
    "Đồ uống",
    "Thảo dược",
    "Vải và may mặc",
    "Lưu niệm - nội thất - trang trí",
    "Dịch vụ du lịch cộng đồng và điểm du lịch",
)


def groups(text: str) -> list[str]:
    return enrich_text(TITLE, ANCHOR + text).product_groups


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a capitalised brand that opens with its product word, after "có" or "khi"
        ("Trong đợt xét chọn này có Mắm Cáy Cửa Lạch đạt OCOP 3 sao.", [TP]),
        ("Từ khi Rượu Ngô Men Lá Suối Mây đạt OCOP 4 sao, đơn hàng tăng gấp ba.", [DU]),
        ("Được công nhận lần này có THANHLAM Trà xanh Đỉnh Gió, đạt 4 sao.", [DU]),
        # an English product name inside a Vietnamese sentence: the last product word is the head
        ("Năm nay, Catimor Honey Coffee của hợp tác xã đạt OCOP 4 sao.", [DU]),
        ("Dried Mango – sản phẩm đạt chuẩn OCOP 3 sao – đã có mặt ở các siêu thị.", [TP]),
        ("Bộ Herbal Soap hương sả của cơ sở được công nhận OCOP 3 sao.", [TD]),
        # the theme of a tourism site is no product of its own
        ("Điểm du lịch làng nghề dệt chiếu Hạ Thôn được công nhận OCOP 3 sao.", [DL]),
        ("Tour trải nghiệm làng nghề gốm Đồi Mây vừa đạt OCOP 4 sao.", [DL]),
        # mats, rugs, altar ware and pill forms
        ("Sản phẩm chiếu lác in hoa của tổ hợp tác đạt OCOP 3 sao.", [LN]),
        ("Thảm len dệt tay của hợp tác xã được công nhận OCOP 3 sao.", [LN]),
        ("Bộ đồ thờ sơn son thếp vàng của cơ sở đạt OCOP 4 sao.", [LN]),
        ("Viên hoàn cứng mướp đắng của hợp tác xã đạt OCOP 3 sao.", [TD]),
        # a scent between a product and its material: the product decides
        ("Nến thơm hương bưởi của cơ sở vừa được công nhận OCOP 3 sao.", [LN]),
        # a producer that makes something names its product, not a use
        ("Cơ sở làm bánh gai của bà Hoa vừa được công nhận OCOP 3 sao.", [TP]),
        # written after the held-out run (not blind): a fibre between a product and its material,
        # intercropping and the leaves put to use, shiitake, an English fruit name
        ("Váy dệt sợi dứa của hợp tác xã đạt OCOP 3 sao.", [VM]),
        ("Hợp tác xã trồng xen cà phê với bơ; sản phẩm OCOP 3 sao của hợp tác xã là hạt mắc ca rang.", [TP]),
        ("Bà con dùng lá đinh lăng nấu nước uống; sản phẩm OCOP 3 sao của xã là bánh gai.", [TP]),
        ("Nấm đông cô sấy của trang trại đạt OCOP 4 sao.", [TP]),
        ("Dòng Coconut Chips của cơ sở đạt OCOP 3 sao.", [TP]),
    ],
)
def test_groups_in_other_wordings(text: str, want: list[str]) -> None:
    assert groups(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a producer's English category word is the producer's, not a product
        ("Công ty Hồng Vân Food có sản phẩm trà búp đạt OCOP 4 sao.", [DU]),
        # one capitalised English word alone is no product name
        ("Chị đặt tên cửa hàng là Honey, nơi bán trà búp đạt OCOP 4 sao.", [DU]),
        # a product joined to a tourism site by "và" is a product of its own
        ("Khu du lịch sinh thái Suối Tiên và mật ong rừng của hợp tác xã đạt OCOP 3 sao.", [TP, DL]),
        # a word after the tourism site's name, past a verb, is no theme
        ("Điểm du lịch cộng đồng bản Pạc có gốm men nâu đạt OCOP 3 sao.", [LN, DL]),
        # a plant used to make a tea is still a use
        ("Người dân dùng lá vối làm trà; sản phẩm OCOP 3 sao của xã là mật ong rừng.", [TP]),
        # a tea named by its tea kind after a brand in capitals stays one tea
        ("Sản phẩm đạt OCOP 3 sao có trà xanh Đồi Chè Xanh.", [DU]),
    ],
)
def test_guards_keep_their_groups(text: str, want: list[str]) -> None:
    assert groups(text) == want


PASSING = [
    # one OCOP sentence in a short brief about something else: no rating, count or assessment
    (
        "Năm học mới, ngành giáo dục huyện tuyển thêm 120 giáo viên. Tại buổi gặp mặt, các thầy cô "
        "được tặng giỏ quà là sản phẩm OCOP của huyện. Ngành cũng sửa chữa 15 phòng học."
    ),
    (
        "Tuyến đường tránh thị trấn vừa được thông xe sau hai năm thi công. Trạm dừng nghỉ bên đường "
        "có cây xăng, quán ăn và quầy bán sản phẩm OCOP. Tuyến đường dài 12 km."
    ),
]


@pytest.mark.parametrize("text", PASSING)
def test_a_passing_mention_in_a_short_brief_is_not_ocop(text: str) -> None:
    assert not enrich_text("Thông xe và khai giảng", text).is_ocop


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the same brief stating a rating, or an assessment, or naming OCOP in its title, is OCOP
        (
            "Tin vắn",
            "Năm nay, miến dong do hợp tác xã Phú Lâm làm đạt OCOP 4 sao. Hợp tác xã có 30 thành viên.",
        ),
        (
            "Tin vắn",
            "Hội đồng cấp huyện vừa đánh giá sản phẩm miến dong của hợp tác xã Phú Lâm theo Bộ tiêu chí "
            "OCOP. Hợp tác xã có 30 thành viên.",
        ),
        # a rating stated in a sentence that does not name the programme is substance too
        (
            "Tin vắn",
            "Chương trình OCOP ở huyện được triển khai từ năm 2019.\nCác sản phẩm đạt 4 sao năm nay gồm: "
            "miến dong, rượu ngô.",
        ),
        (
            "Miến dong Phú Lâm, một sản phẩm OCOP",
            "Hợp tác xã Phú Lâm có 30 thành viên, làm miến dong từ năm 2015.",
        ),
    ],
)
def test_a_single_mention_with_substance_stays_ocop(title: str, text: str) -> None:
    assert enrich_text(title, text).is_ocop
