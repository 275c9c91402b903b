#!/usr/bin/env python3
"""The renders a tiyan run archived, read from its archive.warc.gz.

    warc_renders.py ARCHIVE [OUT_JSON]

Each rendered page is a `conversion` record (the DOM after scripts, with X-Tiyan-Wait: how the
wait ended), usually a `resource` record (image/png, the first screen) and a `metadata` record
whose JSON has "kind": "render" (target, elapsedMilliseconds, the requests the page made). See
Sources/TiyanArchive/RenderLayout.swift. Prints (or writes to OUT_JSON) a JSON summary:
conversions, by wait outcome, by target, DOM and screenshot bytes, and per render the
milliseconds and request count from the metadata. A truncated archive is read up to the damage
and flagged, never a crash. Python 3 standard library only.
"""

import collections
import gzip
import json
import os
import sys
import zlib


def records(stream):
    """(header fields, block) of each WARC record; stops at the end or at a damaged record."""
    while True:
        line = stream.readline()
        if not line:
            return
        if not line.strip():
            continue  # the CRLF pair after a block, or padding between members
        if not line.startswith(b"WARC/"):
            raise ValueError(f"not a WARC record header: {line[:40]!r}")
        fields = {}
        while True:
            line = stream.readline()
            if not line:
                raise ValueError("archive ends inside a record header")
            line = line.rstrip(b"\r\n")
            if not line:
                break
            name, _, value = line.partition(b":")
            fields[name.strip().lower().decode("latin-1")] = value.strip().decode("utf-8", "replace")
        length = int(fields.get("content-length", "0"))
        block = stream.read(length)
        if len(block) != length:
            raise ValueError("archive ends inside a record block")
        yield fields, block


def summarise(path):
    waits, targets = collections.Counter(), collections.Counter()
    out = {"archive": path, "conversions": 0, "screenshots": 0, "dom_bytes": 0, "screenshot_bytes": 0,
           "renders": [], "damaged": None}
    try:
        with gzip.open(path, "rb") as stream:
            for fields, block in records(stream):
                kind = fields.get("warc-type")
                if kind == "conversion":
                    out["conversions"] += 1
                    out["dom_bytes"] += len(block)
                    waits[fields.get("x-tiyan-wait", "unknown")] += 1
                elif kind == "resource" and fields.get("content-type") == "image/png":
                    out["screenshots"] += 1
                    out["screenshot_bytes"] += len(block)
                elif kind == "metadata" and block.startswith(b'{') and b'"kind":"render"' in block:
                    meta = json.loads(block)
                    if meta.get("kind") != "render":
                        continue
                    targets[meta.get("target", "")] += 1
                    out["renders"].append({"target": meta.get("target"), "ms": meta.get("elapsedMilliseconds"),
                                           "requests": len(meta.get("requests") or []),
                                           "wait": meta.get("waitOutcome")})
    except (OSError, EOFError, ValueError, zlib.error) as error:
        out["damaged"] = str(error)
    out["by_wait"] = dict(sorted(waits.items()))
    out["by_target"] = dict(sorted(targets.items()))
    return out


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    if len(sys.argv) == 3 and os.path.exists(sys.argv[2]) and os.path.samefile(sys.argv[1], sys.argv[2]):
        sys.exit("warc_renders.py: OUT_JSON is the archive itself")
    text = json.dumps(summarise(sys.argv[1]), ensure_ascii=False)
    if len(sys.argv) == 3:
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
