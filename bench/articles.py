"""Articles for the benchmarks: the bundled sample articles recombined, about 3,500 characters each.

Paragraphs of `samples/articles/*.toml` are drawn 8-20 at a time with their numbers varied; 12
outlets, dates 2018-2025 (3% undated), 20 provinces with their 2025 mergers, stars, the six product
groups, claims; 20% carry a sentence with quotes, emoji or a price. Deterministic for a seed.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from indexer.schema import VIETNAM_TZ, Article, OcopClaim

ROOT = Path(__file__).resolve().parents[1]

SITES = [
    ("vnexpress.net", "VnExpress"),
    ("tuoitre.vn", "Tuổi Trẻ"),
    ("thanhnien.vn", "Thanh Niên"),
    ("dantri.com.vn", "Dân trí"),
    ("vietnamnet.vn", "VietNamNet"),
    ("nhandan.vn", "Nhân Dân"),
    ("baochinhphu.vn", "Báo Chính phủ"),
    ("nongnghiep.vn", "Nông nghiệp Việt Nam"),
    ("laodong.vn", "Lao Động"),
    ("qdnd.vn", "Quân đội nhân dân"),
    ("vov.vn", "VOV"),
    ("baodongthap.vn", "Báo Đồng Tháp"),
]
# (name before July 2025, province it belongs to in the 34-province structure)
PROVINCES = [
    ("Hà Giang", "Tuyên Quang"),
    ("Tuyên Quang", "Tuyên Quang"),
    ("Yên Bái", "Lào Cai"),
    ("Hòa Bình", "Phú Thọ"),
    ("Vĩnh Phúc", "Phú Thọ"),
    ("Bắc Giang", "Bắc Ninh"),
    ("Hải Dương", "Hải Phòng"),
    ("Quảng Ninh", "Quảng Ninh"),
    ("Thanh Hóa", "Thanh Hóa"),
    ("Hà Nội", "Hà Nội"),
    ("Sơn La", "Sơn La"),
    ("Thừa Thiên Huế", "Huế"),
    ("Quảng Nam", "Đà Nẵng"),
    ("Đắk Nông", "Lâm Đồng"),
    ("Bình Thuận", "Lâm Đồng"),
    ("Tiền Giang", "Đồng Tháp"),
    ("Đồng Tháp", "Đồng Tháp"),
    ("Bến Tre", "Vĩnh Long"),
    ("Kiên Giang", "An Giang"),
    ("Sóc Trăng", "Cần Thơ"),
]
GROUPS = [
    "Thực phẩm",
    "Đồ uống",
    "Thảo dược",
    "Vải và may mặc",
    "Lưu niệm - nội thất - trang trí",
    "Dịch vụ du lịch cộng đồng và điểm du lịch",
]
FLOURISHES = ['"đạt chuẩn 4 sao"', "giá 120.000 đ/kg, tăng 5%", "🍵🌾", "(TTXVN)", "“hàng Việt”"]


def _samples() -> list[dict]:
    return [
        tomllib.loads(p.read_text("utf-8")) for p in sorted((ROOT / "samples" / "articles").glob("*.toml"))
    ]


def generate(count: int, seed: int = 7) -> Iterator[Article]:
    """Varied articles recombined from the sample paragraphs; deterministic for a seed."""
    rng = random.Random(seed)
    samples = _samples()
    paragraphs = [p.strip() for s in samples for p in s["body"].split("\n\n") if p.strip()]
    authors = sorted({a for s in samples for a in s["authors"]})
    start = datetime(2018, 1, 1, tzinfo=VIETNAM_TZ)
    span = int((datetime(2025, 11, 28, tzinfo=VIETNAM_TZ) - start).total_seconds())
    number = re.compile(r"\d+")
    for n in range(count):
        sample = rng.choice(samples)
        site, outlet = rng.choice(SITES)
        places = rng.sample(PROVINCES, rng.randint(0, 3))
        body = [
            number.sub(lambda m: str(rng.randint(2, 500)), p)
            for p in rng.sample(paragraphs, rng.randint(8, 20))
        ]
        if rng.random() < 0.2:
            body.insert(
                rng.randrange(len(body)), f"Sản phẩm {rng.choice(FLOURISHES)}, theo ông A nói: “Tốt”."
            )
        published = start + timedelta(seconds=rng.randrange(span)) if rng.random() > 0.03 else None
        stars = sorted(rng.sample([3, 4, 5], rng.randint(1, 2))) if rng.random() < 0.6 else []
        title = sample["title"] if not places else f"{places[0][0]}: {sample['title']}"
        yield Article.from_url(
            f"https://{site}/{sample['slug']}-{n}.html",
            site=site,
            outlet=outlet,
            title=title,
            lead=sample["lead"],
            text="\n\n".join([sample["lead"], *body]),
            captions=[sample["image_caption"]],
            authors=rng.sample(authors, rng.randint(0, 2)),
            source_agency="TTXVN" if rng.random() < 0.1 else None,
            published=published,
            modified=published + timedelta(hours=rng.randint(1, 48))
            if published and rng.random() < 0.2
            else None,
            crawled=datetime(2025, 11, 29, 5, 0, tzinfo=UTC) - timedelta(minutes=n % 10_000),
            section=sample["section"],
            tags=sample["tags"],
            ocop_score=round(rng.random(), 3),
            is_ocop=rng.random() < 0.8,
            provinces=[old for old, _ in places],
            provinces_2025=sorted({new for _, new in places}),
            stars=stars,
            product_groups=rng.sample(GROUPS, rng.randint(0, 2)),
            ocop_claims=[OcopClaim(count=rng.randint(1, 90), stars=stars[0], sentence=body[0][:80])]
            if stars
            else [],
        )
