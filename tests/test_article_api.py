"""The article endpoints: a citation, the raw HTML as a safe download, the page; 404/503, never 500."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from indexer.archive import Archive, RawPage
from indexer.schema import VIETNAM_TZ
from indexer.settings import Settings
from search_api.app import create_app
from search_api.citation import cite, tex_escape
from tests.support.small_archive import make_article

HOSTILE_HTML = b"<html><body><h1>M\xe1\xba\xadt ong</h1><script>fetch('/export')</script></body></html>"


@pytest.fixture
def archive_with_raw(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "archive.sqlite"
    kept = make_article(
        1,
        "Mật ong bạc hà 4 sao: 100% từ hoa {núi đá}",
        "Hợp tác xã nuôi ong ở Mèo Vạc có thêm một sản phẩm OCOP.",
        outlet="Báo Mẫu",
        authors=["Nguyễn Thị Hoài Thu", "Lê Văn Bình"],
        published=datetime(2024, 3, 5, 23, 30, tzinfo=VIETNAM_TZ),
    )
    bare = make_article(
        2, "Tin ngắn", "Không có trang gốc.", crawled=datetime(2025, 2, 1, 1, 0, tzinfo=VIETNAM_TZ)
    )
    with Archive(path) as archive:
        archive.upsert(kept, RawPage(kept.url, HOSTILE_HTML, {"content-type": "text/html"}, 1.7e9))
        archive.upsert(bare)
    return path, {"kept": kept.id, "bare": bare.id}


@pytest.fixture
def client(archive_with_raw: tuple[Path, dict[str, str]]) -> TestClient:
    return TestClient(create_app(Settings(archive=archive_with_raw[0])), raise_server_exceptions=False)


def test_raw_html_is_a_download_the_browser_never_renders(client: TestClient, archive_with_raw) -> None:
    ids = archive_with_raw[1]
    response = client.get(f"/articles/{ids['kept']}/raw")
    assert response.status_code == 200
    assert response.content == HOSTILE_HTML  # the bytes as fetched, not re-encoded
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"] == f'attachment; filename="mau.vn-{ids["kept"]}.html"'
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"].startswith("sandbox")
    head = client.head(f"/articles/{ids['kept']}/raw")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(HOSTILE_HTML))


def test_raw_html_missing_is_a_404_with_a_message(
    client: TestClient, archive_with_raw, tmp_path: Path
) -> None:
    ids = archive_with_raw[1]
    for path in (f"/articles/{ids['bare']}/raw", "/articles/nope/raw"):
        response = client.get(path)
        assert response.status_code == 404 and response.json()["error"], path
        assert client.head(path).status_code == 404
    # an API whose engine is elsewhere and whose machine holds no archive: no raw page, and it says why
    from indexer.engines.embedded import EmbeddedIndex

    elsewhere = create_app(
        Settings(archive=tmp_path / "absent.sqlite"), index=EmbeddedIndex(archive_with_raw[0])
    )
    response = TestClient(elsewhere).get(f"/articles/{ids['kept']}/raw")
    assert response.status_code == 404 and "no archive" in response.json()["error"]
    assert not (tmp_path / "absent.sqlite").exists()


def test_unreadable_archive_for_raw_is_a_503(archive_with_raw, tmp_path: Path) -> None:
    from indexer.engines.embedded import EmbeddedIndex

    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database " * 200)
    app = create_app(Settings(archive=broken), index=EmbeddedIndex(archive_with_raw[0]))
    response = TestClient(app, raise_server_exceptions=False).get(
        f"/articles/{archive_with_raw[1]['kept']}/raw"
    )
    assert response.status_code == 503 and "cannot be read" in response.json()["error"]


def test_citation_plain_and_bibtex(client: TestClient, archive_with_raw) -> None:
    ids = archive_with_raw[1]
    body = client.get(f"/articles/{ids['kept']}/citation").json()
    url = "https://mau.vn/bai-1.html"
    assert body["accessed"] == "2025-01-23"
    assert body["plain"]["vi"] == (
        "Nguyễn Thị Hoài Thu, Lê Văn Bình (2024). Mật ong bạc hà 4 sao: 100% từ hoa {núi đá}. "
        f"Báo Mẫu, 05/03/2024. {url} (truy cập ngày 23/01/2025)."
    )
    assert body["plain"]["en"].endswith(f"Báo Mẫu, 5 March 2024. {url} (accessed 23 January 2025).")
    bibtex = body["bibtex"]
    assert bibtex.startswith("@online{mauvn2024-") and bibtex.rstrip().endswith("}")
    assert "author       = {{Nguyễn Thị Hoài Thu} and {Lê Văn Bình}}" in bibtex
    assert r"title        = {Mật ong bạc hà 4 sao: 100\% từ hoa \{núi đá\}}" in bibtex
    assert "date         = {2024-03-05}" in bibtex and "urldate      = {2025-01-23}" in bibtex
    assert bibtex.count("{") == bibtex.count("}")
    assert client.get("/articles/nope/citation").status_code == 404


def test_citation_without_author_or_date_names_the_outlet() -> None:
    article = make_article(9, "Tin ngắn", "Nội dung.", outlet="Báo Mẫu")
    citation = cite(article)
    assert citation.plain["vi"].startswith(
        "Báo Mẫu (không rõ năm). Tin ngắn. Báo Mẫu. https://mau.vn/bai-9.html"
    )
    assert citation.plain["en"].startswith("Báo Mẫu (n.d.). Tin ngắn. Báo Mẫu. https://")
    assert "\n  date " not in citation.bibtex and "author       = {{Báo Mẫu}}" in citation.bibtex
    agency = make_article(10, "Tin", "Nội dung.", source_agency="TTXVN")
    assert cite(agency).plain["vi"].startswith("TTXVN (không rõ năm).")


def test_tex_escape_leaves_no_active_character() -> None:
    assert tex_escape(r"a_b & c% #1 $2 ~x ^y \z {w}") == (
        r"a\_b \& c\% \#1 \$2 \textasciitilde{}x \textasciicircum{}y \textbackslash{}z \{w\}"
    )


def test_article_page_is_served_for_any_id(client: TestClient, archive_with_raw) -> None:
    response = client.get(f"/a/{archive_with_raw[1]['kept']}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert 'id="article"' in response.text


def test_highlight_marks_the_words_of_a_search_in_every_paragraph(
    client: TestClient, archive_with_raw
) -> None:
    ids = archive_with_raw[1]
    body = client.get(f"/articles/{ids['kept']}/highlight", params={"q": "mat ong"}).json()
    assert body["title"] == "<mark>Mật ong</mark> bạc hà 4 sao: 100% từ hoa {núi đá}"
    # "nuôi ong" in the text is the syllable alone, and the title shows the word: it stays plain
    assert body["paragraphs"] == ["Hợp tác xã nuôi ong ở Mèo Vạc có thêm một sản phẩm OCOP."]
    plain = client.get(f"/articles/{ids['kept']}/highlight").json()
    assert "<mark>" not in plain["title"] + "".join(plain["paragraphs"])
    assert client.get(f"/articles/{ids['kept']}/highlight", params={"q": "x" * 600}).status_code == 400
    assert client.get("/articles/nope/highlight", params={"q": "ong"}).status_code == 404
