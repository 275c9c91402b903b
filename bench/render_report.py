#!/usr/bin/env python3
"""The render measurement's part of results-*.md / .json (report.py calls section()).

    render_report.py line MEMORY_JSON RENDERS_JSON
        One line for run.sh's log: renders, wait outcomes, the browser's and tiyan's peaks.

Inputs, keys of report.py's key=value arguments, one comma-separated value per crawl in the order
run.sh made them (auto, never, auto, never, ...): render_kinds, render_walls, render_cpu (user +
system seconds from GNU time, which leaves out Chromium's renderers: kept in the JSON only; the
CPU figures come from browser_memory.py's samples), render_rss_kb (GNU
time's maximum RSS: the largest single process of the tree), render_nginx_requests,
render_memory (browser_memory.py's JSON), render_archives (warc_renders.py's JSON),
render_profiles (the crawl's stderr with --profile); and render_targets, render_manifest,
chromium_version. Speed is judged only as ratios against --render never in the same run.
Python 3 standard library only.
"""

import json
import os
import statistics
import sys

import crawl_profile


def _load(path):
    if not path or not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _mb(kb):
    return None if kb is None else round(kb / 1024, 1)


def _fnum(x, nd=2):
    return "n/a" if x is None else f"{x:.{nd}f}"


def slope(points):
    """Least-squares slope of y over x; None with fewer than two distinct x."""
    if len({x for x, _ in points}) < 2:
        return None
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


def growth(memory, renders):
    """Browser and tiyan memory against the renders done: the peak browser PSS while the first
    and the second half of the renders were made, and the slopes (kB per render) of the peak seen
    at each count of renders done. A browser that frees what each render used has flat halves
    and a slope near 0; one that keeps something per render climbs with the renders. Samples
    before the first render are left out: they show the browser starting, not rendering."""
    samples = [s for s in memory.get("samples", []) if s[3] > 0 and s[5]]
    if not samples or not renders:
        return None
    half = renders / 2
    first = [s[2] for s in samples if s[5] <= half]
    second = [s[2] for s in samples if s[5] > half]

    def peaks(column):
        by_count = {}
        for s in samples:
            if s[column]:
                by_count[s[5]] = max(by_count.get(s[5], 0), s[column])
        return sorted(by_count.items())

    pss_slope, rss_slope, tiyan_slope = slope(peaks(2)), slope(peaks(1)), slope(peaks(4))
    return {"samples": len(samples),
            "browser_pss_peak_mb_first_half": _mb(max(first)) if first else None,
            "browser_pss_peak_mb_second_half": _mb(max(second)) if second else None,
            "browser_pss_kb_per_render": round(pss_slope, 1) if pss_slope is not None else None,
            "browser_rss_kb_per_render": round(rss_slope, 1) if rss_slope is not None else None,
            "tiyan_rss_kb_per_render": round(tiyan_slope, 1) if tiyan_slope is not None else None}


