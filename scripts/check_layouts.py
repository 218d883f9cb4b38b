#!/usr/bin/python3
"""Every case-level notebook gives the same figures on each case layout as on the project's CSV.

The generator writes one small synthetic run (`./lens data --rows 10000` with each layout's flag)
as the project's `cases.csv` and as each other layout (today: an nDelius extract; the Data First
files are one more entry in LAYOUTS). Each case-level notebook (every notebook whose parameters
cell declares `casesFile`) is run with `./lens run` on the project's CSV (`-p casesFormat csv`) and
on each layout (`-p casesFormat NAME`), and the check requires, cell by cell:

- the same outputs: plain text, HTML and Plotly figures' data, once the provenance is set aside
  (the lines naming the sources with their SHA-256 differ by design: the files differ, and a figure
  check's "computed from" names the input, whose title names its layout), the
  random ids of chart divs are normalised and progress reports (which give the time taken) are
  left out;
- the same registry checks (id, status, text) in the run records;
- the same exit status, 0 or 3 (3: a registry check not matched, as notebook 02 honestly reports
  for the £2.1bn value), on both.

Notebook 01's larger synthetic run is cut to 10,000 rows (`-p bigRunRows 10000`) on both sides, to
keep `./lens test` short. Ends with the line `layouts: N passed, N failed` that `./lens test` counts.
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
ROWS = "10000"
SEED = "2014"

# each layout other than the project's CSV: its casesFormat, the flags of `./lens data` that
# writes it, and where that writes it under --out
LAYOUTS = [
    {"format": "ndelius", "flags": ["--ndelius"], "path": "ndelius"},
    # the Data First files as the MoJ delivers them, Parquet parts (the CSV encoding of the same
    # tables is read by the same mapping; its round trip is in DataFirstFilesTest)
    {"format": "datafirst", "flags": ["--data-first", "{data}/datafirst"],
     "path": "datafirst/parquet"},
]

# parameters given to both runs of a notebook, when it declares them (the larger run's size)
SMALLER = {"bigRunRows": "10000"}

UUID = re.compile(r"pl-fig-[0-9a-f-]{36}")
# a figure check's "computed from" names its input, whose title names the layout it was read from
LAYOUT_TITLE = re.compile(
    r"(Synthetic case records)( read from an nDelius extract| in the Data First probation layout"
    r"( \([a-z]+\))?)")
SOURCES = re.compile(r"Sources?: |SHA-256|probation_lens_sources")


def case_notebooks():
    found = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                source = "".join(cell["source"])
                if re.search(r"\bPath\s+casesFile\s*=", source):
                    found.append((path, source))
    return found


def normalised(output):
    """An output's data with the provenance lines left out and chart ids made equal; None for a
    progress report (it gives the time taken)."""
    if "pl-progress" in "".join(output.get("data", {}).get("text/html", "")):
        return None
    parts = {}
    for mime, value in sorted(output.get("data", {}).items()):
        if mime == "application/vnd.plotly.v1+json":
            parts[mime] = json.dumps(value.get("data"), sort_keys=True)
            continue
        text = "".join(value) if isinstance(value, list) else json.dumps(value, sort_keys=True)
        # (the plain-text table pads its columns to the longest title: runs of spaces made one)
        lines = [re.sub(r" {2,}", " ", LAYOUT_TITLE.sub(r"\1", UUID.sub("pl-fig-ID", line)))
                 for line in text.splitlines() if not SOURCES.search(line)]
        parts[mime] = "\n".join(lines)
    if "text" in output:
        parts["stream"] = "".join(output["text"])
    if output.get("output_type") == "error":
        parts["error"] = output.get("ename", "") + ": " + output.get("evalue", "")
    return parts


def first_apart(outs_a, outs_b):
    """The first line where two cells' normalised outputs part, as "line || line"."""
    a = "\n".join(json.dumps(o, sort_keys=True) for o in outs_a).split("\\n")
    b = "\n".join(json.dumps(o, sort_keys=True) for o in outs_b).split("\\n")
    for x, y in zip(a, b):
        if x != y:
            return x[:300] + "\n  other: " + y[:300]
    return f"{len(a)} lines against {len(b)}"


