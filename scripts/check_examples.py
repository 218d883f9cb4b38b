#!/usr/bin/python3
"""Every Java example in the README and in docs/ runs, so that none can go stale.

Reads README.md and docs/*.md, takes each fenced block tagged ```java (a block tagged otherwise,
such as ```java-spark for a Spark driver program, ```xml or ```text, is not Java a kernel cell can
run, and is only counted as not run), and runs the blocks of each file in order, in one session of
the project's kernel started in notebooks/, the working directory a notebook has: an example may
use what an earlier block of the same file defined, as a reader pasting them into a notebook would.
A block passes when the kernel replies ok; it fails on an error, naming the file, the block's first
line number in it and the kernel's message.

Ends with the line `examples: N passed, N failed` that `./lens test` counts.
"""
import os
import pathlib
import queue
import re
import sys

from jupyter_client.manager import start_new_kernel

ROOT = pathlib.Path(__file__).resolve().parent.parent
KERNEL_NAME = os.environ.get("LENS_KERNEL_NAME", "probation-lens")
TIMEOUT = 300
FENCE = re.compile(r"^```(\S*)\s*$")


def blocks(path):
    """(info string, first line number, source) of each fenced block of a Markdown file."""
    found, info, start, lines = [], None, 0, []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = FENCE.match(line.strip()) if line.lstrip().startswith("```") else None
        if info is None and match:
            info, start, lines = match.group(1), number + 1, []
        elif info is not None and line.strip() == "```":
            found.append((info, start, "\n".join(lines)))
            info = None
        elif info is not None:
            lines.append(line)
    if info is not None:
        raise SystemExit(f"{path}: the block opened at line {start - 1} is never closed")
    return found


def run(kc, code):
    """Runs code; returns None when the kernel replied ok, else the error as one line."""
    msg_id = kc.execute(code, store_history=False)
    error = None
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=TIMEOUT)
        except queue.Empty:
            return f"no reply within {TIMEOUT} s"
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            content = msg["content"]
            error = f"{content['ename']}: {content['evalue']}".strip()
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    if reply["content"]["status"] != "ok":
        return error or reply["content"].get("evalue") or reply["content"]["status"]
    return None


def main():
    files = [ROOT / "README.md"] + sorted((ROOT / "docs").glob("**/*.md"))
    passed = failed = not_java = 0
    for path in files:
        if not path.is_file():
            continue
        fenced = blocks(path)
        examples = [b for b in fenced if b[0] == "java"]
        not_java += len(fenced) - len(examples)
        if not examples:
            continue
        name = path.relative_to(ROOT)
        km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=120,
                                  cwd=str(ROOT / "notebooks"))
        try:
            for _, line, source in examples:
                problem = run(kc, source)
                if problem is None:
                    passed += 1
                    print(f"ok   {name}:{line}", flush=True)
                else:
                    failed += 1
                    print(f"FAIL {name}:{line}: {problem}", flush=True)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    print(f"({not_java} fenced blocks that are not Java for the kernel were not run)")
    print(f"examples: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
