"""Stories that name the programme once or twice (session 19): the programme's business (producers,
dossiers, packaging, assessment councils) in sentences that do not name it counts as coverage, a
dateline does not take the lead's place, a producer's own rated product is evidence; a passing
mention in a story about something else gains nothing."""

from __future__ import annotations

from indexer.ocop import enrich_text
from indexer.ocop.wrapping import DATELINE

# All passages are invented.
COURSE = (
    "Ngày 16, cơ quan điều phối NTM của Thanh Hóa phối hợp với UBND xã Xuân Trạch khai giảng"
    " lớp tập huấn nâng cao năng lực cho những cơ sở đang theo chương trình OCOP năm 2026. Tham dự lớp học"
    " có 43 học viên là đại diện hợp tác xã, tổ sản xuất, hộ kinh doanh và doanh nghiệp nhỏ. Trong 3 ngày,"
    " học viên được giảng viên hướng dẫn cách xây dựng hồ sơ sản phẩm, câu chuyện sản phẩm, tiêu chuẩn về"
    " bao bì, nhãn mác, truy xuất nguồn gốc và các bước chấm điểm, phân hạng. Ông Nguyễn Văn Toản,"
    " chủ cơ sở sản xuất thổ cẩm dệt tay, cho biết sau lớp học cơ sở sẽ hoàn thiện nhãn mới và bổ sung "
    "phiếu kiểm nghiệm để đủ điều kiện đăng ký đánh giá trong đợt tới. Ban tổ chức cũng dành một buổi để "
    "các học viên trao đổi kinh nghiệm quản lý chất lượng và tiếp cận vốn vay.\nMinh Khôi (Trung tâm Văn "
    "hóa - Thông tin huyện)"
)
ENGLISH = (
    "Thứ 3, 20/2/2026 10:30 (GMT+7)\nFollowing the merger of provinces on July 1, 2025, the enlarged "
    "province of Lao Cai has brought its rural product schemes under a single coordination office. Under "
    "the OCOP programme, producers in the former provinces will keep their ratings until they expire, "
    "while new products will be assessed by the new provincial council. Officials said 46 producers had "
    "applied for assessment in the first round after the merger. The office will also review brands that "
    "now overlap, such as teas and honey from neighbouring districts, and help cooperatives redesign "
    "labels with the new province's name.\nNgọc Lan\nChia sẻ Facebook | Zalo | In bài"
)
HARVEST = (
    "Nông dân xã Mường Phăng (tỉnh Điện Biên) đang thu hoạch lúa chiêm. Năng suất ước đạt 61 tạ/ha, cao hơn "
    "vụ trước nhờ giống mới và máy gặt. Thương lái mua lúa tại ruộng với giá ổn định. Xã khuyến cáo "
    "người dân làm đất sớm cho vụ mùa. Dịp này, xã cũng giới thiệu với khách một số sản phẩm OCOP "
    "của địa phương."
)


def test_a_training_course_named_once_is_ocop() -> None:
    assert enrich_text("", COURSE).is_ocop


def test_an_english_wire_story_named_once_is_ocop() -> None:
    assert enrich_text("", ENGLISH).is_ocop


def test_a_passing_closing_sentence_stays_below_the_threshold() -> None:
    assert not enrich_text("", HARVEST).is_ocop


def test_jargon_without_the_programme_named_adds_nothing() -> None:
    text = COURSE.replace("chương trình OCOP", "khóa đào tạo")
    assert enrich_text("", text).ocop_score == 0.0


# A producer profile under a dateline written with dashes and the outlet's section.
PROFILE = (
    "Từ xưởng nhỏ ở xã Bản Lầu, chị Giàng Thị Dua đã gây dựng thương hiệu tương ớt được nhiều người "
    "tiêu dùng trong tỉnh Lào Cai biết đến. Năm 2024, sản phẩm của chị được công nhận đạt OCOP 3 sao. "
    "Từ đó, cơ sở mua "
    "thêm máy xay, làm tem truy xuất, liên kết với hơn chục hộ trồng ớt. Mỗi tháng, cơ sở bán khoảng 2 tấn "
    "sản phẩm, tạo việc làm cho 7 lao động. Chị cho biết sắp tới sẽ làm thêm loại ớt ngâm cho khách ở xa."
)


def test_a_dashed_dateline_with_a_section_does_not_take_the_lead() -> None:
    assert enrich_text("Người phụ nữ làm giàu từ ớt", "17-02-2025 | Kinh tế\n" + PROFILE).is_ocop


def test_a_dateline_may_end_on_a_section_but_not_on_a_headline() -> None:
    assert DATELINE.match("21.08.2023 | Xã hội")
    assert DATELINE.match("21-08-2023 | Kinh tế")
    assert not DATELINE.match("21-08-2023 | Hội nghị tổng kết năm của ngành nông nghiệp tỉnh")
    assert not DATELINE.match("21/08-2023")


def test_a_producers_own_rated_product_is_evidence() -> None:
    owned = "Năm 2023, sản phẩm của anh được công nhận đạt OCOP 4 sao. "
    general = owned.replace("của anh", "của tỉnh")  # a province owns no product: no owner
    rest = (
        "Anh Sùng A Páo ở bản Tả Phìn nuôi ong lấy mật trên núi đá từ mười năm nay. Mỗi vụ, gia đình anh "
        "thu vài tạ mật, bán cho khách quen ở thị trấn và gửi xuống xuôi. Anh cho biết nghề nuôi ong vất vả "
        "nhưng giúp cả bản có thêm thu nhập."
    )
    assert enrich_text("", rest + " " + owned).ocop_score > enrich_text("", rest + " " + general).ocop_score
