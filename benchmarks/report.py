"""The benchmark's report: tables of medians, and each budget met or not."""

from __future__ import annotations

import json
import time
from pathlib import Path

BIG = 100_000
"""From this size, the budgets of a library that should feel like one of 1,000."""
NAN = float("nan")


def _median(summary: dict, scale: float = 1.0) -> float:
    return summary.get("median", NAN) * scale if summary.get("n") else NAN


def budgets(results: dict) -> list[tuple[str, str, bool]]:
    """Each budget: what it says, what was measured, met or not."""
    bare = results["startup"]["bare"]["median"]
    bare_rss = results["memory_kb"]["bare"]["median"]
    standard = results["standard"]
    rows = []

    def ratio(name: str) -> float:
        return float(results["startup"][name]["median"] / bare)

    rows.append(("(a) bundled ≤ 1.3× bare", f"{ratio('bundled'):.2f}×", ratio("bundled") <= 1.3))
    rows.append(
        (f"(a) {standard} warm ≤ 1.6× bare", f"{ratio(standard):.2f}×", ratio(standard) <= 1.6)
    )
    cold = results["cold"][standard]
    first = _median(cold["first_frame"]) / bare
    rows.append((f"(a) {standard} cold first frame ≤ 2×", f"{first:.2f}×", first <= 2))
    listed = _median(cold["list_complete"])
    rows.append((f"(a) {standard} cold list ≤ 5 s", f"{listed:.2f} s", listed <= 5))
    indexed = _median(cold["index_complete"])
    rows.append((f"(a) {standard} cold index ≤ 10 s", f"{indexed:.2f} s", indexed <= 10))
    one = results["opening"]["1m"]
    shown = _median(one["first_screen"])
    rows.append(("(b) 1 MB first screen ≤ 0.5 s", f"{shown:.3f} s", shown <= 0.5))
    keys = max(case["key_max"].get("max", NAN) for case in results["opening"].values())
    rows.append(("(b) keys answered ≤ 100 ms", f"{keys * 1000:.0f} ms", keys <= 0.1))
    p95 = results["search_layer"].get("p95", NAN)
    rows.append(("(c) search p95 ≤ 30 ms", f"{p95 * 1000:.1f} ms", p95 <= 0.03))
    key = results["search_keystroke"].get("p95", NAN)
    rows.append(("(c) keystroke → list ≤ 100 ms (p95)", f"{key * 1000:.0f} ms", key <= 0.1))
    for name, label in (("bookmark_toggle", "bookmark toggle"), ("position_save", "position save")):
        value = results["state"][name].get("p95", NAN)
        rows.append((f"(d) {label} p95 ≤ 10 ms", f"{value * 1000:.2f} ms", value <= 0.01))
    extra = (results["memory_kb"][standard]["median"] - bare_rss) / 1024
    rows.append((f"(e) {standard} memory ≤ bare + 80 MB", f"+{extra:.0f} MB", extra <= 80))
    for name, tier in results["tiers"].items():
        quit_time = _median(tier["quit"])
        rows.append((f"(f) {name}: quit ≤ 0.3 s", f"{quit_time:.2f} s", quit_time <= 0.3))
        if "quit_busy" in tier:  # not in results from before it was measured
            busy = _median(tier["quit_busy"])
            label = f"(f) {name}: quit while opening ≤ 0.3 s"
            rows.append((label, f"{busy:.2f} s", busy <= 0.3))
    rows += big_budgets(results, bare, bare_rss)
    for name in results.get("notes", []):
        share = _median(results["tiers"][name]["cache_ratio"])
        rows.append((f"(h) {name}: cache ≤ 0.8× Markdown", f"{share:.2f}×", share <= 0.8))
    return rows


def big_budgets(results: dict, bare: float, bare_rss: float) -> list[tuple[str, str, bool]]:
    """The budgets of libraries of 100,000 articles and more."""
    rows = []
    counts = results["counts"]
    standard = results["standard"]
    per_standard = _median(results["cold"][standard]["index_complete"]) / counts[standard]
    for name, tier in results["tiers"].items():
        if counts[name] < BIG:
            continue
        cold = results["cold"][name]
        first = _median(cold["first_titles"])
        rows.append((f"(g) {name} cold: first titles ≤ 1 s", f"{first:.2f} s", first <= 1))
        listed = _median(cold["list_complete"])
        rows.append((f"(g) {name} cold: complete list ≤ 20 s", f"{listed:.1f} s", listed <= 20))
        indexed = _median(cold["index_complete"])
        rows.append((f"(g) {name} cold: index ≤ 60 s", f"{indexed:.1f} s", indexed <= 60))
        growth = (indexed / counts[name]) / per_standard
        rows.append(
            (
                f"(g) per article, {standard} → {name}: within 20 %",
                f"{growth:.2f}×",
                growth <= 1.2,
            )
        )
        share = _median(tier["cache_ratio"])
        rows.append((f"(g) {name} cache ≤ 0.6× Markdown", f"{share:.2f}×", share <= 0.6))
        warm = float(results["startup"][name]["median"]) / bare
        rows.append((f"(g) {name} warm start ≤ 1.3× bare", f"{warm:.2f}×", warm <= 1.3))
        whole = _median(tier["list_complete"])
        rows.append((f"(g) {name} warm: complete list ≤ 1 s", f"{whole:.2f} s", whole <= 1))
        extra = (_median(tier["rss_kb"]) - bare_rss) / 1024
        rows.append((f"(g) {name} memory ≤ bare + 200 MB", f"+{extra:.0f} MB", extra <= 200))
        search = _median(tier["cli_search"])
        rows.append((f"(g) {name} `search --json` ≤ 0.2 s", f"{search:.2f} s", search <= 0.2))
        listing = _median(tier["cli_list"])
        rows.append((f"(g) {name} `list --json` ≤ 1.5 s", f"{listing:.2f} s", listing <= 1.5))
    return rows


