"""Pages in scripts written without spaces between words (Thai: spaces between phrases only).

Rules that count words between spaces read a whole article in such a script as a hundred-odd
"words": the size of a few sentences about a writer. An article container classed after its
writer ("node author-somchai", as a CMS names it) then read as an author box, and every paragraph of
the story went as the writer's bio. The page is written for this test; its text is invented.
"""

from __future__ import annotations

from datetime import datetime

from crawler.extraction.extract import extract_article
from indexer.schema import VIETNAM_TZ

URL = "https://kafae.example.co.th/news/2025/11/coffee-cooperative-4410.html"
CRAWLED = datetime(2025, 11, 20, 7, 30, tzinfo=VIETNAM_TZ)

_SENTENCES = [
    "ปีนี้สหกรณ์กาแฟบนดอยได้ผลผลิตดีที่สุดในรอบสิบปี สมาชิกทุกคนออกไปเก็บเมล็ดกาแฟตั้งแต่เช้ามืด",
    "ประธานสหกรณ์เล่าว่า ถนนสายใหม่ที่สร้างเสร็จเมื่อปีที่แล้ว ทำให้ส่งผลผลิตถึงโรงคั่วได้ภายในวันเดียว",
    "เจ้าหน้าที่เกษตรอำเภอขึ้นมาที่ไร่สัปดาห์ละสองครั้ง เพื่อแนะนำการใช้ปุ๋ยอินทรีย์แทนปุ๋ยเคมี",
    "คนหนุ่มสาวหลายคนกลับจากเมืองใหญ่มาช่วยครอบครัว และเปิดร้านออนไลน์ขายกาแฟคั่วของหมู่บ้าน",
    "ชาวไร่รุ่นเก่าบอกว่า เมื่อก่อนต้องขายให้พ่อค้าคนกลางในราคาต่ำ แต่ตอนนี้กำหนดราคาเองได้แล้ว",
    "ขั้นต่อไป สหกรณ์วางแผนจะเปิดศูนย์เรียนรู้เล็ก ๆ ให้นักท่องเที่ยวได้ลองเก็บและคั่วกาแฟด้วยตัวเอง",
    "ทางตำบลเตรียมจัดงานเทศกาลกาแฟครั้งแรกในฤดูหนาวหน้า และเชิญผู้ซื้อจากจังหวัดใกล้เคียงมาเยี่ยมชม",
    "ผู้เชี่ยวชาญเตือนว่า เมื่อผลผลิตเพิ่มขึ้นยิ่งต้องรักษาคุณภาพ ทุกล็อตควรเก็บตัวอย่างไว้ตรวจสอบ",
]
BODY = [" ".join(_SENTENCES[j % 8] for j in (i, i + 3, i + 5)) for i in range(8)]

PAGE = f"""<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<title>สหกรณ์กาแฟบนดอยได้ผลผลิตดี - ข่าวกาแฟ</title>
<meta property="article:published_time" content="2025-11-19T08:00:00+07:00"></head>
<body>
<nav><a href="/">หน้าแรก</a> <a href="/news">ข่าว</a></nav>
<h1 class="title">สหกรณ์กาแฟบนดอยได้ผลผลิตดี</h1>
<article class="node node-story author-somchai">
<div class="field-body">
{"".join(f"<p>{p}</p>" for p in BODY)}
</div>
</article>
<footer>ข่าวกาแฟ สงวนลิขสิทธิ์</footer>
</body></html>"""


def test_an_article_container_classed_after_its_writer_keeps_its_text() -> None:
    """Failed before session 19: the container (about a hundred "words" between spaces, well over
    a thousand characters) was taken for an author box and the story lost every paragraph."""
    assert sum(len(p.split()) for p in BODY) < 150 and sum(map(len, BODY)) > 1200
    article = extract_article(PAGE.encode(), URL, crawled=CRAWLED)
    for paragraph in BODY:
        assert paragraph in article.text
