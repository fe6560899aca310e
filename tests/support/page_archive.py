"""The archive the page's browser tests serve: the contract suite's articles, and an article written
for these tests with every field the article page shows (HONEY), whose stored raw HTML is hostile."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from indexer.archive import Archive, RawPage
from indexer.schema import VIETNAM_TZ, Article, OcopClaim
from tests.support.contract_articles import ARTICLES, build_archive

# A hostile page as a crawler might have fetched it: its scripts must never run on our origin.
HOSTILE_RAW = (
    "<!doctype html><html><head><title>pwned</title></head><body><h1>Mật ong</h1>"
    "<script>document.title = 'pwned'; localStorage.setItem('pwned', '1');</script></body></html>"
).encode()

_HONEY_PARAGRAPHS = [
    "Tháng Mười, các hộ nuôi ong ở Đồng Văn bắt đầu mùa quay mật; hợp tác xã mong nâng hạng sản phẩm.",
    "Hợp tác xã Hoa Đá hiện có 3 sản phẩm OCOP đạt 4 sao, trong đó mật ong bạc hà là sản phẩm chủ lực.",
    "Theo Sở Nông nghiệp, trong năm toàn tỉnh có thêm 12 sản phẩm OCOP 4 sao được công nhận.",
    "Người nuôi ong cho biết thời tiết năm nay thuận lợi, hoa bạc hà nở muộn nhưng dày.",
]

# Written for these tests: a multi-paragraph article with every field the article page shows.
HONEY = Article.from_url(
    "https://baomau.vn/mua-quay-mat-o-cao-nguyen-da.html",
    site="baomau.vn",
    outlet="Báo Mẫu",
    title="Mùa quay mật ở cao nguyên đá",
    text="\n\n".join(_HONEY_PARAGRAPHS),
    authors=["Lò Thị Mai"],
    section="Kinh tế",
    published=datetime(2024, 10, 8, 7, 15, tzinfo=VIETNAM_TZ),
    crawled=datetime(2025, 4, 2, 9, 0, tzinfo=VIETNAM_TZ),
    is_ocop=True,
    ocop_score=0.9,
    provinces=["Hà Giang"],
    provinces_2025=["Tuyên Quang"],
    stars=[4],
    product_groups=["Thực phẩm"],
    ocop_claims=[
        OcopClaim(count=3, stars=4, place="Hợp tác xã Hoa Đá", sentence=_HONEY_PARAGRAPHS[1]),
        OcopClaim(count=12, stars=4, sentence=_HONEY_PARAGRAPHS[2]),
    ],
)


def build_page_archive(path: Path) -> Path:
    """The contract suite's 31 articles (a wire story published twice among them), the honey
    article above, and raw HTML for the honey article and for one copy of the wire story."""
    build_archive(path)
    with Archive(path) as archive:
        archive.upsert(HONEY, RawPage(HONEY.url, HOSTILE_RAW, {"content-type": "text/html"}, 1.74e9))
        wire = ARTICLES["wire_a"]
        archive.upsert(wire, RawPage(wire.url, b"<html><body>wire</body></html>", {}, 1.74e9))
    return path
