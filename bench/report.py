#!/usr/bin/env python3
"""Summarise one bench/run.sh run into results-<stamp>.md and results-<stamp>.json.

    report.py key=value ...

Keys given by run.sh (the render_* ones are render_report.py's): stamp, results_dir, workdir, manifest, pages_jsonl (of round 1), tiyan,
tiyan_version, time_file (round 1), curl_rc, curl_check (a JSON file), xmllint_rc, xmllint_files,
xmllint_bytes, options, and comma-separated lists with one value per round: tiyan_walls,
tiyan_rss_kb, curl_walls, xmllint_walls, nginx_tiyan_requests, nginx_floor_requests; loadavg
(before, after); floor_dl (tmpfs or disk: where curl wrote). With several rounds, wall times are the best (minimum) round, RSS the maximum.
Prints the Markdown to stdout. Python 3 standard library only.
"""

import collections
import json
import os
import platform
import subprocess
import sys

import crawl_profile
import render_report

AIM_RATIO = 1.5
AIM_RSS_MB = 300
AIM_SCRAPY = 5.0  # Scrapy's wall / tiyan's wall, at least
AIM_REPROBE_PPS = 300.0  # reprobe pages per second on one core, at least


def read_time_v(path):
    """Fields of GNU time -v output."""
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if ":" not in line:
                continue
            k, _, v = line.strip().rpartition(": ")
            out[k.strip()] = v.strip()
    return out


