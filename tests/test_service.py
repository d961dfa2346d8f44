"""`tqcheck serve`: the real server in a process of its own, spoken to over HTTP on loopback."""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT, free_port, run_tqcheck
from tqcheck import __version__

TOKEN = "s3cret-token"
LIMIT = 4000
BUDGET = 1.5  # seconds: far above a normal check, far below the slow rule's run
SLOW_RULE = """\
id: house/slow
type: pattern
category: Fluency/Punctuation
severity: warning
message: runaway expression
pattern: '(a|aa)+$'
timeout: 8
"""
ARTICLE = ("The minister resigned on Monday.\nVladimir Poutine spoke about 3,5 percent.\n"
           "Tweet\nSpread the love\n")


@dataclass
class Server:
    """A running `tqcheck serve` and how to reach it."""

    process: subprocess.Popen[bytes]
    port: int

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """One request on a fresh connection: status, headers and body."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def post_json(self, path: str, data: object, token: str | None = None) -> tuple[int, dict]:
        """POST a JSON document; the status and the decoded JSON answer."""
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        status, _, body = self.request("POST", path, json.dumps(data).encode(), headers)
        return status, json.loads(body)


def start_server(*args: str, cwd: Path = ROOT) -> Iterator[Server]:
    """Start `tqcheck serve` on a free loopback port; stop it afterwards."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "tqcheck", "serve", "--port", str(port),
                                *args], cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    server = Server(process, port)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read().decode()  # type: ignore[union-attr]
        try:
            if server.request("GET", "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.05)
    else:
        pytest.fail("the server did not start")
    yield server
    process.terminate()
    log = process.communicate(timeout=30)[0].decode("utf-8", "replace")
    assert "Traceback" not in log, log


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Iterator[Server]:
    """A server with the default settings (no token, 1 MiB limit)."""
    folder = tmp_path_factory.mktemp("plain")
    (folder / "tqcheck.toml").write_text("", encoding="utf-8")
    yield from start_server(cwd=folder)


@pytest.fixture(scope="module")
def guarded(tmp_path_factory) -> Iterator[Server]:
    """A server with a token, a small body limit, a short time budget and a slow rule."""
    folder = tmp_path_factory.mktemp("guarded")
    (folder / "tqcheck.toml").write_text("", encoding="utf-8")
    (folder / "token").write_text(TOKEN + "\n", encoding="utf-8")
    (folder / "rules").mkdir()
    (folder / "rules" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    yield from start_server("--token-file", "token", "--max-body-size", str(LIMIT),
                            "--time-budget", str(BUDGET), "--rules", "rules", cwd=folder)


def readme_example() -> tuple[dict, dict]:
    """The request body of the README's curl example and the answer it documents."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## HTTP service", 1)[1]
    command = re.search(r"```sh\n(curl .*?)```", section, re.S).group(1)  # type: ignore[union-attr]
    body = re.search(r"-d '(.*?)'", command, re.S).group(1)  # type: ignore[union-attr]
    answer = re.search(r"```json\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]
    return json.loads(body), json.loads(answer)


def test_readme_curl_example_answers_as_documented(plain):
    request, documented = readme_example()
    status, answer = plain.post_json("/v1/check", request)
    assert status == 200
    assert answer == documented


def test_check_reports_what_lint_reports(plain, tmp_path):
    status, answer = plain.post_json("/v1/check", {"id": "story", "mt": ARTICLE,
                                                   "target_lang": "en"})
    assert status == 200
    (tmp_path / "tqcheck.toml").write_text("", encoding="utf-8")
    story = tmp_path / "story"
    story.write_text(ARTICLE, encoding="utf-8")
    cli = json.loads(run_tqcheck("lint", "story", "--target-lang", "en", "--format", "json",
                                 cwd=tmp_path).stdout)
    assert answer["findings"] == cli["findings"]
    assert len(answer["findings"]) >= 2
    assert answer["summary"] == cli["summary"]
    assert answer["verdict"] == "fail"  # "Spread the love" is an error


def test_verdict_follows_the_fail_level(plain):
    clean = {"mt": "The minister resigned on Monday.", "target_lang": "en"}
    assert plain.post_json("/v1/check", clean)[1]["verdict"] == "pass"
    warning_only = {"mt": ARTICLE, "target_lang": "en", "ignore": ["boilerplate/site-*"]}
    status, answer = plain.post_json("/v1/check", warning_only)
    assert status == 200 and answer["findings"]
    assert {f["severity"] for f in answer["findings"]} <= {"warning", "info"}
    assert answer["verdict"] == "pass"


def test_rule_selection_per_request(plain):
    status, answer = plain.post_json("/v1/check", {"mt": ARTICLE, "target_lang": "en",
                                                   "select": ["boilerplate/site-furniture"]})
    assert status == 200
    assert {f["rule"] for f in answer["findings"]} == {"boilerplate/site-furniture"}
    assert answer["summary"]["rules"] == 1


def test_rules_and_health(plain):
    status, _, body = plain.request("GET", "/v1/rules")
    assert status == 200
    ids = [rule["id"] for rule in json.loads(body)["rules"]]
    listed = run_tqcheck("rules", "list").stdout.decode().splitlines()[:-1]
    assert sorted(ids) == sorted(line.split()[0] for line in listed)
    status, _, body = plain.request("GET", "/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "version": __version__, "rules": len(ids)}


def test_openapi_document(plain):
    status, _, body = plain.request("GET", "/openapi.json")
    assert status == 200
    document = json.loads(body)
    assert document["openapi"].startswith("3.")
    assert {"/v1/check", "/v1/rules", "/healthz"} <= set(document["paths"])
    check = document["paths"]["/v1/check"]["post"]
    schema = check["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["mt"]
    assert {"400", "401", "413", "422", "503"} <= set(check["responses"])
    for operation in (check, document["paths"]["/v1/rules"]["get"]):
        assert operation["security"] == [{"HTTPBearer": []}]
    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_default_host_is_loopback(plain):
    connection = socket.create_connection(("127.0.0.1", plain.port), timeout=5)
    connection.close()
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)}
    for address in addresses - {"127.0.0.1", "127.0.1.1", "::1"}:
        with pytest.raises(OSError):
            socket.create_connection((address, plain.port), timeout=2).close()


def test_names_in_a_request_are_never_files(plain, tmp_path):
    defective = tmp_path / "defective.en.txt"
    defective.write_text("Spread the love\n", encoding="utf-8")
    absent = tmp_path / "written.txt"
    for name in (str(defective), str(absent)):
        status, answer = plain.post_json("/v1/check", {
            "id": name, "mt": "The minister resigned on Monday.", "target_lang": "en"})
        assert status == 200
        assert answer["findings"] == []
    assert not absent.exists()
    assert plain.post_json("/v1/check", {"mt": "x", "path": str(defective)})[0] == 422


def test_wrong_or_missing_token(guarded):
    body = {"mt": "The minister resigned on Monday.", "target_lang": "en"}
    for token in (None, "wrong", TOKEN + "x"):
        status, answer = guarded.post_json("/v1/check", body, token)
        assert status == 401
        assert "token" in answer["error"]
    status, headers, _ = guarded.request("GET", "/v1/rules", headers={"Authorization": "Basic x"})
    assert status == 401 and headers["www-authenticate"] == "Bearer"
    assert guarded.post_json("/v1/check", body, TOKEN)[0] == 200
    assert guarded.request("GET", "/healthz")[0] == 200  # liveness needs no token


def test_body_over_the_limit_is_413(guarded):
    big = json.dumps({"mt": "word " * LIMIT}).encode()
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    status, _, body = guarded.request("POST", "/v1/check", big, headers)
    assert status == 413
    assert str(f"{LIMIT:,}") in json.loads(body)["error"]
    connection = http.client.HTTPConnection("127.0.0.1", guarded.port, timeout=30)
    chunks = iter([big[i:i + 1000] for i in range(0, len(big), 1000)])
    try:
        connection.request("POST", "/v1/check", body=chunks, headers=headers,
                           encode_chunked=True)
        response = connection.getresponse()
        assert response.status == 413
    except ConnectionError:
        pass  # the server may close before the whole body is sent; it must survive that
    finally:
        connection.close()
    assert guarded.post_json("/v1/check", {"mt": "Fine.", "target_lang": "en"}, TOKEN)[0] == 200


@pytest.mark.parametrize(("body", "status", "words"), [
    (b'{"mt": ', 400, "malformed JSON"),
    (b"not json at all", 400, "malformed JSON"),
    (b'{"mt": "caf\xe9"}', 400, "not valid UTF-8"),
    (b"\xff\xfe\x00\x00", 400, "not valid UTF-8"),
    (b'{"mt": "Poutine \\ud800 spoke"}', 400, "unpaired surrogate"),
    (b'{"mt": "\\ud83d\\uDFFF\\uDFFF"}', 400, "unpaired surrogate"),
    (b"[1, 2]", 422, "schema"),
    (b'{"mt": 3}', 422, "schema"),
    (b'{"mt": "x", "target_lang": "english please"}', 422, "schema"),
    (b"", 400, "malformed JSON"),
])
def test_bad_bodies_get_a_clear_message(guarded, body, status, words):
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    got, _, answer = guarded.request("POST", "/v1/check", body, headers)
    assert got == status
    assert words in json.loads(answer)["error"]
    assert b"Traceback" not in answer


@pytest.mark.parametrize("escaped", [rb"\ud83d\ude00 \uD83D\uDE00", rb"C:\\ud800",
                                     rb"\u00e9t\u00e9"])
def test_escapes_that_make_text_are_accepted(guarded, escaped):
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    got, _, answer = guarded.request("POST", "/v1/check", b'{"mt": "' + escaped + b'"}', headers)
    assert got == 200 and json.loads(answer)["verdict"] in ("pass", "fail")


def test_time_budget_is_503_and_the_server_goes_on(guarded):
    started = time.monotonic()
    status, answer = guarded.post_json("/v1/check", {
        "mt": "a" * 34 + "!", "target_lang": "en", "select": ["house/slow"]}, TOKEN)
    assert status == 503
    assert f"{BUDGET} s" in answer["error"]
    assert time.monotonic() - started < BUDGET + 3
    assert guarded.request("GET", "/healthz")[0] == 200


def test_serve_refuses_bad_settings(tmp_path):
    (tmp_path / "empty-token").write_text("\n", encoding="utf-8")
    result = run_tqcheck("serve", "--token-file", "empty-token", cwd=tmp_path)
    assert result.returncode == 2 and b"empty" in result.stderr
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "rule.yaml").write_text("id: x/y\ntype: nope\n", encoding="utf-8")
    result = run_tqcheck("serve", "--rules", "bad", cwd=tmp_path)
    assert result.returncode == 2 and b"rule.yaml" in result.stderr


def test_lint_does_not_import_the_service_stack(tmp_path):
    story = tmp_path / "story.en.txt"
    story.write_text("The minister resigned on Monday.\n", encoding="utf-8")
    probe = ("import sys\nfrom typer.testing import CliRunner\nfrom tqcheck.cli import app\n"
             f"CliRunner().invoke(app, ['lint', {str(story)!r}])\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & "
             "{'fastapi', 'starlette', 'uvicorn'}))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
