"""Articles for the analysis tests (timeline, terms, claims ledger), written for these tests.

Two themes with their own vocabulary (honey from Hà Giang, coffee from Đắk Lắk) over a background
of general OCOP news, so the characteristic phrases of each theme are known by construction; and
claims laid out so that the ledger has one conflict (two outlets, Tuyên Quang, 4 stars, March
2024: 12 against 15), a district count and a national count that must not conflict with it, a
claim placed by its article's only province, and a claim under a pre-2025 province name.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from indexer.archive import Archive
from indexer.schema import VIETNAM_TZ, Article, OcopClaim

CRAWLED = datetime(2025, 4, 1, 12, 0, tzinfo=VIETNAM_TZ)
OUTLETS = {"a.vn": "Báo A", "b.vn": "Báo B", "c.vn": "Báo C"}
TUYEN_QUANG = {"provinces": ["Hà Giang"], "provinces_2025": ["Tuyên Quang"]}
DAK_LAK = {"provinces": ["Đắk Lắk"], "provinces_2025": ["Đắk Lắk"]}
OCOP = {"is_ocop": True, "ocop_score": 0.9}

# Sentences vary from article to article, as real coverage does: what follows a name changes.
_HONEY_OPENINGS = [
    "Mùa này, HTX Hoa Đá thu hoạch mật ong bạc hà trên cao nguyên đá.",
    "Năm nay HTX Hoa Đá có thêm khách đặt mua mật ong bạc hà.",
    "Theo HTX Hoa Đá, mật ong bạc hà được chiết vào chai thủy tinh.",
    "Sản lượng mật ong bạc hà của HTX Hoa Đá tăng so với năm trước.",
    "Giám đốc HTX Hoa Đá cho biết mật ong bạc hà đã có mã vạch.",
    "Khách du lịch ghé HTX Hoa Đá để nếm mật ong bạc hà.",
]
_COFFEE_OPENINGS = [
    "Hợp tác xã Cà phê Ea Tu rang xay cà phê Robusta theo quy trình sạch.",
    "Năm nay Hợp tác xã Cà phê Ea Tu bán cà phê Robusta cho siêu thị.",
    "Theo Hợp tác xã Cà phê Ea Tu, cà phê Robusta được thu hái khi chín.",
    "Sản lượng cà phê Robusta của Hợp tác xã Cà phê Ea Tu tăng mạnh.",
    "Giám đốc Hợp tác xã Cà phê Ea Tu nói cà phê Robusta đã có tem truy xuất.",
    "Khách ghé Hợp tác xã Cà phê Ea Tu để thử cà phê Robusta.",
]


def honey(i: int) -> str:
    return _HONEY_OPENINGS[i] + " Người nuôi ong chăm đàn kỹ lưỡng quanh năm."


def coffee(i: int) -> str:
    return _COFFEE_OPENINGS[i] + " Người trồng có thu nhập ổn định hơn."


GENERAL = (
    "Chương trình mỗi xã một sản phẩm giúp các chủ thể nâng cao chất lượng, thiết kế bao bì và tham gia "
    "hội chợ. Cán bộ địa phương hướng dẫn hồ sơ đánh giá, phân hạng sản phẩm."
)


def _article(
    key: str, site: str, title: str, text: str, published: datetime | None, **fields: object
) -> Article:
    return Article.from_url(
        f"https://{site}/{key}.html",
        site=site,
        outlet=OUTLETS[site],
        title=title,
        text=text,
        published=published,
        crawled=CRAWLED,
        **fields,
    )


def _at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=VIETNAM_TZ)


def analysis_articles() -> list[Article]:
    articles = [
        _article(
            f"honey-{i}",
            site,
            f"Mùa quay mật số {i}",
            honey(i),
            _at(2024, 3, 2 + i),
            **TUYEN_QUANG,
            **OCOP,
        )
        for i, site in enumerate(["a.vn", "b.vn", "a.vn", "c.vn", "b.vn", "a.vn"])
    ]
    articles += [
        _article(f"coffee-{i}", site, f"Vụ cà phê số {i}", coffee(i), _at(2024, 5, 2 + i), **DAK_LAK, **OCOP)
        for i, site in enumerate(["a.vn", "b.vn", "c.vn", "a.vn", "b.vn", "c.vn"])
    ]
    articles += [
        _article(f"general-{i}", site, f"Tin OCOP số {i}", GENERAL, _at(2023, 1 + i, 10), **OCOP)
        for i, site in enumerate(["a.vn", "b.vn", "c.vn"] * 4)
    ]
    claims = [
        (
            "claim-a",
            "a.vn",
            _at(2024, 3, 5),
            OcopClaim(count=12, stars=4, place="Hà Giang", sentence="Hà Giang có 12 sản phẩm OCOP 4 sao."),
            TUYEN_QUANG,
        ),
        (
            "claim-b",
            "b.vn",
            _at(2024, 3, 20),
            OcopClaim(
                count=15,
                stars=4,
                place="tỉnh Tuyên Quang",
                sentence="Tỉnh Tuyên Quang có 15 sản phẩm OCOP 4 sao.",
            ),
            TUYEN_QUANG,
        ),
        (
            "claim-c",
            "b.vn",
            _at(2024, 3, 21),
            OcopClaim(count=3, stars=4, place="huyện Mèo Vạc", sentence="Huyện Mèo Vạc có 3 sản phẩm 4 sao."),
            TUYEN_QUANG,
        ),
        (
            "claim-d",
            "a.vn",
            _at(2024, 4, 2),
            OcopClaim(count=20, stars=3, place=None, sentence="Toàn tỉnh có 20 sản phẩm 3 sao."),
            TUYEN_QUANG,
        ),
        (
            "claim-e",
            "c.vn",
            _at(2024, 3, 10),
            OcopClaim(
                count=16000, stars=None, place="cả nước", sentence="Cả nước có hơn 16.000 sản phẩm OCOP."
            ),
            {"provinces": ["Hà Giang", "Hà Nội"], "provinces_2025": ["Tuyên Quang", "Hà Nội"]},
        ),
        (
            "claim-f",
            "c.vn",
            _at(2024, 5, 9),
            OcopClaim(count=5, stars=5, place="Đắk Lắk", sentence="=5 sản phẩm cà phê đạt 5 sao"),
            DAK_LAK,
        ),
        (
            "claim-g",
            "a.vn",
            _at(2024, 3, 25),
            OcopClaim(count=12, stars=4, place="Tuyên Quang", sentence="Tuyên Quang có 12 sản phẩm 4 sao."),
            TUYEN_QUANG,
        ),
    ]
    articles += [
        _article(
            key,
            site,
            f"Số liệu OCOP {key}",
            claim.sentence.lstrip("="),
            day,
            ocop_claims=[claim],
            **places,
            **OCOP,
        )
        for key, site, day, claim, places in claims
    ]
    return articles


def build_analysis_archive(path: Path) -> Path:
    with Archive(path) as archive:
        for article in analysis_articles():
            archive.upsert(article)
    return path
