#!/usr/bin/env python3
"""The Scrapy peer of bench/run.sh: the requests tiyan made, made again by Scrapy (Debian's
python3-scrapy) with tiyan's concurrency, each HTML response parsed with lxml.

    scrapy_peer.py PLAN_JSON PORT OUT_JSON [--concurrency 32] [--per-host 8]

PLAN_JSON is floor.py's plan.json (one entry per transfer: method and URL). Every request goes to
127.0.0.1:PORT with the original Host header (what --connect-to does for tiyan and curl); IPv6-only
probes are made over IPv4, as the farm has no IPv6. Writes OUT_JSON: requests, responses, HTML
pages parsed, bytes, and the failures. What is timed is the whole process (run.sh wraps it in
/usr/bin/time), as for tiyan.
"""

import argparse
import json
import sys
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("plan")
    parser.add_argument("port", type=int)
    parser.add_argument("out")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--per-host", type=int, default=8)
    args = parser.parse_args()

    try:
        import scrapy
        from scrapy.crawler import CrawlerProcess
        import lxml.html
    except ImportError as error:
        print(f"scrapy_peer: {error} (apt-get install python3-scrapy)", file=sys.stderr)
        return 3

    with open(args.plan, encoding="utf-8") as f:
        plan = json.load(f)
    entries = plan["transfers"] if isinstance(plan, dict) else plan
    stats = {"requests": 0, "responses": 0, "html_parsed": 0, "bytes": 0, "failures": 0, "failure_examples": []}

    class Peer(scrapy.Spider):
        name = "tiyan-peer"
        custom_settings = {
            "CONCURRENT_REQUESTS": args.concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": args.per_host,
            "CONCURRENT_REQUESTS_PER_IP": 0,
            "DOWNLOAD_DELAY": 0,
            "ROBOTSTXT_OBEY": False,
            "COOKIES_ENABLED": True,
            "RETRY_ENABLED": False,
            "REDIRECT_ENABLED": True,
            "HTTPERROR_ALLOW_ALL": True,
            "LOG_LEVEL": "ERROR",
            "TELNETCONSOLE_ENABLED": False,
            "DOWNLOAD_TIMEOUT": 30,
            "REACTOR_THREADPOOL_MAXSIZE": 4,
        }

        def start_requests(self):
            for entry in entries:
                url = entry.get("url")
                if not url:
                    continue
                parts = urllib.parse.urlsplit(url)
                local = urllib.parse.urlunsplit(("http", f"127.0.0.1:{args.port}", parts.path or "/", parts.query, ""))
                method = "HEAD" if entry.get("kind") == "HEAD" or entry.get("method") == "HEAD" else "GET"
                stats["requests"] += 1
                # Per-host concurrency keys on the hostname; all of them are 127.0.0.1 here, so the
                # host goes in the slot meta to keep tiyan's per-host limit per portal.
                yield scrapy.Request(local, method=method, headers={"Host": parts.netloc},
                                     meta={"download_slot": parts.netloc}, dont_filter=True,
                                     callback=self.parse_page, errback=self.failed)

        def parse_page(self, response):
            stats["responses"] += 1
            stats["bytes"] += len(response.body)
            kind = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
            if response.request.method == "GET" and "html" in kind and response.body:
                try:
                    lxml.html.document_fromstring(response.body)
                    stats["html_parsed"] += 1
                except Exception:  # an empty or broken page: parsed as far as lxml goes
                    pass

        def failed(self, failure):
            stats["failures"] += 1
            if len(stats["failure_examples"]) < 5:
                stats["failure_examples"].append(repr(failure.value)[:200])

    process = CrawlerProcess(settings={"LOG_LEVEL": "ERROR"})
    process.crawl(Peer)
    process.start()
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(stats, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
