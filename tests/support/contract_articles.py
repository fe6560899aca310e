"""The contract suite's articles, built in code: one archive, indexed by every engine under test.

Thirty-two short Vietnamese news articles chosen for what they exercise:

- đ/d and diacritic-free search: "Đồng Tháp", but also "dòng sông", "động lực", "cộng đồng",
  "mùa đông", "Lâm Đồng", "Đông Hồ" all fold to "dong";
- tone placement: "Hoà Bình" and "khoẻ" in the new style, "Hòa Bình" and "thủy" in the old one,
  "họa sĩ" and "hoa sen" folding to the same "hoa", "quý" which must stay as it is;
- phrases: "nông thôn mới" in order (several) and scattered ("Diện mạo mới … nông thôn");
- exclusions and OR: an OCOP fair sponsored by the lottery company, "mật ong", "cà phê";
- dates: distinct timestamps, three undated articles, two articles on either side of midnight
  (Vietnam time) at the end of March 2024 and one just after New Year 2021 (still 2020 in UTC),
  three articles on 5 March 2024 for the daily histogram;
- facets: four outlets, sections, stars (single and several), product groups, provinces (old
  and 2025 names), outlet kinds and provinces, OCOP relevance; a wire story published three times
  (near-duplicates), its earliest copy archived last.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from indexer.archive import Archive
from indexer.schema import VIETNAM_TZ, Article

CRAWLED = datetime(2025, 4, 1, 12, 0, tzinfo=VIETNAM_TZ)


def _at(year: int, month: int, day: int, hour: int = 8, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


def _article(key: str, site: str, title: str, text: str, **fields: object) -> Article:
    fields.setdefault("crawled", CRAWLED)
    fields.setdefault("outlet", OUTLETS[site])
    fields.setdefault("outlet_kind", OUTLET_KINDS[site][0])
    fields.setdefault("outlet_province", OUTLET_KINDS[site][1])
    return Article.from_url(f"https://{site}/{key}.html", site=site, title=title, text=text, **fields)


OUTLETS = {
    "nongnghiep.vn": "Nông nghiệp Việt Nam",
    "vnexpress.net": "VnExpress",
    "baodongthap.vn": "Báo Đồng Tháp",
    "baophutho.vn": "Báo Phú Thọ",
}

# What the site registry says of each outlet: its kind and, for a provincial paper, its province.
OUTLET_KINDS: dict[str, tuple[str, str | None]] = {
    "nongnghiep.vn": ("trade", None),
    "vnexpress.net": ("national", None),
    "baodongthap.vn": ("provincial", "Đồng Tháp"),
    "baophutho.vn": ("provincial", "Phú Thọ"),
}

_WIRE = (
    "Theo Văn phòng Điều phối nông thôn mới Trung ương, {now} cả nước có hơn 16.000 sản phẩm OCOP đạt từ "
    "3 sao trở lên, trong đó có 80 sản phẩm 5 sao quốc gia. Chương trình mỗi xã một sản phẩm đã giúp hàng "
    "nghìn hợp tác xã và doanh nghiệp nhỏ nâng cao chất lượng, thiết kế bao bì và đưa hàng vào siêu thị, "
    "sàn thương mại điện tử. Các tỉnh dẫn đầu về số sản phẩm là Hà Nội, Quảng Ninh và Đồng Tháp."
)

OCOP = {"is_ocop": True, "ocop_score": 0.8}
DONG_THAP = {"provinces": ["Đồng Tháp"], "provinces_2025": ["Đồng Tháp"]}


def fixture_articles() -> dict[str, Article]:
    """Key → article; the key is also the last part of the article's URL."""
    articles = [
        _article(
            "sen_dongthap",
            "nongnghiep.vn",
            "Sen Đồng Tháp đạt chuẩn OCOP 4 sao",
            "Tỉnh Đồng Tháp vừa công nhận thêm 12 sản phẩm OCOP từ sen, trong đó trà sen và mứt sen đạt 4 "
            "sao. "
            "Hợp tác xã ở huyện Tháp Mười cho biết sản phẩm được bán ở siêu thị khắp cả nước.",
            published=_at(2024, 5, 10),
            section="Kinh tế",
            stars=[4],
            product_groups=["Thực phẩm", "Đồ uống"],
            **DONG_THAP,
            **OCOP,
        ),
        _article(
            "xoai_dongthap",
            "baodongthap.vn",
            "Xoài Cao Lãnh vươn ra thế giới",
            "Xoài Cao Lãnh của Đồng Tháp là sản phẩm OCOP 4 sao đầu tiên của tỉnh được xuất khẩu sang Nhật "
            "Bản. "
            "Nông dân liên kết với doanh nghiệp để giữ chất lượng ổn định.",
            published=_at(2023, 7, 15, 9, 30),
            section="Kinh tế",
            stars=[4],
            product_groups=["Thực phẩm"],
            **DONG_THAP,
            **OCOP,
        ),
        _article(
            "dong_song",
            "vnexpress.net",
            "Dòng sông quê hương mùa nước nổi",
            "Mùa nước nổi, dòng sông Tiền đỏ nặng phù sa. Người dân chèo xuồng hái bông điên điển, bắt cá "
            "linh "
            "bán cho thương lái.",
            published=_at(2022, 11, 20, 7),
            section="Du lịch",
        ),
        _article(
            "dong_luc",
            "nongnghiep.vn",
            "OCOP là động lực xây dựng nông thôn mới",
            "Chương trình mỗi xã một sản phẩm trở thành động lực để các địa phương xây dựng nông thôn mới "
            "nâng "
            "cao. Nhiều xã đã có sản phẩm OCOP 3 sao, tạo việc làm cho lao động nông thôn.",
            published=_at(2024, 1, 8, 10),
            section="Nông thôn mới",
            stars=[3],
            **OCOP,
        ),
        _article(
            "hoa_binh_new_style",
            "baophutho.vn",
            "Du lịch cộng đồng ở Mai Châu, Hoà Bình",
            "Bản Lác ở Mai Châu (Hoà Bình) có điểm du lịch cộng đồng đạt OCOP 3 sao. Du khách ngủ nhà sàn, "
            "ăn "
            "cơm lam và xem múa xoè.",
            published=_at(2023, 3, 12, 14),
            section="Du lịch",
            stars=[3],
            product_groups=["Dịch vụ du lịch cộng đồng và điểm du lịch"],
            provinces=["Hòa Bình"],
            provinces_2025=["Phú Thọ"],
            **OCOP,
        ),
        _article(
            "hoa_binh_old_style",
            "vnexpress.net",
            "Hòa Bình có thêm 20 sản phẩm OCOP",
            "Năm nay tỉnh Hòa Bình công nhận 20 sản phẩm OCOP, phần lớn là mật ong, măng và gạo nếp. Các chủ "
            "thể được hỗ trợ thiết kế bao bì và truy xuất nguồn gốc.",
            published=_at(2021, 9, 5, 16, 45),
            section="Xã hội",
            stars=[3, 4],
            product_groups=["Thực phẩm"],
            provinces=["Hòa Bình"],
            provinces_2025=["Phú Thọ"],
            **OCOP,
        ),
        _article(
            "hoa_si",
            "vnexpress.net",
            "Họa sĩ vẽ tranh trên lá sen",
            "Một họa sĩ trẻ ở Hà Nội dùng lá sen khô để vẽ tranh phong cảnh làng quê. Tác phẩm được bày bán "
            "tại "
            "phố cổ như đồ lưu niệm.",
            published=_at(2022, 4, 18, 19, 20),
            section="Văn hóa",
            product_groups=["Lưu niệm - nội thất - trang trí"],
            provinces=["Hà Nội"],
            provinces_2025=["Hà Nội"],
        ),
        _article(
            "hoa_sen",
            "baodongthap.vn",
            "Mùa hoa sen nở rộ ở Tháp Mười",
            "Đầm sen Tháp Mười đón hàng nghìn du khách mỗi ngày. Người dân bán trà sen, hạt sen sấy và các "
            "món "
            "ăn từ sen đạt chuẩn OCOP.",
            published=_at(2024, 6, 20, 6, 15),
            section="Du lịch",
            stars=[3],
            product_groups=["Thực phẩm"],
            **DONG_THAP,
            **OCOP,
        ),
        _article(
            "ntm_scattered",
            "nongnghiep.vn",
            "Diện mạo mới của vùng nông thôn Tây Bắc",
            "Đường bê tông mới được làm đến tận bản. Ở nông thôn Tây Bắc, người dân đã quen bán hàng qua "
            "mạng.",
            published=_at(2023, 10, 2, 11),
            section="Xã hội",
        ),
        _article(
            "ntm_hanoi",
            "vnexpress.net",
            "Hà Nội hoàn thành xây dựng nông thôn mới",
            "Toàn bộ 18 huyện của Hà Nội đạt chuẩn nông thôn mới. Thành phố có hơn 3.000 sản phẩm OCOP, "
            "nhiều "
            "sản phẩm đạt 5 sao quốc gia.",
            published=_at(2024, 11, 1),
            section="Nông thôn mới",
            stars=[5],
            provinces=["Hà Nội"],
            provinces_2025=["Hà Nội"],
            **OCOP,
        ),
        _article(
            "xoso",
            "vnexpress.net",
            "Kết quả xổ số miền Bắc ngày 23/1",
            "Kết quả xổ số miền Bắc hôm nay: giải đặc biệt 12345. Không có sản phẩm nào được nhắc đến.",
            published=_at(2025, 1, 23, 18, 30),
            section="Xã hội",
        ),
        _article(
            "xoso_ocop",
            "nongnghiep.vn",
            "Hội chợ OCOP gây quỹ cùng công ty xổ số kiến thiết",
            "Công ty xổ số kiến thiết tỉnh tài trợ gian hàng cho 50 chủ thể OCOP tại hội chợ. Sản phẩm bán "
            "chạy "
            "nhất là mật ong bạc hà và cà phê.",
            published=_at(2024, 9, 9, 9, 9),
            section="Kinh tế",
            stars=[3],
            product_groups=["Thực phẩm", "Đồ uống"],
            provinces=["Hà Giang"],
            provinces_2025=["Tuyên Quang"],
            **OCOP,
        ),
        _article(
            "caphe_lamdong",
            "nongnghiep.vn",
            "Cà phê Lâm Đồng đạt OCOP 5 sao",
            "Cà phê arabica Cầu Đất của Lâm Đồng được công nhận sản phẩm OCOP 5 sao quốc gia. Doanh nghiệp "
            "rang "
            "xay tại chỗ và bán cho khách du lịch.",
            published=_at(2023, 12, 1, 13),
            section="Kinh tế",
            stars=[5],
            product_groups=["Đồ uống"],
            provinces=["Lâm Đồng"],
            provinces_2025=["Lâm Đồng"],
            **OCOP,
        ),
        _article(
            "matong_hagiang",
            "baophutho.vn",
            "Mật ong bạc hà Hà Giang giữ vững 4 sao",
            "Mật ong bạc hà là đặc sản mùa đông của cao nguyên đá. Hợp tác xã lo ngại mật giả làm mất uy tín "
            "của sản phẩm OCOP.",
            published=_at(2022, 2, 14, 10, 10),
            section="Kinh tế",
            stars=[4],
            product_groups=["Thực phẩm"],
            provinces=["Hà Giang"],
            provinces_2025=["Tuyên Quang"],
            **OCOP,
        ),
        _article(
            "tphcm",
            "vnexpress.net",
            "TP.HCM mở điểm bán sản phẩm OCOP",
            "TP.HCM khai trương điểm giới thiệu sản phẩm OCOP của các tỉnh miền Tây ngay trung tâm thành "
            "phố.",
            published=_at(2024, 3, 31, 23, 30),
            section="Kinh tế",
            provinces=["Hồ Chí Minh"],
            provinces_2025=["Hồ Chí Minh"],
            **OCOP,
        ),
        _article(
            "tz_april",
            "nongnghiep.vn",
            "Tháng tư, nông sản vào mùa thu hoạch",
            "Đầu tháng tư, nông dân các tỉnh phía Nam bước vào vụ thu hoạch sầu riêng và thanh long.",
            published=_at(2024, 4, 1, 0, 30),
            section="Kinh tế",
        ),
        _article(
            "tho_cam",
            "baophutho.vn",
            "Khăn thổ cẩm của người Thái được công nhận OCOP",
            "Chị em phụ nữ dân tộc Thái dệt khăn piêu, túi thổ cẩm theo hoa văn truyền thống. Sản phẩm đạt 3 "
            "sao "
            "thuộc nhóm vải và may mặc.",
            published=_at(2025, 2, 3, 21),
            section="Văn hóa",
            stars=[3],
            product_groups=["Vải và may mặc"],
            provinces=["Sơn La"],
            provinces_2025=["Sơn La"],
            **OCOP,
        ),
        _article(
            "duoc_lieu",
            "nongnghiep.vn",
            "Dược liệu Quảng Nam: sâm Ngọc Linh 5 sao",
            "Sâm Ngọc Linh là sản phẩm thảo dược đầu tiên đạt OCOP 5 sao quốc gia. Tỉnh khuyến khích trồng "
            "dược "
            "liệu dưới tán rừng.",
            published=_at(2021, 6, 30, 15),
            section="Kinh tế",
            stars=[5],
            product_groups=["Thảo dược"],
            provinces=["Quảng Nam"],
            provinces_2025=["Đà Nẵng"],
            **OCOP,
        ),
        _article(
            "khoe_new_style",
            "vnexpress.net",
            "Trà thảo mộc giúp người già khoẻ mạnh",
            "Sản phẩm trà thảo mộc của hợp tác xã ở Thái Nguyên được người tiêu dùng tin dùng vì tốt cho sức "
            "khoẻ.",
            published=_at(2023, 5, 5, 5, 5),
            section="Xã hội",
            stars=[4],
            product_groups=["Thảo dược", "Đồ uống"],
            provinces=["Thái Nguyên"],
            provinces_2025=["Thái Nguyên"],
            **OCOP,
        ),
        _article(
            "thuy_san",
            "baodongthap.vn",
            "Nuôi thủy sản theo chuẩn OCOP",
            "Cá tra và tôm càng xanh của Đồng Tháp được chế biến thành khô cá, chả cá đạt 3 sao. Nghề thủy "
            "sản "
            "giúp nông dân làm giàu.",
            published=_at(2022, 8, 8, 8, 8),
            section="Xã hội",
            stars=[3],
            product_groups=["Thực phẩm"],
            **DONG_THAP,
            **OCOP,
        ),
        _article(
            "undated_banh_phong",
            "baodongthap.vn",
            "Bánh phồng tôm Sa Đéc",
            "Làng nghề bánh phồng tôm Sa Đéc có bốn sản phẩm OCOP. Mỗi ngày làng làm ra hàng tấn bánh.",
            product_groups=["Thực phẩm"],
            **DONG_THAP,
            **OCOP,
        ),
        _article(
            "undated_cho_que",
            "vnexpress.net",
            "Ghi chép từ một phiên chợ quê",
            "Phiên chợ quê họp từ sáng sớm, người bán rau, kẻ bán gà, tiếng cười nói rộn ràng.",
        ),
        _article(
            "undated_tieu_chi",
            "nongnghiep.vn",
            "Hỏi đáp về tiêu chí nông thôn mới",
            "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025 có 19 tiêu chí, trong đó có tiêu "
            "chí "
            "về sản phẩm OCOP.",
            section="Nông thôn mới",
            **OCOP,
        ),
        _article(
            "wire_a",
            "nongnghiep.vn",
            "Cả nước có hơn 16.000 sản phẩm OCOP",
            _WIRE.format(now="đến nay"),
            published=_at(2025, 3, 10, 10),
            section="Kinh tế",
            stars=[3, 5],
            provinces=["Hà Nội", "Quảng Ninh", "Đồng Tháp"],
            provinces_2025=["Hà Nội", "Quảng Ninh", "Đồng Tháp"],
            **OCOP,
        ),
        _article(
            "wire_b",
            "vnexpress.net",
            "Hơn 16.000 sản phẩm OCOP trên cả nước",
            _WIRE.format(now="hiện"),
            published=_at(2025, 3, 10, 14),
            section="Kinh tế",
            stars=[3, 5],
            provinces=["Hà Nội", "Quảng Ninh", "Đồng Tháp"],
            provinces_2025=["Hà Nội", "Quảng Ninh", "Đồng Tháp"],
            **OCOP,
        ),
        _article(
            "lang_gom",
            "baophutho.vn",
            "Làng gốm Phù Lãng đón khách",
            "Làng gốm Phù Lãng (Bắc Ninh) phát triển du lịch làng nghề gắn với sản phẩm OCOP. Bình gốm men "
            "da "
            "lươn đạt 4 sao được khách nước ngoài ưa chuộng.",
            published=_at(2024, 7, 7, 7, 7),
            section="Du lịch",
            stars=[4],
            product_groups=["Lưu niệm - nội thất - trang trí", "Dịch vụ du lịch cộng đồng và điểm du lịch"],
            provinces=["Bắc Ninh"],
            provinces_2025=["Bắc Ninh"],
            **OCOP,
        ),
        _article(
            "gao_st25",
            "nongnghiep.vn",
            "Gạo ST25 và giấc mơ thương hiệu",
            "Gạo ST25 của Sóc Trăng từng đoạt giải gạo ngon nhất thế giới. Nhiều hợp tác xã đăng ký OCOP để "
            "bảo "
            "vệ thương hiệu.",
            published=_at(2020, 12, 15, 12),
            section="Kinh tế",
            product_groups=["Thực phẩm"],
            provinces=["Sóc Trăng"],
            provinces_2025=["Cần Thơ"],
            **OCOP,
        ),
        _article(
            "nuoc_mam",
            "vnexpress.net",
            "Nước mắm Phú Quốc đón năm mới",
            "Những thùng nước mắm đầu tiên của năm mới được đóng chai ngay sau giao thừa. Nước mắm Phú Quốc "
            "đạt "
            "OCOP 4 sao.",
            published=_at(2021, 1, 1, 0, 15),
            section="Kinh tế",
            stars=[4],
            product_groups=["Thực phẩm"],
            provinces=["Kiên Giang"],
            provinces_2025=["An Giang"],
            **OCOP,
        ),
        _article(
            "dong_ho",
            "baophutho.vn",
            "Tranh Đông Hồ vào mùa Tết",
            "Làng tranh Đông Hồ tất bật in tranh gà, tranh lợn phục vụ Tết. Tranh Đông Hồ được công nhận sản "
            "phẩm OCOP 4 sao.",
            published=_at(2023, 1, 20, 20),
            section="Văn hóa",
            stars=[4],
            product_groups=["Lưu niệm - nội thất - trang trí"],
            provinces=["Bắc Ninh"],
            provinces_2025=["Bắc Ninh"],
            **OCOP,
        ),
        _article(
            "khoai_lang",
            "baodongthap.vn",
            "Khoai lang sấy Lai Vung đạt 3 sao",
            "Sản phẩm khoai lang sấy dẻo của một cơ sở ở Lai Vung, Đồng Tháp vừa đạt OCOP 3 sao. Chủ cơ sở "
            "dự "
            "định mở rộng vùng nguyên liệu.",
            published=_at(2024, 3, 5, 9),
            section="Kinh tế",
            stars=[3],
            product_groups=["Thực phẩm"],
            **DONG_THAP,
            **OCOP,
        ),
        _article(  # the wire story's earliest copy, archived after the two others
            "wire_c",
            "baophutho.vn",
            "Hơn 16.000 sản phẩm OCOP đạt từ 3 sao",
            _WIRE.format(now="tính đến nay"),
            published=_at(2025, 3, 10, 7),
            source_agency="TTXVN",
            section="Kinh tế",
            stars=[3, 5],
            provinces=["Hà Nội", "Quảng Ninh", "Đồng Tháp"],
            provinces_2025=["Hà Nội", "Quảng Ninh", "Đồng Tháp"],
            **OCOP,
        ),
        _article(
            "quy_mot",
            "nongnghiep.vn",
            "Quý một, nông sản xuất khẩu tăng mạnh",
            "Quý một năm nay, kim ngạch xuất khẩu nông sản tăng hơn 20%. Trái cây và cà phê đóng góp lớn "
            "nhất.",
            published=_at(2024, 3, 5, 21),
        ),
    ]
    return {article.url.rsplit("/", 1)[1].removesuffix(".html"): article for article in articles}


