#!/usr/bin/env python3
"""Validates a tiyan run folder against the schemas beside this script (JSON Schema 2020-12).

Usage: schemas/validate.py RUN_DIR
Prints one line per invalid document (file:line: path: message) and exits 1 when any is
invalid or RUN_DIR cannot be read (one line saying why), 0 when all are valid, 2 when the
`jsonschema` module is missing or the arguments are wrong.
"""
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed (apt install python3-jsonschema)", file=sys.stderr)
    sys.exit(2)

HERE = os.path.dirname(os.path.abspath(__file__))


def validator(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def main(run_dir):
    problems = []
    checked = 0
    run = validator("run.schema.json")
    with open(os.path.join(run_dir, "run.json"), encoding="utf-8") as handle:
        for error in run.iter_errors(json.load(handle)):
            problems.append(f"run.json: {list(error.absolute_path)}: {error.message}")
    checked += 1
    for file_name, schema_name in (("pages.jsonl", "pages-line.schema.json"),
                                   ("results.jsonl", "results-line.schema.json")):
        line_validator = validator(schema_name)
        with open(os.path.join(run_dir, file_name), encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                checked += 1
                for error in line_validator.iter_errors(json.loads(line)):
                    problems.append(f"{file_name}:{number}: {list(error.absolute_path)}: {error.message}")
    for problem in problems:
        print(problem)
    print(f"{checked} documents checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


def unreadable(run_dir):
    """One line saying why RUN_DIR cannot be validated, or None when it can be read."""
    if not os.path.exists(run_dir):
        return f"{run_dir}: no such folder"
    if not os.path.isdir(run_dir):
        return f"{run_dir}: not a folder"
    missing = [name for name in ("run.json", "pages.jsonl", "results.jsonl")
               if not os.path.isfile(os.path.join(run_dir, name))]
    if "run.json" in missing:
        return f"{run_dir}: no run.json (not a run folder, or an incomplete run)"
    if missing:
        return f"{run_dir}: missing {', '.join(missing)}"
    return None


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    problem = unreadable(sys.argv[1])
    if problem:
        print(f"validate.py: {problem}", file=sys.stderr)
        sys.exit(1)
    try:
        sys.exit(main(sys.argv[1]))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"validate.py: {sys.argv[1]}: {error}", file=sys.stderr)
        sys.exit(1)
