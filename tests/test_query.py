"""Query parsing: words, not syllables; operators mean what they say; malformed structure is a 400
that says where; anything else is text."""

import pytest
from pydantic import ValidationError

from indexer.errors import InvalidQuery
from indexer.query import SearchRequest, parse_query
from indexer.query_ast import AllOf, AnyOf, Expanded, Not, ParsedQuery, Term


def texts(parsed: ParsedQuery) -> list[str]:
    """The clauses, written back compactly: a phrase's syllables joined by _, (a | b) for OR,
    [a b] for words that go together, -x excluded, x~ when x has alternatives."""

    def show(node: object) -> str:
        if isinstance(node, Term):
            text = ("_" if node.phrase else " ").join(node.tokens) + ("*" if node.prefix else "")
            return text if node.scope == "any" else f"{node.scope}:{text}"
        if isinstance(node, Not):
            return "-" + show(node.part)
        if isinstance(node, Expanded):
            return show(node.original) + "~"
        if isinstance(node, AnyOf):
            return "(" + " | ".join(show(o) for o in node.options) + ")"
        assert isinstance(node, AllOf)
        return "[" + " ".join(show(p) for p in node.parts) + "]"

    return [show(c) for c in parsed.clauses]


# What a journalist means, written down: the query, and the clauses it must become. OR joins words
# (the query vocabulary groups syllables), as many on each side as the shorter side holds.
MEANT = [
    ("đông trùng hạ thảo OR nấm linh chi", ["(đông_trùng_hạ_thảo | nấm_linh_chi)"]),
    ("mật ong OR trà", ["(mật_ong | trà~)"]),
    ('"mật ong" OR trà', ["(mật_ong | trà~)"]),
    ("sản phẩm OCOP mật ong OR trà", ["sản_phẩm", "ocop", "(mật_ong | trà~)"]),
    ("cà phê OR hồ tiêu Đắk Lắk", ["(cà_phê~ | hồ_tiêu)", "đắk_lắk~"]),
    ("nước mắm Phú Quốc OR nước mắm Cát Hải", ["([nước_mắm phú_quốc] | [nước_mắm cát_hải])"]),
    ("bánh tráng OR bánh phở", ["(bánh_tráng~ | bánh_phở)"]),
    ("sen OR xoài OR gốm ocop", ["(sen | xoài | gốm)", "ocop"]),
    ("dong trung ha thao OR nam linh chi", ["(dong_trung_ha_thao | nam_linh_chi)"]),
    ("sản phẩm OCOP (mật ong OR trà) -xổ số", ["sản_phẩm", "ocop", "(mật_ong | trà~)", "-xổ_số"]),
    ("(sen OR súng) NOT hoa", ["(sen | súng)", "-hoa"]),
    ('ocop -(xổ số OR "lô tô")', ["ocop", "-(xổ_số | lô_tô)"]),
    ("xổ số OR lô tô", ["(xổ_số | lô)", "tô"]),  # "lô tô" is no word the vocabulary knows: quote it
    (
        'title:ocop author:"Minh Anh" site:vnexpress.net',
        ["title:ocop", "author:minh_anh", "source:vnexpress_net"],
    ),
    ("outlet:(nông nghiệp) sen", ["source:nông_nghiệp", "sen"]),
    ("-title:xổ sen", ["-title:xổ", "sen"]),
    ("nông* hợp tác*", ["nông*", "hợp", "tác*"]),
    ("TP.HCM", ["tp_hcm~"]),
    ("a AND b && c", ["a", "b", "c"]),
]


@pytest.mark.parametrize(("query", "meant"), MEANT, ids=[q for q, _ in MEANT])
def test_or_and_not_bind_to_words(query: str, meant: list[str]) -> None:
    assert texts(parse_query(query)) == meant


