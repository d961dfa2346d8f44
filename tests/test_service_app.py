"""The service's ASGI app answers `POST /v1/check` itself, byte for byte as its FastAPI app
would, and leaves every other request to the FastAPI app."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extras")

from tests.helpers import HOUSE_NAME_RULE as RULE  # noqa: E402
from tests.helpers import make_rule  # noqa: E402
from tqcheck import service  # noqa: E402
from tqcheck.config import Config  # noqa: E402
from tqcheck.service import Service, Settings, create_app  # noqa: E402

TOKEN = "s3cret-token"
BEARER = [(b"authorization", f"Bearer {TOKEN}".encode())]
ARTICLE = json.dumps({"id": "story", "mt": "Vladimir Poutine spoke.", "target_lang": "en"})
Answer = tuple[int, list[tuple[bytes, bytes]], bytes, type[BaseException] | None]


class InProcess:
    """Stands in for the check workers: runs each call in this process."""

    def __init__(self, function: Callable[..., object], _count: int) -> None:
        self.function = function

    async def call(self, *arguments: object) -> object:
        return self.function(*arguments)


@pytest.fixture
def app(monkeypatch) -> Service:
    """The service with one rule, a token and checks run in this process."""
    monkeypatch.setattr(service, "Workers", InProcess)
    settings = Settings(config=Config(), rules=[make_rule(RULE)], time_budget=0.2, token=TOKEN)
    return create_app(settings)


def exchange(app: Callable, body: bytes, headers: list[tuple[bytes, bytes]],
             method: str = "POST", path: str = "/v1/check", query: bytes = b"") -> Answer:
    """One request to an ASGI app in this process: the answer's status, headers and body, and
    the type of the error the app raised on to the server, if any."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
             "root_path": "", "query_string": query, "headers": headers,
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000), "state": {}}
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    async def run() -> type[BaseException] | None:
        try:
            await app(scope, receive, send)
        except Exception as error:  # noqa: BLE001 - what the server would see
            return type(error)
        return None

    raised = asyncio.run(run())
    start, content = sent
    return start["status"], start["headers"], content["body"], raised


@pytest.mark.parametrize(("status", "body", "headers", "query"), [
    (200, ARTICLE, BEARER, b""),
    (200, ARTICLE, BEARER, b"format=html"),
    (200, ARTICLE, [*BEARER, (b"accept", b"text/html")], b""),
    (401, ARTICLE, [], b""),
    (401, ARTICLE, [(b"authorization", b"Bearer wrong")], b""),
    (401, ARTICLE, [(b"authorization", f"Basic {TOKEN}".encode())], b""),
    (400, '{"mt": ', BEARER, b""),
    (400, '{"mt": "\\ud800"}', BEARER, b""),
    (422, '{"mt": 3}', BEARER, b""),
])
def test_a_check_is_answered_as_fastapi_answers_it(app, status, body, headers, query):
    direct = exchange(app, body.encode(), headers, query=query)
    assert direct == exchange(app.app, body.encode(), headers, query=query)
    assert direct[0] == status and direct[3] is None


async def slow_check(*_: object) -> object:
    await asyncio.sleep(5)


async def failing_check(*_: object) -> object:
    raise RuntimeError("in worker 1: ValueError: a bug")


@pytest.mark.parametrize(("status", "check", "raised"), [
    (503, slow_check, None),
    (500, failing_check, RuntimeError),
])
def test_a_check_over_budget_or_failing_is_answered_as_fastapi_answers_it(app, status, check,
                                                                          raised):
    app.app.state.workers.call = check
    direct = exchange(app, ARTICLE.encode(), BEARER)
    assert direct == exchange(app.app, ARTICLE.encode(), BEARER)
    assert direct[0] == status and direct[3] is raised
    if status == 500:  # a plain message, the error going on to the server, which logs it
        assert json.loads(direct[2]) == {"error": "internal error (see the service log)"}


def test_other_requests_go_to_fastapi(app):
    status, headers, _, raised = exchange(app, b"", [], method="GET")
    assert status == 405 and (b"allow", b"POST") in headers and raised is None
    status, _, body, _ = exchange(app, b"", [], method="GET", path="/healthz")
    assert status == 200 and json.loads(body)["rules"] == 1
