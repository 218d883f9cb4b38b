"""Five fresh runs of the benchmark's queries, to see whether the figures hold from run to run.

  bench_stability.py DIR [N]

DIR is a benchmark folder of `./lens bench` (cases.csv and forecast.csv; out/bench/rows-10000000
for the issue's figures). N (default 5) times each, alternating, every run in a new process:

  kernel  a fresh kernel from its kernelspec (the JVM `./lens notebook` starts), as
          scripts/kernel_engine_bench.py runs it
  tuned   a fresh JVM with the flags of `./lens bench`'s tuned run (fixed, pre-touched 10 GB heap,
          the default JIT compilers and collector)

Both call org.probationlens.bench.InKernel.run (both engines load the file twice, DuckDB's answers
are checked against the core's, each query is timed 9 times after 2 warm-up rounds). Prints each
run's figures, then per setting the least and greatest of each figure over the N runs and their
ratio (the runs agree within 20% when every ratio is at most 1.20), and which of issue 27's goals
every run met. Run by `./lens bench-stability`, which builds what it needs first.
"""

import os
import pathlib
import re
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import kernel_engine_bench  # noqa: E402  (the kernel run, shared with ./lens bench)

ROOT = pathlib.Path(__file__).resolve().parent.parent

LOAD = re.compile(r"load core (\d+) ms \(first (\d+)\), DuckDB (\d+) ms \(first (\d+)\)")
QUERY = re.compile(r"query (\d) \(.*\): core ([\d.]+) ms, DuckDB ([\d.]+) ms")
MEAN = re.compile(r"geometric mean ([\d.]+)x")


def tuned_argv(d):
    classes, _ = kernel_engine_bench.bench_classes()
    cp = (ROOT / "spark/target/bench-classpath.txt").read_text().strip()
    pom = (ROOT / "spark/pom.xml").read_text()
    opts = re.search(r"<spark.jvm.options>(.*)</spark.jvm.options>", pom).group(1).split()
    return (["java", "-Xms10g", "-Xmx10g", "-XX:+AlwaysPreTouch"] + opts
            + ["-cp", f"{classes}:{ROOT / 'spark/target/classes'}:{cp}",
               "org.probationlens.bench.InKernel", str(d)])


def run_tuned(d):
    done = subprocess.run(tuned_argv(d), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"bench-stability: the tuned run failed:\n{done.stderr[-2000:]}")
    return done.stdout


def figures(report):
    """{name: value} from one InKernel report: loads, each query's core and DuckDB times and ratio,
    the geometric mean."""
    out = {}
    m = LOAD.search(report)
    if not m:
        sys.exit(f"bench-stability: no load line in the report:\n{report}")
    core, core_first, duck, duck_first = (float(x) for x in m.groups())
    out["core load ms"] = core
    out["core first load ms"] = core_first
    out["DuckDB load ms"] = duck
    out["load, core / DuckDB"] = core / duck
    out["core first load / later"] = core_first / core
    for q, c, d in QUERY.findall(report):
        out[f"query {q} core ms"] = float(c)
        out[f"query {q} DuckDB ms"] = float(d)
        out[f"query {q} DuckDB / core"] = float(d) / float(c)
    out["geometric mean, DuckDB / core"] = float(MEAN.search(report).group(1))
    return out


def goals(f):
    """Issue 27's goals for one run: name -> met."""
    ratios = [v for k, v in f.items() if k.endswith("DuckDB / core") and k.startswith("query")]
    return {
        "geometric mean >= 10x": f["geometric mean, DuckDB / core"] >= 10,
        "every query >= 3x": min(ratios) >= 3,
        "load <= 1/3 of DuckDB's": f["load, core / DuckDB"] <= 1 / 3,
        "first load <= 1.5x a later one": f["core first load / later"] <= 1.5,
    }


def main(d, n):
    d = pathlib.Path(d).resolve()
    runs = {"kernel": [], "tuned": []}
    for i in range(n):
        for setting, run in (("kernel", kernel_engine_bench.run_in_kernel), ("tuned", run_tuned)):
            with open("/proc/loadavg") as la:
                load = " ".join(la.read().split()[:3])
            try:
                report = run(d)
            except kernel_engine_bench.CellFailed as e:
                sys.exit(f"bench-stability: the {setting} run {i + 1} failed: {e}")
            print(f"bench-stability: {setting} run {i + 1} of {n} (load average before: {load})")
            print(report.strip(), flush=True)
            runs[setting].append(figures(report))
    verdicts = []
    for setting, fs in runs.items():
        agreed = True
        print(f"\n{setting}: {n} fresh runs, {d.name}\n")
        print("| figure | least | greatest | greatest / least |")
        print("|---|---:|---:|---:|")
        for name in fs[0]:
            values = [f[name] for f in fs]
            spread = max(values) / min(values)
            agreed &= spread <= 1.2 or "DuckDB ms" in name or "DuckDB load" in name
            print(f"| {name} | {min(values):,.2f} | {max(values):,.2f} | {spread:.2f} |")
        met = {}
        for f in fs:
            for goal, ok in goals(f).items():
                met[goal] = met.get(goal, 0) + ok
        print()
        for goal, count in met.items():
            print(f"{setting}: {goal}: met in {count} of {n} runs")
        verdicts.append(f"{setting}: the core's figures and the ratios agree within 20%" if agreed
                        else f"{setting}: some figure of the core or ratio varies by more than 20%")
    print()
    for verdict in verdicts:
        print(f"bench-stability: {verdict}")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 5)