def section(a):
    """(JSON object, Markdown lines) for the render measurement; (None, []) when it did not run."""
    kinds = [k for k in a.get("render_kinds", "").split(",") if k]
    if not kinds:
        return None, []
    column = lambda key: (a.get(key, "").split(",") + [""] * len(kinds))[:len(kinds)]
    walls = [float(x) if x else None for x in column("render_walls")]
    time_cpu = [float(x) if x else None for x in column("render_cpu")]
    rss = [int(x) if x else None for x in column("render_rss_kb")]
    nginx = [int(x) if x else None for x in column("render_nginx_requests")]
    memory = [_load(p) for p in column("render_memory")]
    cpu = [m.get("tree_cpu_s") for m in memory]
    archives = [_load(p) for p in column("render_archives")]
    profiles = [crawl_profile.read(p) for p in column("render_profiles")]
    auto = [i for i, k in enumerate(kinds) if k == "auto"]
    never = [i for i, k in enumerate(kinds) if k == "never"]
    best = lambda idx: min((i for i in idx if walls[i] is not None), key=walls.__getitem__, default=None)
    ba, bn = best(auto), best(never)
    wall_auto = walls[ba] if ba is not None else None
    wall_never = walls[bn] if bn is not None else None
    ratio = wall_auto / wall_never if wall_auto and wall_never else None
    extra = wall_auto - wall_never if wall_auto is not None and wall_never is not None else None

    arch = archives[ba] if ba is not None else {}
    renders = arch.get("conversions")
    per_second = renders / extra if renders and extra and extra > 0 else None
    # CPU is the figure a busy machine moves least: what rendering cost, whoever waited for it.
    least = lambda idx: min((cpu[i] for i in idx if cpu[i] is not None), default=None)
    cpu_auto, cpu_never = least(auto), least(never)
    extra_cpu = cpu_auto - cpu_never if cpu_auto is not None and cpu_never is not None else None
    browser_cpu = memory[ba].get("browser_cpu_s") if ba is not None else None
    ms = sorted(r["ms"] for r in arch.get("renders", []) if isinstance(r.get("ms"), (int, float)))
    by_target = arch.get("by_target", {})
    spa_ids = {p["id"] for p in _load(a.get("render_manifest")).get("spa_portals", [])}
    spa_counts = [n for t, n in by_target.items() if t in spa_ids]
    classic_counts = [n for t, n in by_target.items() if t not in spa_ids]

    def peak(idx, key):
        values = [memory[i].get("peak", {}).get(key) for i in idx if memory[i]]
        return max((v for v in values if v is not None), default=None)

    def hwm(idx):
        return max((memory[i].get("tiyan_hwm_kb") or 0 for i in idx if memory[i]), default=None) or None

    grow = growth(memory[ba], renders) if ba is not None else None
    result = {
        "targets": int(a["render_targets"]) if a.get("render_targets") else None,
        "script_built_targets": len(spa_ids),
        "chromium": a.get("chromium_version") or None,
        "crawls": [{"render": k, "wall_s": walls[i], "cpu_s": cpu[i], "cpu_s_gnu_time": time_cpu[i],
                    "largest_process_rss_kb": rss[i], "nginx_requests": nginx[i],
                    "renders": archives[i].get("conversions"), "by_wait": archives[i].get("by_wait"),
                    "archive_damaged": archives[i].get("damaged"),
                    "renders_in_progress_lines": memory[i].get("renders_seen"),
                    "browser_peak": memory[i].get("peak"), "tiyan_hwm_kb": memory[i].get("tiyan_hwm_kb"),
                    "stages": profiles[i][0], "memory_profile": profiles[i][1]}
                   for i, k in enumerate(kinds)],
        "wall_s_auto": wall_auto, "wall_s_never": wall_never,
        "ratio_auto_over_never": round(ratio, 3) if ratio is not None else None,
        "extra_wall_s": round(extra, 3) if extra is not None else None,
        "renders": renders, "by_wait": arch.get("by_wait"),
        "renders_per_script_built_target": round(statistics.fmean(spa_counts), 2) if spa_counts else None,
        "renders_per_classic_target": round(statistics.fmean(classic_counts), 2) if classic_counts else None,
        "pages_rendered_per_s": round(per_second, 2) if per_second is not None else None,
        "cpu_s_auto": cpu_auto, "cpu_s_never": cpu_never,
        "cpu_ratio_auto_over_never": round(cpu_auto / cpu_never, 3) if cpu_auto and cpu_never else None,
        "extra_cpu_s_per_render": round(extra_cpu / renders, 3) if extra_cpu is not None and renders else None,
        "browser_cpu_s": browser_cpu,
        "browser_cpu_s_per_render": round(browser_cpu / renders, 3) if browser_cpu is not None and renders else None,
        "render_ms": {"median": statistics.median(ms), "p90": ms[int(0.9 * (len(ms) - 1))], "max": ms[-1]} if ms else None,
        "dom_bytes": arch.get("dom_bytes"), "screenshot_bytes": arch.get("screenshot_bytes"),
        "browser_peak_rss_mb": _mb(peak(auto, "browser_rss_kb")),
        "browser_peak_pss_mb": _mb(peak(auto, "browser_pss_kb")),
        "browser_peak_processes": peak(auto, "browser_processes"),
        "browser_processes_with_render_never": peak(never, "browser_processes"),
        "tiyan_peak_rss_mb_auto": _mb(hwm(auto)), "tiyan_peak_rss_mb_never": _mb(hwm(never)),
        "largest_process_rss_mb_auto": _mb(max((rss[i] for i in auto if rss[i]), default=None)),
        "largest_process_rss_mb_never": _mb(max((rss[i] for i in never if rss[i]), default=None)),
        "memory_against_renders": grow,
    }
    return result, markdown(result, walls, kinds, nginx, profiles, ba, bn)


