"""The section of bench/results.md that one run appends: the figures and the goals table."""

import datetime as dt
import statistics

from bench.measure.common import (
    API_PATH,
    GOAL_API_SHARE,
    GOAL_COMPUTE_RATIO,
    GOAL_DASHBOARD_P95_MS,
    GOAL_REFERRALS_P95_MS,
    GOAL_WORKLIST_P95_MS,
    LIAISON_FORCE,
    TRIVIAL_PATH,
    PageResult,
    _ms,
)
from bench.measure.compute import ComputeResult
from bench.measure.served import ROUNDS, ServedResult


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def report(
    *,
    scale: str,
    today: dt.date,
    env: dict,
    rows: dict[str, int],
    compute: ComputeResult,
    pages: list[PageResult],
    api: PageResult,
    served: ServedResult | None,
    worklist: list[PageResult] = (),
) -> str:
    lines = [
        f"## Scale {scale}, {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        "",
        f"Machine: {env['cpus']} CPUs, {env['memory']} memory; PostgreSQL {env['postgres']}, "
        f"Python {env['python']}. Figures as of {today.isoformat()}. Load average at the "
        f"start (1, 5, 15 minutes): {env.get('load', 'unknown')}.",
        "",
        "Rows: " + ", ".join(f"{count} {name}" for name, count in rows.items()) + ".",
        "",
        "### 1. compute_timeliness against bare SQL",
        "",
        "`timeliness_compute(today=...)` in-process (the grouped queries, merging in Python, "
        "replacing the snapshots) against the bare aggregate queries in bench/bare_sql.py "
        "(the same counts, grouped by financial year and force; fetched, nothing written), "
        f"{len(compute.compute_runs)} runs each.",
        "",
        "| | best | median |",
        "|---|---|---|",
        f"| compute_timeliness | {_ms(min(compute.compute_runs))} | "
        f"{_ms(statistics.median(compute.compute_runs))} |",
        f"| bare SQL | {_ms(min(compute.bare_runs))} | "
        f"{_ms(statistics.median(compute.bare_runs))} |",
        f"| ratio | {compute.best_ratio:.2f}x | {compute.ratio:.2f}x |",
        "",
        f"Snapshots written: {compute.snapshots}. Parity of the bare SQL counts with the "
        "snapshots (every year, per force and in total): "
        + (
            "all equal."
            if not compute.mismatches
            else f"{len(compute.mismatches)} differ, for example {compute.mismatches[:3]}."
        ),
        "",
        "### 2 and 3. Pages (in-process)",
        "",
        "Django's test Client in the benchmark's own process, signed in as a manager (Your "
        "work: as the owner of the most open investigations): each "
        "time is from the request to the complete response (for these non-streamed pages, "
        "time to first byte), without the network, the web server or TLS.",
        "",
        "| page | requests | p50 | p95 | SQL queries per request |",
        "|---|---|---|---|---|",
    ]
    for page in [*pages, *worklist]:
        lines.append(
            f"| {page.label}: `{page.path}` | {len(page.timings)} | {_ms(page.p50)} | "
            f"{_ms(page.p95)} | {page.queries} |"
        )
    lines += [
        "",
        "### 4. Liaison API under gunicorn",
        "",
    ]
    if served is None:
        lines += ["Not measured (skipped).", ""]
    else:
        lines += [
            f"`GET {API_PATH}` as a force liaison of {LIAISON_FORCE} with a token (a page of "
            f"50 summaries), served by gunicorn ({served.workers} sync workers) on 127.0.0.1, "
            f"from {served.concurrency} concurrent urllib clients, against the trivial JSON "
            f"endpoint `GET {TRIVIAL_PATH}` (who the token belongs to) with the same token "
            "through the same stack: middleware, token authentication, throttles. For "
            "reference, the list's 401 answer without a token, which skips authentication and "
            f"the database. The three loads run in {ROUNDS} alternating rounds, summed.",
            "",
            "| endpoint | requests | seconds | requests per second | statuses |",
            "|---|---|---|---|---|",
        ]
        rows = [
            (f"`{API_PATH}` as the liaison", served.liaison),
            (f"`{TRIVIAL_PATH}` as the liaison (baseline)", served.baseline),
            (f"`{API_PATH}` without a token (401)", served.refused),
        ]
        for label, result in rows:
            lines.append(
                f"| {label} | {result.requests} | {result.seconds:.2f} | "
                f"{result.per_second:.1f} | {dict(sorted(result.statuses.items()))} |"
            )
        lines += ["", f"Liaison throughput is {served.share:.2f}x the trivial endpoint's.", ""]
    lines += [
        "### 5. SQL queries per request",
        "",
        "| request | queries |",
        "|---|---|",
        *[f"| {page.label} | {page.queries} |" for page in [*pages, *worklist]],
        f"| {api.label}: `{api.path}` (APIClient with the token) | {api.queries} |",
        "",
        f"In-process API timing for reference: p50 {_ms(api.p50)}, p95 {_ms(api.p95)} "
        f"over {len(api.timings)} requests.",
        "",
        "### Goals",
        "",
        "| goal | measured | |",
        "|---|---|---|",
        f"| compute_timeliness within {GOAL_COMPUTE_RATIO}x of bare SQL (medians) | "
        f"{compute.ratio:.2f}x | {_met(compute.ratio <= GOAL_COMPUTE_RATIO)} |",
    ]
    dashboard = pages[0]
    referrals = pages[1:]
    worst = max(referrals, key=lambda p: p.p95)
    lines += [
        f"| Dashboard p95 < {GOAL_DASHBOARD_P95_MS} ms | {_ms(dashboard.p95)} | "
        f"{_met(dashboard.p95 * 1000 < GOAL_DASHBOARD_P95_MS)} |",
        f"| Referral list p95 < {GOAL_REFERRALS_P95_MS} ms (worse of first and last page) | "
        f"{_ms(worst.p95)} | {_met(worst.p95 * 1000 < GOAL_REFERRALS_P95_MS)} |",
    ]
    if served is None:
        lines.append(
            "| Liaison API at least half the trivial endpoint's throughput | not measured | |"
        )
    else:
        lines.append(
            f"| Liaison API at least {GOAL_API_SHARE:g}x the trivial endpoint's throughput | "
            f"{served.share:.2f}x ({served.liaison.per_second:.0f} against "
            f"{served.baseline.per_second:.0f} per second) | "
            f"{_met(served.share >= GOAL_API_SHARE)} |"
        )
    if worklist:
        slowest = max(worklist, key=lambda p: p.p95)
        lines.append(
            f"| Your work p95 < {GOAL_WORKLIST_P95_MS} ms (slowest of its page, its API and "
            f"a manager's home) | {_ms(slowest.p95)} | "
            f"{_met(slowest.p95 * 1000 < GOAL_WORKLIST_P95_MS)} |"
        )
    lines.append("")
    return "\n".join(lines) + "\n"
