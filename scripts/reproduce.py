"""Execute notebooks headless through a Jupyter kernel and write them, with their HTML, to a folder.

Usage: /usr/bin/python3 scripts/reproduce.py --kernel NAME --timeout SECONDS --out DIR NB.ipynb...

Every cell has a timeout (nbclient has none by default). One progress line per notebook; the
last line reads "notebooks: N passed, N failed". Exit status 1 if any cell of any notebook failed.
"""

import argparse
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter


def first_error(nb):
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return index, output.get("ename", ""), output.get("evalue", "")
    return None


def run(path, kernel, timeout, out):
    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        startup_timeout=120,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    error = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        error = e
    except Exception as e:  # the kernel could not start, for example
        error = e
    executed = out / path.name
    nbformat.write(nb, str(executed))
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    (out / (path.stem + ".html")).write_text(html, encoding="utf-8")
    return error


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--timeout", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    notebooks = [pathlib.Path(p) for p in args.notebooks if pathlib.Path(p).is_file()]
    if not notebooks:
        print("reproduce: no notebooks found")
        print("notebooks: 0 passed, 1 failed")
        return 1
    passed = failed = 0
    for i, path in enumerate(notebooks, 1):
        start = time.monotonic()
        error = run(path, args.kernel, args.timeout, out)
        seconds = time.monotonic() - start
        if error is None:
            passed += 1
            print(f"reproduce: [{i}/{len(notebooks)}] {path.name} ok ({seconds:.1f} s)", flush=True)
        else:
            failed += 1
            summary = str(error).strip().splitlines()
            detail = summary[-1] if summary else type(error).__name__
            print(f"reproduce: [{i}/{len(notebooks)}] {path.name} FAILED ({seconds:.1f} s): "
                  f"{type(error).__name__}: {detail}", flush=True)
    print(f"reproduce: executed notebooks and HTML are in {out}/")
    print(f"notebooks: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
