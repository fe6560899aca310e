"""What OR binds to, measured: the query vocabulary (indexer.query_words) against a PyPI word
segmenter (pyvi, underthesea) and against whole runs of bare words, on OR queries whose intended
alternatives are written down here, with the cost per query of each.

Every method cuts the bare syllables on each side of the OR into words and the parser's rule then
joins as many words on each side as the shorter side holds (docs/query-language.md); `whole runs`
takes everything between the OR and the query's ends. A query counts as right when the
alternatives are exactly the intended ones. The segmenters are optional (not project
dependencies): install them into the venv to measure them.

    .venv/bin/python bench/bench_query_words.py [--repeat 200] [--search]

With --search, also the cost of what a search adds for a query (embedded engine, the sample site
and the judged passages of tests/relevance): the accented reading of a query typed without
diacritics (one more search, and reading the sampled articles) and the relaxation (one count).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.query_parse import parse_query  # noqa: E402
from indexer.query_words import syllables_of, words  # noqa: E402
from indexer.text import fold  # noqa: E402

# query -> the alternatives a journalist means (folded), written down by reading each query
CASES: list[tuple[str, set[str]]] = [
    ("đông trùng hạ thảo OR nấm linh chi", {"dong trung ha thao", "nam linh chi"}),
    ("dong trung ha thao OR nam linh chi", {"dong trung ha thao", "nam linh chi"}),
    ("mật ong OR trà", {"mat ong", "tra"}),
    ("mat ong OR tra", {"mat ong", "tra"}),
    ("sản phẩm OCOP mật ong OR trà", {"mat ong", "tra"}),
    ("cà phê OR hồ tiêu Đắk Lắk", {"ca phe", "ho tieu"}),
    ("nước mắm Phú Quốc OR nước mắm Cát Hải", {"nuoc mam phu quoc", "nuoc mam cat hai"}),
    ("bánh tráng OR bánh phở", {"banh trang", "banh pho"}),
    ("gạo ST25 OR gạo hữu cơ", {"gao st25", "gao huu co"}),
    ("thương mại điện tử OR livestream", {"thuong mai dien tu", "livestream"}),
    ("Sài Gòn OR TP.HCM sản phẩm OCOP", {"sai gon", "tp hcm"}),
    ("sâm Ngọc Linh OR đông trùng hạ thảo Quảng Nam", {"sam ngoc linh", "dong trung ha thao"}),
    ("hợp tác xã OR doanh nghiệp đạt 4 sao", {"hop tac xa", "doanh nghiep"}),
    ("chè Shan tuyết OR chè Tân Cương", {"che shan tuyet", "che tan cuong"}),
    ("xuất khẩu OR tiêu thụ nội địa vải thiều", {"xuat khau", "tieu thu noi dia"}),
    ("nem chua Thanh Hóa OR giò lụa", {"nem chua thanh hoa", "gio lua"}),
    ("rượu cần OR rượu ngô Hà Giang", {"ruou can", "ruou ngo"}),
    ("du lịch cộng đồng OR homestay Lào Cai", {"du lich cong dong", "homestay"}),
]


def balanced(left: list[str], right: list[str]) -> set[str]:
    """The parser's rule: as many words on each side as the shorter side holds."""
    n = min(len(left), len(right))
    return {fold(" ".join(left[len(left) - n :])), fold(" ".join(right[:n]))}


def sides(query: str) -> tuple[str, str]:
    left, right = query.split(" OR ")
    return left, right


def by_vocabulary(query: str) -> set[str]:
    parsed = parse_query(query)
    for clause in parsed.must:
        if type(clause).__name__ == "AnyOf":
            return {
                fold(" ".join(t.text for t in _terms(option)))
                for option in clause.options  # type: ignore[union-attr]
            }
    return set()


def _terms(node: object) -> list:
    from indexer.query_ast import positive_terms

    return positive_terms(node, typed=True)  # type: ignore[arg-type]


def cut_by_vocabulary(text: str) -> list[str]:
    syllables = syllables_of(text)
    return [" ".join(syllables[a:b]) for a, b in words(syllables)]


def by_segmenter(segment: Callable[[str], list[str]]) -> Callable[[str], set[str]]:
    def method(query: str) -> set[str]:
        left, right = sides(query)
        return balanced(segment(left), segment(right))

    return method


def whole_runs(query: str) -> set[str]:
    left, right = sides(query)
    return {fold(" ".join(syllables_of(left))), fold(" ".join(syllables_of(right)))}


def segmenters() -> dict[str, Callable[[str], list[str]]]:
    found: dict[str, Callable[[str], list[str]]] = {}
    try:
        from pyvi import ViTokenizer

        found["pyvi"] = lambda text: [w.replace("_", " ") for w in ViTokenizer.tokenize(text).split()]
    except ImportError:
        print("pyvi not installed: not measured")
    try:
        from underthesea import word_tokenize

        found["underthesea"] = lambda text: word_tokenize(text)
    except ImportError:
        print("underthesea not installed: not measured")
    return found


SEARCHES = [
    ("dừa Bến Tre", "typed with diacritics"),
    ("dua ben tre", "folded: read"),
    ("mật ong OR trà", "one OR group: never relaxed"),
    ("sản phẩm OCOP Tuyên Quang", "3 words"),
    ("chè Shan tuyết cổ thụ Suối Giàng 5 sao", "7 words"),
    ("dua san pham ocop len san", "folded, 5 words"),
]


def bench_searches(repeat: int) -> None:
    import statistics
    import tempfile

    from indexer.archive import Archive
    from indexer.engines.embedded import EmbeddedIndex
    from indexer.query import SearchRequest
    from tests.support.judged_set import articles

    path = Path(tempfile.mkdtemp()) / "archive.sqlite"
    with Archive(path) as archive:
        archive.upsert_many(list(articles().values()))
    index = EmbeddedIndex(path)
    index.sync()
    print(f"\n{'search (embedded, 67 articles)':42} {'median ms':>9}  notes")
    for q, what in SEARCHES:
        index.search(SearchRequest(q=q))
        times = []
        for _ in range(repeat):
            response = index.search(SearchRequest(q=q))
            times.append(response.took_ms)
        notes = f"relaxed={response.relaxed is not None} did_you_mean={response.did_you_mean!r}"
        print(f"{q:42} {statistics.median(times):9.2f}  {what}; {notes}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--search", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from machine import machine

    print(machine("tantivy " + version("tantivy")))
    methods: dict[str, Callable[[str], set[str]]] = {
        "query vocabulary (ours)": by_vocabulary,
        "whole runs": whole_runs,
    }
    for name, segment in segmenters().items():
        segment("khởi động")  # load the model before timing
        methods[f"{name} words"] = by_segmenter(segment)
    parse_query("khởi động")  # load the vocabulary before timing
    print(f"{'method':26} {'right':>7} {'µs/query':>9}   wrong on")
    for name, method in methods.items():
        wrong = [q for q, meant in CASES if method(q) != {fold(m) for m in meant}]
        started = time.perf_counter()
        for _ in range(args.repeat):
            for query, _meant in CASES:
                method(query)
        per_query = (time.perf_counter() - started) / (args.repeat * len(CASES)) * 1e6
        right = len(CASES) - len(wrong)
        print(f"{name:26} {right:>3}/{len(CASES):<3} {per_query:9.1f}   {'; '.join(wrong)}")
    if args.search:
        bench_searches(max(20, args.repeat // 5))


if __name__ == "__main__":
    main()
