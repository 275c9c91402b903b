"""What `tiyan crawl --profile` printed on stderr: wall time by stage and which process peaked.

Used by report.py and render_report.py. Python 3 standard library only.
"""

import os


def read(path):
    """([{"stage", "wall_s"}, ...], "peak RSS ... line" or None); empty when there is no profile."""
    stages, memory = [], None
    if not path or not os.path.exists(path):
        return stages, memory
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()
    if "profile: wall time by stage" in lines:
        for line in lines[lines.index("profile: wall time by stage") + 1:]:
            if not line.endswith(tuple("abcdefghijklmnopqrstuvwxyz")) or " s  " not in line:
                break
            seconds, name = line.split(" s  ", 1)
            stages.append({"stage": name, "wall_s": float(seconds)})
    memory = next((l[len("profile: "):] for l in lines if l.startswith("profile: peak RSS")), None)
    return stages, memory
