"""`POST /v1/check` answers with the article's HTML report when asked (`?format=html` or
`Accept: text/html`), and with JSON otherwise."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extras")

from starlette.requests import Request  # noqa: E402

from tests.helpers import HOUSE_NAME_RULE as RULE  # noqa: E402
from tests.helpers import make_rule  # noqa: E402
from tests.test_service import start_server  # noqa: E402
from tqcheck.config import Config  # noqa: E402
from tqcheck.service import CheckRequest, Settings, answer, wants_html  # noqa: E402


def http_request(query: str = "", accept: str | None = None) -> Request:
    headers = [(b"accept", accept.encode())] if accept is not None else []
    return Request({"type": "http", "method": "POST", "path": "/v1/check",
                    "query_string": query.encode(), "headers": headers})


@pytest.mark.parametrize(("query", "accept", "html"), [
    ("format=html", None, True),
    ("", "text/html", True),
    ("", "text/html,application/xhtml+xml,*/*;q=0.8", True),
    ("", "application/json, text/html", False),
    ("", "*/*", False),
    ("", None, False),
    ("format=json", "application/json", False),
])
def test_html_is_what_the_client_asks_for(query, accept, html):
    assert wants_html(http_request(query, accept)) is html


def test_html_answer_is_the_article_view_and_json_stays_json():
    settings = Settings(config=Config(), rules=[make_rule(RULE)])
    request = CheckRequest(id="draft <7>", mt="Vladimir Poutine spoke.\n",
                           source="Poutine a parlé.\n", source_lang="fr", target_lang="en")
    page = answer(settings, request, html=True)
    assert page.media_type == "text/html"
    body = page.body.decode("utf-8")
    assert "<h2 id=\"a-0-h\" dir=\"auto\">draft &lt;7&gt;</h2>" in body
    assert body.count('<mark id="f-') == 1 and ">Poutine</mark>" in body
    assert 'class="src" dir="auto" lang="fr">Poutine a parlé.' in body
    report = json.loads(answer(settings, request, html=False).body)
    assert [f["text"] for f in report["findings"]] == ["Poutine"]
    assert report["verdict"] == "pass"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A running service with one small rule pack."""
    folder = tmp_path_factory.mktemp("serve-html")
    (folder / "tqcheck.toml").write_text("", encoding="utf-8")
    (folder / "rules").mkdir()
    (folder / "rules" / "house.yaml").write_text(RULE, encoding="utf-8")
    yield from start_server("--no-default-rules", "--rules", "rules", cwd=folder)


def test_the_running_service_serves_html_when_asked(server):
    body = json.dumps({"id": "story", "mt": "Vladimir Poutine spoke.", "target_lang": "en"})
    for path, headers in (("/v1/check?format=html", {}), ("/v1/check", {"Accept": "text/html"})):
        status, answered, page = server.request("POST", path, body.encode(),
                                                {"Content-Type": "application/json", **headers})
        assert status == 200 and answered["content-type"].startswith("text/html")
        assert page.decode("utf-8").count('<mark id="f-') == 1
    status, answered, data = server.request("POST", "/v1/check", body.encode(),
                                            {"Content-Type": "application/json"})
    assert answered["content-type"] == "application/json"
    assert [f["text"] for f in json.loads(data)["findings"]] == ["Poutine"]
