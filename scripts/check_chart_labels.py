#!/usr/bin/python3
"""Check that the charts in executed notebooks speak in names, not codes.

For every chart output (the application/vnd.plotly.v1+json part of a display) in the given
executed notebooks: no category, tick text or legend entry may be a code (a CPA code such as C13,
an NPS division code such as N01, or an all-capitals enum name such as PURPLE_FUTURES or CO),
and every axis title must be words (no underscores, not blank). Prints each problem with the
notebook, cell and chart title, and exits 1 if there is any.

With --screenshots DIR, also opens each given nbconvert HTML export (--html FILE ...) in headless
Chromium and leaves a full-page PNG in DIR to look at.

Usage:
  /usr/bin/python3 scripts/check_chart_labels.py out/notebooks/*.ipynb
  /usr/bin/python3 scripts/check_chart_labels.py out/notebooks/*.ipynb \\
      --html out/notebooks/*.html --screenshots out/screenshots
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

CODE = re.compile(r"^(C\d\d|N\d\d|[A-Z][A-Z0-9]*(_[A-Z0-9]+)*)$")


def _owner_names():
    """Owners whose own name is written in capitals (EOS): a name, not a code."""
    import csv
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "reference",
                        "owners.csv")
    with open(path, encoding="utf-8") as f:
        return {row["name"] for row in csv.DictReader(f)}


NAMES = _owner_names()


def is_code(v):
    return isinstance(v, str) and v not in NAMES and not NUMBER.match(v) and bool(CODE.match(v))
NUMBER = re.compile(r"^-?[0-9.,]+([eE]-?[0-9]+)?$")


def chart_problems(spec):
    """The problems in one Plotly JSON spec, as strings."""
    problems = []
    for trace in spec.get("data", []):
        for key in ("x", "y", "text"):
            values = trace.get(key)
            if isinstance(values, list):
                for v in values:
                    if is_code(v):
                        problems.append(f"{key} value {v!r} is a code")
        name = trace.get("name")
        if trace.get("showlegend", True) and is_code(name):
            problems.append(f"legend entry {name!r} is a code")
    layout = spec.get("layout", {})
    for axis in ("xaxis", "yaxis"):
        a = layout.get(axis)
        if a is None:
            continue
        title = a.get("title")
        text = title.get("text") if isinstance(title, dict) else title
        if not text or not str(text).strip():
            problems.append(f"{axis} has no title")
        elif "_" in str(text):
            problems.append(f"{axis} title {text!r} is a column name, not words")
        for t in a.get("ticktext", []) or []:
            if is_code(t):
                problems.append(f"{axis} tick {t!r} is a code")
    return problems


def chart_title(spec):
    t = spec.get("layout", {}).get("title")
    text = t.get("text") if isinstance(t, dict) else t
    return (text or "untitled").replace("<br>", " ")


def check_notebook(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    found, charts = [], 0
    for i, cell in enumerate(nb.get("cells", [])):
        for out in cell.get("outputs", []):
            spec = out.get("data", {}).get("application/vnd.plotly.v1+json")
            if spec is None:
                continue
            if isinstance(spec, str):
                spec = json.loads(spec)
            charts += 1
            for p in chart_problems(spec):
                found.append(f"{path}: cell {i}: chart {chart_title(spec)!r}: {p}")
    return charts, found


def screenshot(html, outdir):
    os.makedirs(outdir, exist_ok=True)
    png = os.path.join(outdir, os.path.splitext(os.path.basename(html))[0] + ".png")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={profile}", "--hide-scrollbars",
             "--virtual-time-budget=20000", "--window-size=1300,2400", f"--screenshot={png}",
             "file://" + os.path.abspath(html)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    return png


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("notebooks", nargs="*", help="executed .ipynb files")
    ap.add_argument("--html", nargs="*", default=[], help="nbconvert HTML exports to screenshot")
    ap.add_argument("--screenshots", help="directory for the PNGs")
    args = ap.parse_args()
    problems, charts = [], 0
    for nb in args.notebooks:
        n, p = check_notebook(nb)
        charts += n
        problems += p
    for html in args.html if args.screenshots else []:
        print("screenshot:", screenshot(html, args.screenshots))
    for p in problems:
        print(p)
    print(f"{charts} charts in {len(args.notebooks)} notebooks; {len(problems)} problems")
    # one count per chart for ./lens test: a chart fails when any of its labels is a code
    bad_charts = len({p.rsplit(": ", 1)[0] for p in problems})
    print(f"chart-labels: {charts - bad_charts} passed, {bad_charts} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