def markdown(r, walls, kinds, nginx, profiles, ba, bn):
    def rounds(kind):
        values = [w for w, k in zip(walls, kinds) if k == kind and w is not None]
        return f"; best of {len(values)}: {', '.join(f'{v:.2f}' for v in values)}" if len(values) > 1 else ""

    def stages(i):
        if i is None or not profiles[i][0]:
            return "n/a"
        return "; ".join(f"{s['stage']} {s['wall_s']:.1f} s" for s in profiles[i][0])

    g = r["memory_against_renders"] or {}
    waits = ", ".join(f"{k} {v}" for k, v in (r["by_wait"] or {}).items()) or "none"
    ms = r["render_ms"]
    first_auto = next((c for c in r["crawls"] if c["render"] == "auto"), {})
    seen = first_auto.get("renders_in_progress_lines")
    per_target = (f"; per script-built target {_fnum(r['renders_per_script_built_target'], 1)}, "
                  f"per classic target {_fnum(r['renders_per_classic_target'], 1)}")
    req_auto = nginx[ba] if ba is not None else None
    req_never = nginx[bn] if bn is not None else None
    return [
        "",
        "## Rendering: `--render auto` against `--render never`",
        "",
        f"Targets: {r['targets']} ({r['targets'] - r['script_built_targets'] if r['targets'] else 'n/a'} classic portals, "
        f"{r['script_built_targets']} script-built: a shell whose pages a bundle builds from a JSON API along hash routes), "
        f"the same binary and farm for both modes, alternated. Browser: {r['chromium'] or 'n/a'}.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| wall, `--render never` | {_fnum(r['wall_s_never'])} s{rounds('never')} |",
        f"| wall, `--render auto` | {_fnum(r['wall_s_auto'])} s{rounds('auto')} |",
        f"| ratio auto / never | {_fnum(r['ratio_auto_over_never'])} (extra wall {_fnum(r['extra_wall_s'])} s) |",
        f"| renders done (conversion records in archive.warc.gz) | {r['renders'] if r['renders'] is not None else 'n/a'} "
        f"({waits}){per_target}; render lines on stderr: {seen if seen is not None else 'n/a'} |",
        f"| pages rendered per second (renders / extra wall) | {_fnum(r['pages_rendered_per_s'])}"
        + (" (auto was not slower: the load of the machine outweighed rendering; see CPU)"
           if r['extra_wall_s'] is not None and r['extra_wall_s'] <= 0 else "") + " |",
        f"| CPU, user + system of every process under tiyan (sampled from /proc) | auto {_fnum(r['cpu_s_auto'])} s, never {_fnum(r['cpu_s_never'])} s, "
        f"ratio {_fnum(r['cpu_ratio_auto_over_never'])}; {_fnum(r['extra_cpu_s_per_render'], 3)} s more per render; "
        f"Chromium's own processes {_fnum(r['browser_cpu_s'])} s ({_fnum(r['browser_cpu_s_per_render'], 3)} s per render) |",
        f"| time per render (navigation to capture) | "
        + (f"median {ms['median']:.0f} ms, p90 {ms['p90']} ms, max {ms['max']} ms" if ms else "n/a") + " |",
        f"| browser peak memory (sum over Chromium's processes, sampled every 200 ms) | RSS {_fnum(r['browser_peak_rss_mb'], 1)} MB, "
        f"PSS {_fnum(r['browser_peak_pss_mb'], 1)} MB, {r['browser_peak_processes'] or 0} processes "
        f"(with `--render never`: {r['browser_processes_with_render_never'] or 0} processes) |",
        f"| browser memory against renders | peak PSS {_fnum(g.get('browser_pss_peak_mb_first_half'), 1)} MB in the first half "
        f"of the renders, {_fnum(g.get('browser_pss_peak_mb_second_half'), 1)} MB in the second; slope "
        f"{_fnum(g.get('browser_pss_kb_per_render'), 1)} kB PSS per render ({_fnum(g.get('browser_rss_kb_per_render'), 1)} kB RSS); "
        f"tiyan {_fnum(g.get('tiyan_rss_kb_per_render'), 1)} kB per render |",
        f"| tiyan peak RSS (crawl process, VmHWM) | auto {_fnum(r['tiyan_peak_rss_mb_auto'], 1)} MB, "
        f"never {_fnum(r['tiyan_peak_rss_mb_never'], 1)} MB |",
        f"| largest single process (GNU time) | auto {_fnum(r['largest_process_rss_mb_auto'], 1)} MB, "
        f"never {_fnum(r['largest_process_rss_mb_never'], 1)} MB |",
        f"| requests nginx served | auto {req_auto if req_auto is not None else 'n/a'}, never {req_never if req_never is not None else 'n/a'} |",
        f"| rendered DOM / screenshots archived | {(r['dom_bytes'] or 0) / 1e6:.1f} MB / {(r['screenshot_bytes'] or 0) / 1e6:.1f} MB |",
        f"| crawl by stage, auto (`--profile`) | {stages(ba)} |",
        f"| crawl by stage, never | {stages(bn)} |",
        "",
        "RSS sums count the pages Chromium's processes share once per process; PSS splits each shared page "
        "between its sharers, so the PSS sum is what the browser costs the machine.",
    ]


def line(memory_path, renders_path):
    m, r = _load(memory_path), _load(renders_path)
    p = m.get("peak", {})
    return (f"{r.get('conversions')} renders {r.get('by_wait')}, browser peak RSS {_fnum(_mb(p.get('browser_rss_kb')), 1)} MB "
            f"(PSS {_fnum(_mb(p.get('browser_pss_kb')), 1)} MB, {p.get('browser_processes')} processes), "
            f"tiyan peak {_fnum(_mb(m.get('tiyan_hwm_kb')), 1)} MB")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "line":
        print(line(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__.split("\n\n")[1])
