"""`tqcheck serve`: an HTTP service that checks one article per request (FastAPI on uvicorn).

Rules are loaded once, before the app is made; the checks run in worker processes forked
from the loaded app, so the event loop only speaks HTTP and every core checks articles.
Requests carry text only: nothing named in a request is ever read from or written to disk.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, ValidationError
from starlette.types import Receive, Scope, Send

from tqcheck import __version__
from tqcheck.config import Config
from tqcheck.engine import Rule
from tqcheck.inputs import Loaded, LoadOptions, article_from_record
from tqcheck.report import html_format
from tqcheck.report.json_format import report_dict
from tqcheck.run import LintResult, lint_loaded, load_options, select_rules
from tqcheck.workers import Workers

CHECK_PATH = "/v1/check"
LANG = r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$"
# In JSON decoded from UTF-8, only an escape of a surrogate (\uD800-\uDFFF) can leave one
# unpaired; an escaped backslash before such text matches too, which only costs the full check.
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class CheckRequest(BaseModel):
    """One article to check."""

    model_config = {"extra": "forbid"}

    mt: str = Field(description="The machine translation to check.")
    id: str = Field("article", max_length=200,
                    description="A label for the article; findings carry it as their `path`.")
    source: str | None = Field(None, description="The source text.")
    references: list[str] = Field([], description="Reference translations.")
    source_lang: str | None = Field(None, pattern=LANG, description="Source language, e.g. fr.")
    target_lang: str | None = Field(None, pattern=LANG, description="Target language, e.g. en.")
    select: list[str] = Field([], description="Only these rule ids or globs (all when empty).")
    ignore: list[str] = Field([], description="Rule ids or globs to turn off.")


@dataclass
class Settings:
    """How the service runs: the config and its loaded rules, limits and the access token
    (and, worked out once from the config, how articles are read)."""

    config: Config
    rules: list[Rule]
    time_budget: float = 5.0
    token: str | None = None
    options: LoadOptions = field(init=False)

    def __post_init__(self) -> None:
        self.options = load_options(self.config)


def error(status: int, message: str, **extra: object) -> JSONResponse:
    """A JSON error answer: `{"error": message, ...}`."""
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


def parse_body(body: bytes) -> CheckRequest | JSONResponse:
    """The request model from raw bytes, or the 400/422 answer that explains what is wrong.

    A valid body is read in one pass; only a body that fails it is read again, step by step,
    to say what is wrong (a body that passes holds only strings, lists of them and nulls, which
    both reads read alike).
    """
    try:
        return CheckRequest.model_validate_json(body)
    except ValidationError:
        return refusal(body)


def refusal(body: bytes) -> CheckRequest | JSONResponse:
    """The 400/422 answer that explains what is wrong with a body, read step by step (or the
    model, should the body be valid after all)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as problem:
        return error(400, f"request body is not valid UTF-8: byte 0x{body[problem.start]:02x} "
                          f"at offset {problem.start}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as problem:
        return error(400, f"malformed JSON: {problem.msg} at line {problem.lineno} column "
                          f"{problem.colno}")
    try:
        if SURROGATE_ESCAPE.search(text):
            json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as problem:
        return error(400, f"the JSON holds an unpaired surrogate escape "
                          f"(\\u{ord(problem.object[problem.start]):04x}), which is not text")
    try:
        return CheckRequest.model_validate(data)
    except ValidationError as problem:
        details = [{"field": ".".join(map(str, e["loc"])) or "(body)", "message": e["msg"]}
                   for e in problem.errors(include_url=False, include_input=False)]
        return error(422, "the article does not match the request schema", details=details)


def lint_request(settings: Settings, request: CheckRequest) -> LintResult:
    """Lint one article with the loaded rules."""
    record = {"mt": request.mt, "source": request.source, "ref": request.references,
              "source_lang": request.source_lang, "target_lang": request.target_lang}
    article = article_from_record(record, request.id, request.id, settings.options)
    rules = select_rules(settings.rules, request.select, request.ignore) \
        if request.select or request.ignore else settings.rules
    return lint_loaded(Loaded(articles=[article]), rules, settings.config)


def check(settings: Settings, request: CheckRequest) -> dict[str, object]:
    """Lint one article with the loaded rules: the JSON report plus a verdict."""
    result = lint_request(settings, request)
    fails = result.fails(settings.config.fail_on)
    return {**report_dict(result), "verdict": "fail" if fails else "pass",
            "fail_on": settings.config.fail_on}


def wants_html(request: Request) -> bool:
    """Whether the client asks for the HTML report: `?format=html`, or an Accept header with
    text/html and without application/json."""
    if request.query_params.get("format") == "html":
        return True
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept


def answer(settings: Settings, request: CheckRequest, html: bool) -> HTMLResponse | JSONResponse:
    """A check's answer: the article's HTML report, or the JSON report with a verdict."""
    if html:
        return HTMLResponse(html_format.render(lint_request(settings, request)))
    return JSONResponse(check(settings, request))


def answer_body(settings: Settings, fields: dict[str, object], html: bool) -> tuple[bytes, str]:
    """The body and media type of a check's answer (what a check worker sends back), given the
    fields of a request already validated (a plain dict travels to a worker faster than the
    model, which is rebuilt without validating it again)."""
    response = answer(settings, CheckRequest.model_construct(**fields), html)
    return bytes(response.body), response.media_type or "application/json"


def rule_record(rule: Rule) -> dict[str, object]:
    """What `GET /v1/rules` says about a rule."""
    return {"id": rule.id, "type": rule.type, "category": rule.category,
            "severity": rule.severity.value, "description": rule.description or rule.message,
            "source_langs": list(rule.source_langs), "target_langs": list(rule.target_langs)}


CHECK_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"description": "The findings JSON report (findings, scores, summary) with `verdict` "
                         "(`pass` or `fail`) and the `fail_on` level it was judged by; with "
                         "`?format=html` or `Accept: text/html`, the article's HTML report."},
    400: {"description": "The body is not UTF-8 or not JSON."},
    401: {"description": "Missing or wrong bearer token."},
    413: {"description": "The body is over the size limit."},
    422: {"description": "The JSON does not match the request schema."},
    503: {"description": "The check did not finish within the time budget."},
}


