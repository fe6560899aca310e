"""Session 24: OCOP enrichment leftovers of issue #11, found on passages we wrote ourselves.

The passages are our own invented text, nothing from ../shared. Each mechanism has passages that
fail on main ("new"), and guards that must not change ("guard").
"""

from __future__ import annotations

from datetime import datetime

import pytest

from indexer.ocop import OcopFacts, enrich_text
from indexer.schema import VIETNAM_TZ

DATED = datetime(2024, 9, 12, 9, 0, tzinfo=VIETNAM_TZ)

STORY = (
    "Chương trình OCOP của huyện Ba Tri đã giúp nhiều hợp tác xã mở rộng thị trường, đưa đặc sản "
    "vào siêu thị và các sàn thương mại điện tử.\n"
)
TOTAL = "Toàn tỉnh Tuyên Quang hiện có 186 sản phẩm OCOP, trong đó 29 sản phẩm được xếp 4 sao.\n"
TOTAL_PAIRS = [(29, 4), (186, None)]


def facts(text: str, title: str = "", published: datetime | None = DATED) -> OcopFacts:
    return enrich_text(title, text, published=published)


def pairs(got: OcopFacts) -> list[tuple[int, int | None]]:
    return sorted((c.count, c.stars) for c in got.ocop_claims)


