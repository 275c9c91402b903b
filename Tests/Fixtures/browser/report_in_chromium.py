"""Opens an HTML report in headless Chromium over the DevTools protocol (--remote-debugging-pipe,
so no extra Python package), and prints one JSON object: console messages and exceptions, every
request that was not for the file itself, signs of injected markup, and what the CSS filters
show after clicking them like an evaluator would.

usage: report_in_chromium.py CHROMIUM FILE [TARGET_ID]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

chromium, path = sys.argv[1], os.path.abspath(sys.argv[2])
target_id = sys.argv[3] if len(sys.argv) > 3 else None
url = "file://" + path

to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()


def child_fds():
    # Chromium talks on fds 3 (commands in) and 4 (replies out); dup2 onto the same number is a
    # no-op that keeps close-on-exec, hence set_inheritable.
    os.dup2(to_chrome_r, 3)
    os.dup2(from_chrome_w, 4)
    os.set_inheritable(3, True)
    os.set_inheritable(4, True)


profile = tempfile.mkdtemp(prefix="tiyan-cdp-")
browser = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
     "--remote-debugging-pipe", "--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND",
     "about:blank"],
    preexec_fn=child_fds, close_fds=False, stdout=subprocess.DEVNULL, stderr=open(os.environ.get("CDP_LOG", os.devnull), "w"))
os.close(to_chrome_r)
os.close(from_chrome_w)
writer = os.fdopen(to_chrome_w, "wb", buffering=0)
reader = os.fdopen(from_chrome_r, "rb", buffering=0)

buffer = b""
next_id = 0
events = []


def receive():
    global buffer
    while b"\0" not in buffer:
        chunk = reader.read(65536)
        if not chunk:
            raise SystemExit(json.dumps({"fatal": "chromium closed the pipe"}))
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)


def call(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    writer.write(json.dumps(message).encode() + b"\0")
    while True:
        reply = receive()
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(json.dumps({"fatal": f"{method}: {reply['error']}"}))
            return reply.get("result", {})
        events.append(reply)


def wait_for(method, timeout=20):
    deadline = time.time() + timeout
    for event in events:
        if event.get("method") == method:
            return
    while time.time() < deadline:
        event = receive()
        events.append(event)
        if event.get("method") == method:
            return
    raise SystemExit(json.dumps({"fatal": f"no {method} within {timeout}s"}))


def evaluate(session, expression):
    result = call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    if "exceptionDetails" in result:
        raise SystemExit(json.dumps({"fatal": f"evaluate: {result['exceptionDetails']}"}))
    return result["result"].get("value")


try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Runtime", "Log", "Network", "Page"):
        call(domain + ".enable", {}, session)
    call("Page.navigate", {"url": url}, session)
    wait_for("Page.loadEventFired")

    report = {}
    report["console"] = [
        " ".join(str(a.get("value", a.get("description", ""))) for a in e["params"].get("args", []))
        for e in events if e.get("method") == "Runtime.consoleAPICalled"]
    report["exceptions"] = [e["params"]["exceptionDetails"].get("text", "") for e in events
                            if e.get("method") == "Runtime.exceptionThrown"]
    report["log_errors"] = [e["params"]["entry"].get("text", "") for e in events
                            if e.get("method") == "Log.entryAdded" and e["params"]["entry"].get("level") in ("error", "warning")]
    report["requests"] = [e["params"]["request"]["url"] for e in events
                          if e.get("method") == "Network.requestWillBeSent" and e["params"]["request"]["url"] != url]
    report["injected"] = evaluate(session, """(() => {
        const found = [];
        if (document.documentElement.hasAttribute('data-pwned')) found.push('data-pwned=' + document.documentElement.getAttribute('data-pwned'));
        for (const tag of ['script', 'iframe', 'img', 'object', 'embed', 'form', 'textarea', 'link', 'base'])
            if (document.getElementsByTagName(tag).length) found.push('<' + tag + '>');
        for (const el of document.querySelectorAll('*'))
            for (const attr of el.attributes)
                if (attr.name.startsWith('on')) found.push(el.tagName + ' ' + attr.name);
        for (const svg of document.querySelectorAll('svg:not(.chart)')) found.push('foreign svg');
        return found;
    })()""")
    # How the report performs and lays out, for the aims in README (load time, size of the DOM,
    # rank and coverage visible at 1366 px, no page overflow at 390 px, anchors below the bar).
    report["load_ms"] = evaluate(session, "performance.getEntriesByType('navigation')[0].loadEventEnd")
    report["dom_nodes"] = evaluate(session, "document.getElementsByTagName('*').length")
    def layout(width):
        call("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1,
                                                    "mobile": width < 600}, session)
        return evaluate(session, """(() => {
            const head = [...document.querySelectorAll('table.overview thead th')];
            const right = (text) => { const th = head.find(h => h.textContent.startsWith(text)); return th ? th.getBoundingClientRect().right : null; };
            return {scroll_width: document.documentElement.scrollWidth, rank_right: right('Rank'),
                    measured_right: right('Measured'), total_right: right('Total')};
        })()""")
    report["layout_1366"] = layout(1366)
    report["layout_390"] = layout(390)
    report["anchor"] = {}
    for width in (1366, 390):
        layout(width)
        report["anchor"][str(width)] = evaluate(session, """(() => {
            const row = document.querySelector('tr.st-fail[id]');
            if (!row) return null;
            location.hash = '';
            location.hash = '#' + row.id;
            const bar = document.querySelector('.filters').getBoundingClientRect();
            const top = row.getBoundingClientRect().top;
            const covered = getComputedStyle(document.querySelector('.filters')).position === 'sticky' && top < bar.bottom;
            return {id: row.id, top: top, bar_bottom: bar.bottom, covered: covered, in_view: top >= 0 && top < innerHeight};
        })()""")
    call("Emulation.clearDeviceMetricsOverride", {}, session)
    evaluate(session, "location.hash = ''; document.querySelectorAll('details').forEach(d => d.open = true)")
    # checkVisibility() reads one style pass; getComputedStyle per row re-resolves the :has()
    # filter rules each time and takes minutes on a full report.
    visible = """(selector) => [...document.querySelectorAll(selector)].filter(e => e.checkVisibility())"""
    report["sections_before"] = evaluate(session, f"({visible})('section.target').length")
    report["pass_rows_before"] = evaluate(session, f"({visible})('tr.st-pass').length")
    evaluate(session, "document.querySelector('label[for=fs-pass]').click()")
    report["pass_rows_after"] = evaluate(session, f"({visible})('tr.st-pass').length")
    evaluate(session, "document.querySelector('label[for=fs-pass]').click()")
    if target_id is not None:
        index = evaluate(session, f"[...document.querySelectorAll('section.target')].findIndex(s => s.id === 'target-' + {json.dumps(target_id)})")
        evaluate(session, f"document.querySelector('label[for=ft-{index}]').click()")
        report["sections_after_target"] = evaluate(session, f"({visible})('section.target').map(s => s.id)")
        evaluate(session, "document.querySelector('label[for=ft-all]').click()")
    evaluate(session, "document.querySelector('label[for=fm-0]').click()")
    report["rows_outside_module_0"] = evaluate(session, f"({visible})('tr.ind').filter(r => !r.classList.contains('m0')).length")
    report["rows_in_module_0"] = evaluate(session, f"({visible})('tr.ind.m0').length")
    print(json.dumps(report))
finally:
    try:
        call("Browser.close")
    except BaseException:
        pass
    try:
        browser.wait(timeout=10)
    except subprocess.TimeoutExpired:
        browser.kill()
