#!/usr/bin/env python3
"""Helpers for bench/run.sh's floor measurement (Python 3 standard library only).

    floor.py prepare PAGES_JSONL DIR --connect-to ::127.0.0.1:PORT [--dl DLDIR]
        Reads tiyan's pages.jsonl and writes DIR/urls.cfg, a curl config that repeats exactly the
        requests tiyan made: the same URLs, in the same order and number, GET for pages, HEAD for
        link checks (role link_check; plus the GET tiyan retries with when the HEAD failed),
        IPv6-only for ipv6_probe, following redirects like tiyan;
        each transfer gets its own output file DLDIR/NNNNNN (DLDIR defaults to DIR/dl). Records
        tiyan skipped without a request (robots_disallowed) are left out. Also writes
        DIR/plan.json (one entry per transfer) and prints "TRANSFERS GET HEAD IPV6 BYTES", BYTES
        being the sum of tiyan's body sizes.

    floor.py synth FARM_MANIFEST OUT_JSONL
        Writes a pages.jsonl-shaped file listing every file of a generated farm (home as "/",
        robots.txt, role pages, scripts, styles, column and article pages), to exercise the floor
        without a tiyan binary.

    floor.py html-list DIR OUT
        After curl ran: writes OUT, the NUL-separated list of the downloaded files (DIR/plan.json)
        that are HTML (sniffed from their first bytes), for xmllint; prints "FILES BYTES".

    floor.py curl-check DIR WRITEOUT_LOG
        Compares curl's write-out log with the plan: prints a JSON summary (transfers, ok, failed,
        bytes downloaded, transfers that tiyan got with HTTP 2xx but curl did not).
"""

import json
import os
import sys
import urllib.parse

SAFE = ":/?#[]@!$&'()*+,;=%~"


