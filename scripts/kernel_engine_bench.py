"""The benchmark's five queries inside the installed Probation Lens kernel, beside DuckDB.

  kernel_engine_bench.py DIR [DIR...]

Each DIR is a benchmark folder of `./lens bench` (cases.csv and forecast.csv). For each, a fresh
kernel is started from its kernelspec (the JVM flags `./lens notebook` installs, nothing tuned),
the benchmark's classes (spark/target/test-classes, built by `./lens bench`) and DuckDB's JDBC jar
(from spark/target/bench-classpath.txt) are added with %classpath add, and one cell calls
org.probationlens.bench.InKernel.run: both engines load the file twice, DuckDB's answers are
checked against the core's, and each query is timed 9 times (medians). The report is printed as
the cell gives it. Run by `./lens bench` after the tuned run; the kernelspec must be where Jupyter
finds it (./lens sets JUPYTER_PATH).
"""

import os
import pathlib
import sys
import time

from jupyter_client.manager import start_new_kernel

ROOT = pathlib.Path(__file__).resolve().parent.parent
KERNEL = os.environ.get("LENS_KERNEL_NAME", "probation-lens")
TIMEOUT = 3600


class CellFailed(Exception):
    """A cell of the run ended in an error (its name and message)."""


def cell(kc, code):
    """Runs a cell; returns its text/plain result, or raises CellFailed naming the error."""
    msg_id = kc.execute(code)
    result, error = None, None
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        elif kind == "stream":
            sys.stderr.write(msg["content"]["text"])
        elif kind == "error":
            error = msg["content"]["ename"] + ": " + msg["content"]["evalue"]
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            break
    if error:
        raise CellFailed(f"{error}\n{code}")
    return result


def bench_classes():
    """The benchmark's classes and DuckDB's JDBC jar; exits unless ./lens bench has built them."""
    classes = ROOT / "spark/target/test-classes"
    cp_file = ROOT / "spark/target/bench-classpath.txt"
    if not (classes / "org/probationlens/bench/InKernel.class").exists() or not cp_file.exists():
        sys.exit("kernel-engine-bench: build the benchmark first (./lens bench does)")
    duck = [p for p in cp_file.read_text().strip().split(":") if "duckdb_jdbc" in p]
    if not duck:
        sys.exit(f"kernel-engine-bench: no DuckDB JDBC jar in {cp_file}")
    return classes, duck[0]


def run_in_kernel(d):
    """InKernel.run's report for the folder d, from a fresh kernel started from its kernelspec."""
    classes, duck = bench_classes()
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
    try:
        cell(kc, f"%classpath add {classes} {duck}")
        report = cell(kc, f'org.probationlens.bench.InKernel.run("{d}", 2)')
        return report.strip().strip('"').replace("\\n", "\n") if report else ""
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main(dirs):
    """Each folder in its own fresh kernel; a folder whose run fails (a kernel whose heap is too
    small for the cases, say) is reported and the others still run; exit status 1 then."""
    bench_classes()
    failed = []
    for d in dirs:
        d = pathlib.Path(d).resolve()
        with open("/proc/loadavg") as f:
            print(f"kernel-engine-bench: {d.name}, load average {' '.join(f.read().split()[:3])}",
                  flush=True)
        began = time.perf_counter()
        try:
            print(run_in_kernel(d), flush=True)
        except CellFailed as e:
            failed.append(d.name)
            print(f"kernel-engine-bench: {d.name}: the cell failed: {e}", flush=True)
            continue
        print(f"kernel-engine-bench: {d.name} took {time.perf_counter() - began:.0f} s",
              flush=True)
    if failed:
        sys.exit(f"kernel-engine-bench: failed for {', '.join(failed)}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
