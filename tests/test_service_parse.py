"""Reading a `POST /v1/check` body: the one-pass read of a valid body agrees with the
step-by-step read that explains a bad one, whatever the bytes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the service needs the serve extras")

from tqcheck.service import CheckRequest, parse_body, refusal  # noqa: E402

FIELDS = list(CheckRequest.model_fields) + ["path"]
TEXT = st.text(st.characters(exclude_categories=()), max_size=8)  # lone surrogates too
VALUES = st.one_of(st.none(), TEXT, st.lists(TEXT, max_size=3), st.integers(), st.floats(),
                   st.booleans())
LANGS = st.sampled_from(["en", "fr-CA", "zh_Hans", "english", "en\n"])
REQUESTS = st.fixed_dictionaries({"mt": TEXT}, optional={
    "id": TEXT, "source": st.none() | TEXT, "references": st.lists(TEXT, max_size=2),
    "source_lang": st.none() | LANGS, "target_lang": LANGS, "select": st.lists(TEXT, max_size=2)})
DOCUMENTS = st.one_of(REQUESTS, st.dictionaries(st.sampled_from(FIELDS) | TEXT, VALUES,
                                                max_size=5), st.lists(VALUES, max_size=2), VALUES)


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    """A JSON document as a client might send it: escaped or raw (lone surrogates encoded as
    invalid UTF-8), perhaps with a byte cut out or changed."""
    text = json.dumps(draw(DOCUMENTS), ensure_ascii=draw(st.booleans()))
    body = bytearray(text.encode("utf-8", "surrogatepass"))
    if body and draw(st.booleans()):
        where = draw(st.integers(0, len(body) - 1))
        body[where:where + 1] = draw(st.binary(max_size=1))
    return bytes(body)


@given(bodies())
def test_one_pass_read_agrees_with_the_step_by_step_read(body):
    fast, thorough = parse_body(body), refusal(body)
    if isinstance(thorough, CheckRequest):
        assert fast == thorough
    else:
        assert not isinstance(fast, CheckRequest)
        assert (fast.status_code, fast.body) == (thorough.status_code, thorough.body)


def test_valid_bodies_are_read():
    body = {"mt": "Le ministre \U0001F600 a dit", "id": "a1", "references": ["r"],
            "source_lang": "fr", "target_lang": "en", "select": ["x*"], "ignore": [],
            "source": None}
    for ascii_only in (True, False):  # the emoji escaped as a surrogate pair, or raw
        parsed = parse_body(json.dumps(body, ensure_ascii=ascii_only).encode())
        assert isinstance(parsed, CheckRequest)
        assert parsed.model_dump() == body