CLAIMS = [
    # 1. A bare count whose breakdown says which of its products achieved OCOP counts more than OCOP
    #    products (claims._Claims._wider_than_its_part, claims.toml: part_openers).
    pytest.param(
        STORY
        + "Cơ sở bánh phồng Cô Ba hiện làm 24 sản phẩm từ gạo và nếp, trong đó 3 sản phẩm đạt OCOP 4 sao.\n",
        [(3, 4)],
        id="new: a maker's range broken down into its OCOP products",
    ),
    pytest.param(
        STORY + "Hợp tác xã Tân Hòa có 15 loại sản phẩm như kẹo dừa, dầu dừa, thạch dừa. "
        "Trong số này, 2 sản phẩm được công nhận OCOP 3 sao.\n",
        [(2, 3)],
        id="new: the part opens the next sentence",
    ),
    pytest.param(
        STORY + "Hợp tác xã Đồng Xuân có 10 sản phẩm chế biến từ nghệ, trong đó tinh bột nghệ và trà nghệ "
        "đạt OCOP 4 sao.\n",
        [],
        id="new: the part is a list of named products",
    ),
    pytest.param(
        STORY
        + "Hợp tác xã Tân Phú có 5 sản phẩm, gồm 3 sản phẩm đạt OCOP 4 sao và 2 sản phẩm đạt OCOP 3 sao.\n",
        [(2, 3), (3, 4), (5, None)],
        id="guard: 'gồm' lists the whole",
    ),
    pytest.param(
        STORY + "Huyện hiện có 26 sản phẩm, trong đó 4 sản phẩm đạt 4 sao.\n",
        [(4, 4), (26, None)],
        id="guard: the part names only its rating",
    ),
    pytest.param(
        STORY + "Toàn huyện có 24 sản phẩm OCOP, trong đó 3 sản phẩm đạt OCOP 4 sao.\n",
        [(3, 4), (24, None)],
        id="guard: the total names the programme",
    ),
    pytest.param(
        STORY + "Năm 2023, huyện có thêm 12 sản phẩm, trong đó 3 sản phẩm đạt OCOP 4 sao.\n",
        [(3, 4), (12, None)],
        id="guard: a new batch states a result of its own",
    ),
    # 2. A result with a realis marker in its own clause, after a plan in the same sentence, is a
    #    fact (claims._Claims._fact_after_plan).
    pytest.param(
        STORY + "Năm nay huyện phấn đấu có thêm 30 sản phẩm OCOP; 9 tháng qua đã công nhận 21 sản phẩm.\n",
        [(21, None)],
        id="new: a result after a plan and a semicolon",
    ),
    pytest.param(
        STORY + "Kế hoạch năm nay là 30 sản phẩm OCOP, đến nay huyện đã công nhận 21 sản phẩm.\n",
        [(21, None)],
        id="new: a result after a plan and a comma",
    ),
    pytest.param(
        STORY + "Năm nay huyện phấn đấu có thêm 30 sản phẩm OCOP, công nhận thêm 21 sản phẩm.\n",
        [],
        id="guard: without a realis marker the clause goes on with the plan",
    ),
    pytest.param(
        STORY + "Hội đồng đề nghị UBND tỉnh công nhận 22 sản phẩm đạt OCOP 4 sao và 29 sản phẩm đạt 3 sao.\n",
        [],
        id="guard: a proposal keeps its second object",
    ),
    # 3. An amendment to a decision's record counts products already counted (claims.toml:
    #    candidate_words_before gains "đổi tên", "điều chỉnh", "sửa đổi", "đổi chủ thể").
    pytest.param(
        TOTAL + "Đổi tên 2 sản phẩm: miến dong và bún khô của Hợp tác xã Bản Tát.\n",
        TOTAL_PAIRS,
        id="new: renamed products",
    ),
    pytest.param(
        TOTAL + "UBND tỉnh cũng điều chỉnh tên chủ thể của 3 sản phẩm: rượu ngô, miến dong và măng khô.\n",
        TOTAL_PAIRS,
        id="new: products whose owner changed",
    ),
    pytest.param(
        TOTAL + "Quyết định điều chỉnh, bổ sung công nhận 5 sản phẩm OCOP năm 2023.\n",
        sorted([*TOTAL_PAIRS, (5, None)]),
        id="guard: an amending decision that recognises products",
    ),
    pytest.param(
        TOTAL + "Sau khi đổi tên, 12 sản phẩm được công nhận OCOP 3 sao.\n",
        sorted([*TOTAL_PAIRS, (12, 3)]),
        id="guard: the amendment word in another clause",
    ),
    # 4. A total read the other way round reads through a bracketed aside (claims._total_at).
    pytest.param(
        STORY + "Sau 5 năm, số sản phẩm OCOP của huyện tăng từ 9 sản phẩm (năm 2019) lên 64 sản phẩm.\n",
        [(64, None)],
        id="new: a raised total after a bracketed year",
    ),
    pytest.param(
        STORY + "Số sản phẩm OCOP của huyện (trong đó hạng 4 sao là 12) tăng nhanh trong năm qua.\n",
        [],
        id="guard: no total verb inside the bracket",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAIMS)
def test_claims(text: str, expected: list[tuple[int, int | None]]) -> None:
    assert pairs(facts(text)) == expected


STARS = [
    # 5. Waiting for a named decider is no rating yet (modality.toml: nomination_words, claims.toml:
    #    awaiting_words gain "chờ Trung ương", "chờ Hội đồng", "chờ UBND", "đang chờ" …).
    pytest.param(
        TOTAL + "Ngoài ra, tỉnh đang có 3 sản phẩm chờ Trung ương công nhận 5 sao.\n",
        [4],
        TOTAL_PAIRS,
        id="new: products waiting for the central council",
    ),
    pytest.param(
        TOTAL + "Sau thời gian chờ đợi, 5 sản phẩm đã được công nhận OCOP 5 sao cấp quốc gia.\n",
        [4, 5],
        sorted([*TOTAL_PAIRS, (5, 5)]),
        id="guard: the wait is over",
    ),
    # 6. A rating wanted is no rating (modality.toml: "muốn đạt", "muốn nâng" as plan words, "muốn"
    #    as a purpose opener whose plan words end at its comma).
    pytest.param(
        STORY + "Muốn đạt 5 sao, sản phẩm phải có câu chuyện riêng và vùng nguyên liệu ổn định.\n",
        [],
        [],
        id="new: a rating wanted in an opening clause",
    ),
    pytest.param(
        STORY + "Muốn giữ nghề của cha, anh Tư mở xưởng và có hai sản phẩm đạt 3 sao OCOP.\n",
        [3],
        [(2, 3)],
        id="guard: the main clause after a wish",
    ),
    pytest.param(
        STORY + "Bà Lan muốn có thêm khách, năm 2023 sản phẩm mật ong của bà đạt 3 sao.\n",
        [3],
        [],
        id="guard: 'muốn có' is no plan word",
    ),
]


@pytest.mark.parametrize(("text", "stars", "expected"), STARS)
def test_stars(text: str, stars: list[int], expected: list[tuple[int, int | None]]) -> None:
    got = facts(text)
    assert got.stars == stars
    assert pairs(got) == expected
