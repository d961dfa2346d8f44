"""Records pickled as their field values: what comes back equals what went, for every record
that workers send back or the findings store spills, and for a record of one field."""

from __future__ import annotations

import copy
import pickle
from array import array
from dataclasses import dataclass, fields

import pytest

from tqcheck.checks.base import Summary
from tqcheck.checks.name_consistency import FullNames
from tqcheck.documents import Lines
from tqcheck.findings import Finding, Severity
from tqcheck.records import pickled_by_fields


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Single:
    value: tuple[int, ...]


RECORDS = [
    Finding("a/b.txt", 3, 4, 3, 9, "names/x", "Fluency", Severity.ERROR, "m", "Poutine",
            suggestion="Putin", fixable=True),
    Finding("c.md", 1, 1, 2, 1, "quotes/y", "Other", Severity.INFO, "n", "«"),
    Summary(Lines("a.txt", array("q", [0, 12, 40])),
            FullNames("en", "fr", "digest", b"\x00packed")),
    Lines("b.txt", array("q")),
    Single((1, 2)),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_a_record_comes_back_equal_from_pickle_and_copies(record):
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(record, protocol))
        assert back == record and type(back) is type(record)
    assert copy.copy(record) == record
    assert copy.deepcopy(record) == record


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_a_record_reduces_to_its_class_and_field_values_in_order(record):
    cls, values = record.__reduce__()
    assert cls is type(record)
    assert values == tuple(getattr(record, f.name) for f in fields(record))
