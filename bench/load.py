"""Load test: wrk against gunicorn (deploy/gunicorn.conf.py) on loopback, page by page.

    .venv/bin/python bench/load.py --items 20000          (BENCH_DATABASE=… to keep sizes apart)

Builds (or reuses) the synthetic archive of bench/run.py, collects the static files into a
temporary folder, starts gunicorn with 3 sync workers on 127.0.0.1, and runs wrk for each public
page type with a Lua script that rotates through many URLs of that type (200 articles, every
year, 100 months, keyword and person pages, several searches), so no per-URL cache flatters the
figures. Prints a Markdown table (requests/s, latency p50/p99, errors: non-2xx/3xx responses and
socket errors) against the targets: >= 150 requests/s at concurrency 10, p99 < 250 ms, 0 errors.

Steady state: anonymous readers get whole pages from each worker's page cache
(articles/page_cache.py) until the next edit. Before a page type is measured, every one of its
URLs is requested --warm-rounds times per worker (default 4, so each worker has almost surely
built each page once); the table's "build CPU" column is the workers' CPU time of
that warm-up per URL and worker, an upper bound of what building a page once costs (the
warm-up's cache hits are in it too). --warm-rounds 0 measures from cold.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # sets the Django settings module
from bench.reuse import check_reused

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGET_RPS, TARGET_P99_MS = 150, 250


def page_sets() -> dict[str, list[str]]:
    """URLs per page type, sampled evenly from the public archive."""
    from django.urls import reverse

    from articles.models import Article, Keyword, Person
    from bench.corpus import COMMON_TERM, MEDIUM_TERM, RARE_TERM

    listed = Article.objects.listed().exclude(published_on=None)
    total = listed.count()
    step = max(1, total // 200)
    ids = list(listed.order_by("id").values_list("id", flat=True)[::step][:200])
    articles = list(Article.objects.filter(id__in=ids))
    years = sorted({a.published_on.year for a in articles})
    months = sorted({(a.published_on.year, a.published_on.month) for a in articles})[:100]
    keywords = Keyword.objects.filter(tagged_articles__content_object_id__in=ids).distinct()[:100]
    people = Person.objects.filter(mentions__article_id__in=ids).distinct()[:100]
    search = reverse("articles:search")
    terms = [COMMON_TERM, MEDIUM_TERM, RARE_TERM, f"{COMMON_TERM} {MEDIUM_TERM}"]
    terms += [keyword.name for keyword in keywords[:16]]
    return {
        "timeline `/`": [reverse("articles:timeline")],
        "article": [a.get_absolute_url() for a in articles],
        "year archive": [reverse("articles:archive_year", args=[y]) for y in years],
        "month archive": [reverse("articles:archive_month", args=[y, m]) for y, m in months],
        "keyword index": [reverse("articles:keywords")],
        "keyword page": [k.get_absolute_url() for k in keywords],
        "person index": [reverse("articles:people")],
        "person page": [p.get_absolute_url() for p in people],
        "search": [f"{search}?{urllib.parse.urlencode({'q': t})}" for t in terms],
        "feed": [reverse("articles:feed")],
        "sitemap": [reverse("sitemap")],
    }


def database_url() -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    user = urllib.parse.quote(db.get("USER") or "", safe="")
    password = f":{urllib.parse.quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    host = urllib.parse.quote(db.get("HOST") or "", safe="")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgresql://{user}{password}@{host}{port}/{db['NAME']}"


def lua_script(paths: list[str], folder: Path) -> Path:
    quoted = ", ".join('"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"' for path in paths)
    script = folder / f"paths{abs(hash(tuple(paths)))}.lua"
    script.write_text(
        f"local paths = {{{quoted}}}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n"
        "  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
    )
    return script


def wrk(port: int, script: Path, connections: int, seconds: int) -> dict[str, float]:
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "--timeout",
            "5s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> dict[str, float]:
    def milliseconds(value: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    if set(latency) != {"50", "99"}:
        raise SystemExit("wrk gave no latency figures:\n" + output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "errors": (int(bad.group(1)) if bad else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
    }


def start_gunicorn(port: int, workers: int, static_root: Path, log: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=database_url(),
        DEBUG="0",
        HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1",
        SECRET_KEY="bench-" + "x" * 50,
        STATIC_ROOT=str(static_root),
    )
    subprocess.run(
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput"],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "-c",
            str(REPO / "deploy" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
            "archive.wsgi",
        ],
        cwd=REPO,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
            return process
        except OSError:
            time.sleep(0.2)
    os.killpg(process.pid, signal.SIGTERM)
    raise SystemExit("gunicorn did not start:\n" + log.read_text()[-2000:])


def workers_cpu_seconds(server: subprocess.Popen) -> float:
    """User + system CPU time of gunicorn's workers so far (psutil, as pgserver uses)."""
    import psutil

    total = 0.0
    for child in psutil.Process(server.pid).children():
        with contextlib.suppress(psutil.Error):
            times = child.cpu_times()
            total += times.user + times.system
    return total


