"""A small archive built in code: five articles covering diacritics, outlets, stars and dates, enough
for the API's and the commands' behaviour tests; and `make_article`, to build one more."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from indexer.archive import Archive
from indexer.schema import VIETNAM_TZ, Article


def make_article(n: int, title: str, text: str, **fields: object) -> Article:
    fields.setdefault("site", "mau.vn")
    fields.setdefault("crawled", datetime(2025, 1, 23, 20, 28, tzinfo=VIETNAM_TZ))
    return Article.from_url(f"https://{fields['site']}/bai-{n}.html", title=title, text=text, **fields)


def build_small_archive(path: Path) -> Path:
    articles = [
        make_article(
            1,
            "Sản phẩm OCOP Đồng Tháp vươn ra thị trường",
            "Tỉnh Đồng Tháp có thêm 40 sản phẩm OCOP đạt 4 sao, chủ yếu là thực phẩm.",
            published=datetime(2023, 5, 2, 9, 0, tzinfo=VIETNAM_TZ),
            stars=[4],
            is_ocop=True,
            provinces=["Đồng Tháp"],
            provinces_2025=["Đồng Tháp"],
            product_groups=["Thực phẩm"],
        ),
        make_article(
            2,
            "Hòa Bình phát triển du lịch cộng đồng",
            "Huyện Mai Châu của Hòa Bình có điểm du lịch cộng đồng đạt 3 sao OCOP.",
            site="baomoi.vn",
            published=datetime(2022, 8, 10, 14, 32, tzinfo=VIETNAM_TZ),
            stars=[3],
            is_ocop=True,
            provinces=["Hòa Bình"],
            provinces_2025=["Phú Thọ"],
        ),
        make_article(
            3,
            "Kết quả xổ số miền Bắc",
            "Kết quả xổ số miền Bắc hôm nay, không có sản phẩm nào.",
            published=datetime(2025, 1, 23, 18, 30, tzinfo=VIETNAM_TZ),
        ),
        make_article(
            4,
            "Hội chợ nông sản Hà Nội",
            "Hội chợ giới thiệu sản phẩm OCOP của nông thôn mới Hà Nội.",
            published=datetime(2024, 11, 1, 8, 0, tzinfo=VIETNAM_TZ),
            stars=[3, 4],
            is_ocop=True,
            provinces=["Hà Nội"],
            provinces_2025=["Hà Nội"],
        ),
        make_article(5, "Bài không rõ ngày", "Sản phẩm mới, nông thôn mới."),
    ]
    with Archive(path) as archive:
        for article in articles:
            archive.upsert(article)
    return path
