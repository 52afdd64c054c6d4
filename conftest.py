"""Suite-wide test policy.

Browser and PostgreSQL tests skip on a laptop that lacks chromium or PostgreSQL; in CI
(`CI=true`) such a skip is a failure. Tests marked `postgres_only` are deselected (not skipped)
when the database is SQLite: they do not apply to that run.
"""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _database_vendor() -> str:
    from django.db import connection

    return connection.vendor


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("DATABASE_URL", "").startswith("postgres") and _database_vendor() != "postgresql":
        raise pytest.UsageError("DATABASE_URL names PostgreSQL but the tests would run on another database")
    if _database_vendor() == "postgresql":
        return
    keep, drop = [], []
    for item in items:
        (drop if item.get_closest_marker("postgres_only") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
        config._verkosto_postgres_only = len(drop)  # type: ignore[attr-defined]


def pytest_terminal_summary(terminalreporter: object, exitstatus: int, config: pytest.Config) -> None:
    dropped = getattr(config, "_verkosto_postgres_only", 0)
    if dropped:
        terminalreporter.write_line(  # type: ignore[attr-defined]
            f"{dropped} PostgreSQL-only test(s) not run: the database is SQLite "
            "(CI runs them with DATABASE_URL=postgres://...)."
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and item.get_closest_marker("browser"):
        report.outcome = "failed"
        report.longrepr = f"CI must run browser tests, but this one skipped: {report.longrepr}"
    return report


@pytest.fixture(autouse=True)
def _clear_caches() -> None:
    from django.core.cache import cache

    cache.clear()
