"""The tuned run's figures and the in-kernel run's side by side, from one `./lens bench`.

  bench_summary.py FOUR_ENGINES.txt IN_KERNEL.txt

Reads the two reports `./lens bench` keeps (out/bench/four-engines.txt, the tuned JVM;
out/bench/in-kernel.txt, the kernel as `./lens notebook` installs it) and prints, for each size, the
core's and DuckDB's load and query times in each setting with DuckDB's time over the core's, then
the goals of issue 27 as met or not in the kernel. Nothing is measured here.
"""

import math
import re
import sys

TUNED_SIZE = re.compile(r"^([\d,]+) generated cases")
TUNED_QUERY = re.compile(r"^\| (\d)\. [^|]+\| ([\d,.]+) \| ([\d,.]+) \(")
TUNED_LOAD = re.compile(r"^load of cases\.csv: core .*? ([\d,]+) ms, DuckDB .*? ([\d,]+) ms")
KERNEL_LOAD = re.compile(
    r"in the kernel, ([\d,]+) rows: load core (\d+) ms \(first (\d+)\), DuckDB (\d+) ms")
KERNEL_QUERY = re.compile(r"in the kernel, query (\d) \(.*\): core ([\d.]+) ms, DuckDB ([\d.]+) ms")


def number(text):
    return float(text.replace(",", ""))


def tuned(path):
    """{rows: {"load": (core, duck), 1..5: (core, duck)}} from four-engines.txt."""
    out, rows = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = TUNED_SIZE.match(line)
            if m:
                rows = int(number(m.group(1)))
                out[rows] = {}
                continue
            m = TUNED_QUERY.match(line)
            if m and rows is not None:
                out[rows][int(m.group(1))] = (number(m.group(2)), number(m.group(3)))
                continue
            m = TUNED_LOAD.match(line)
            if m and rows is not None:
                out[rows]["load"] = (number(m.group(1)), number(m.group(2)))
    return out


def kernel(path):
    """{rows: {"load": (core, duck), "first": core's first, 1..5: (core, duck)}}."""
    out, rows = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = KERNEL_LOAD.search(line)
            if m:
                rows = int(number(m.group(1)))
                out[rows] = {"load": (number(m.group(2)), number(m.group(4))),
                             "first": number(m.group(3))}
                continue
            m = KERNEL_QUERY.search(line)
            if m and rows is not None:
                out[rows][int(m.group(1))] = (number(m.group(2)), number(m.group(3)))
    return out


def cell(pair):
    if pair is None:
        return "- | - | -"
    core, duck = pair
    return f"{core:,.1f} | {duck:,.1f} | {duck / core:.1f}x"


def main(tuned_path, kernel_path):
    t, k = tuned(tuned_path), kernel(kernel_path)
    print("\nthe tuned JVM and the kernel side by side (ms; DuckDB's time over the core's)\n")
    print("| rows | measure | tuned: core | tuned: DuckDB | ratio | kernel: core | kernel: DuckDB"
          " | ratio |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for rows in sorted(set(t) | set(k)):
        for key in ["load", 1, 2, 3, 4, 5]:
            name = "load cases.csv" if key == "load" else f"query {key}"
            print(f"| {rows:,} | {name} | {cell(t.get(rows, {}).get(key))}"
                  f" | {cell(k.get(rows, {}).get(key))} |")
    for rows, f in sorted(k.items()):
        ratios = [f[q][1] / f[q][0] for q in range(1, 6) if q in f]
        if len(ratios) < 5:
            continue
        mean = math.exp(sum(math.log(r) for r in ratios) / 5)
        load = f["load"][0] / f["load"][1]
        first = f["first"] / f["load"][0]
        print(f"\nin the kernel, {rows:,} rows, issue 27's goals: geometric mean {mean:.1f}x"
              f" (>= 10x: {'met' if mean >= 10 else 'not met'}); slowest query {min(ratios):.1f}x"
              f" (>= 3x: {'met' if min(ratios) >= 3 else 'not met'}); load {load:.2f} of DuckDB's"
              f" (<= 0.33: {'met' if load <= 1 / 3 else 'not met'}); first load {first:.2f}x a"
              f" later one (<= 1.5x: {'met' if first <= 1.5 else 'not met'})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
