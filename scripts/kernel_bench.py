"""Measure the installed Probation Lens kernel through jupyter_client (Debian's /usr/bin/python3).

  latency [N]   Our kernel and IPython's (Debian python3-ipykernel, kernel name python3) in the
                same run: N fresh starts of each, alternating (default 5): kernel-ready time
                (launch to the first kernel_info reply) and the first cell (execute_request to
                idle); for ours also a first table + chart cell; then 40 warm cells in one
                kernel of each. Prints a table of medians with the ratios and the load average.
  starts [N]    N consecutive starts (default 100), each: start, run "1 + 1" and check it shows 2,
                shut down. Prints the number of failures; exit status 1 if any.

The kernelspec must be where Jupyter finds it (./lens sets JUPYTER_PATH; see ./lens bench).
"""

import os
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel

KERNEL = os.environ.get("LENS_KERNEL_NAME", "probation-lens")
TIMEOUT = 60


def round_trip(kc, code):
    """Seconds from execute_request to the idle status that ends it, the reply status and the
    text/plain result."""
    start = time.perf_counter()
    msg_id = kc.execute(code)
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            elapsed = time.perf_counter() - start
            break
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return elapsed, reply["content"]["status"], result


def start(kernel=KERNEL):
    """A new kernel; seconds from launch to its first kernel_info reply (wait_for_ready)."""
    begin = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=TIMEOUT)
    return km, kc, time.perf_counter() - begin


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


PEER = os.environ.get("LENS_PEER_KERNEL", "python3")  # Debian's python3-ipykernel
CELLS = {  # a trivial cell, as the issue measured it: an assignment and its value
    KERNEL: "int x = 1 + 1;\nx",
    PEER: "x = 1 + 1; x",
}
TABLE_AND_CHART = (
    'Table areas = Table.create("cases by area", StringColumn.create("area", "Kent", "Essex",'
    ' "Surrey"), IntColumn.create("cases", 120, 80, 95));\n'
    'display(areas);\n'
    'tech.tablesaw.plotly.api.VerticalBarPlot.create("cases by area", areas, "area", "cases")')


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def latency(n, warm_cells=40):
    """n fresh starts of each kernel, alternating, then warm cells in one kernel of each."""
    print(f"load average before: {load()} (2 cores shared; absolute times are noisy, compare"
          " the ratios of this run)", flush=True)
    ready = {KERNEL: [], PEER: []}
    first = {KERNEL: [], PEER: []}
    chart = []
    for i in range(n):
        for kernel in (KERNEL, PEER):
            km, kc, seconds = start(kernel)
            ready[kernel].append(seconds)
            elapsed, status, _ = round_trip(kc, CELLS[kernel])
            if status != "ok":
                raise RuntimeError(f"{kernel}: the first cell failed")
            first[kernel].append(elapsed)
            if kernel == KERNEL:
                elapsed, status, _ = round_trip(kc, TABLE_AND_CHART)
                if status != "ok":
                    raise RuntimeError("the table and chart cell failed")
                chart.append(elapsed)
            stop(km, kc)
        print(f"start {i + 1} of {n} done", flush=True)
    warm = {}
    for kernel in (KERNEL, PEER):
        km, kc, _ = start(kernel)
        for _ in range(5):
            round_trip(kc, CELLS[kernel])
        warm[kernel] = [round_trip(kc, CELLS[kernel])[0] for _ in range(warm_cells)]
        stop(km, kc)
    med = lambda xs: statistics.median(xs) * 1000
    rows = [
        ("kernel ready (launch to kernel_info reply)", ready, "<= 0.6x"),
        ("first cell (execute to idle), fresh kernel", first, "<= 15x"),
        (f"warm cell, median of {warm_cells}", warm, "<= 3x"),
    ]
    print()
    print(f"| measure (medians; {n} starts each) | Probation Lens | IPython ({PEER}) | ratio | goal |")
    print("|---|---:|---:|---:|---|")
    for name, values, goal in rows:
        ours, peer = med(values[KERNEL]), med(values[PEER])
        print(f"| {name} | {ours:.0f} ms | {peer:.1f} ms | {ours / peer:.2f}x | {goal} |")
    print(f"| first table + chart cell (after the first cell) | {med(chart):.0f} ms | - | - |"
          " < 1000 ms |")
    print()
    print(f"cells: ours {CELLS[KERNEL]!r}, IPython {CELLS[PEER]!r}; load average after: {load()}")
    return 0


def starts(n):
    failures = 0
    began = time.perf_counter()
    for i in range(1, n + 1):
        try:
            km, kc, _ = start()
            try:
                _, status, result = round_trip(kc, "1 + 1")
                if status != "ok" or result != "2":
                    raise RuntimeError(f"status {status}, result {result!r}")
            finally:
                stop(km, kc)
        except Exception as e:  # a failed start of any kind is what we count
            failures += 1
            print(f"start {i}: FAILED: {type(e).__name__}: {e}", flush=True)
        if i % 10 == 0:
            print(f"{i} starts, {failures} failures", flush=True)
    print(f"{n} consecutive kernel starts: {failures} failures"
          f" ({time.perf_counter() - began:.0f} s in all)")
    return 1 if failures else 0


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "latency"
    if mode == "latency":
        return latency(int(sys.argv[2]) if len(sys.argv) > 2 else 5)
    if mode == "starts":
        return starts(int(sys.argv[2]) if len(sys.argv) > 2 else 100)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
