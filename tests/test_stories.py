"""Near-duplicate stories: republished texts share a story id, different texts do not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from datasketch import MinHash

from indexer import stories
from indexer.archive import Archive
from indexer.text import fold, tokens
from tests.support.small_archive import make_article

WIRE = (
    "Chiều 12/3, tại Hà Nội, Bộ Nông nghiệp và Phát triển nông thôn tổ chức hội nghị tổng kết năm năm "
    "thực hiện Chương trình Mỗi xã một sản phẩm. Theo báo cáo, cả nước đã có hơn 11.000 sản phẩm OCOP "
    "được công nhận từ 3 sao trở lên, trong đó có 79 sản phẩm đạt 5 sao quốc gia. Nhiều chủ thể OCOP là "
    "hợp tác xã và doanh nghiệp nhỏ ở nông thôn, đã mở rộng thị trường nhờ thương mại điện tử và các "
    "điểm giới thiệu và bán sản phẩm OCOP. Thứ trưởng đề nghị các địa phương tiếp tục nâng cao chất lượng, "
    "chú trọng truy xuất nguồn gốc và gắn sản phẩm với du lịch nông thôn trong giai đoạn tới."
)
OTHER = (
    "Sáng nay, giá vàng miếng trong nước tăng mạnh theo đà thế giới, nhiều cửa hàng ghi nhận lượng khách "
    "mua tích trữ tăng cao. Các chuyên gia khuyến cáo người dân thận trọng, tránh chạy theo tâm lý đám đông "
    "khi thị trường biến động khó lường trong những tuần cuối năm. Ngân hàng Nhà nước cho biết sẽ tiếp tục "
    "theo dõi sát diễn biến và có biện pháp bình ổn thị trường khi cần thiết trong thời gian tới đây."
)


def test_near_duplicates_share_the_first_articles_id(archive_path: Path) -> None:
    original = make_article(1, "Tổng kết 5 năm OCOP", WIRE)
    edited = make_article(
        2, "Cả nước có hơn 11.000 sản phẩm OCOP", WIRE.replace("Chiều 12/3, tại", "Tại"), site="b.vn"
    )
    unrelated = make_article(3, "Giá vàng tăng mạnh", OTHER)
    with Archive(archive_path) as archive:
        for article in (original, edited, unrelated):
            archive.upsert(article)
        stored = {a.id: a.story_id for a in archive.articles()}
    assert stored[original.id] == original.id
    assert stored[edited.id] == original.id
    assert stored[unrelated.id] == unrelated.id


def test_short_texts_get_their_own_story(archive_path: Path) -> None:
    first, second = (
        make_article(1, "Tin ngắn", "Hội chợ OCOP khai mạc."),
        make_article(2, "Tin ngắn", "Hội chợ OCOP khai mạc."),
    )
    with Archive(archive_path) as archive:
        archive.upsert(first)
        archive.upsert(second)
        assert archive.get(second.id).story_id == second.id  # too short for a trustworthy signature


def test_a_signature_is_datasketchs_minhash_of_the_shingle_hashes() -> None:
    """The numpy computation gives exactly what datasketch's affine32 MinHash gives for the same
    shingle hashes, so its estimates are datasketch's."""
    syllables = tokens(fold(WIRE))
    signature = stories.signature_of(syllables)
    assert signature is not None
    reference = MinHash(num_perm=stories.NUM_PERM, seed=7, hashfunc=int, scheme="affine32")
    reference.update_batch(stories._shingle_hashes(syllables).tolist())
    assert list(np.frombuffer(signature.values, dtype=np.uint32)) == list(reference.hashvalues)
    assert signature.buckets == stories._buckets(reference.hashvalues)
    edited = stories.signature(WIRE.replace("Chiều 12/3, tại", "Tại"))
    assert edited is not None
    assert stories.similarity(edited.values, signature.values) > stories.SIMILARITY


def test_band_keys_are_the_step_by_step_multiply_add_of_each_band() -> None:
    """`_buckets` computes every band's key as one product with powers of the mixing constant; the
    keys must stay those of the step-by-step definition (band number, then each row value:
    key * M + value, mod 2^64), or the keys of archived articles would no longer meet new ones."""
    rng = np.random.default_rng(3)
    mask = 2**64 - 1
    for _ in range(50):
        values = rng.integers(0, 2**32, size=stories.NUM_PERM, dtype=np.uint64).astype(np.uint32)
        expected = []
        for band in range(stories._BANDS):
            key = band
            for value in values[band * stories._ROWS : (band + 1) * stories._ROWS]:
                key = (key * int(stories._MIX[0]) + int(value)) & mask
            key ^= key >> 31
            key = (key * int(stories._MIX[1])) & mask
            key ^= key >> 29
            expected.append(key - 2**64 if key >= 2**63 else key)  # as SQLite's signed integers
        assert stories._buckets(values) == expected


def test_signatures_of_an_older_scheme_are_recomputed_by_the_next_writer(archive_path: Path) -> None:
    """An archive whose signatures and bands were made another way (an older version, with a
    `story_bands` table) gets them made again when a writer opens it, story ids kept, so a
    republished text still finds its story."""
    original = make_article(1, "Tổng kết 5 năm OCOP", WIRE)
    with Archive(archive_path) as archive:
        archive.upsert(original)
        archive.conn.execute("UPDATE story_signatures SET hashvalues = zeroblob(1024)")
        archive.conn.execute("DELETE FROM story_buckets")
        archive.conn.execute("CREATE TABLE story_bands (band INTEGER, bucket BLOB, article_rowid INTEGER)")
        archive.set_meta("story_signatures", "sha1/legacy")
    edited = make_article(2, "OCOP sau 5 năm", WIRE.replace("Chiều 12/3, tại", "Tại"), site="b.vn")
    with Archive(archive_path) as archive:
        assert archive.get_meta("story_signatures") == stories.SCHEME
        tables = {row[0] for row in archive.conn.execute("SELECT name FROM sqlite_master")}
        assert "story_bands" not in tables
        archive.upsert(edited)
        assert archive.get(edited.id).story_id == original.id


def test_a_story_keeps_its_id_when_an_earlier_copy_arrives_or_a_copy_is_edited(archive_path: Path) -> None:
    """The id names the story, not its origin: links, filters and alert state keep working."""
    from datetime import datetime

    from indexer.schema import VIETNAM_TZ

    later = make_article(1, "Tổng kết", WIRE, published=datetime(2024, 3, 12, 15, tzinfo=VIETNAM_TZ))
    earlier = make_article(
        2, "Hội nghị OCOP", WIRE.replace("Chiều 12/3, tại", "Tại"), site="b.vn",
        published=datetime(2024, 3, 12, 9, tzinfo=VIETNAM_TZ),
    )  # fmt: skip
    with Archive(archive_path) as archive:
        archive.upsert(later)
        archive.upsert(earlier)
        assert archive.get(earlier.id).story_id == later.id
        edited = later.model_copy(update={"text": WIRE.replace("giai đoạn tới", "thời gian tới")})
        archive.upsert(edited)
        assert archive.version(later.id) == 2
        assert {archive.get(a.id).story_id for a in (later, earlier)} == {later.id}