def _seconds(summary: dict, digits: int = 2) -> str:
    if not summary.get("n"):
        return "–"
    return f"{summary['median']:.{digits}f} s"


def markdown(results: dict) -> str:
    bare = results["startup"]["bare"]["median"]
    lines = [
        f"Machine: {results['machine']['platform']}, Python {results['machine']['python']}, "
        f"{results['machine']['cpus']} CPUs; {results['runs']} interleaved runs per case, "
        f"whole run {results['seconds']} s.",
        "",
        "| startup (spawn → first title) | median | min – max | vs bare | peak RSS |",
        "|---|---|---|---|---|",
    ]
    for name, summary in results["startup"].items():
        rss = results["memory_kb"][name].get("median", 0) / 1024
        lines.append(
            f"| {name} | {summary['median']:.3f} s | {summary['min']:.3f} – {summary['max']:.3f} s"
            f" | {summary['median'] / bare:.2f}× | {rss:.0f} MB |"
        )
    lines += [
        "",
        "| size | cold: first titles | cold: complete list | cold: index complete | "
        "per article | cache / Markdown | warm: complete list | warm RSS | `search --json` | "
        "`list --json` | quit | quit while opening |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, tier in results["tiers"].items():
        cold = results["cold"][name]
        per = _median(cold["index_complete"]) / results["counts"][name] * 1000
        lines.append(
            f"| {name} | {_seconds(cold['first_titles'])} | {_seconds(cold['list_complete'], 1)}"
            f" | {_seconds(cold['index_complete'], 1)} | {per:.2f} ms"
            f" | {_median(tier['cache_ratio']):.2f}× | {_seconds(tier['list_complete'])}"
            f" | {_median(tier['rss_kb'], 1 / 1024):.0f} MB | {_seconds(tier['cli_search'])}"
            f" | {_seconds(tier['cli_list'])} | {_seconds(tier['quit'])}"
            f" | {_seconds(tier.get('quit_busy', {}))} |"
        )
    lines += ["", "| other | median | p95 / max |", "|---|---|---|"]
    for name, cases in results["opening"].items():
        first = cases["first_screen"]
        keys = cases["key_max"]
        if first.get("n"):
            lines.append(
                f"| open {name} article: Enter → first screen | {first['median'] * 1000:.0f} ms |"
                f" max {first['max'] * 1000:.0f} ms |"
            )
        if keys.get("n"):
            lines.append(
                f"| open {name}: slowest key while rendering | {keys['median'] * 1000:.0f} ms |"
                f" max {keys['max'] * 1000:.0f} ms |"
            )
    for key, label in (
        ("search_layer", f"search layer, 20 queries at {results['cold_size']:,}"),
        ("search_keystroke", "keystroke → updated list"),
    ):
        summary = results[key]
        if summary.get("n"):
            lines.append(
                f"| {label} | {summary['median'] * 1000:.1f} ms | p95 "
                f"{summary['p95'] * 1000:.1f} ms |"
            )
    for key, label in (("bookmark_toggle", "bookmark toggle"), ("position_save", "position save")):
        summary = results["state"][key]
        lines.append(
            f"| {label} | {summary['median'] * 1000:.2f} ms | p95 {summary['p95'] * 1000:.2f} ms |"
        )
    lines += ["", "| budget | measured | met |", "|---|---|---|"]
    for label, measured, met in budgets(results):
        lines.append(f"| {label} | {measured} | {'yes' if met else '**NO**'} |")
    return "\n".join(lines) + "\n"


def report(results: dict, out: Path) -> None:
    text = markdown(results)
    print(text)
    if results.get("quick"):
        return
    out.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out / f"{stamp}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    (out / "latest.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    (out / "latest.md").write_text(text, encoding="utf-8")