def test_folded_forms_for_matching() -> None:
    (term,) = parse_query("Đồng Tháp").must[:1]
    assert isinstance(term, Expanded) and term.original.folded == ("dong", "thap")
    assert parse_query("Hoà").terms()[0].tokens == ("hòa",)  # tone placement unified at query time


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("(sen xoài", "'(' at character 1 is never closed"),
        ("sen xoài)", "')' at character 9 closes nothing"),
        ("OR sen", "OR at character 1"),
        ("sen OR", "OR at character 5"),
        ("sen OR (", "'(' at character 8"),
        ("ocop NOT", "NOT at character 6"),
        ("title: ", "field at character 1"),
        ("ocop *", "'*' at character 6"),
        ("ocop n*", "prefix at character 6"),
        ("() ocop", "parentheses at character 1"),
        ("sen OR -xoài", "exclusion"),
    ],
)
def test_malformed_structure_is_an_error_that_says_where(query: str, where: str) -> None:
    with pytest.raises(InvalidQuery, match=where.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")):
        parse_query(query)


@pytest.mark.parametrize(
    "hostile",
    ['"', '"unclosed phrase', "NEAR(a b)", "^ocop", "body:ocop", "a AND", "-", "http://x.vn/a?b=c", "ocop^2"],
)
def test_other_syntax_is_read_as_text(hostile: str) -> None:
    parsed = parse_query(hostile)
    for term in parsed.terms() + [t for n in parsed.must_not for t in ([n] if isinstance(n, Term) else [])]:
        assert all(token.isalnum() for token in term.tokens)


def test_punctuated_word_becomes_a_phrase() -> None:
    assert parse_query("16.000").must == (Term(("16", "000"), phrase=True),)


def test_synonyms_and_merged_provinces_are_alternatives_ranked_below_the_word() -> None:
    (tea,) = parse_query("trà").must
    assert isinstance(tea, Expanded) and tea.alternatives == (Term(("chè",), exact=True),)
    (shan,) = parse_query("tra shan tuyet").must
    assert isinstance(shan, Expanded) and shan.alternatives == (
        AllOf((Term(("chè",), exact=True), Term(("chè", "shan", "tuyet"), phrase=True))),
    )
    (coconut,) = parse_query("dừa").must
    assert coconut == Term(("dừa",))  # "dứa" (pineapple) has synonyms; "dừa" (coconut) has none
    assert parse_query("dua").must == (Term(("dua",)),)  # dừa? đưa? dứa? too ambiguous to widen
    (_, province) = parse_query("sâm Ngọc Linh Quảng Ngãi").must
    assert isinstance(province, Expanded) and province.reason == "province"
    assert Term(("kon", "tum"), phrase=True) in province.alternatives  # merged into Quảng Ngãi in 2025
    (old,) = parse_query("Kon Tum").must
    assert isinstance(old, Expanded) and old.alternatives == (Term(("quảng", "ngãi"), phrase=True),)
    assert parse_query("-trà").must_not == (Term(("trà",)),)  # exclusions are never widened
    (htx,) = parse_query("htx").must  # typed as it is written: no other reading to fear
    assert isinstance(htx, Expanded) and htx.alternatives == (
        Term(("hợp", "tác", "xã"), phrase=True, exact=True),
    )


def test_relaxation_keeps_any_word_and_the_exclusions() -> None:
    parsed = parse_query("sâm Ngọc Linh Quảng Ngãi 5 sao -xổ")  # "5 sao", a rating, is one word
    relaxed = parsed.relaxed()
    assert relaxed is not None and relaxed.strict == parsed.must and len(parsed.must) == 3
    assert relaxed.weights == (1.0, 1.0, 1.0)  # unless the engine weighs them by rarity
    weighed = parsed.relaxed([0.5, 2.0, 1.0])
    assert weighed is not None and weighed.counted() == list(zip(parsed.must, (0.5, 2.0, 1.0), strict=True))
    with pytest.raises(ValueError):
        parsed.relaxed([1.0, 0.0, 1.0])
    any_word, excluded = relaxed.clauses
    assert any_word == AnyOf(parsed.must)
    assert excluded == Not(Term(("xổ",)))
    two = parse_query("điện gió").relaxed()  # two words relax too: those holding both rank first
    assert two is not None and len(two.strict) == 2
    assert parse_query("ocop").relaxed() is None  # one word: nothing to relax
    assert relaxed.relaxed() is None  # once


def test_highlight_groups_follow_the_typed_runs_and_the_alternatives() -> None:
    groups = parse_query("san pham ocop -xo so").word_groups()
    assert [g.syllables for g in groups] == [("san", "pham", "ocop")]  # never what is excluded
    tea = parse_query("mat ong OR trà").word_groups()
    assert ("che",) in [g.syllables for g in tea]


def test_overlong_query_is_rejected() -> None:
    with pytest.raises(InvalidQuery):
        parse_query("ocop " * 200)


def test_request_limits() -> None:
    with pytest.raises(ValidationError):
        SearchRequest(size=10_000)
    with pytest.raises(ValidationError, match="cursor"):
        SearchRequest(page=10**9)
    with pytest.raises(ValidationError, match="after"):
        SearchRequest(date_from="2024-02-01", date_to="2024-01-01")
    assert SearchRequest(q="ocop").effective_sort == "relevance"
    assert SearchRequest().effective_sort == "newest"
