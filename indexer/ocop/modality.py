"""Whether a star rating or a count is stated as a fact, or as a plan, target or nomination.

"phấn đấu có thêm sản phẩm 5 sao", "hướng đến tiêu chuẩn 5 sao", "sẽ chọn 2 sản phẩm để nâng lên
4 sao" are targets; "đề nghị Trung ương công nhận 2 sản phẩm OCOP 5 sao" and "tiềm năng 5 sao" are
nominations. None of them is a rating or a count of certified products. The rules are lexical and
scoped by the sentence, with the vocabulary in data/modality.toml:

- a plan word earlier in the sentence governs the rest of it, unless it is itself a fact about a
  plan ("vượt kế hoạch") or a realis marker ("đã", "đến nay") or the handing over of a certificate
  ("sẽ được cấp giấy chứng nhận") comes between it and the target;
- a nomination word earlier in the sentence, with no realis marker in between, makes what follows
  a nomination.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from indexer.ocop.document import Document
from indexer.ocop.phrases import PhraseIndex, syllables
from indexer.ocop.vocab import modality_vocab
from indexer.ocop.wrapping import BULLET as _BULLET


def _index(words: Sequence[str], ignore: Sequence[str] = ()) -> PhraseIndex:
    """Words to find; `ignore` holds longer words that contain one of them and win over it."""
    idx = PhraseIndex(strict_accents=True)
    idx.add_all(words, True)
    idx.add_all(ignore, False)
    return idx


_PLAN_LIST_SENTENCES = 4  # how far back a list of targets written as bare verbs is followed
_CLAUSE_BREAK = re.compile(r"[,;:.()!?]")


def _new_count_between(doc: Document, a: int, b: int) -> bool:
    """A number after a comma or "và" in syllables [a, b): a list item with a count of its own
    opens another subject, which a candidacy word before it does not reach."""
    return any(
        doc.orig[k][:1].isdigit() and ("," in doc.gap(k) or (k > a and doc.fold[k - 1] == "va"))
        for k in range(a + 1, b)
    )


def _hits(idx: PhraseIndex, doc: Document, a: int, b: int) -> list[tuple[int, int]]:
    return [(i, j) for i, j, p in idx.find(doc, a, b) if p.value]


def _number_start(doc: Document, k: int, a: int) -> int:
    """The first syllable of the number ending at k: "100,65" and "1.137" are read as one."""
    while k > a and doc.gap(k) in (",", ".") and doc.orig[k - 1][0].isdigit():
        k -= 1
    return k


_YEARS = object()  # Document.memo key: the syllables that open a period of years (session 22)
_YEAR_STRINGS = tuple(map(str, range(1990, 2100)))
_BULLET_CHARS = frozenset("-–•+*●▪ \t")  # what a list item (wrapping.BULLET) can open with


def _periods(doc: Document) -> list[int]:
    """The syllables of doc that open a period of years ("2026-2030"), ascending (computed once)."""
    found = doc.memo.get(_YEARS)
    if found is None:
        positions = doc.positions()
        found = sorted(
            k
            for year in _YEAR_STRINGS
            if (ks := positions.get(year))
            for k in ks
            if _span_end(doc, k) is not None
        )
        doc.memo[_YEARS] = found
    return found


def _span_end(doc: Document, k: int) -> int | None:
    """The syllable of the end year when syllable k opens a period written "2026-2030"."""
    j = k + 1
    if j < len(doc) and doc.gap(j).strip() in ("-", "–") and len(doc.orig[j]) == 4 and doc.orig[j].isdigit():
        return j if doc.block_of[j] == doc.block_of[k] else None
    return None


def _closes_span(doc: Document, k: int) -> bool:
    """The deadline phrase at syllable k closes a span opened by "từ (năm) YYYY" ("từ năm 2019 đến
    năm 2024", round 16): a period, stated like "2019-2024", not a target."""
    j = k - 1
    if j < 1 or not (doc.orig[j].isdigit() and len(doc.orig[j]) == 4):
        return False
    return doc.fold[j - 1] == "tu" or (j >= 2 and doc.fold[j - 1] == "nam" and doc.fold[j - 2] == "tu")


@dataclass(frozen=True)
class Modality:
    negations: PhraseIndex
    negation_window: int
    plans: PhraseIndex
    breakdowns: PhraseIndex
    negators: PhraseIndex
    realis: PhraseIndex
    certificates: PhraseIndex
    nominations: PhraseIndex
    potential: PhraseIndex
    lower_council: PhraseIndex
    sending: PhraseIndex
    deadlines: PhraseIndex
    additive: PhraseIndex
    list_verbs: PhraseIndex
    central: PhraseIndex
    conditionals: PhraseIndex
    futures: PhraseIndex
    candidacies: PhraseIndex
    results: PhraseIndex
    complements: PhraseIndex
    quantifiers: frozenset[str]
    negators_of_any: frozenset[str]
    bridges: PhraseIndex
    assessors: PhraseIndex
    generic_words: PhraseIndex
    generic_openers: PhraseIndex
    forwards: PhraseIndex
    higher: PhraseIndex
    forward_reach: int
    forward_links: PhraseIndex
    frame_openers: PhraseIndex
    purposes: PhraseIndex
    frame_list_items: int

    def _sentence_start(self, doc: Document, i: int) -> int:
        return doc.sentence_bounds(i)[0]  # a sentence never crosses a block

    def _last_realis(self, doc: Document, a: int, i: int, certificates: bool = False) -> int:
        last = max((end for _k, end in _hits(self.realis, doc, a, i)), default=-1)
        if certificates:
            # The products receive a certificate ("sẽ được cấp giấy chứng nhận … 3 sao": the rating
            # is decided); an authority that will issue one ("sẽ ban hành quyết định, cấp giấy
            # chứng nhận … 3 sao") is still the plan.
            last = max(
                [
                    last,
                    *(
                        end
                        for k, end in _hits(self.certificates, doc, a, i)
                        if doc.fold[k] in ("nhan", "su") or (k > a and doc.fold[k - 1] == "duoc")
                    ),
                ]
            )
        return last

    def negated(self, doc: Document, i: int) -> bool:
        """A negation ("chưa có", "không đạt") in i's clause, close before syllable i."""
        a = i
        first = doc.blocks[doc.block_of[i]].first
        while a > first and i - a < self.negation_window and not _CLAUSE_BREAK.search(doc.gap(a)):
            a -= 1
        if _hits(self.negations, doc, a, i):
            return True
        # "Không một sản phẩm nào của tỉnh được xếp hạng 5 sao": a negated "nào" (any) reaches the
        # whole clause (session 17)
        if not any(doc.positions().get(q) for q in self.quantifiers):
            return False
        first = self._sentence_start(doc, i)
        a = i  # the clause, to a comma too: "…, dù tỉnh đã có 68 sản phẩm 4 sao" is not denied
        while a > first and not _CLAUSE_BREAK.search(doc.gap(a)):
            a -= 1
        quantified = [k for k in range(a, i) if doc.fold[k] in self.quantifiers]
        return bool(quantified) and any(doc.fold[k] in self.negators_of_any for k in range(a, quantified[0]))

    def planned(self, doc: Document, i: int) -> bool:
        """A plan or target word governs syllable i, in its own sentence or, for a breakdown
        ("Trong đó, ..."), at the end of the sentence before; or i sits in a condition whose
        consequence is future ("sau khi đạt ... 3 sao trở lên sẽ lập hồ sơ")."""
        a = self._sentence_start(doc, i)
        if (
            self._governed(doc, a, i)
            or self._conditional(doc, a, i)
            or self.deadline(doc, a, i)
            or self._continues_plan(doc, a, i)
            or self._under_plan_heading(doc, a, i)
        ):
            return True
        first = doc.blocks[doc.block_of[i]].first
        if a <= first or self.breakdowns.match_at(doc, a, i) is None or _hits(self.realis, doc, a, i):
            return False
        # a breakdown of a plan or of a time frame ahead ("Đến năm 2030, … 300 sản phẩm OCOP.
        # Trong đó, 20 sản phẩm đạt 5 sao": session 22)
        before = self._sentence_start(doc, a - 1)
        return self._governed(doc, before, a) or self.deadline(doc, before, a)

    def _under_plan_heading(self, doc: Document, a: int, i: int) -> bool:
        """Session 22: syllable i's sentence opens a list item ("- Toàn tỉnh có 300 sản phẩm OCOP")
        under a heading that ends with a colon and states a plan or a time frame ahead ("Mục tiêu
        đến năm 2030:"), with only list items between; an item with a realis marker in i's
        clause is a fact."""
        b = doc.block_of[a]
        block = doc.blocks[b]
        if (
            a != block.first
            or doc.text[block.start] not in _BULLET_CHARS
            or not _BULLET.match(doc.text[block.start : min(block.end, block.start + 16)])
        ):
            return False
        if _hits(self.realis, doc, a, self._clause_end(doc, i)):
            return False
        for h in range(b - 1, max(b - 1 - self.frame_list_items, -1), -1):
            head = doc.blocks[h]
            if head.first == head.last:
                return False
            line = doc.text[head.start : head.end]
            if _BULLET.match(line):
                continue
            if not line.rstrip().endswith(":"):
                return False
            start = self._sentence_start(doc, head.last - 1)
            return self._governed(doc, start, head.last) or self.deadline(doc, start, head.last)
        return False

    def deadline(self, doc: Document, a: int, i: int) -> bool:
        """A deadline later than the text's own year in syllables [a, i), with no realis marker
        after it: "Đến năm 2025, tỉnh có 170 sản phẩm OCOP" in a text of 2023 is a target even
        without a plan verb ("phấn đấu", "đặt mục tiêu"); "Đến năm 2022, toàn tỉnh có …" in a
        text of 2023, and "Đến năm 2025, đã có …", are facts. A period that opens its clause and
        ends ahead is such a frame too (`_frame_ahead`, session 22)."""
        return self._deadline_ahead(doc, a, i) or self._frame_ahead(doc, a, i)

    def _frame_ahead(self, doc: Document, a: int, i: int) -> bool:
        """A period ("Giai đoạn 2026-2030, …") in [a, i) that opens its clause
        (`time_frame_openers` before it at most) and ends after the text's year, with no realis
        marker after it: what the period will hold is not known yet. A bare year ("Năm 2025, sản
        phẩm được công nhận …") is no frame: in a text dated before it, the date is as likely wrong."""
        periods = _periods(doc)
        if not periods:
            return False
        for k in periods[bisect_left(periods, a) : bisect_left(periods, i)]:
            end = k + 1  # `_periods` keeps only years followed by a dash and a year
            if end >= i or not self._opens_clause(doc, a, k):
                continue
            year = doc.reference_year(lambda y: self.deadline_year(doc, y))
            if year is not None and int(doc.orig[end]) > year and not _hits(self.realis, doc, end, i):
                return True
        return False

    def _opens_clause(self, doc: Document, a: int, k: int) -> bool:
        """Only a time-frame opener ("giai đoạn", "trong giai đoạn") stands between the start of
        syllable k's clause and k."""
        c = k
        while c > a and not _CLAUSE_BREAK.search(doc.gap(c)):
            c -= 1
        if c == k:
            return True
        opener = self.frame_openers.match_at(doc, c, k)
        return opener is not None and c + len(opener.folded) == k

    def _deadline_ahead(self, doc: Document, a: int, i: int) -> bool:
        """A deadline phrase with a year later than the text's own year in [a, i)."""
        for k, end in _hits(self.deadlines, doc, a, i):
            if end >= i or not doc.orig[end].isdigit() or len(doc.orig[end]) != 4 or not doc.adjacent(end):
                continue
            if _closes_span(doc, k):
                continue  # "giai đoạn từ năm 2019 đến năm 2024": a period gone by
            if k > a and doc.fold[k - 1] == "tinh":
                continue  # "tính đến năm 2022": up to a date, a fact
            year = doc.reference_year(lambda y: self.deadline_year(doc, y))
            if year is not None and int(doc.orig[end]) > year and not _hits(self.realis, doc, end, i):
                return True
        return False

    def deadline_year(self, doc: Document, k: int) -> bool:
        """Syllable k is the year of a deadline phrase ("đến năm 2025", "đến hết năm 2030")."""
        phrase = self.deadlines.preceded_by(doc, k, max_gap=1)
        return phrase is not None and not _closes_span(doc, k - len(phrase.folded))

    def _continues_plan(self, doc: Document, a: int, i: int) -> bool:
        """A sentence with no subject that opens with a development verb ("Nâng cấp 04 sản phẩm
        từ 3 sao lên 4 sao", "Phát triển mới 26 sản phẩm") continues a list of targets: it is a
        plan when the sentence before it in the paragraph is one, or continues one, and no
        realis marker stands in i's clause."""
        if self.list_verbs.match_at(doc, a, i) is None or _hits(
            self.realis, doc, a, self._clause_end(doc, i)
        ):
            return False  # "Củng cố … 38 sản phẩm OCOP đã được chứng nhận": those are facts
        first = doc.blocks[doc.block_of[a]].first
        k = a
        for _step in range(_PLAN_LIST_SENTENCES):
            if k <= first:
                return False
            before = self._sentence_start(doc, k - 1)
            if self._governed(doc, before, k) or self.deadline(doc, before, k):
                return True
            if self.list_verbs.match_at(doc, before, k) is None:
                return False
            k = before
        return False

    def _conditional(self, doc: Document, a: int, i: int) -> bool:
        """A condition opener before syllable i and a future word after it, in one sentence."""
        if not _hits(self.conditionals, doc, a, i):
            return False
        _a, b = doc.sentence_bounds(i)
        return bool(_hits(self.futures, doc, i, b))

    def _governed(self, doc: Document, a: int, i: int) -> bool:
        """A plan word in syllables [a, i) whose scope reaches i."""
        realis = self._last_realis(doc, a, i, certificates=True)
        purpose = self._purpose_end(doc, a, i)
        for k, end in _hits(self.plans, doc, a, i):
            if end <= realis:  # the realis marker came after it ("hiện có khả năng" is still a plan)
                continue
            if k < purpose <= i:
                continue  # in the opening purpose clause, which ends before i (session 22)
            if self.negators.preceded_by(doc, k) is not None or (
                k > a + 1
                and doc.orig[k - 1][0].isdigit()
                and self.negators.preceded_by(doc, _number_start(doc, k - 1, a)) is not None
            ):
                continue  # "vượt kế hoạch", "đạt 190% kế hoạch năm": facts about a plan
            return True
        return False

    def _purpose_end(self, doc: Document, a: int, i: int) -> int:
        """Where a clause of purpose that opens the sentence at a ("Với mong muốn …,", "Nhằm …,")
        ends: the first syllable after its comma, or -1 (no such clause before i)."""
        if a >= i or not self.purposes.starts(doc.fold[a]) or self.purposes.match_at(doc, a, i) is None:
            return -1
        for k in range(a + 1, i):
            if "," in doc.gap(k):
                return k
        return -1

    def nominated(self, doc: Document, i: int, start: int | None = None) -> bool:
        """A nomination or candidacy word between `start` (default: the sentence start) and i."""
        a = self._sentence_start(doc, i) if start is None else start
        realis = self._last_realis(doc, a, i)
        return any(k >= realis for k, _end in _hits(self.nominations, doc, a, i))

    def potential_rank(self, doc: Document, i: int, window: int = 4) -> bool:
        """ "tiềm năng (đạt) N sao": a rank of potential right before syllable i."""
        a = max(doc.blocks[doc.block_of[i]].first, i - window)
        return bool(_hits(self.potential, doc, a, i))

    def pending(self, doc: Document, i: int) -> bool:
        """A candidacy or proposal word earlier in i's clause with no result word or realis marker
        after it: the rating at i is what the products are put forward for ("đăng ký tham gia
        đánh giá, phân hạng OCOP 3 sao", "hồ sơ đề nghị công nhận OCOP 4 sao")."""
        a = self._clause_start(doc, i)
        hits = _hits(self.candidacies, doc, a, i)
        if not hits:
            return False
        _k, end = hits[-1]
        if _new_count_between(doc, end, i):
            return False  # "12 sản phẩm được đề xuất 5 sao, 200 sản phẩm 4 sao": another subject
        if self.assessors.match_at(doc, end, i) is not None and not any(
            doc.orig[k][0].isdigit() for k in range(end, i - 1)
        ):
            # "trình Hội đồng tỉnh xét, công nhận 4 sao cho 3 sản phẩm": sent to a council that
            # will assess; its deciding verbs are what it is asked to do, not results (a count
            # in between opens another subject: "… trình hội đồng tỉnh …, còn 30 sản phẩm đạt 3 sao").
            return not _hits(self.realis, doc, end, i)
        results = [
            k
            for k, _e in _hits(self.results, doc, end, i)
            if not (doc.adjacent(k) and self.complements.match_at(doc, k, i) is not None)
            or (k > end and self.bridges.preceded_by(doc, k) is None)
        ]
        return not results and not _hits(self.realis, doc, end, i)

    def _clause_start(self, doc: Document, i: int) -> int:
        a = self._sentence_start(doc, i)
        k = i
        while k > a and not _CLAUSE_BREAK.search(doc.gap(k).replace(",", "")):
            k -= 1
        return k

    def generic(self, doc: Document, first: int) -> bool:
        """A rating of products in general, in a rule, a reward or a definition ("Mỗi sản phẩm
        đạt 5 sao được thưởng ...", "Sản phẩm đạt 4 sao là sản phẩm ..."): no count of products,
        no name, no year and no realis marker in its sentence, and a generic word in the
        sentence ("Sản phẩm ... đã được công nhận đạt 3 sao" is an event, not a rule)."""
        a, b = doc.sentence_bounds(first)
        if _hits(self.realis, doc, a, first):
            return False
        opener = self.generic_openers.match_at(doc, a, first) is not None
        # A realis marker after the rating tells what these products did ("Các sản phẩm được đánh
        # giá đạt 3-4 sao đã có bước tiến …"), unless a definition's "là" comes first ("Sản phẩm
        # đạt 4 sao là sản phẩm đã …"; round 13).
        realis_after = next((i for i, _j in _hits(self.realis, doc, first, b)), -1)
        if not opener and realis_after >= 0 and "la" not in doc.fold[first:realis_after]:
            return False
        # Otherwise the rule's subject is the bare noun before the rating: "Sản phẩm đạt 4 sao
        # được hỗ trợ", "Chủ thể có sản phẩm đạt 4 sao ..."; "Vải sấy đạt 4 sao và được đề xuất
        # là sản phẩm ..." names its product first.
        if not opener and not any(
            doc.fold[k] == "san" and doc.fold[k + 1] == "pham" for k in range(a, first - 1)
        ):
            return False
        for k in range(a, first):
            if doc.orig[k][0].isdigit() and k + 1 < first and doc.fold[k + 1] in ("san", "sp", "mat"):
                return False  # "6 sản phẩm đạt 4 sao được hỗ trợ": these products
            if (
                not opener
                and k > a
                and doc.fold[k - 1] == "nam"
                and len(doc.orig[k]) == 4
                and doc.orig[k].isdigit()
            ):
                return False  # "Năm 2021, … được UBND tỉnh công nhận đạt 3 sao": an event in time (round 13)
            if k > a and doc.is_name(k):
                return False  # "Sản phẩm Trà Shan tuyết đạt 4 sao được hỗ trợ": a named product
        return opener or bool(_hits(self.generic_words, doc, a, b))

    def central_sentence(self, doc: Document, i: int) -> bool:
        """Syllable i's sentence names the central level ("Trung ương", "quốc gia", "Bộ NN")."""
        a, b = doc.sentence_bounds(i)
        return bool(_hits(self.central, doc, a, b))

    def sent_up(self, doc: Document, i: int) -> bool:
        """A sending word ("trình", "gửi", "đề nghị") before syllable i in its sentence, with no
        realis marker after it: i is put to a higher council."""
        a = self._sentence_start(doc, i)
        realis = self._last_realis(doc, a, i)
        return any(k >= realis for k, _end in _hits(self.sending, doc, a, i))

    def plan_at(self, doc: Document, i: int) -> bool:
        """A plan word starts at syllable i."""
        phrase = self.plans.match_at(doc, i, doc.blocks[doc.block_of[i]].last)
        return phrase is not None and bool(phrase.value)

    def sent_up_later(self, doc: Document, i: int) -> bool:
        """A sending word after syllable i in its clause: i is what is sent up ("Các sản phẩm 5
        sao sẽ được trình lên …", not "1 sản phẩm 5 sao quốc gia, 3 sản phẩm đề nghị …")."""
        return bool(_hits(self.sending, doc, i + 1, self._clause_end(doc, i)))

    def _clause_end(self, doc: Document, i: int) -> int:
        _a, b = doc.sentence_bounds(i)
        k = i + 1
        while k < b and not _CLAUSE_BREAK.search(doc.gap(k).replace("(", "").replace(")", "")):
            k += 1
        return k

    def more_sent_up(self, doc: Document, i: int) -> bool:
        """An additive word ("thêm") between the last sending word and syllable i."""
        a = self._sentence_start(doc, i)
        sending = [k for k, _end in _hits(self.sending, doc, a, i)]
        return bool(sending) and bool(_hits(self.additive, doc, sending[-1], i))

    def forwarded(self, doc: Document, i: int) -> bool:
        """A score the text then sends up to a higher council's assessment, in the same sentence
        (round 13) or the next (round 15, `_sent_up_next`): "cả 03 sản phẩm đều đạt … phân hạng
        3 sao, trên cơ sở đó … gửi Hội đồng … huyện tổng hợp chuyển Hội đồng … tỉnh xem xét",
        "Hội đồng … huyện đã chọn 7 sản phẩm đạt từ 3 sao đến 4 sao … tham gia đánh giá sản phẩm
        OCOP cấp tỉnh": a lower council's score, a proposal. A forwarding word (`forward_words`)
        after syllable i, then a higher assessor (`higher_assessors`) within `forward_reach`
        syllables. A new count of products after the rating opens another subject ("… 20 sản
        phẩm đạt 3 sao, đồng thời trình Hội đồng Trung ương xét 2 sản phẩm 5 sao"), and a
        proposal to the people's committee ("đề nghị UBND tỉnh công nhận") is no forwarding: the
        committee signs the council's score."""
        _a, b = doc.sentence_bounds(i)
        if self._sent_up_next(doc, b):
            return True
        if self._counts_products(doc, i + 1, b):
            return False  # another subject, before the forwarding or as what it sends up
        return self._sends_up(doc, i + 1, b)

    def _sent_up_next(self, doc: Document, b: int) -> bool:
        """Round 15: the sentence at b sends the products of the sentence before it up, opening
        with a link to their scores (`forward_links`): "Hội đồng huyện chấm 2 sản phẩm đạt 3 sao, 5
        sản phẩm đạt 4 sao. Như vậy, các sản phẩm đều đủ điều kiện tham gia dự tuyển đánh giá cấp
        tỉnh". Every score of that sentence is the lower council's; a sending to the central
        council concerns only a 5 ("Sau đó, tỉnh trình Hội đồng Trung ương …"), and the next
        sentence counts no products of its own."""
        if b >= len(doc) or self.forward_links.match_at(doc, b, doc.sentence_bounds(b)[1]) is None:
            return False
        _b, c = doc.sentence_bounds(b)
        if self._counts_products(doc, b, c) or _hits(self.central, doc, b, c):
            return False
        return self._sends_up(doc, b, c)

    @staticmethod
    def _counts_products(doc: Document, a: int, b: int) -> bool:
        """A count of products ("3 sản phẩm", "2 sp", "5 mặt hàng") in [a, b)."""
        return any(
            doc.orig[k][0].isdigit() and doc.fold[k + 1] in ("san", "sp", "mat") for k in range(a, b - 1)
        )

    def _sends_up(self, doc: Document, a: int, b: int) -> bool:
        """A forwarding word in [a, b), then a higher assessor within `forward_reach` syllables."""
        for k in range(a, b):
            if not self.forwards.starts(doc.fold[k]):
                continue
            hit = self.forwards.match_at(doc, k, b)
            if hit is None or not hit.value:
                continue
            j = k + len(hit.folded)
            if any(True for _ in _hits(self.higher, doc, j, min(b, j + self.forward_reach))):
                return True
        return False

    def realis_between(self, doc: Document, a: int, b: int) -> bool:
        """A realis marker in syllables [a, b)."""
        return bool(_hits(self.realis, doc, a, b))

    def realis_before(self, doc: Document, i: int) -> bool:
        """A realis marker before syllable i in its sentence ("… đã được công nhận OCOP 4 sao")."""
        return bool(_hits(self.realis, doc, self._sentence_start(doc, i), i))

    def realis_after(self, doc: Document, i: int) -> bool:
        """A realis marker after syllable i in its clause ("(OCOP 5 sao) đã được công nhận")."""
        return bool(_hits(self.realis, doc, i + 1, self._clause_end(doc, i)))

    def lower_council_five(self, doc: Document, i: int) -> bool:
        """A provincial or district council's 5-star score: a proposal to the central council."""
        a, b = doc.sentence_bounds(i)
        return bool(_hits(self.lower_council, doc, a, b)) and not _hits(self.central, doc, a, b)


@cache
def modality() -> Modality:
    v = modality_vocab()
    return Modality(
        negations=_index(v["negations"]),
        negation_window=int(v["negation_window"]),
        plans=_index(v["plan_words"], v["not_modal_words"]),
        breakdowns=_index(v["breakdown_openers"]),
        negators=_index(v["plan_negators"]),
        realis=_index(v["realis_markers"], v["not_realis_words"]),
        certificates=_index(v["certificate_phrases"]),
        nominations=_index(v["nomination_words"], v["not_modal_words"]),
        potential=_index(v["rank_of_potential"]),
        lower_council=_index(v["lower_council_words"]),
        sending=_index(v["sending_words"], v["not_modal_words"]),
        deadlines=_index(v["deadline_words"]),
        additive=_index(v["additive_words"]),
        list_verbs=_index(v["plan_list_verbs"]),
        central=_index(v["central_words"]),
        conditionals=_index(v["conditional_openers"]),
        futures=_index(v["future_words"]),
        candidacies=_index(v["candidacy_words"], v["not_modal_words"]),
        results=_index(v["result_words"]),
        complements=_index(v["result_complements"]),
        quantifiers=frozenset(syllables(w)[0] for w in v["negated_quantifiers"]),
        negators_of_any=frozenset(syllables(w)[0] for w in v["quantifier_negators"]),
        bridges=_index(v["complement_bridges"]),
        assessors=_index(v["assessor_addressees"]),
        generic_words=_index(v["generic_words"]),
        generic_openers=_index(v["generic_openers"]),
        forwards=_index(v["forward_words"], v["not_modal_words"]),
        higher=_index(v["higher_assessors"]),
        forward_reach=int(v["forward_reach"]),
        forward_links=_index(v["forward_links"]),
        frame_openers=_index(v["time_frame_openers"]),
        purposes=_index(v["purpose_openers"]),
        frame_list_items=int(v["frame_list_items"]),
    )