def version(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
        return (r.stdout + r.stderr).strip().splitlines()[0]
    except Exception:
        return None


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def mem_total_mb():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return None


def fnum(x, nd=2):
    return "n/a" if x is None else f"{x:.{nd}f}"


def main():
    a = dict(arg.split("=", 1) for arg in sys.argv[1:])
    f = lambda k: float(a[k]) if a.get(k) not in (None, "") else None
    i = lambda k: int(a[k]) if a.get(k) not in (None, "") else None
    fl_list = lambda k: [float(x) for x in a.get(k, "").split(",") if x]
    i_list = lambda k: [int(x) for x in a.get(k, "").split(",") if x]

    with open(a["manifest"], encoding="utf-8") as fh:
        manifest = json.load(fh)

    # tiyan's own record of what it fetched
    records = []
    with open(a["pages_jsonl"], encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                records.append(json.loads(line))
    responded = [r for r in records if r.get("status") is not None]
    errors = collections.Counter(r.get("error") for r in records if r.get("error"))
    roles = collections.Counter(r.get("role") for r in records)
    reached = {r.get("target") for r in records if r.get("status") == 200}
    tiyan_bytes = sum(int(r.get("bytes") or 0) for r in records)

    tv = read_time_v(a.get("time_file"))
    rss_list = i_list("tiyan_rss_kb")
    rss_mb = max(rss_list) / 1024 if rss_list else None
    tiyan_walls = fl_list("tiyan_walls")
    tiyan_wall = min(tiyan_walls) if tiyan_walls else None
    ran_tiyan = a.get("tiyan") not in (None, "", "skipped")

    curl_check = {}
    if a.get("curl_check") and os.path.exists(a["curl_check"]):
        with open(a["curl_check"], encoding="utf-8") as fh:
            curl_check = json.load(fh)
    curl_walls, xml_walls = fl_list("curl_walls"), fl_list("xmllint_walls")
    floors = [c + x for c, x in zip(curl_walls, xml_walls)]
    best = min(range(len(floors)), key=floors.__getitem__) if floors else None
    floor = floors[best] if floors else None
    curl_wall = curl_walls[best] if floors else None
    xml_wall = xml_walls[best] if floors else None
    ratio = tiyan_wall / floor if ran_tiyan and tiyan_wall and floor else None
    pps = len(responded) / tiyan_wall if ran_tiyan and tiyan_wall else None
    floor_pps = curl_check.get("ok", 0) / floor if floor else None

    scrapy_walls = fl_list("scrapy_walls")
    scrapy_wall = min(scrapy_walls) if scrapy_walls else None
    scrapy_stats = {}
    if a.get("scrapy_json") and os.path.exists(a["scrapy_json"]):
        with open(a["scrapy_json"], encoding="utf-8") as fh:
            scrapy_stats = json.load(fh)
    scrapy_ratio = scrapy_wall / tiyan_wall if scrapy_wall and ran_tiyan and tiyan_wall else None
    scrapy_rss = i_list("scrapy_rss_kb")

    reprobe_wall = f("reprobe_wall")
    reprobe_pps = len(responded) / reprobe_wall if reprobe_wall else None
    reprobe_profile = []
    if a.get("reprobe_profile") and os.path.exists(a["reprobe_profile"]):
        with open(a["reprobe_profile"], encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        reprobe_profile = [l for l in lines if l.startswith("profile:") or l[:1] == " "][:28]

    # The crawl's own --profile: wall time per stage and which process peaked.
    crawl_stages, crawl_memory = crawl_profile.read(a.get("crawl_profile"))

    rss_points = []
    for point in filter(None, a.get("rss_points", "").split(",")):
        n, kb, wall, crawl_mb, worker_mb = (point.split(":") + ["", ""])[:5]
        rss_points.append({"portals": int(n), "peak_rss_mb": round(int(kb) / 1024, 1), "wall_s": float(wall),
                           "crawl_process_mb": int(crawl_mb) if crawl_mb else None,
                           "probe_worker_mb": int(worker_mb) if worker_mb else None})

    render, render_md = render_report.section(a)
    result = {
        "stamp": a.get("stamp"),
        "options": a.get("options"),
        "rounds": max(len(tiyan_walls), len(floors)),
        "loadavg_1min": fl_list("loadavg"),
        "portals": len(manifest["portals"]),
        "pages_per_portal": manifest.get("pages"),
        "farm": {"html_files": manifest["html_files"], "html_bytes": manifest["html_bytes"],
                 "files": manifest["files"], "bytes": manifest["bytes"],
                 "gbk_portals": sum(1 for p in manifest["portals"] if p["charset"] == "gbk")},
        "tiyan": {
            "binary": a.get("tiyan"), "version": a.get("tiyan_version") or None, "exit": 0 if ran_tiyan else None,
            "records": len(records), "fetched": len(responded), "roles": dict(roles), "errors": dict(errors),
            "targets_reached": len(reached), "bytes": tiyan_bytes, "wall_s": tiyan_wall,
            "wall_s_rounds": tiyan_walls, "peak_rss_kb_rounds": rss_list,
            "user_s": float(tv["User time (seconds)"]) if "User time (seconds)" in tv else None,
            "sys_s": float(tv["System time (seconds)"]) if "System time (seconds)" in tv else None,
            "peak_rss_mb": round(rss_mb, 1) if rss_mb is not None else None,
            "pages_per_s": round(pps, 1) if pps is not None else None,
            "nginx_requests": i_list("nginx_tiyan_requests"),
        },
        "floor": {
            "wall_s": round(floor, 3) if floor is not None else None,
            "curl_wall_s": curl_wall, "curl_exit": i("curl_rc"), "curl": curl_check,
            "xmllint_wall_s": xml_wall, "xmllint_exit": i("xmllint_rc"),
            "wall_s_rounds": [round(x, 3) for x in floors], "curl_wall_s_rounds": curl_walls,
            "xmllint_wall_s_rounds": xml_walls,
            "xmllint_files": i("xmllint_files"), "xmllint_bytes": i("xmllint_bytes"),
            "transfers_per_s": round(floor_pps, 1) if floor_pps is not None else None,
            "nginx_requests": i_list("nginx_floor_requests"),
            "downloads_on": a.get("floor_dl") or None,
        },
        "ratio": round(ratio, 3) if ratio is not None else None,
        "scrapy": {"wall_s": scrapy_wall, "wall_s_rounds": scrapy_walls, "peak_rss_kb_rounds": scrapy_rss,
                   "stats": scrapy_stats,
                   "ratio_scrapy_over_tiyan": round(scrapy_ratio, 3) if scrapy_ratio is not None else None},
        "reprobe_one_core": {"wall_s": reprobe_wall, "peak_rss_kb": i("reprobe_rss_kb"),
                             "pages_per_s": round(reprobe_pps, 1) if reprobe_pps is not None else None},
        "rss_points": rss_points,
        "crawl_stages": crawl_stages, "crawl_memory": crawl_memory,
        "render": render,
        "aims": {"ratio_max": AIM_RATIO, "rss_mb_max": AIM_RSS_MB,
                 "ratio_met": (ratio <= AIM_RATIO) if ratio is not None else None,
                 "rss_met": (rss_mb < AIM_RSS_MB) if rss_mb is not None else None,
                 "scrapy_ratio_min": AIM_SCRAPY,
                 "scrapy_met": (scrapy_ratio >= AIM_SCRAPY) if scrapy_ratio is not None else None,
                 "reprobe_pps_min": AIM_REPROBE_PPS,
                 "reprobe_met": (reprobe_pps >= AIM_REPROBE_PPS) if reprobe_pps is not None else None},
        "machine": {"cpus": os.cpu_count(), "cpu": cpu_model(), "mem_mb": mem_total_mb(),
                    "kernel": platform.release(), "nginx": version(["nginx", "-v"]),
                    "curl": version(["curl", "--version"]), "xmllint": version(["xmllint", "--version"])},
    }

    def rounds(values):
        if len(values) < 2:
            return ""
        return f"; best of {len(values)} rounds: {', '.join(f'{v:.2f}' for v in values)}"

    def per_round(values):
        if not values:
            return "n/a"
        return str(values[0]) if len(set(values)) == 1 else " / ".join(map(str, values))

    def aim(met):
        return "" if met is None else (" — aim met" if met else " — **aim missed**")

    t, fl = result["tiyan"], result["floor"]
    md = [
        f"# tiyan crawl benchmark, {a.get('stamp')}",
        "",
        f"Farm: {result['portals']} portals × {result['pages_per_portal']} pages "
        f"({result['farm']['gbk_portals']} in GBK), {manifest['html_bytes'] / 1e6:.1f} MB of HTML, "
        f"served by nginx on loopback. Options: `{a.get('options')}`.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| portals | {result['portals']} |",
        f"| pages fetched by tiyan (records with a response / all records) | {t['fetched']} / {t['records']} |",
        f"| targets with at least one HTTP 200 | {t['targets_reached']} |",
        f"| total bytes (tiyan, decompressed bodies) | {tiyan_bytes:,} ({tiyan_bytes / 1e6:.1f} MB) |",
        f"| tiyan wall | {fnum(tiyan_wall)} s (round 1: user {fnum(t['user_s'])} s, sys {fnum(t['sys_s'])} s){rounds(tiyan_walls)} |",
        f"| floor wall (curl + xmllint) | {fnum(floor)} s (curl {fnum(curl_wall)} s, xmllint {fnum(xml_wall)} s){rounds(floors)} |",
        f"| ratio tiyan / floor | {fnum(ratio)}{aim(result['aims']['ratio_met'])} (aim ≤ {AIM_RATIO}) |",
        f"| pages per second (tiyan: records with a response / wall) | {fnum(pps, 1)} |",
        f"| tiyan peak RSS | {fnum(rss_mb, 1)} MB{aim(result['aims']['rss_met'])} (aim < {AIM_RSS_MB} MB) |",
        f"| Scrapy peer wall (same requests, lxml parse) | {fnum(scrapy_wall)} s{rounds(scrapy_walls)} |"
        if scrapy_walls else "| Scrapy peer | not run |",
        f"| ratio Scrapy / tiyan | {fnum(scrapy_ratio)}{aim(result['aims']['scrapy_met'])} (aim ≥ {AIM_SCRAPY}) |",
        f"| reprobe on one core (`taskset -c 0`) | {fnum(reprobe_wall)} s, {fnum(reprobe_pps, 1)} pages/s"
        f"{aim(result['aims']['reprobe_met'])} (aim ≥ {AIM_REPROBE_PPS:.0f}), peak RSS {fnum((i('reprobe_rss_kb') or 0) / 1024, 1)} MB |",
        f"| tiyan crawl by stage (`--profile`) | "
        + ("; ".join(f"{st['stage']} {st['wall_s']:.1f} s" for st in crawl_stages) or "n/a")
        + (f"; {crawl_memory}" if crawl_memory else "") + " |",
        f"| peak RSS against the crawl's size | "
        + (", ".join(f"{p['portals']} portals: {p['peak_rss_mb']} MB (crawl {p['crawl_process_mb']}, probe worker {p['probe_worker_mb']})"
                     for p in rss_points) or "not measured (--rss-portals)")
        + " |",
        f"| load average (1 min) before / after | {' / '.join(f'{x:.2f}' for x in result['loadavg_1min']) or 'n/a'} |",
        "",
        "Details:",
        "",
        (f"- tiyan: `{a.get('tiyan')}` {t['version'] or ''}, exit {t['exit']}; nginx served it {per_round(t['nginx_requests'])} requests; "
         if ran_tiyan else f"- tiyan not run (--pages-jsonl {a.get('pages_jsonl')}); ")
        + f"roles {dict(sorted(roles.items()))}; errors {dict(sorted(errors.items())) or 'none'}.",
        f"- floor: curl repeated {curl_check.get('transfers', 'n/a')} transfers ({curl_check.get('ok', 'n/a')} ok, "
        f"{curl_check.get('failed', 'n/a')} failed, {curl_check.get('bytes', 0) / 1e6:.1f} MB on the wire, exit {fl['curl_exit']}; "
        f"nginx served {per_round(fl['nginx_requests'])} requests; files written to {fl['downloads_on']}); xmllint parsed {fl['xmllint_files']} HTML files "
        f"({(fl['xmllint_bytes'] or 0) / 1e6:.1f} MB).",
        f"- machine: {result['machine']['cpus']} CPUs ({result['machine']['cpu']}), {result['machine']['mem_mb']} MB RAM, "
        f"{result['machine']['nginx']}, {result['machine']['curl']}, {result['machine']['xmllint']}.",
        "",
        "" if not reprobe_profile else "Profile of the reprobe on one core (`--profile`, top rows):\n\n```\n"
        + "\n".join(reprobe_profile) + "\n```\n",
        "The floor repeats tiyan's exact requests with `curl --parallel` and parses every downloaded HTML file "
        "with `xmllint --html`: the cost of fetching and parsing alone, on the same machine, in the same run "
        "(see bench/README.md). The rounds above crawl with `--render never`.",
    ] + render_md
    text = "\n".join(md) + "\n"
    base = os.path.join(a["results_dir"], f"results-{a['stamp']}")
    with open(base + ".md", "w", encoding="utf-8") as fh:
        fh.write(text)
    with open(base + ".json", "w", encoding="utf-8") as fh:
        json.dump(result, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    sys.stdout.write(text)
    print(f"\nwritten: {base}.md, {base}.json")


if __name__ == "__main__":
    main()
