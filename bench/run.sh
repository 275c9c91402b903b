#!/usr/bin/env bash
# Speed and memory of `tiyan crawl` against a floor (curl + xmllint) measured in the same run.
#
#   bench/run.sh [--portals N] [--pages N] [--repeat N] [--keep] [--workdir DIR]
#                [--results-dir DIR] [--pages-jsonl FILE] [--rss-portals N,N,N] [--no-scrapy]
#                [--no-render]
#
#   TIYAN=path/to/tiyan (default .build/release/tiyan, relative to the repository root)
#
# Generates a farm of fake provincial portals, serves it with nginx on a free 127.0.0.1 port,
# runs `tiyan crawl` on it under /usr/bin/time -v, then repeats the requests tiyan made with
# `curl --parallel` and parses the HTML it got with `xmllint --html` (the floor), and writes
# bench/results-<stamp>.md and .json. Exits non-zero only when something broke (missing tools,
# nginx not serving, tiyan failing or not reaching the farm, curl/xmllint not running), never
# for missing the aims. --repeat N alternates N tiyan runs and N floors and reports the best
# (minimum) wall time of each, for a busy machine. --pages-jsonl skips tiyan and runs the floor
# on that file's URLs (to test the harness without a tiyan binary). Each round also runs the
# Scrapy peer (Debian's python3-scrapy, the same requests, lxml parse; --no-scrapy skips it);
# after the rounds, `tiyan reprobe --profile` of the first run on one core (taskset -c 0) gives
# reprobe pages per second and the profile; --rss-portals crawls the first N portals of the farm
# once per N (N <= --portals) for peak RSS against the crawl's size. All of these crawl with
# --render never. Then the render measurement (--no-render skips it): the farm plus one
# script-built portal per four classic ones is crawled with --render auto and with --render never,
# alternated --repeat times, for what rendering adds (wall, renders, pages rendered per second)
# and the peak memory of the browser, sampled from /proc every 200 ms.
# See bench/README.md.
set -euo pipefail
umask 022

portals=200 pages=20 repeat=1 keep=0 workdir="" results_dir="" pages_jsonl_in="" rss_portals="" scrapy=1 render=1
usage() { sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --portals) portals="${2:?}"; shift 2 ;;
    --pages) pages="${2:?}"; shift 2 ;;
    --repeat) repeat="${2:?}"; shift 2 ;;
    --keep) keep=1; shift ;;
    --workdir) workdir="${2:?}"; shift 2 ;;
    --results-dir) results_dir="${2:?}"; shift 2 ;;
    --pages-jsonl) pages_jsonl_in="$(cd "$(dirname "${2:?}")" && pwd)/$(basename "$2")"; shift 2 ;;
    --rss-portals) rss_portals="${2:?}"; shift 2 ;;
    --no-scrapy) scrapy=0; shift ;;
    --no-render) render=0; shift ;;
    -h|--help) usage 0 ;;
    *) echo "bench: unknown option $1" >&2; usage 2 ;;
  esac