BEARER = HTTPBearer(auto_error=False, description="The token of `--token-file`.")
router = APIRouter()


def settings_of(request: Request) -> Settings:
    """The settings of the app serving a request."""
    return request.app.state.settings


# The bearer token a request sends, if any: FastAPI reads it and declares it in the OpenAPI
# document (the scheme, and its use by `GET /v1/rules`).
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]


def authorised(request: Request, credentials: HTTPAuthorizationCredentials | None) -> bool:
    """Whether the request may go on (always, when the service has no token)."""
    token = settings_of(request).token
    return token is None or (credentials is not None and hmac.compare_digest(
        credentials.credentials.encode(), token.encode()))


@router.get("/healthz", summary="Liveness: the service is up and its rules are loaded.")
async def healthz(request: Request) -> dict[str, object]:
    """`{"status": "ok"}` with the version and the number of rules."""
    return {"status": "ok", "version": __version__,
            "rules": len(settings_of(request).rules)}


@router.get("/v1/rules", summary="The loaded rules.", responses={401: CHECK_RESPONSES[401]})
async def rules(request: Request, credentials: Credentials) -> object:
    """Every loaded rule: id, type, category, severity, description and languages."""
    if not authorised(request, credentials):
        return error(401, "missing or wrong bearer token")
    return {"rules": [rule_record(rule) for rule in settings_of(request).rules]}


# The check reads the bearer token and the body itself (declared here, and its answer as any
# JSON, for the OpenAPI document only): Service calls it without FastAPI's handling of a
# request; FastAPI documents it and refuses the path's other methods.
CHECK_BODY = {"application/json": {"schema": CheckRequest.model_json_schema()}}
CHECK_OPENAPI = {"security": [{BEARER.scheme_name: []}],
                 "requestBody": {"required": True, "content": CHECK_BODY}}


@router.post(CHECK_PATH, summary="Check one article.", responses=CHECK_RESPONSES,
             openapi_extra=CHECK_OPENAPI, response_model=object)
async def check_article(request: Request) -> Response:
    """Findings, scores and a verdict for one article, within the time budget."""
    if not authorised(request, await BEARER(request)):
        return error(401, "missing or wrong bearer token")
    parsed = parse_body(await request.body())
    if isinstance(parsed, JSONResponse):
        return parsed
    settings, html = settings_of(request), wants_html(request)
    try:
        async with asyncio.timeout(settings.time_budget):
            body, media_type = await request.app.state.workers.call(vars(parsed), html)
    except TimeoutError:
        return error(503, f"the check took longer than the {settings.time_budget:g} s "
                          "time budget")
    return Response(body, media_type=media_type)


async def internal_error(_: Request, __: Exception) -> JSONResponse:
    """A bug answers 500 with a plain message; the traceback goes to the service log only."""
    return error(500, "internal error (see the service log)")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the check workers with the server; stop them when it stops (after the checks
    under way)."""
    await app.state.workers.start()
    yield
    await app.state.workers.close()


class Service:
    """The service's ASGI app: the FastAPI app, but for `POST /v1/check`, whose endpoint it
    calls itself, answering as FastAPI would without going through its middleware and routing
    (a sizeable share of the HTTP process's CPU time per check)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == CHECK_PATH and scope["method"] == "POST":
            await self.check(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def check(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer with the check's response; should it raise, with the 500 answer, the error
        then going on to the server, which logs it."""
        scope["app"] = self.app  # where the endpoint finds the settings and the workers
        request = Request(scope, receive)
        try:
            response = await check_article(request)
        except Exception as problem:
            await (await internal_error(request, problem))(scope, receive, send)
            raise
        await response(scope, receive, send)


def create_app(settings: Settings, workers: int = 1) -> Service:
    """The service's ASGI app with `workers` check workers started (wrap it in BodyLimit to
    limit request sizes). The routes are the FastAPI app's own rather than an included
    router's, which FastAPI would look through on every request."""
    app = FastAPI(title="tqcheck", version=__version__, docs_url=None, redoc_url=None,
                  description="Translation-quality checks for machine-translated news.",
                  lifespan=lifespan, routes=router.routes)
    app.state.settings = settings
    app.state.workers = Workers(partial(answer_body, settings), workers)
    app.add_exception_handler(Exception, internal_error)
    return Service(app)
