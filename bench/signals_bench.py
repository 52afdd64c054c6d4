"""Silent-signals benchmark with 100,000 signals: theme recomputation, placement and the pages.

Builds (once, then reuses) a SQLite database with the demo directory and networks (for people) and
`generate_signals` synthetic signals in every region over two years, with the national themes and
those of Uusimaa (the regional coordinator's region) computed once. Then it measures
  (a) a full recomputation of the national Finnish themes, in a child process so that its peak
      memory (ru_maxrss) is its own: time and peak RSS (targets <= 60 s, <= 2 GB);
  (b) placing one new signal (`placement.place_signals`), 200 single placements after warm-up, on
      freshly saved signals that are rolled back afterwards: median and p95 (target <= 50 ms);
  (c) the radar page /signals/radar/ over real HTTP (wsgiref on loopback) as a signed-in national
      coordinator and as Uusimaa's regional coordinator (the largest region): 50 requests each,
      p50 and p95 (target p95 <= 300 ms); also with the cache cleared before every request;
  (d) the theme list and the largest national theme's page, p50 and p95 (same target).

Usage: python bench/signals_bench.py [--signals N] [--seed N] [--repeat N] [--fresh]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import random
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, make_server

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
REGIONAL_REGION = "MK01"  # Uusimaa: the most signals, so the regional coordinator's worst case


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def setup_django(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    os.environ["DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def recompute_child(db_path: Path, seed: int) -> None:
    """(a) in a process of its own: one recomputation of the national Finnish themes."""
    setup_django(db_path)
    from verkosto.observations import themes

    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    run = themes.recompute(region=None, language="fi", seed=seed)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    peak_mb = usage.ru_maxrss / 1024
    print(f"{seconds:.2f} {cpu:.2f} {peak_mb:.0f} {run.signal_count} {run.theme_count} {run.status}")


def build_database(args: argparse.Namespace) -> None:
    from verkosto.demo.generator import load_demo
    from verkosto.demo.signals import generate_signals

    print("building the benchmark database (once) ...")
    started = time.perf_counter()
    load_demo(networks=True, signals=False)
    result = generate_signals(count=args.signals, seed=args.seed)
    s = result["seconds"]
    print(
        f"  generate_signals --count {args.signals}: {s['total']:.1f} s (compose and scrub {s['generate']:.1f} s, "
        f"write {s['write']:.1f} s, keyword counts {s['keywords']:.1f} s; CPU {s['cpu']:.1f} s)"
    )
    print(f"  built in {time.perf_counter() - started:.0f} s")


def ensure_themes(seed: int) -> None:
    """Themes of the scopes the pages show (national, and the regional coordinator's region), once.

    Other regions' themes are left out: recomputing all 19 regions would take most of an hour on
    this machine and changes nothing that is measured (the pages read one scope at a time)."""
    from verkosto.core.models import Region
    from verkosto.observations import themes
    from verkosto.observations.models import ThemeRun

    region = Region.objects.get(code=REGIONAL_REGION)
    for scope in (None, region):
        for language in ("fi", "sv"):
            done = ThemeRun.objects.filter(region=scope, language=language, status=ThemeRun.Status.DONE)
            if done.exists():
                continue
            clock = time.perf_counter()
            run = themes.recompute(region=scope, language=language, seed=seed)
            name = scope.code if scope else "national"
            print(
                f"  themes of {name} {language}: {run.signal_count} signals, {run.theme_count} themes, "
                f"{time.perf_counter() - clock:.1f} s (once)"
            )


def bench_users() -> dict[str, Any]:
    from verkosto.accounts.models import RoleAssignment, User
    from verkosto.core.models import Region

    Role = RoleAssignment.Role
    national, _ = User.objects.get_or_create(username="bench-national")
    RoleAssignment.objects.get_or_create(user=national, role=Role.NATIONAL_COORDINATOR)
    regional, _ = User.objects.get_or_create(username="bench-regional")
    region = Region.objects.get(code=REGIONAL_REGION)
    RoleAssignment.objects.get_or_create(user=regional, role=Role.REGIONAL_COORDINATOR, region=region)
    return {"national": national, "regional": regional}


def session_cookie(user: Any) -> str:
    """A signed-in session for `user`, as the login view would make it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def bench_placement(seed: int, count: int = 200, warm: int = 10) -> list[float]:
    """(b) save one signal, then time `place_signals([signal])`; everything is rolled back."""
    from django.db import transaction

    from verkosto.core.models import Municipality
    from verkosto.demo import signals as demo
    from verkosto.observations import placement
    from verkosto.observations.models import Signal
    from verkosto.textanalytics import scrub

    rng = random.Random(seed)
    municipalities = list(Municipality.objects.values_list("pk", "region_id"))
    themes = [t.key for t in demo.THEMES]
    times: list[float] = []
    with transaction.atomic():
        for i in range(warm + count):
            municipality_id, region_id = rng.choice(municipalities)
            text = scrub.scrub(demo.compose(rng, rng.choice(themes), "fi", place_gen="Kajaanin"), "fi").text
            signal = Signal.objects.create(
                text=text,
                language="fi",
                observed_on=dt.date.today(),
                municipality_id=municipality_id,
                region_id=region_id,
            )
            started = time.perf_counter()
            placement.place_signals([signal])
            elapsed = (time.perf_counter() - started) * 1000
            if i >= warm:
                times.append(elapsed)
        transaction.set_rollback(True)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--fresh", action="store_true", help="rebuild the database even if one exists")
    parser.add_argument("--child-recompute", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    db_path = OUT / f"signals-{args.signals}.sqlite3"
    if args.child_recompute:
        recompute_child(db_path, args.seed)
        return 0
    if args.fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    setup_django(db_path)
    from django.core.cache import cache
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection

    from verkosto.observations.models import Signal, Theme
    from verkosto.textanalytics import normalise

    call_command("migrate", verbosity=0)
    if not Signal.objects.exists():
        build_database(args)
    ensure_themes(args.seed)
    total = Signal.objects.count()
    print(
        f"database: {total:,} signals, {Theme.objects.filter(status='active').count()} active themes, "
        f"SQLite {connection.Database.sqlite_version}; Finnish lemmas by {normalise.finnish_backend()}"
    )
    print("load average at the start {:.1f} / {:.1f} / {:.1f}".format(*os.getloadavg()))
    rows: list[tuple[str, str, str, bool]] = []

    # (a) recomputation of the national Finnish themes, in a child process.
    connection.close()
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child-recompute",
            "--signals",
            str(args.signals),
            "--seed",
            str(args.seed),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds_text, cpu_text, peak_text, grouped, theme_count, status = result.stdout.split()[-6:]
    seconds, peak = float(seconds_text), float(peak_text)
    print(f"(a) national Finnish themes: {grouped} signals, {theme_count} themes, run {status}")
    rows.append(("(a) recompute national fi themes: time", f"{seconds:.1f} s", "<= 60 s", seconds <= 60))
    rows.append(("(a) recompute national fi themes: CPU time", f"{float(cpu_text):.1f} s", "", True))
    rows.append(("(a) recompute national fi themes: peak RSS", f"{peak:.0f} MB", "<= 2048 MB", peak <= 2048))

    # (b) placing one new signal.
    placing = bench_placement(args.seed)
    p50, p95 = statistics.median(placing), percentile(placing, 95)
    rows.append(("(b) place one signal: median", f"{p50:.1f} ms", "", True))
    rows.append(("(b) place one signal: p95", f"{p95:.1f} ms", "<= 50 ms", p95 <= 50))

    # (c), (d) pages over HTTP.
    users = bench_users()
    cookies = {name: session_cookie(user) for name, user in users.items()}
    largest = (
        Theme.objects.filter(region__isnull=True, language="fi", status="active")
        .order_by("-signal_count")
        .first()
    )
    server = make_server("127.0.0.1", 0, WSGIHandler(), handler_class=QuietHandler)
    port = server.server_port
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def http_get(path: str, cookie: str) -> float:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        started = time.perf_counter()
        conn.request("GET", path, headers={"Accept-Language": "fi", "Cookie": cookie})
        response = conn.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        conn.close()
        if response.status != 200:
            raise SystemExit(f"HTTP {response.status} for {path}: is the page there and the user allowed?")
        return elapsed

    def series(label: str, path: str, who: str, *, repeat: int, uncached: bool = False) -> None:
        cache.clear()
        cold = http_get(path, cookies[who])
        http_get(path, cookies[who])
        times = []
        for _ in range(repeat):
            if uncached:
                cache.clear()
            times.append(http_get(path, cookies[who]))
        q50, q95 = statistics.median(times), percentile(times, 95)
        rows.append((f"{label}: p50 (first {cold:.0f} ms)", f"{q50:.1f} ms", "", True))
        rows.append((f"{label}: p95", f"{q95:.1f} ms", "<= 300 ms", q95 <= 300))

    series("(c) radar, national coordinator", "/signals/radar/", "national", repeat=args.repeat)
    series("(c) radar, regional coordinator", "/signals/radar/", "regional", repeat=args.repeat)
    uncached = max(5, args.repeat // 5)
    series("(c) radar, national, no cache", "/signals/radar/", "national", repeat=uncached, uncached=True)
    series("(c) radar, regional, no cache", "/signals/radar/", "regional", repeat=uncached, uncached=True)
    series("(d) theme list, national coordinator", "/signals/themes/", "national", repeat=args.repeat)
    if largest is not None:
        series(
            f"(d) theme page ({largest.signal_count:,} signals)",
            f"/signals/themes/{largest.uuid}/",
            "national",
            repeat=args.repeat,
        )
    server.shutdown()

    width = max(len(r[0]) for r in rows)
    print()
    load = os.getloadavg()
    print(
        f"load average now {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} CPUs (wall times rise with it)"
    )
    print(f"{'measure':<{width}}  {'value':>10}  {'target':>10}  result")
    for label, value, target, ok in rows:
        verdict = ("PASS" if ok else "MISS") if target else ""
        print(f"{label:<{width}}  {value:>10}  {target:>10}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
