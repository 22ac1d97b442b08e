"""Shared fixtures: every test gets its own database, never the person's real one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from career_core.store import ENV_VAR, Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'waypoint.db'}"


@pytest.fixture(params=["sqlite"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every database the store supports; the store's tests run against each."""
    return f"sqlite:///{tmp_path / 'waypoint.db'}"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store(store_url)
    yield s
    s.engine.dispose()


@pytest.fixture
def app_db(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> str:
    """Point the app at a fresh database for an AppTest run."""
    monkeypatch.setenv(ENV_VAR, sqlite_url)
    return sqlite_url
