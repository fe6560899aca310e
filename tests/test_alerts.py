"""Alerts end to end: `ocop alerts` against a real SMTP server (aiosmtpd) and a real HTTP webhook
receiver on localhost, with the embedded engine over a real archive.

Exactly-once is checked where it can break: a second run sends nothing, a failed delivery is sent
by the next run, a crash before the send and a crash after it (before it was recorded) each end
with every article delivered in one delivery, a resend carrying the same id.
"""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from indexer.alerts.run import run_alerts
from indexer.alerts.send import Channels
from indexer.alerts.store import AlertStore
from indexer.archive import Archive
from indexer.engines.embedded import EmbeddedIndex
from indexer.schema import VIETNAM_TZ, Article
from indexer.settings import Settings
from tests.support.cli import CommandResult
from tests.support.small_archive import build_small_archive, make_article

HONEY = (
    "Hợp tác xã ở Hà Giang vừa đưa sản phẩm mật ong bạc hà đạt chuẩn OCOP 4 sao ra thị trường, "
    "đóng chai theo quy trình mới và truy xuất nguồn gốc bằng mã QR."
)


def honey(n: int, title: str, province: str = "Hà Giang", **fields: Any) -> Article:
    new_name = {"Hà Giang": "Tuyên Quang", "Lào Cai": "Lào Cai"}[province]
    return make_article(
        n,
        title,
        HONEY.replace("Hà Giang", province) + f" Bài số {n}.",
        published=fields.pop("published", datetime(2025, 6, n % 28 + 1, 9, tzinfo=VIETNAM_TZ)),
        provinces=[province],
        provinces_2025=[new_name],
        **fields,
    )


