#!/usr/bin/python3
"""A notebook pointed at real (non-synthetic) case files labels its outputs as real.

The researcher's path: her own extract with a MANIFEST that says kind=OFFICIAL_SENSITIVE, given to
a ready-made notebook through its parameters cell with `./lens run`. Real extracts cannot be
shipped, so the check makes one from the committed sample (the same rows, relabelled as a
supplier's extract in its MANIFEST), runs notebook 02 on it and requires, of the executed notebook:

- every output that used the relabelled files names them as OFFICIAL_SENSITIVE in its sources
  metadata (`probation_lens_sources`), with the SHA-256 of the bytes given, and none calls them
  synthetic;
- disclosure control was applied (a `pl-disclosure` note) to at least one output, since it is on by
  default for official-sensitive records;
- the run exited 0 or 3 (3: a registry check did not match, which notebook 02 reports honestly for
  the £2.1bn value; 1 would mean a cell failed).

The same again for an nDelius extract (the generator's, `./lens data --ndelius`, relabelled in its
MANIFEST), read with `-p casesFormat ndelius`: its provenance's SHA-256 is that of the listing of
its files' SHA-256 (`sha256  NAME` lines in name order, as `NDeliusExtract` documents), computed
here independently.

Ends with the line `real-data: N passed, N failed` that `./lens test` counts.
"""
import hashlib
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK = "notebooks/02-contract-payments.ipynb"


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify(out, real, what, check):
    """The executed notebook in `out` names `what` (its SHA-256 in `real`) OFFICIAL_SENSITIVE in
    every output that used it, and disclosure control was applied."""
    executed = out / pathlib.Path(NOTEBOOK).name
    if not executed.exists():
        check(False, f"the executed notebook {executed} was written")
        return
    nb = json.loads(executed.read_text(encoding="utf-8"))
    using, mislabelled, protected, notes = 0, [], 0, []
    for n, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            html = "".join(output.get("data", {}).get("text/html", ""))
            if "pl-disclosure" in html:
                protected += 1
                notes.append(html.split('class="pl-disclosure"', 1)[1].split("</p>", 1)[0])
            sources = output.get("metadata", {}).get("probation_lens_sources")
            if not sources:
                continue
            for given in sources.get("inputs", []):
                if (real(given) if callable(real) else given.get("sha256") in real):
                    using += 1
                    if given.get("kind") != "OFFICIAL_SENSITIVE":
                        mislabelled.append(f"cell {n}: {given.get('kind')}")
    check(using > 0, f"outputs name {what} among their inputs ({using} input entries)")
    check(not mislabelled,
          f"every output names {what} OFFICIAL_SENSITIVE"
          + (f" (not: {', '.join(mislabelled[:5])})" if mislabelled else ""))
    check(protected > 0, f"disclosure control applied to the outputs of {what} ({protected})")
    unnamed = [n for n in notes if "cell key method" not in n]
    check(notes and not unnamed,
          f"every disclosure note under the outputs of {what} names the method (the cell key"
          " method)" + (f" (not: {unnamed[0][:200]})" if unnamed else ""))


def run_notebook(cases, forecast, out, fmt=None):
    """./lens run of the notebook on the given case files (and their format), as a researcher runs
    it; its stderr's end is passed on."""
    args = [str(ROOT / "lens"), "run", NOTEBOOK, "-p", "casesFile", str(cases)]
    if fmt:
        args += ["-p", "casesFormat", fmt]
    args += ["-p", "forecastFile", str(forecast), "--out", str(out)]
    run = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)
    sys.stderr.write(run.stderr[-2000:])
    return run


