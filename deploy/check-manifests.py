#!/usr/bin/env python3
"""Checks deploy/ for what the cluster and the README rely on; prints one line per problem.

Usage: deploy/check-manifests.py [DEPLOY_DIR]   (exit 0 all hold, 1 problems, 2 no PyYAML)

Parses every *.yaml as Kubernetes objects and checks: the kinds and API versions (batch/v1
CronJob with an Indexed Job, v1 PersistentVolumeClaim); N agreeing between completions,
parallelism and both SHARDS; the crawl's latest end (schedule + startingDeadlineSeconds +
activeDeadlineSeconds + terminationGracePeriodSeconds) before the merge's schedule; the crawl's
memory limit at least MEASURED_PEAK_MB * MARGIN; non-root pods; README stating Kubernetes 1.29+
(backoffLimitPerIndex); the Dockerfile's non-root user, Chromium and install paths; and
.dockerignore keeping .build out of the build context.
"""
import os
import re
import sys

try:
    import yaml
except ImportError:
    print("check-manifests: PyYAML is not installed (apt install python3-yaml)", file=sys.stderr)
    sys.exit(2)

# README "Benchmark": peak RSS of a crawl of 200 portals with all seven modules
# (bench/results-20261123-131050). The limit must leave at least this margin above it.
MEASURED_PEAK_MB = 1788
MARGIN = 1.3
# Fields of the batch/v1 and core/v1 objects used here as Kubernetes 1.29 has them: a typo
# (or a field of a later release, e.g. JobSpec.successPolicy from 1.30) is rejected by
# `kubectl apply`'s strict field validation, so it is caught here first.
FIELDS_1_29 = {
    "CronJobSpec": {"schedule", "timeZone", "startingDeadlineSeconds", "concurrencyPolicy", "suspend",
                    "jobTemplate", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"},
    "JobSpec": {"parallelism", "completions", "activeDeadlineSeconds", "podFailurePolicy", "backoffLimit",
                "backoffLimitPerIndex", "maxFailedIndexes", "selector", "manualSelector", "template",
                "ttlSecondsAfterFinished", "completionMode", "suspend", "podReplacementPolicy"},
    "PodSpec": {"volumes", "initContainers", "containers", "ephemeralContainers", "restartPolicy",
                "terminationGracePeriodSeconds", "activeDeadlineSeconds", "dnsPolicy", "nodeSelector",
                "serviceAccountName", "automountServiceAccountToken", "nodeName", "hostNetwork", "hostPID",
                "hostIPC", "shareProcessNamespace", "securityContext", "imagePullSecrets", "hostname",
                "subdomain", "affinity", "schedulerName", "tolerations", "hostAliases", "priorityClassName",
                "priority", "dnsConfig", "readinessGates", "runtimeClassName", "enableServiceLinks",
                "preemptionPolicy", "overhead", "topologySpreadConstraints", "setHostnameAsFQDN", "os",
                "hostUsers", "schedulingGates", "resourceClaims"},
    "Container": {"name", "image", "command", "args", "workingDir", "ports", "envFrom", "env", "resources",
                  "resizePolicy", "restartPolicy", "volumeMounts", "volumeDevices", "livenessProbe",
                  "readinessProbe", "startupProbe", "lifecycle", "terminationMessagePath",
                  "terminationMessagePolicy", "imagePullPolicy", "securityContext", "stdin", "stdinOnce", "tty"},
}
UNITS = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "K": 10**3, "M": 10**6, "G": 10**9, "": 1}


def load(path):
    with open(path, encoding="utf-8") as handle:
        return [doc for doc in yaml.safe_load_all(handle) if doc is not None]


def megabytes(quantity):
    match = re.fullmatch(r"([0-9.]+)([KMG]i?|)", str(quantity))
    if not match:
        raise ValueError(f"not a memory quantity: {quantity}")
    return float(match.group(1)) * UNITS[match.group(2)] / 10**6


def daily_minute(schedule):
    """Minutes after midnight of a daily 'M H * * *' schedule."""
    fields = schedule.split()
    if len(fields) != 5 or fields[2:] != ["*", "*", "*"] or not (fields[0].isdigit() and fields[1].isdigit()):
        raise ValueError(f"not a daily 'M H * * *' schedule: {schedule}")
    return int(fields[1]) * 60 + int(fields[0])


def env(container, name):
    for item in container.get("env", []):
        if item.get("name") == name:
            return item.get("value")
    return None