class Inbox:
    """What the local SMTP server received."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:  # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def text(self, message: EmailMessage) -> str:
        return message.get_body(("plain",)).get_content()  # type: ignore[union-attr]

    def html(self, message: EmailMessage) -> str:
        return message.get_body(("html",)).get_content()  # type: ignore[union-attr]


class Smtp:
    """A real SMTP server (aiosmtpd) on a fixed local port, which a test may stop and start again."""

    def __init__(self) -> None:
        self.inbox = Inbox()
        with socket.socket() as probe:  # aiosmtpd needs a real port number to check its server is up
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp() -> Iterator[tuple[Smtp, Inbox]]:
    server = Smtp()
    server.start()
    yield server, server.inbox
    server.stop()


class Receiver(BaseHTTPRequestHandler):
    answers: list[int]
    received: list[tuple[dict[str, str], dict[str, Any]]]

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((dict(self.headers), json.loads(body)))
        status = self.answers.pop(0) if self.answers else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[tuple[str, type[Receiver]]]:
    handler = type("Hook", (Receiver,), {"answers": [], "received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", handler
    server.shutdown()
    server.server_close()


@pytest.fixture
def archive(small_archive: Path, smtp: tuple[Smtp, Inbox], monkeypatch: pytest.MonkeyPatch) -> Path:
    controller, _ = smtp
    for name, value in {
        "OCOP_ENGINE": "embedded",
        "OCOP_SMTP_HOST": "127.0.0.1",
        "OCOP_SMTP_PORT": str(controller.port),
        "OCOP_SMTP_STARTTLS": "false",
        "OCOP_SMTP_FROM": "ocop-watch <alerts@ocop.test>",
        "OCOP_PUBLIC_URL": "http://ocop.test",
        "OCOP_ALERT_RETRY_WAIT": "0",
    }.items():
        monkeypatch.setenv(name, value)
    return small_archive


def archive_articles(path: Path, *articles: Article) -> None:
    with Archive(path) as store:
        for article in articles:
            store.upsert(article)


def test_a_journalist_gets_only_the_new_matching_articles_once(
    archive: Path, smtp: tuple[Smtp, Inbox], ocop: Callable[..., CommandResult]
) -> None:
    _, inbox = smtp
    archive_articles(archive, honey(10, "Mật ong Hà Giang đã có từ trước"))  # before the alert: not new
    added = ocop(
        "alerts", "add", "mật ong Hà Giang", "--q", "mật ong", "--province", "Hà Giang",
        "--email", "phongvien@bao.test", "--archive", archive,
    )  # fmt: skip
    assert added.code == 0, added.err
    archive_articles(
        archive,
        honey(11, "Mật ong bạc hà Hà Giang đạt 4 sao"),
        honey(12, "Hà Giang xuất khẩu lô mật ong đầu tiên"),
        honey(13, "Mật ong Lào Cai lên sàn", province="Lào Cai"),  # another province
        make_article(14, "Hội chợ Hà Giang", "Có rau và chè của Hà Giang.", provinces=["Hà Giang"]),
    )  # fmt: skip
    first = ocop("alerts", "run", "--archive", archive)
    assert first.code == 0, first.err
    assert "2 new match(es), 2 article(s) sent" in first.out
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert (
        message["To"] == "phongvien@bao.test"
        and message["Subject"] == "[ocop-watch] mật ong Hà Giang: 2 bài mới"
    )
    text, html = inbox.text(message), inbox.html(message)
    for body in (text, html):
        assert (
            "Mật ong bạc hà Hà Giang đạt 4 sao" in body and "Hà Giang xuất khẩu lô mật ong đầu tiên" in body
        )
        assert "Lào Cai" not in body and "Hội chợ" not in body and "đã có từ trước" not in body
    assert text.index("xuất khẩu") < text.index("bạc hà")  # newest first (12 June before 11 June)
    assert "http://ocop.test/?q=m%E1%BA%ADt+ong&province=H%C3%A0+Giang&sort=newest" in text

    again = ocop("alerts", "run", "--archive", archive)
    assert again.code == 0 and "0 new match(es), 0 article(s) sent" in again.out
    assert len(inbox.messages) == 1  # nothing twice

    archive_articles(archive, honey(15, "Mật ong Hà Giang vào siêu thị"))
    ocop("alerts", "run", "--archive", archive)
    assert len(inbox.messages) == 2 and inbox.messages[1]["Subject"].endswith(": 1 bài mới")
    latest = inbox.text(inbox.messages[1])
    assert "vào siêu thị" in latest and "đạt 4 sao" not in latest and "xuất khẩu" not in latest

    listed = ocop("alerts", "list", "--archive", archive)
    assert "mật ong Hà Giang" in listed.out and "phongvien@bao.test" in listed.out


def test_a_failed_delivery_is_sent_by_the_next_run(
    archive: Path, smtp: tuple[Smtp, Inbox], ocop: Callable[..., CommandResult]
) -> None:
    controller, inbox = smtp
    ocop("alerts", "add", "mật ong", "--q", "mật ong", "--email", "a@bao.test", "--archive", archive)
    archive_articles(archive, honey(11, "Mật ong một"), honey(12, "Mật ong hai"))
    controller.stop()  # the mail server is down
    down = ocop("alerts", "run", "--archive", archive)
    assert down.code == 3 and "kept for the next run" in down.err
    assert "1" in ocop("alerts", "list", "--archive", archive).out
    controller.start()  # the same port
    archive_articles(archive, honey(13, "Mật ong ba"))
    back = ocop("alerts", "run", "--archive", archive)
    assert back.code == 0, back.err
    # the failed digest first, with its two articles; then the new one
    assert [m["Subject"].rsplit(": ", 1)[1] for m in inbox.messages] == ["2 bài mới", "1 bài mới"]
    assert ocop("alerts", "run", "--archive", archive).code == 0 and len(inbox.messages) == 2


class Crash(BaseException):
    """A process dying mid-run (not an error the run may catch)."""


@pytest.mark.parametrize("when", ["before sending", "after sending"])
def test_a_crash_mid_delivery_loses_nothing_and_queues_nothing_twice(
    archive: Path, smtp: tuple[Smtp, Inbox], ocop: Callable[..., CommandResult], when: str
) -> None:
    _, inbox = smtp
    ocop("alerts", "add", "mật ong", "--q", "mật ong", "--email", "a@bao.test", "--archive", archive)
    archive_articles(archive, honey(11, "Mật ong một"), honey(12, "Mật ong hai"))
    settings = Settings()
    real = Channels(settings)

    def crashing(*args: Any) -> None:
        if when == "after sending":
            real(*args)  # the server accepted it; the process dies before recording that
        raise Crash

    index = EmbeddedIndex(archive)
    index.sync()
    with Archive(archive) as store, pytest.raises(Crash):
        run_alerts(AlertStore(store), index, crashing, store.last_seq())
    archive_articles(archive, honey(13, "Mật ong ba"))
    assert ocop("alerts", "run", "--archive", archive).code == 0
    assert ocop("alerts", "run", "--archive", archive).code == 0
    ids = [m["Message-ID"] for m in inbox.messages]
    counts = [m["Subject"].rsplit(": ", 1)[1] for m in inbox.messages]
    if when == "before sending":
        assert counts == ["2 bài mới", "1 bài mới"] and len(set(ids)) == 2
    else:  # the unrecorded digest is sent again, as the same message (same id, same articles)
        assert counts == ["2 bài mới", "2 bài mới", "1 bài mới"]
        assert ids[0] == ids[1] != ids[2]
        assert inbox.text(inbox.messages[0]) == inbox.text(inbox.messages[1])
    with Archive(archive) as store:
        alerts = AlertStore(store)
        assert len(alerts.sent_articles(alerts.get("mật ong"))) == 3


def test_webhooks_get_json_retried_with_one_idempotency_key(
    archive: Path, webhook: tuple[str, type[Receiver]], ocop: Callable[..., CommandResult]
) -> None:
    url, hook = webhook
    ocop("alerts", "add", "hook", "--q", "mật ong", "--webhook", url, "--archive", archive)
    archive_articles(archive, honey(11, "Mật ong một"), honey(12, "Mật ong hai"))
    hook.answers[:] = [503, 200]  # one transient failure: retried within the run
    assert ocop("alerts", "run", "--archive", archive).code == 0
    (first_headers, first), (second_headers, second) = hook.received
    assert first == {**second, "sent_at": first["sent_at"]} and first["count"] == 2
    assert first_headers["Idempotency-Key"] == second_headers["Idempotency-Key"] == first["delivery_id"]
    assert [a["title"] for a in first["articles"]] == ["Mật ong hai", "Mật ong một"]
    assert first["search"] == {"q": "mật ong"} and first["articles"][0]["url"].startswith("https://")

    archive_articles(archive, honey(13, "Mật ong ba"))
    hook.answers[:] = [404]  # a permanent refusal: not retried now, kept for the next run
    refused = ocop("alerts", "run", "--archive", archive)
    assert refused.code == 3 and "404" in refused.err and len(hook.received) == 3
    assert ocop("alerts", "run", "--archive", archive).code == 0
    assert hook.received[2][1]["delivery_id"] == hook.received[3][1]["delivery_id"]
    assert [a["title"] for a in hook.received[3][1]["articles"]] == ["Mật ong ba"]


def test_alert_commands_refuse_bad_input_clearly(archive: Path, ocop: Callable[..., CommandResult]) -> None:
    for args, message in [
        (("x", "--q", "a"), "exactly one of --email"),
        (("x", "--email", "not-an-address"), "not an e-mail address"),
        (("x", "--webhook", "ftp://x"), "http(s) URL"),
        (("x", "--email", "a@b.vn", "--stars", "7"), "stars must be 3, 4 or 5"),
        (("x", "--email", "a@b.vn", "--every", "hourly"), "--every"),
    ]:
        result = ocop("alerts", "add", *args, "--archive", archive)
        assert result.code == 2 and message in result.error, result.err
    assert ocop("alerts", "add", "x", "--email", "a@b.vn", "--archive", archive).code == 0
    assert "exists" in ocop("alerts", "add", "x", "--email", "a@b.vn", "--archive", archive).error
    assert ocop("alerts", "remove", "nope", "--archive", archive).code == 2
    assert ocop("alerts", "remove", "x", "--archive", archive).code == 0


def test_the_test_command_sends_the_newest_matches_without_recording_them(
    archive: Path, smtp: tuple[Smtp, Inbox], ocop: Callable[..., CommandResult]
) -> None:
    _, inbox = smtp
    ocop("alerts", "add", "ocop", "--q", "ocop", "--email", "a@bao.test", "--archive", archive)
    assert ocop("alerts", "test", "ocop", "--archive", archive).code == 0
    assert len(inbox.messages) == 1 and "Đồng Tháp" in inbox.text(inbox.messages[0])
    assert "0 new match(es)" in ocop("alerts", "run", "--archive", archive).out
    assert len(inbox.messages) == 1


_ = build_small_archive