def run(notebook, cases, fmt, declared, out, forecast):
    args = [str(ROOT / "lens"), "run", str(notebook.relative_to(ROOT)),
            "-p", "casesFile", str(cases), "-p", "casesFormat", fmt]
    for name, value in SMALLER.items():
        if re.search(r"\b" + name + r"\s*=", declared):
            args += ["-p", name, value]
    if re.search(r"\bPath\s+forecastFile\s*=", declared):
        # the forecast is the project's file, the same for every layout
        args += ["-p", "forecastFile", str(forecast)]
    args += ["--out", str(out)]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=1200)
    executed = out / notebook.name
    record = out / (notebook.stem + ".run.json")
    nb = json.loads(executed.read_text(encoding="utf-8")) if executed.exists() else None
    checks = []
    if record.exists():
        checks = [(c.get("id"), c.get("status"), c.get("text"))
                  for c in json.loads(record.read_text(encoding="utf-8")).get("registry_checks", [])]
    return done, nb, checks


def main():
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        print(("ok   " if ok else "FAIL ") + what, flush=True)
        if ok:
            passed += 1
        else:
            failed += 1

    work = pathlib.Path(tempfile.mkdtemp(prefix="lens-layouts-"))
    try:
        data = work / "data"
        flags = [f.format(data=data) for layout in LAYOUTS for f in layout["flags"]]
        made = subprocess.run(
            [str(ROOT / "lens"), "data", "--rows", ROWS, "--seed", SEED, "--out", str(data)]
            + flags, cwd=ROOT, capture_output=True, text=True, timeout=600)
        check(made.returncode == 0,
              f"./lens data --rows {ROWS} --seed {SEED} {' '.join(flags)} wrote every layout"
              + ("" if made.returncode == 0 else f" (exit {made.returncode}: {made.stderr[-500:]})"))
        if made.returncode != 0:
            return passed, failed
        notebooks = case_notebooks()
        check(len(notebooks) >= 3,
              f"the case-level notebooks found: {', '.join(p.name for p, _ in notebooks)}")
        for notebook, declared in notebooks:
            base_run, base_nb, base_checks = run(
                notebook, data / "cases.csv", "csv", declared, work / "csv" / notebook.stem,
                data / "forecast.csv")
            check(base_run.returncode in (0, 3) and base_nb is not None,
                  f"{notebook.name} on the project's CSV exits 0 or 3 (exit {base_run.returncode})"
                  + ("" if base_run.returncode in (0, 3) else ": " + base_run.stderr[-800:]))
            if base_nb is None:
                continue
            for layout in LAYOUTS:
                fmt = layout["format"]
                other_run, other_nb, other_checks = run(
                    notebook, data / layout["path"], fmt, declared,
                    work / fmt / notebook.stem, data / "forecast.csv")
                check(other_run.returncode == base_run.returncode and other_nb is not None,
                      f"{notebook.name} on {fmt} exits as on the CSV ({other_run.returncode}"
                      f" against {base_run.returncode})"
                      + ("" if other_nb is not None else ": " + other_run.stderr[-800:]))
                if other_nb is None:
                    continue
                differ = []
                compared = 0
                for n, (a, b) in enumerate(zip(base_nb["cells"], other_nb["cells"])):
                    if a["cell_type"] != "code":
                        continue
                    outs_a = [x for x in map(normalised, a.get("outputs", [])) if x is not None]
                    outs_b = [x for x in map(normalised, b.get("outputs", [])) if x is not None]
                    compared += len(outs_a)
                    if outs_a != outs_b:
                        differ.append(str(n))
                        if len(differ) == 1:
                            print(f"  first difference, cell {n}:\n  csv: {first_apart(outs_a, outs_b)}",
                                  flush=True)
                check(not differ and compared > 0,
                      f"{notebook.name}: every output on {fmt} ({compared}) equals the CSV's,"
                      " sources aside"
                      + (f" (cells differing: {', '.join(differ)})" if differ else ""))
                check(other_checks == base_checks,
                      f"{notebook.name}: the same {len(base_checks)} registry checks on {fmt}"
                      + ("" if other_checks == base_checks else
                         f" (CSV: {base_checks}; {fmt}: {other_checks})"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return passed, failed


if __name__ == "__main__":
    p, f = main()
    print(f"layouts: {p} passed, {f} failed")
    sys.exit(1 if f else 0)