def check(deploy):
    problems = []
    objects = {}
    for name in sorted(os.listdir(deploy)):
        if name.endswith(".yaml"):
            try:
                docs = load(os.path.join(deploy, name))
            except yaml.YAMLError as error:
                problems.append(f"{name}: does not parse: {error}")
                continue
            for doc in docs:
                if not isinstance(doc, dict) or not doc.get("kind") or not doc.get("apiVersion"):
                    problems.append(f"{name}: a document without kind and apiVersion")
                    continue
                objects[(doc["kind"], doc.get("metadata", {}).get("name"))] = (name, doc)

    def need(kind, object_name, api):
        entry = objects.get((kind, object_name))
        if entry is None:
            problems.append(f"no {kind} {object_name}")
            return None
        if entry[1]["apiVersion"] != api:
            problems.append(f"{entry[0]}: {kind} {object_name} has apiVersion {entry[1]['apiVersion']}, not {api}")
        return entry[1]

    crawl = need("CronJob", "tiyan-crawl", "batch/v1")
    merge = need("CronJob", "tiyan-merge", "batch/v1")
    need("PersistentVolumeClaim", "tiyan-data", "v1")
    if crawl is None or merge is None:
        return problems

    for name, cron in (("crawl-cronjob.yaml", crawl), ("merge-cronjob.yaml", merge)):
        job_spec = cron["spec"].get("jobTemplate", {}).get("spec", {})
        pod_spec = job_spec.get("template", {}).get("spec", {})
        for kind, fields in (("CronJobSpec", cron["spec"]), ("JobSpec", job_spec), ("PodSpec", pod_spec)):
            for unknown in sorted(set(fields) - FIELDS_1_29[kind]):
                problems.append(f"{name}: {kind} has no field {unknown} in Kubernetes 1.29")
        for container in pod_spec.get("containers", []):
            for unknown in sorted(set(container) - FIELDS_1_29["Container"]):
                problems.append(f"{name}: Container has no field {unknown} in Kubernetes 1.29")

    job = crawl["spec"]["jobTemplate"]["spec"]
    pod = job["template"]["spec"]
    shard = pod["containers"][0]
    merge_pod = merge["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    merger = merge_pod["containers"][0]

    if job.get("completionMode") != "Indexed":
        problems.append("crawl-cronjob.yaml: completionMode is not Indexed")
    counts = {"completions": job.get("completions"), "parallelism": job.get("parallelism"),
              "crawl SHARDS": int(env(shard, "SHARDS") or 0), "merge SHARDS": int(env(merger, "SHARDS") or 0)}
    if len(set(counts.values())) != 1:
        problems.append(f"the shard count N differs: {counts}")
    if "backoffLimitPerIndex" not in job:
        problems.append("crawl-cronjob.yaml: no backoffLimitPerIndex (a dead shard pod would fail the batch)")

    for name, cron in (("crawl", crawl), ("merge", merge)):
        if cron["spec"].get("concurrencyPolicy") != "Forbid":
            problems.append(f"{name}: concurrencyPolicy is not Forbid")
        if cron["spec"].get("timeZone") is None:
            problems.append(f"{name}: no timeZone")

    try:
        start = daily_minute(crawl["spec"]["schedule"]) * 60
        latest_end = (start + crawl["spec"].get("startingDeadlineSeconds", 10**9) + job.get("activeDeadlineSeconds", 10**9)
                      + pod.get("terminationGracePeriodSeconds", 30))
        merge_at = daily_minute(merge["spec"]["schedule"]) * 60
        if crawl["spec"].get("timeZone") != merge["spec"].get("timeZone"):
            problems.append("the two CronJobs have different timeZones")
        if latest_end >= merge_at:
            problems.append(f"a crawl can run until {latest_end // 3600:02d}:{latest_end // 60 % 60:02d}, "
                            f"past the merge at {merge_at // 3600:02d}:{merge_at // 60 % 60:02d}")
    except ValueError as error:
        problems.append(str(error))

    for name, container in (("crawl", shard), ("merge", merger)):
        limit = container.get("resources", {}).get("limits", {}).get("memory")
        if limit is None:
            problems.append(f"{name}: no memory limit")
        elif megabytes(limit) < MEASURED_PEAK_MB * MARGIN:
            problems.append(f"{name}: memory limit {limit} ({megabytes(limit):.0f} MB) is under the measured peak "
                            f"{MEASURED_PEAK_MB} MB x {MARGIN}")
    for name, spec in (("crawl", pod), ("merge", merge_pod)):
        context = spec.get("securityContext", {})
        if context.get("runAsNonRoot") is not True or context.get("runAsUser", 0) == 0:
            problems.append(f"{name}: the pod does not run as non-root (runAsNonRoot, runAsUser)")

    script = merger["command"][0]
    dockerfile = open(os.path.join(deploy, "Dockerfile"), encoding="utf-8").read()
    if script != "/usr/local/share/tiyan/deploy/merge-batch.sh" or "/out/share/tiyan/deploy/merge-batch.sh" not in dockerfile:
        problems.append(f"merge: {script} is not where the Dockerfile installs merge-batch.sh")
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.MULTILINE)
    if not users or users[-1].split(":")[0] in ("0", "root"):
        problems.append("Dockerfile: the image does not end with a non-root USER")
    if not re.search(r"install[^\n]*\bchromium\b", dockerfile):
        problems.append("Dockerfile: Chromium is not installed in the image")

    readme = open(os.path.join(deploy, "README.md"), encoding="utf-8").read()
    if "1.29" not in readme:
        problems.append("README.md: the minimum Kubernetes version (1.29, backoffLimitPerIndex) is not stated")
    ignore_path = os.path.join(deploy, "..", ".dockerignore")
    ignored = open(ignore_path, encoding="utf-8").read().split() if os.path.exists(ignore_path) else []
    if ".build/" not in ignored and ".build" not in ignored:
        problems.append(".dockerignore: .build is not excluded from the build context")
    return problems


if __name__ == "__main__":
    if len(sys.argv) > 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    folder = sys.argv[1] if len(sys.argv) == 2 else os.path.dirname(os.path.abspath(__file__))
    found = check(folder)
    for problem in found:
        print(problem)
    sys.exit(1 if found else 0)
