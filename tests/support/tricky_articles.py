"""Articles carrying the text that breaks exports in practice, built in code (deterministic).

Quotes, commas, newlines, đ, tone marks in both Unicode forms, emoji, strings a CSV reader takes
for missing values or a spreadsheet for a formula, dates stored in UTC and in Vietnam time, and
the awkward cases of every other field: the export and API-operations tests read them back.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from indexer.archive import Archive
from indexer.schema import VIETNAM_TZ, Article, OcopClaim

ARTICLES = 300
TRICKY = [
    'Nói "không" với hàng giả, hàng nhái',
    'Giá 120.000 đ/kg; tăng 5%, "cao nhất" từ trước',
    "Dòng một\nDòng hai\n\nĐoạn mới, sau dòng trống",
    "Xuống dòng kiểu Windows\r\nở giữa",
    "Emoji 🍵🌾, người nông dân 👩‍🌾, cờ 🇻🇳",
    "Tổ hợp " + unicodedata.normalize("NFD", "Hòa Bình đạt chuẩn") + " và dựng sẵn Hòa Bình",
    "=SUM(A1:A2) trông như công thức",
    "+84 912 345 678 là đường dây nóng",
    "-2+3+cmd|' /C calc'!A0 (DDE)",
    "@Nông dân làm giàu",
    "NA",
    "null",
    "  khoảng trắng đầu và cuối  ",
    "Tab\tgiữa hai từ",
    'Ngoặc “kép” ‘đơn’ «Pháp» và dấu " lẻ',
    "Ngắt dòng\u2028Unicode và\u2029đoạn",
    "Đắk Lắk, Đồng Tháp — thuỷ/thủy, khoẻ/khỏe, hoà/hòa; Ưu đãi ơn Đức",
]
AUTHORS = ["Nguyễn Văn Á", 'Lê "Bé" Tư', "Trần, Thị Cúc", "Phạm Đức Thắng"]


def tricky_articles(count: int = ARTICLES) -> Iterator[Article]:
    """Deterministic articles cycling through TRICKY text and the awkward cases of every other field."""
    k = len(TRICKY)
    for n in range(count):
        published = datetime(2019 + n % 7, 1 + n % 12, 1 + n % 28, n % 24, n % 60, tzinfo=VIETNAM_TZ)
        if n % 5 == 0:
            published = published.astimezone(UTC)  # stored in UTC: exported as +07:00, same instant
        if n % 3 == 0:
            published = published.replace(microsecond=123456)
        yield Article.from_url(
            f"https://baomau.vn/bai-{n}.html",
            site=("baomau.vn", "nongnghiep.vn", "dantri.com.vn")[n % 3],
            outlet=("Báo Mẫu", "Nông nghiệp Việt Nam", "Dân trí")[n % 3],
            title=TRICKY[n % k],
            lead=TRICKY[(n + 3) % k] if n % 4 else "",
            text="\n\n".join(TRICKY[(n + j) % k] for j in range(6)) + f"\n\nSản phẩm OCOP số {n}.",
            captions=[TRICKY[(n + 5) % k]] if n % 2 else [],
            authors=AUTHORS[: n % 4],
            source_agency="TTXVN" if n % 6 == 0 else None,
            published=None if n % 7 == 0 else published,
            modified=published.replace(year=2025) if n % 9 == 0 else None,
            crawled=datetime(2025, 1, 23, 13, 28, tzinfo=UTC),
            section=None if n % 8 == 0 else "Nông nghiệp",
            tags=["OCOP", "đặc sản, vùng miền", 'chữ "đẹp"'][: n % 4],
            is_ocop=n % 2 == 0,
            ocop_score=n / 7,
            provinces=["Đắk Lắk", "Hòa Bình"][: n % 3],
            provinces_2025=["Đắk Lắk", "Phú Thọ"][: n % 3],
            stars=[3, 4, 5][: n % 4],
            product_groups=["Thực phẩm", "Lưu niệm - nội thất - trang trí"][: n % 3],
            ocop_claims=[OcopClaim(count=n, stars=4, place="Đồng Tháp", sentence='có "40" sản phẩm')]
            if n % 10 == 0
            else [],
        )


def build_archive(path: Path, count: int = ARTICLES) -> Path:
    with Archive(path) as archive:
        for article in tricky_articles(count):
            archive.upsert(article)
    return path