def cfg_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def prepare(pages_jsonl, out_dir, connect_to, dl_dir=None):
    os.makedirs(out_dir, exist_ok=True)
    dl_dir = dl_dir or os.path.join(out_dir, "dl")
    os.makedirs(dl_dir, exist_ok=True)
    groups = {"GET": [], "HEAD": [], "IPV6": []}
    plan = []
    with open(pages_jsonl, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            url = rec.get("url")
            if not url or rec.get("error") == "robots_disallowed":
                continue
            role = rec.get("role") or ""
            kind = "HEAD" if role == "link_check" else "IPV6" if role == "ipv6_probe" else "GET"
            kinds = [kind]
            # tiyan retries a failed HEAD link check (an error, or 403/405/501) with a GET.
            if kind == "HEAD" and (rec.get("error") or rec.get("status") in (403, 405, 501)):
                kinds.append("GET")
            url = urllib.parse.quote(url, safe=SAFE)
            for k in kinds:
                out = os.path.join(dl_dir, f"{len(plan) + 1:06d}")
                entry = {"n": len(plan) + 1, "line": n, "kind": k, "role": role, "target": rec.get("target"),
                         "url": url, "final_url": rec.get("final_url"), "status": rec.get("status"),
                         "bytes": (rec.get("bytes") or 0) if k == kind else 0, "error": rec.get("error"),
                         "output": out}
                plan.append(entry)
                groups[k].append(entry)
    writeout = "%{url_effective}\\t%{http_code}\\t%{exitcode}\\t%{size_download}\\t%{time_total}\\t%{filename_effective}\\n"
    lines = []
    for kind, entries in groups.items():
        if not entries:
            continue
        if lines:
            lines.append("next")
        # Options of a group apply to every URL of the group (curl resets them at "next").
        lines += ["silent", "show-error", "globoff", "location", "max-redirs = 10", "compressed",
                  f"connect-to = {cfg_quote(connect_to)}", f"write-out = {cfg_quote(writeout)}",
                  "connect-timeout = 10", "max-time = 60"]
        if kind == "HEAD":
            lines.append("head")
        if kind == "IPV6":
            lines.append("ipv6")
        for e in entries:
            lines.append(f"url = {cfg_quote(e['url'])}")
            lines.append(f"output = {cfg_quote(e['output'])}")
    with open(os.path.join(out_dir, "urls.cfg"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out_dir, "plan.json"), "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False)
    counts = {k: len(v) for k, v in groups.items()}
    print(f"{len(plan)} {counts['GET']} {counts['HEAD']} {counts['IPV6']} {sum(e['bytes'] for e in plan)}")


def synth(manifest_path, out_jsonl):
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    farm = manifest["farm"]
    with open(out_jsonl, "w", encoding="utf-8") as out:
        for p in manifest["portals"]:
            root = os.path.join(farm, p["host"])
            files = []
            for dirpath, _, names in os.walk(root):
                for name in names:
                    files.append(os.path.relpath(os.path.join(dirpath, name), root))
            files.sort(key=lambda r: (r != "robots.txt", r != "index.html", r))
            for rel in files:
                path = "/" if rel == "index.html" else "/" + rel
                url = f"http://{p['host']}{path}"
                role = ("robots" if rel == "robots.txt" else "home" if rel == "index.html"
                        else "link_check" if rel.startswith(("art/", "col/")) else "page")
                size = os.path.getsize(os.path.join(root, rel))
                out.write(json.dumps({"target": p["id"], "role": role, "url": url, "final_url": url,
                                      "status": 200, "bytes": 0 if role == "link_check" else size,
                                      "ms": 0, "error": None}) + "\n")


def html_list(out_dir, out):
    files = nbytes = 0
    with open(os.path.join(out_dir, "plan.json"), encoding="utf-8") as f:
        plan = json.load(f)
    with open(out, "wb") as lst:
        for e in plan:
            path = e["output"]
            if e["kind"] == "HEAD" or not os.path.exists(path):
                continue
            with open(path, "rb") as f:
                head = f.read(2048).lower()
            if b"<html" in head or b"<!doctype html" in head:
                lst.write(path.encode() + b"\0")
                files += 1
                nbytes += os.path.getsize(path)
    print(f"{files} {nbytes}")


def curl_check(out_dir, log):
    with open(os.path.join(out_dir, "plan.json"), encoding="utf-8") as f:
        plan = json.load(f)
    by_output = {e["output"]: e for e in plan}
    seen = {}
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 6:
                continue
            url, code, rc, size, ttotal, fname = parts
            seen[fname] = (url, int(code or 0), int(rc or 0), int(float(size or 0)), float(ttotal or 0))
    ok = failed = dl_bytes = 0
    missing_ok = []
    final_mismatch = 0
    for e in plan:
        r = seen.get(e["output"])
        if r is None or r[2] != 0:
            failed += 1
            st = e.get("status") or 0
            if 200 <= st < 300 and not e.get("error"):
                missing_ok.append(e["url"])
            continue
        ok += 1
        dl_bytes += r[3]
        if e.get("final_url") and r[0] != urllib.parse.quote(e["final_url"], safe=SAFE):
            final_mismatch += 1
    print(json.dumps({"transfers": len(plan), "ok": ok, "failed": failed, "bytes": dl_bytes,
                      "final_url_mismatch": final_mismatch, "tiyan_ok_curl_failed": len(missing_ok),
                      "examples": missing_ok[:5], "unknown_outputs": len(set(seen) - set(by_output))}))


def main():
    a = sys.argv[1:]
    if len(a) in (5, 7) and a[0] == "prepare" and a[3] == "--connect-to" and (len(a) == 5 or a[5] == "--dl"):
        prepare(a[1], a[2], a[4], a[6] if len(a) == 7 else None)
    elif len(a) == 3 and a[0] == "synth":
        synth(a[1], a[2])
    elif len(a) == 3 and a[0] == "html-list":
        html_list(a[1], a[2])
    elif len(a) == 3 and a[0] == "curl-check":
        curl_check(a[1], a[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