def warm(port: int, paths: list[str], rounds: int, connections: int) -> int:
    """Request every path `rounds` times, `connections` at a time; the number of requests."""

    def fetch(path: str) -> None:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60).read()

    requests = [path for _ in range(rounds) for path in paths]
    with concurrent.futures.ThreadPoolExecutor(connections) as pool:
        list(pool.map(fetch, requests))
    return len(requests)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--warm-rounds", type=int, default=4, help="requests per URL and worker before measuring"
    )
    parser.add_argument(
        "--pages", default="", help="only these page types (comma-separated, as in the table)"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the database as it is (a shared one built elsewhere): never build or empty it",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    run.configure()
    if args.reuse:
        check_reused(run.BENCH_DATABASE)
    else:
        run.ensure_database()
        run.build(args.items)
    pages = page_sets()
    if args.pages:
        wanted = {name.strip() for name in args.pages.split(",")}
        pages = {label: paths for label, paths in pages.items() if label in wanted}
    from articles.models import Article

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        server = start_gunicorn(args.port, args.workers, folder / "static", folder / "gunicorn.log")
        try:
            print(
                f"{Article.objects.count():,} items; gunicorn with {args.workers} sync workers;"
                f" wrk -t2 -c{args.connections} -d{args.seconds}s; load before: "
                f"{os.getloadavg()[0]:.2f}; warm-up: each URL {args.warm_rounds}x per worker\n"
            )
            print(
                "| page | URLs | requests/s | p50 ms | p99 ms | errors | app CPU ms/request"
                " | build CPU ms/page | target |"
            )
            print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
            for label, paths in pages.items():
                cpu_before = workers_cpu_seconds(server)
                warmed = warm(args.port, paths, args.warm_rounds * args.workers, args.connections)
                built = len(paths) * args.workers if warmed else 1
                cold = (workers_cpu_seconds(server) - cpu_before) * 1000 / built
                script = lua_script(paths, folder)
                wrk(args.port, script, args.connections, 2)  # warm-up, not counted
                cpu_before = workers_cpu_seconds(server)
                result = wrk(args.port, script, args.connections, args.seconds)
                cpu = (workers_cpu_seconds(server) - cpu_before) * 1000 / max(1, result["requests"])
                met = (
                    result["rps"] >= TARGET_RPS
                    and result["p99"] < TARGET_P99_MS
                    and result["errors"] == 0
                )
                verdict = "met" if met else "MISSED"
                print(
                    f"| {label} | {len(paths)} | {result['rps']:.0f} | {result['p50']:.1f} |"
                    f" {result['p99']:.1f} | {result['errors']:.0f} | {cpu:.1f} |"
                    f" {cold:.1f} | {verdict} |",
                    flush=True,
                )
            print(f"\nload after: {os.getloadavg()[0]:.2f}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