def main():
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        print(("ok   " if ok else "FAIL ") + what, flush=True)
        if ok:
            passed += 1
        else:
            failed += 1

    work = pathlib.Path(tempfile.mkdtemp(prefix="lens-real-"))
    try:
        extract = work / "extract"
        extract.mkdir()
        for name in ("cases.csv", "forecast.csv"):
            shutil.copyfile(ROOT / "data/sample" / name, extract / name)
        (extract / "MANIFEST").write_text(
            "# A supplier's case extract (for this check: the committed sample, relabelled).\n"
            "kind=OFFICIAL_SENSITIVE\n"
            "source=Test extract supplied to the analyst (the sample's rows, relabelled)\n"
            "licence=Held under a data-sharing agreement; not for publication\n"
            f"cases.csv.sha256={sha256(extract / 'cases.csv')}\n"
            f"forecast.csv.sha256={sha256(extract / 'forecast.csv')}\n",
            encoding="utf-8",
        )
        out = work / "out"
        run = run_notebook(extract / "cases.csv", extract / "forecast.csv", out)
        check(run.returncode in (0, 3),
              f"./lens run {NOTEBOOK} on an official-sensitive extract exits 0 or 3"
              f" (exit {run.returncode})")
        verify(out, {sha256(extract / "cases.csv"), sha256(extract / "forecast.csv")},
               "the extract", check)
        # the same for an nDelius extract (the generator's, relabelled): read through its
        # casesFormat, its provenance's SHA-256 is that of the listing of its files' SHA-256
        generated = work / "generated"
        made = subprocess.run(
            [str(ROOT / "lens"), "data", "--rows", "10000", "--out", str(generated), "--ndelius",
             "--data-first", str(generated / "datafirst")],
            cwd=ROOT, capture_output=True, text=True, timeout=600)
        check(made.returncode == 0, f"./lens data --ndelius wrote an extract (exit {made.returncode})")
        ndelius = work / "ndelius"
        shutil.copytree(generated / "ndelius", ndelius)
        (ndelius / "MANIFEST").write_text(
            "# A supplier's nDelius extract (for this check: generated rows, relabelled).\n"
            "kind=OFFICIAL_SENSITIVE\n"
            "source=Test nDelius extract supplied to the analyst (generated rows, relabelled)\n"
            "licence=Held under a data-sharing agreement; not for publication\n",
            encoding="utf-8")
        listing = "".join(f"{sha256(f)}  {f.name}\n" for f in sorted(ndelius.glob("*.csv")))
        digest = hashlib.sha256(listing.encode("utf-8")).hexdigest()
        out = work / "out-ndelius"
        run = run_notebook(ndelius, generated / "forecast.csv", out, "ndelius")
        check(run.returncode in (0, 3),
              f"./lens run {NOTEBOOK} on an official-sensitive nDelius extract exits 0 or 3"
              f" (exit {run.returncode})")
        verify(out, {digest}, "the nDelius extract", check)
        # and for the Data First files as delivered (Parquet parts), relabelled; the manifest keeps
        # the lookup's source line, with the kind changed
        datafirst = work / "datafirst"
        shutil.copytree(generated / "datafirst" / "parquet", datafirst)
        lines = (datafirst / "MANIFEST").read_text(encoding="utf-8").splitlines()
        kept = [l for l in lines if l.startswith("lsoa_pcc_lookup.source=")]
        (datafirst / "MANIFEST").write_text(
            "# Data First probation files (for this check: generated rows, relabelled).\n"
            "kind=OFFICIAL_SENSITIVE\n"
            "source=Test Data First files supplied to a researcher (generated rows, relabelled)\n"
            "licence=Held under the ONS SRS terms; not for publication\n"
            + "".join(l + "\n" for l in kept),
            encoding="utf-8")
        out = work / "out-datafirst"
        run = run_notebook(datafirst, generated / "forecast.csv", out, "datafirst")
        check(run.returncode in (0, 3),
              f"./lens run {NOTEBOOK} on official-sensitive Data First files exits 0 or 3"
              f" (exit {run.returncode})")
        verify(out, lambda given: "Data First" in given.get("title", ""),
               "the Data First files", check)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return passed, failed


if __name__ == "__main__":
    p, f = main()
    print(f"real-data: {p} passed, {f} failed")
    sys.exit(1 if f else 0)
