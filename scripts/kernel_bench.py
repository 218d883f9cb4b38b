"""Measure the installed Probation Lens kernel through jupyter_client (Debian's /usr/bin/python3).

  latency [N]   N kernel starts (default 20): median kernel-ready time (launch to the first
                kernel_info reply) and median first-cell round trip; then, in one kernel, the
                median round trip of N warm cells (execute_request to execute_reply).
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
    """Seconds from execute_request to its execute_reply, and the text/plain result."""
    start = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    elapsed = time.perf_counter() - start
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return elapsed, reply["content"]["status"], result


def start():
    begin = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)
    return km, kc, time.perf_counter() - begin


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def latency(n):
    ready, first = [], []
    for _ in range(n):
        km, kc, seconds = start()
        ready.append(seconds)
        first.append(round_trip(kc, "1 + 1")[0])
        stop(km, kc)
    km, kc, _ = start()
    round_trip(kc, "1 + 1")
    warm = [round_trip(kc, "1 + 1")[0] for _ in range(n)]
    stop(km, kc)
    ms = lambda xs: f"{statistics.median(xs) * 1000:.0f} ms (min {min(xs) * 1000:.0f}, max {max(xs) * 1000:.0f})"
    print(f"kernel-ready time, median of {n} starts: {ms(ready)}")
    print(f"first-cell round trip, median of {n} starts: {ms(first)}")
    print(f"warm-cell round trip, median of {n} cells: {ms(warm)}")
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
        return latency(int(sys.argv[2]) if len(sys.argv) > 2 else 20)
    if mode == "starts":
        return starts(int(sys.argv[2]) if len(sys.argv) > 2 else 100)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
