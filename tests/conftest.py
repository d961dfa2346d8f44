"""Shared test setup: runs keep their rule cache in a temporary folder, never the user's."""

import os

import pytest

from tqcheck.rulecache import CACHE_DIR_VARIABLE


@pytest.fixture(autouse=True, scope="session")
def private_rule_cache(tmp_path_factory):
    """Point the rule cache at a folder of this test session."""
    previous = os.environ.get(CACHE_DIR_VARIABLE)
    os.environ[CACHE_DIR_VARIABLE] = str(tmp_path_factory.mktemp("rule-cache"))
    yield
    if previous is None:
        del os.environ[CACHE_DIR_VARIABLE]
    else:
        os.environ[CACHE_DIR_VARIABLE] = previous
