"""Helpers the browser tests share: reference data, logging in, axe-core checks."""

from __future__ import annotations

import importlib
from typing import Any


def load_reference_data() -> None:
    """Transactional tests empty every table afterwards, the migrations' reference data too: load
    it again with the migrations' own (idempotent) loaders."""
    from django.apps import apps

    for module in (
        "verkosto.core.migrations.0002_load_geography",
        "verkosto.directory.migrations.0002_managed_lists",
    ):
        importlib.import_module(module).load(apps, None)


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations on the page as it is now, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
    ]


def check_page(page: Any, lang: str, name: str, problems: dict[str, list[str]]) -> None:
    """The page speaks `lang`; any axe-core violations are collected under `name`."""
    assert page.locator("html").get_attribute("lang") == lang
    violations = axe_violations(page)
    if violations:
        problems[name] = violations


def log_in(page: Any, live_server: Any, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{live_server.url}/")