done
[[ "$portals" =~ ^[0-9]+$ && "$portals" -ge 1 && "$portals" -le 999 ]] || { echo "bench: --portals must be 1..999" >&2; exit 2; }
[[ "$pages" =~ ^[0-9]+$ && "$pages" -ge 1 ]] || { echo "bench: --pages must be a positive number" >&2; exit 2; }
[[ "$repeat" =~ ^[0-9]+$ && "$repeat" -ge 1 ]] || { echo "bench: --repeat must be a positive number" >&2; exit 2; }
if [ -n "$rss_portals" ]; then
  [[ "$rss_portals" =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "bench: --rss-portals takes numbers separated by commas" >&2; exit 2; }
  for n in ${rss_portals//,/ }; do
    [ "$n" -ge 1 ] && [ "$n" -le "$portals" ] || { echo "bench: each --rss-portals number must be 1..--portals ($portals)" >&2; exit 2; }
  done
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$REPO/bench"
# Paths given by the caller are relative to the caller's directory; the default TIYAN to the repo.
abspath() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
[ -z "$results_dir" ] || results_dir="$(abspath "$results_dir")"
[ -z "$workdir" ] || workdir="$(abspath "$workdir")"
if [ -n "${TIYAN:-}" ] && [ -e "$TIYAN" ]; then TIYAN="$(abspath "$TIYAN")"; fi
cd "$REPO"
TIYAN="${TIYAN:-.build/release/tiyan}"
results_dir="${results_dir:-$BENCH}"
stamp="$(date -u +%Y%m%d-%H%M%S)"

log() { echo "bench: $*" >&2; }
die() { log "error: $*"; exit 1; }
now() { echo "$EPOCHREALTIME"; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }

# ---------------------------------------------------------------- cleanup
W="" NGINX_PID="" POLICY_RC_CREATED=0 SHM_DIRS=()
cleanup() {
  local rc=$?
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -TERM "$NGINX_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$NGINX_PID" 2>/dev/null || true
  fi
  if [ "$POLICY_RC_CREATED" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  for d in "${SHM_DIRS[@]}"; do
    if [ "$keep" = 1 ]; then log "kept curl's downloads in $d"; else rm -rf "$d"; fi
  done
  if [ -n "$W" ] && [ -d "$W" ]; then
    if [ "$keep" = 1 ]; then
      log "kept work directory $W"
    elif [ "$rc" != 0 ]; then
      rm -rf "$W/farm" "$W/floor/dl"
      log "logs kept in $W (farm removed; --keep keeps everything)"
    else
      rm -rf "$W"
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- dependencies
need_tools() {
  local missing=()
  for t in nginx curl xmllint python3 /usr/bin/time; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
  echo "${missing[*]}"
}
if [ "$(id -u)" = 0 ]; then
  # Installing nginx must not start the system service (it would listen on 0.0.0.0:80).
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && POLICY_RC_CREATED=1
  fi
  if [ -x "$REPO/scripts/install-deps" ]; then
    "$REPO/scripts/install-deps" --bench >&2 || log "warning: scripts/install-deps --bench failed; continuing with what is installed"
  fi
  if [ -n "$(need_tools)" ]; then
    log "installing nginx-light curl libxml2-utils time"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq nginx-light curl libxml2-utils time >&2 \
      || { apt-get update -qq >&2 && apt-get install -y -qq nginx-light curl libxml2-utils time >&2; } \
      || die "apt-get install failed"
  fi
  if [ "$POLICY_RC_CREATED" = 1 ]; then rm -f /usr/sbin/policy-rc.d; POLICY_RC_CREATED=0; fi
elif [ -n "$(need_tools)" ] && [ -x "$REPO/scripts/install-deps" ]; then
  "$REPO/scripts/install-deps" --bench >&2 || true   # uses sudo when not root
fi
missing="$(need_tools)"
[ -z "$missing" ] || die "missing tools: $missing (as root this script installs them: nginx-light curl libxml2-utils time)"

if [ -z "$pages_jsonl_in" ]; then
  [ -x "$TIYAN" ] || die "no tiyan binary at $TIYAN (swift build -c release, or set TIYAN=...)"
  TIYAN_ABS="$(cd "$(dirname "$TIYAN")" && pwd)/$(basename "$TIYAN")"
else
  [ -s "$pages_jsonl_in" ] || die "no such pages.jsonl: $pages_jsonl_in"
  render=0  # the render measurement is of tiyan crawls
fi
if [ "$render" = 1 ]; then
  # Where tiyan looks (Chromium.locate): $TIYAN_CHROMIUM, else these names on PATH.
  chromium="${TIYAN_CHROMIUM:-$(command -v chromium chromium-browser google-chrome 2>/dev/null | head -1 || true)}"
  [ -n "$chromium" ] && [ -x "$chromium" ] \
    || die "the render measurement needs Chromium (scripts/install-deps installs it; --no-render skips the measurement)"
fi

# ---------------------------------------------------------------- work directory and farm
if [ -n "$workdir" ]; then
  mkdir -p "$workdir"; W="$(cd "$workdir" && pwd)/run-$stamp"; mkdir -p "$W"
else
  W="$(mktemp -d "${TMPDIR:-/tmp}/tiyan-bench.XXXXXX")"
fi
chmod 755 "$W"
FARM="$W/farm" NG="$W/nginx" FLOOR="$W/floor"
mkdir -p "$FARM" "$NG/tmp" "$FLOOR"
log "work directory $W"

t0=$(now)
spa_args=()
# One script-built portal per four classic ones: every fifth target of the render crawls.
[ "$render" = 0 ] || spa_args=(--spa-portals "$(( (portals + 3) / 4 ))" --render-targets "$W/targets-render.yaml")
python3 "$BENCH/generate_farm.py" --portals "$portals" --pages "$pages" --out "$FARM" \
  --targets "$W/targets.yaml" --manifest "$W/manifest.json" "${spa_args[@]}" || die "farm generation failed"
log "farm generated in $(elapsed "$t0" "$(now)") s"
sync  # let the farm's writeback finish before anything is timed

# ---------------------------------------------------------------- nginx
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
temp_paths() {
  local v; v="$(nginx -V 2>&1)"
  echo "    client_body_temp_path $NG/tmp/body;"
  for m in proxy fastcgi uwsgi scgi; do
    grep -q -- "--without-http_${m}_module" <<<"$v" || echo "    ${m}_temp_path $NG/tmp/$m;"
  done
}
write_nginx_conf() {
  cat > "$NG/nginx.conf" <<EOF
# Generated by bench/run.sh: the farm on 127.0.0.1:$1 only, one root per Host header.
worker_processes 2;
daemon off;
pid $NG/nginx.pid;
error_log $NG/error.log warn;
events { worker_connections 1024; }
http {
    types {
        text/html html htm; text/css css; application/javascript js; text/plain txt;
        image/png png; image/jpeg jpg jpeg; image/gif gif; image/x-icon ico; application/json json;
    }
    default_type text/html;  # /portal/registerSystemInfo of the filing site has no extension
    log_format bench '\$remote_addr [\$time_local] "\$host" "\$request" \$status \$body_bytes_sent \$request_time "\$http_user_agent"';
    access_log $NG/access.log bench;
$(temp_paths)
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    open_file_cache max=20000 inactive=120s;
    server_tokens off;
    absolute_redirect off;
    gzip on;
    gzip_types text/css application/javascript text/plain;
    gzip_vary on;
    server {
        listen 127.0.0.1:$1 default_server;
        server_name *.gov.cn _;
        root $FARM/\$host;
        index index.html;
    }
}
EOF
}
runas=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
  runas=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
  chown -R nobody "$NG"
fi
PORT=""
for attempt in 1 2 3; do
  port="$(free_port)"
  write_nginx_conf "$port"
  nginx -t -q -p "$NG" -c "$NG/nginx.conf" -e "$NG/error.log" 2>&1 | grep -v "could not open error log" >&2 || true
  [ ${#runas[@]} -gt 0 ] && chown -R nobody "$NG"
  "${runas[@]}" nginx -p "$NG" -c "$NG/nginx.conf" -e "$NG/error.log" &
  NGINX_PID=$!
  first_host="www.p001zwfw.gov.cn"
  for _ in $(seq 50); do
    kill -0 "$NGINX_PID" 2>/dev/null || break
    code="$(curl -s -o /dev/null -w '%{http_code}' --connect-to "::127.0.0.1:$port" "http://$first_host/robots.txt" || true)"
    if [ "$code" = 200 ]; then PORT="$port"; break; fi
    sleep 0.1
  done
  [ -n "$PORT" ] && break
  log "nginx did not serve on port $port (attempt $attempt):"; tail -5 "$NG/error.log" >&2 || true
  kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""
done
[ -n "$PORT" ] || die "nginx could not be started"
log "nginx (pid $NGINX_PID${runas:+, as nobody}) serving the farm on 127.0.0.1:$PORT"
CONNECT_TO="::127.0.0.1:$PORT"
served() { wc -l < "$NG/access.log" | tr -d ' '; }

# ---------------------------------------------------------------- measurement rounds
base_options="--connect-to $CONNECT_TO --delay-ms 0 --per-host 8 --concurrency 32 --ignore-robots"
# The rounds measure the crawl as it was before rendering existed; rendering is measured apart.
options="$base_options --render never"
tiyan_version="" first_pages=""
tiyan_walls=() tiyan_rss=() curl_walls=() xml_walls=() nginx_tiyan=() nginx_floor=()
FLOOR_DL_KIND="" curl_rc="" xml_rc="" xml_files="" xml_bytes="" first_check="" loads=()
loadavg() { cut -d' ' -f1 /proc/loadavg; }
[ -n "$pages_jsonl_in" ] || tiyan_version="$(timeout 10 "$TIYAN_ABS" --version 2>/dev/null | head -1 || true)"

run_tiyan() {  # $1 = round; sets PAGES_JSONL
  local r="$1" before t0 t1 rc=0 run_dir reached
  log "round $r: $TIYAN crawl on $portals portals"
  before=$(served)
  t0=$(now)
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$W/tiyan-$r.time" "$TIYAN_ABS" crawl --targets "$W/targets.yaml" --probes "$REPO/probes" \
    --out "$W/reports-$r" --profile $options > "$W/tiyan-$r.stdout" 2> "$W/tiyan-$r.stderr" || rc=$?
  t1=$(now)
  tiyan_walls+=("$(elapsed "$t0" "$t1")")
  nginx_tiyan+=("$(( $(served) - before ))")
  tiyan_rss+=("$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$W/tiyan-$r.time")")
  log "round $r: tiyan exit $rc in ${tiyan_walls[-1]} s, peak RSS ${tiyan_rss[-1]} kB; nginx served ${nginx_tiyan[-1]} requests"
  if [ "$rc" != 0 ]; then
    tail -20 "$W/tiyan-$r.stderr" >&2 || true
    die "tiyan crawl exited $rc (its stderr: $W/tiyan-$r.stderr)"
  fi
  run_dir="$(run_folder_of "$W/tiyan-$r.stdout")"
  [ -n "$run_dir" ] || die "tiyan printed no run folder on stdout"
  PAGES_JSONL="$run_dir/pages.jsonl"
  [ -s "$PAGES_JSONL" ] || die "no pages.jsonl in $run_dir"
  reached="$(targets_reached "$PAGES_JSONL")"
  log "round $r: tiyan got HTTP 200 from $reached of $portals portals"
  [ $(( reached * 10 )) -ge $(( portals * 9 )) ] || die "tiyan reached only $reached of $portals portals: the farm or --connect-to is broken"
}

targets_reached() {  # $1 = pages.jsonl; prints how many targets answered HTTP 200 at least once
  python3 -c '
import json, sys
print(len({r.get("target") for r in map(json.loads, filter(str.strip, open(sys.argv[1], encoding="utf-8"))) if r.get("status") == 200}))' "$1"
}

# The last non-blank line of a crawl's stdout, as an absolute path.
run_folder_of() {
  local dir
  dir="$(grep -v '^[[:space:]]*$' "$1" | tail -1 || true)"
  [ -n "$dir" ] || return 0
  case "$dir" in /*) echo "$dir" ;; *) echo "$REPO/$dir" ;; esac
}

run_floor() {  # $1 = round; uses PAGES_JSONL
  local r="$1" F="$FLOOR/$1" out transfers n_get n_head n_v6 nbytes before t0 t1 bad dl avail
  # curl's downloads go to tmpfs when there is room: the floor measures fetching, not the disk.
  dl="$F/dl" FLOOR_DL_KIND="disk"
  avail="$(df -P -k /dev/shm 2>/dev/null | awk 'NR==2 {print $4}' || true)"
  nbytes="$(python3 -c 'import json,sys; print(sum(int(json.loads(l).get("bytes") or 0) for l in open(sys.argv[1], encoding="utf-8") if l.strip()))' "$PAGES_JSONL")"
  if [ -n "$avail" ] && [ -w /dev/shm ] && [ $(( avail * 1024 )) -gt $(( nbytes * 3 + 268435456 )) ]; then
    dl="$(mktemp -d /dev/shm/tiyan-bench-dl.XXXXXX)"; SHM_DIRS+=("$dl"); FLOOR_DL_KIND="tmpfs"
  fi
  out="$(python3 "$BENCH/floor.py" prepare "$PAGES_JSONL" "$F" --connect-to "$CONNECT_TO" --dl "$dl")" || die "floor.py prepare failed"
  read -r transfers n_get n_head n_v6 nbytes <<<"$out"
  [ "$transfers" -gt 0 ] || die "no URLs to fetch in $PAGES_JSONL"
  log "round $r: curl repeats $transfers transfers ($n_get GET, $n_head HEAD, $n_v6 IPv6-only) into $dl"
  before=$(served)
  t0=$(now)
  curl_rc=0
  curl --parallel --parallel-immediate --parallel-max 32 -K "$F/urls.cfg" > "$F/curl.log" 2> "$F/curl.stderr" || curl_rc=$?
  t1=$(now)
  curl_walls+=("$(elapsed "$t0" "$t1")")
  nginx_floor+=("$(( $(served) - before ))")
  python3 "$BENCH/floor.py" curl-check "$F" "$F/curl.log" > "$F/curl-check.json" || die "floor.py curl-check failed"
  log "round $r: curl exit $curl_rc in ${curl_walls[-1]} s: $(cut -c1-160 "$F/curl-check.json")"
  case "$curl_rc" in 2|26|27|43) die "curl could not run (exit $curl_rc): $(head -3 "$F/curl.stderr")" ;; esac
  bad="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["tiyan_ok_curl_failed"])' "$F/curl-check.json")"
  [ "$bad" = 0 ] || die "curl failed on $bad URLs that tiyan fetched with HTTP 2xx (see $F/curl.log)"

  out="$(python3 "$BENCH/floor.py" html-list "$F" "$F/html.list")" || die "floor.py html-list failed"
  read -r xml_files xml_bytes <<<"$out"
  [ "$xml_files" -gt 0 ] || die "no HTML among the files curl downloaded"
  t0=$(now)
  xml_rc=0
  xargs -0 -P 2 -n 32 xmllint --html --noout --nowarning < "$F/html.list" > /dev/null 2>&1 || xml_rc=$?
  t1=$(now)
  xml_walls+=("$(elapsed "$t0" "$t1")")
  # xargs: 123 = some xmllint reported parse errors (expected on messy HTML); 124-127 = could not run.
  case "$xml_rc" in 0|123) ;; *) die "xmllint via xargs failed (exit $xml_rc)" ;; esac
  log "round $r: xmllint --html on $xml_files files ($xml_bytes bytes), 2 in parallel, in ${xml_walls[-1]} s"
  [ -n "$first_check" ] || first_check="$F/curl-check.json"
  [ "$keep" = 1 ] || rm -rf "$dl"
}

# Debian's python3-scrapy belongs to Debian's python3, which may not be the python3 on PATH.
SCRAPY_PY=/usr/bin/python3
scrapy_walls=() scrapy_rss=() scrapy_json=""
run_scrapy() {  # $1 = round; uses the floor's plan.json
  local r="$1" t0 t1 rc=0
  [ "$scrapy" = 1 ] || return 0
  if ! "$SCRAPY_PY" -c 'import scrapy, lxml' 2>/dev/null; then
    log "round $r: Scrapy peer skipped: $SCRAPY_PY cannot import scrapy and lxml (scripts/install-deps --bench installs python3-scrapy)"
    scrapy=0; return 0
  fi
  log "round $r: Scrapy repeats the same requests"
  t0=$(now)
  /usr/bin/time -v -o "$W/scrapy-$r.time" "$SCRAPY_PY" "$BENCH/scrapy_peer.py" "$FLOOR/$r/plan.json" "$PORT" \
    "$W/scrapy-$r.json" --concurrency 32 --per-host 8 > "$W/scrapy-$r.log" 2>&1 || rc=$?
  t1=$(now)
  [ "$rc" = 0 ] || { tail -5 "$W/scrapy-$r.log" >&2; die "the Scrapy peer exited $rc (log: $W/scrapy-$r.log)"; }
  scrapy_walls+=("$(elapsed "$t0" "$t1")")
  scrapy_rss+=("$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$W/scrapy-$r.time")")
  [ -n "$scrapy_json" ] || scrapy_json="$W/scrapy-$r.json"
  log "round $r: Scrapy in ${scrapy_walls[-1]} s: $(cat "$W/scrapy-$r.json" | cut -c1-160)"
}

reprobe_wall="" reprobe_rss="" reprobe_profile=""
run_reprobe() {  # the first round's run folder, judged again on one core
  local run_dir rc=0 t0 t1
  run_dir="$(dirname "$first_pages")"
  command -v taskset >/dev/null || { log "reprobe on one core skipped: no taskset"; return 0; }
  log "reprobe of $run_dir on one core (taskset -c 0)"
  t0=$(now)
  /usr/bin/time -v -o "$W/reprobe.time" taskset -c 0 "$TIYAN_ABS" reprobe --quiet --profile --probes "$REPO/probes" \
    "$run_dir" > "$W/reprobe.stdout" 2> "$W/reprobe.stderr" || rc=$?
  t1=$(now)
  [ "$rc" = 0 ] || { tail -20 "$W/reprobe.stderr" >&2; die "tiyan reprobe exited $rc"; }
  reprobe_wall="$(elapsed "$t0" "$t1")"
  reprobe_rss="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$W/reprobe.time")"
  reprobe_profile="$W/reprobe.stderr"
  log "reprobe in $reprobe_wall s, peak RSS $reprobe_rss kB"
}

rss_points=""
run_rss_points() {  # one crawl of the first N portals per N, for peak RSS against the crawl's size
  local n ids rc
  for n in ${rss_portals//,/ }; do
    ids="$(python3 -c 'import sys; print(",".join(f"p{i:03d}" for i in range(1, int(sys.argv[1]) + 1)))' "$n")"
    rc=0
    log "RSS point: crawl of $n portals"
    t0=$(now)
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$W/rss-$n.time" "$TIYAN_ABS" crawl --targets "$W/targets.yaml" --probes "$REPO/probes" \
      --out "$W/rss-$n" --only "$ids" --quiet --profile $options > /dev/null 2> "$W/rss-$n.stderr" || rc=$?
    [ "$rc" = 0 ] || { tail -20 "$W/rss-$n.stderr" >&2; die "tiyan crawl of $n portals exited $rc"; }
    local kb split; kb="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$W/rss-$n.time")"
    # --profile says which process peaked: "peak RSS A MB in this process, B MB in the largest probe worker"
    split="$(sed -n 's/^profile: peak RSS \([0-9]*\) MB in this process, \([0-9]*\) MB in the largest probe worker$/\1:\2/p' "$W/rss-$n.stderr")"
    rss_points+="${rss_points:+,}$n:$kb:$(elapsed "$t0" "$(now)"):${split:-:}"
    log "RSS point: $n portals, peak RSS $kb kB (crawl process : probe worker, MB: ${split:-n/a})"
    [ "$keep" = 1 ] || rm -rf "$W/rss-$n"
  done
}

# ---------------------------------------------------------------- render measurement
# The same binary on the same farm (the classic portals plus the script-built ones), once with
# --render auto and once with --render never per round, alternated, so that load hits both.
render_targets=0 render_kinds=() render_walls=() render_cpu=() render_rss=() render_nginx=() render_memory=()
render_archives=() render_profiles=()
run_render_crawl() {  # $1 = auto|never, $2 = round
  local mode="$1" r="$2" tag="render-$1-$2" before t0 t1 rc=0 tpid spid run_dir state reached
  log "render round $r: tiyan crawl --render $mode of $render_targets targets"
  before=$(served)
  t0=$(now)
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$W/$tag.time" "$TIYAN_ABS" crawl --targets "$W/targets-render.yaml" --probes "$REPO/probes" \
    --out "$W/$tag" --profile --render "$mode" $base_options > "$W/$tag.stdout" 2> "$W/$tag.stderr" &
  tpid=$!
  python3 "$BENCH/browser_memory.py" "$tpid" "$W/$tag.memory.json" --interval 0.2 --progress "$W/$tag.stderr" &
  spid=$!
  wait "$tpid" || rc=$?
  t1=$(now)
  wait "$spid" || die "the memory sampler (bench/browser_memory.py) failed"
  if [ "$rc" != 0 ]; then
    tail -20 "$W/$tag.stderr" >&2 || true
    die "tiyan crawl --render $mode exited $rc (its stderr: $W/$tag.stderr)"
  fi
  run_dir="$(run_folder_of "$W/$tag.stdout")"
  [ -n "$run_dir" ] && [ -s "$run_dir/pages.jsonl" ] || die "tiyan crawl --render $mode left no run folder with a pages.jsonl"
  # run.json says "unavailable" when the browser did not start: that crawl measured nothing.
  state="$(python3 -c 'import json, sys; print((json.load(open(sys.argv[1], encoding="utf-8")).get("options") or {}).get("render", ""))' "$run_dir/run.json")"
  [ "$state" = "$mode" ] || die "tiyan crawl --render $mode ran with render: $state (Chromium did not start? $W/$tag.stderr)"
  reached="$(targets_reached "$run_dir/pages.jsonl")"
  [ $(( reached * 10 )) -ge $(( render_targets * 9 )) ] || die "tiyan --render $mode reached only $reached of $render_targets targets"
  python3 "$BENCH/warc_renders.py" "$run_dir/archive.warc.gz" "$W/$tag.renders.json" || die "warc_renders.py failed on $run_dir"
  render_kinds+=("$mode") render_walls+=("$(elapsed "$t0" "$t1")") render_nginx+=("$(( $(served) - before ))")
  render_rss+=("$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$W/$tag.time")")
  # User + system CPU of tiyan and every child it reaped (probe workers, Chromium and its helpers):
  # unlike wall time, barely moved by what else the machine runs.
  render_cpu+=("$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$W/$tag.time")")
  render_memory+=("$W/$tag.memory.json") render_archives+=("$W/$tag.renders.json") render_profiles+=("$W/$tag.stderr")
  log "render round $r: --render $mode in ${render_walls[-1]} s, $(python3 "$BENCH/render_report.py" line \
    "$W/$tag.memory.json" "$W/$tag.renders.json"); nginx served ${render_nginx[-1]} requests"
}

run_render() {
  local r
  render_targets="$(grep -c '^  - id: ' "$W/targets-render.yaml")"
  for r in $(seq "$repeat"); do
    run_render_crawl auto "$r"
    run_render_crawl never "$r"
  done
}

loads+=("$(loadavg)")
for r in $(seq "$repeat"); do
  if [ -z "$pages_jsonl_in" ]; then run_tiyan "$r"; else PAGES_JSONL="$pages_jsonl_in"; log "skipping tiyan; floor on the URLs of $PAGES_JSONL"; fi
  [ -n "$first_pages" ] || first_pages="$PAGES_JSONL"
  run_floor "$r"
  run_scrapy "$r"
done
if [ -z "$pages_jsonl_in" ]; then
  run_reprobe
  [ -z "$rss_portals" ] || run_rss_points
  [ "$render" = 0 ] || run_render
fi
loads+=("$(loadavg)")

# ---------------------------------------------------------------- report
mkdir -p "$results_dir"
if [ -n "$pages_jsonl_in" ]; then tiyan_label="skipped"; else tiyan_label="$TIYAN"; fi
join() { local IFS=,; echo "$*"; }
python3 "$BENCH/report.py" stamp="$stamp" results_dir="$results_dir" workdir="$W" \
  manifest="$W/manifest.json" pages_jsonl="$first_pages" \
  tiyan="$tiyan_label" tiyan_version="$tiyan_version" \
  tiyan_walls="$(join "${tiyan_walls[@]}")" tiyan_rss_kb="$(join "${tiyan_rss[@]}")" time_file="$W/tiyan-1.time" \
  curl_walls="$(join "${curl_walls[@]}")" curl_rc="$curl_rc" curl_check="$first_check" \
  xmllint_walls="$(join "${xml_walls[@]}")" xmllint_rc="$xml_rc" xmllint_files="$xml_files" xmllint_bytes="$xml_bytes" \
  nginx_tiyan_requests="$(join "${nginx_tiyan[@]}")" nginx_floor_requests="$(join "${nginx_floor[@]}")" \
  loadavg="$(join "${loads[@]}")" floor_dl="$FLOOR_DL_KIND" \
  scrapy_walls="$(join "${scrapy_walls[@]}")" scrapy_rss_kb="$(join "${scrapy_rss[@]}")" scrapy_json="$scrapy_json" \
  crawl_profile="$W/tiyan-1.stderr" reprobe_wall="$reprobe_wall" reprobe_rss_kb="$reprobe_rss" reprobe_profile="$reprobe_profile" \
  rss_points="$rss_points" \
  render_kinds="$(join "${render_kinds[@]}")" render_walls="$(join "${render_walls[@]}")" render_cpu="$(join "${render_cpu[@]}")" \
  render_rss_kb="$(join "${render_rss[@]}")" render_nginx_requests="$(join "${render_nginx[@]}")" \
  render_memory="$(join "${render_memory[@]}")" render_archives="$(join "${render_archives[@]}")" \
  render_profiles="$(join "${render_profiles[@]}")" render_targets="$render_targets" \
  render_manifest="$W/manifest.json" chromium_version="$([ "$render" = 0 ] || timeout 20 "$chromium" --version 2>/dev/null | head -1 || true)" \
  options="--portals $portals --pages $pages --repeat $repeat; crawl $options" \
  || die "report failed"