ARTICLES = fixture_articles()
ID = {key: article.id for key, article in ARTICLES.items()}
KEY = {article.id: key for key, article in ARTICLES.items()}


def build_archive(path: Path) -> Path:
    """An archive holding every fixture article (the archive assigns story ids on the way in)."""
    with Archive(path) as archive:
        for article in ARTICLES.values():
            archive.upsert(article)
    return path


def generated_articles(count: int, seed: int = 0) -> Iterator[Article]:
    """`count` further articles made by recombining the fixture sentences (for load tests and benchmarks).

    Deterministic for a seed; dates spread over 2019–2025 (one in twenty undated), facet values drawn
    from the fixtures, so filters and histograms have realistic spreads.
    """
    rng = random.Random(seed)
    fixtures = list(ARTICLES.values())
    sentences = [s.strip().rstrip(".") + "." for a in fixtures for s in a.text.split(". ") if s.strip()]
    sites, sections = sorted(OUTLETS), sorted({a.section for a in fixtures if a.section})
    groups = sorted({g for a in fixtures for g in a.product_groups})
    places = [(a.provinces, a.provinces_2025) for a in fixtures if a.provinces]
    start = datetime(2019, 1, 1, tzinfo=VIETNAM_TZ).timestamp()
    span = datetime(2025, 6, 30, tzinfo=VIETNAM_TZ).timestamp() - start
    for n in range(count):
        text = " ".join(rng.sample(sentences, rng.randint(3, 7)))
        site = rng.choice(sites)
        provinces, provinces_2025 = rng.choice(places) if rng.random() < 0.7 else ([], [])
        published = None
        if rng.random() >= 0.05:
            published = datetime.fromtimestamp(int(start + rng.random() * span), tz=VIETNAM_TZ)
        yield Article.from_url(
            f"https://{site}/tin-{seed}-{n}.html",
            site=site,
            outlet=OUTLETS[site],
            outlet_kind=OUTLET_KINDS[site][0],
            outlet_province=OUTLET_KINDS[site][1],
            title=f"{rng.choice(fixtures).title} ({n})",
            text=text,
            crawled=CRAWLED,
            published=published,
            section=rng.choice([*sections, None]),
            stars=sorted(rng.sample([3, 4, 5], rng.randint(0, 2))),
            product_groups=rng.sample(groups, rng.randint(0, 2)),
            provinces=provinces,
            provinces_2025=provinces_2025,
            is_ocop="OCOP" in text,
            ocop_score=0.8 if "OCOP" in text else 0.1,
        )
