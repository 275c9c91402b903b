#!/usr/bin/env python3
"""Sample the memory of a tiyan crawl and of the Chromium it starts, from /proc, until it exits.

    browser_memory.py ROOT_PID OUT_JSON [--interval 0.2] [--progress STDERR_FILE]

ROOT_PID is the process tiyan runs under (GNU time, or tiyan itself). Every interval the
process tree under ROOT_PID is read from /proc; the browser is every process of it whose name
contains "chrom" (the browser, its zygotes, renderers, GPU and utility processes, the crash
handler) and their descendants. Each sample records the sum of their RSS (statm), the sum of
their PSS (smaps_rollup: shared pages counted once, split between the processes sharing them),
how many there are, tiyan's own RSS, and, with --progress, how many renders tiyan's stderr has
reported so far (lines "[target] render network_idle|load_only|time_cap ..."), so memory can be
read against the work done. tiyan's own peak is its VmHWM, read until it exits.

Writes OUT_JSON: {"interval_s", "samples": [[t_s, browser_rss_kb, browser_pss_kb, processes,
tiyan_rss_kb, renders], ...], "tiyan_hwm_kb", "tree_cpu_s" and "browser_cpu_s" (user + system
CPU of every process under ROOT_PID, and of the browser's, as last sampled: up to one interval of
each process's last CPU is missed), "peak": {...}}. Collects only: bench/report.py judges.
Python 3 standard library only.
"""

import argparse
import json
import os
import re
import time

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TICKS = os.sysconf("SC_CLK_TCK")
RENDER_LINE = re.compile(rb"\] render (?:network_idle|load_only|time_cap) ")


def processes():
    """pid -> (parent pid, name, state, CPU ticks used) of every process /proc shows."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue  # exited between listdir and open
        # The name is in parentheses and may itself hold spaces and parentheses.
        head, _, rest = stat.rpartition(b")")
        fields = rest.split()
        if len(fields) < 13:
            continue
        name = head.partition(b"(")[2].decode("utf-8", "replace")
        table[int(entry)] = (int(fields[1]), name, fields[0].decode(), int(fields[11]) + int(fields[12]))
    return table


def children_map(table):
    children = {}
    for pid, (ppid, *_) in table.items():
        children.setdefault(ppid, []).append(pid)
    return children


def descendants(children, root):
    out, stack = [], list(children.get(root, []))
    while stack:
        pid = stack.pop()
        out.append(pid)
        stack.extend(children.get(pid, []))
    return out


def browser_processes(table, children, root):
    """The Chromium processes under root: named chrom*, or below one that is."""
    found, stack = [], [(pid, False) for pid in children.get(root, [])]
    while stack:
        pid, inside = stack.pop()
        inside = inside or "chrom" in table[pid][1].lower()
        if inside:
            found.append(pid)
        stack.extend((child, inside) for child in children.get(pid, []))
    return found


def crawl_process(table, children, root):
    """tiyan's crawl: root itself, or root's child named tiyan (probe workers are its children)."""
    if table.get(root, (0, ""))[1] == "tiyan":
        return root
    return next((pid for pid in children.get(root, []) if table[pid][1] == "tiyan"), None)


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def pss_kb(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0


def status_kb(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return None


class RenderCounter:
    """Counts render lines in a growing log, reading only what was appended since last time."""

    def __init__(self, path):
        self.path, self.offset, self.count, self.partial = path, 0, 0, b""

    def update(self):
        if not self.path:
            return None
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read()
        except OSError:
            return self.count
        self.offset += len(data)
        lines = (self.partial + data).split(b"\n")
        self.partial = lines.pop()
        self.count += sum(1 for line in lines if RENDER_LINE.search(line))
        return self.count


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rpartition(b")")[2].split()[0] != b"Z"
    except (OSError, IndexError):
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", type=int)
    ap.add_argument("out")
    ap.add_argument("--interval", type=float, default=0.2)
    ap.add_argument("--progress", help="tiyan's stderr, to count the renders done")
    args = ap.parse_args()

    counter = RenderCounter(args.progress)
    samples, tiyan_hwm, start = [], None, time.monotonic()
    # pid -> the CPU ticks it had used when last seen. GNU time cannot give these: it counts only
    # the children that were waited for, and Chromium's renderers are not (a test: 1.3 s in
    # time's figure, 5.9 s sampled here, for one heavy page).
    tree_ticks, browser_ticks = {}, {}
    while alive(args.root):
        table = processes()
        children = children_map(table)
        browser = browser_processes(table, children, args.root)
        own = crawl_process(table, children, args.root)
        for pid in descendants(children, args.root):
            tree_ticks[pid] = table[pid][3]
        for pid in browser:
            browser_ticks[pid] = table[pid][3]
        if own is not None:
            tiyan_hwm = max(tiyan_hwm or 0, status_kb(own, "VmHWM") or 0)
        samples.append([round(time.monotonic() - start, 2), sum(map(rss_kb, browser)), sum(map(pss_kb, browser)),
                        len(browser), rss_kb(own) if own is not None else 0, counter.update()])
        time.sleep(args.interval)
    counter.update()

    def peak(column):
        return max((s[column] for s in samples), default=0)

    result = {"interval_s": args.interval, "samples": samples, "tiyan_hwm_kb": tiyan_hwm,
              # up to one interval of each process's last CPU use is missed
              "tree_cpu_s": round(sum(tree_ticks.values()) / TICKS, 2),
              "browser_cpu_s": round(sum(browser_ticks.values()) / TICKS, 2),
              "renders_seen": counter.count if args.progress else None,
              "peak": {"browser_rss_kb": peak(1), "browser_pss_kb": peak(2), "browser_processes": peak(3),
                       "tiyan_rss_kb": peak(4)}}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f)
        f.write("\n")


if __name__ == "__main__":
    main()
