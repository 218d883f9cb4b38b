"""Open each executed notebook's HTML in headless Chromium and check that every Plotly figure drew.

Usage: /usr/bin/python3 scripts/check_charts.py DIR

DIR holds NAME.ipynb (executed) and NAME.html pairs, as written by scripts/reproduce.py. A figure
is an output carrying application/vnd.plotly.v1+json; it has drawn when one of the div ids in its
text/html holds an <svg class="main-svg"> in the DOM Chromium builds (network off, a fresh
profile, a time budget, a hard timeout). The last line reads "charts: N passed, N failed", one
check per figure (a notebook Chromium cannot open counts as one failure).
"""

import html.parser
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_TIMEOUT_S = 120
VIRTUAL_TIME_BUDGET_MS = 20000
DIV_ID = re.compile(r"<div[^>]*\bid=[\"']([^\"']+)[\"']")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}


def figure_div_ids(notebook_path):
    """One list of div ids per Plotly figure output of the notebook, in order."""
    nb = json.loads(notebook_path.read_text(encoding="utf-8"))
    figures = []
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "application/vnd.plotly.v1+json" in data:
                markup = data.get("text/html", "")
                if isinstance(markup, list):
                    markup = "".join(markup)
                figures.append(DIV_ID.findall(markup))
    return figures


class SvgFinder(html.parser.HTMLParser):
    """Records which element ids have an <svg class="main-svg"> somewhere inside them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # element ids (or None) of open elements
        self.drawn = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "svg" and "main-svg" in (attributes.get("class") or "").split():
            self.drawn.update(i for i in self.stack if i)
        if tag not in VOID:
            self.stack.append(attributes.get("id"))

    def handle_startendtag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "svg" and "main-svg" in (attributes.get("class") or "").split():
            self.drawn.update(i for i in self.stack if i)

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()


def dump_dom(html_path):
    profile = tempfile.mkdtemp(prefix="lens-chromium-")
    try:
        command = [
            shutil.which("chromium") or "/usr/bin/chromium",
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
            f"--user-data-dir={profile}",
            f"--virtual-time-budget={VIRTUAL_TIME_BUDGET_MS}",
            "--dump-dom", html_path.resolve().as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True,
                              timeout=CHROMIUM_TIMEOUT_S, check=False)
        if done.returncode != 0 or "<html" not in done.stdout.lower():
            raise RuntimeError(f"chromium exited {done.returncode}: {done.stderr.strip()[-500:]}")
        return done.stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "out/notebooks")
    passed = failed = 0
    pages = sorted(folder.glob("*.html"))
    if not pages:
        print(f"charts: no HTML in {folder}/ (run ./lens reproduce first)")
        print("charts: 0 passed, 1 failed")
        return 1
    for page in pages:
        notebook = page.with_suffix(".ipynb")
        figures = figure_div_ids(notebook) if notebook.exists() else []
        try:
            dom = dump_dom(page)
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            print(f"charts: {page.name}: Chromium could not open it: {e}")
            failed += 1
            continue
        finder = SvgFinder()
        finder.feed(dom)
        drawn = sum(1 for ids in figures if any(i in finder.drawn for i in ids))
        passed += drawn
        failed += len(figures) - drawn
        for n, ids in enumerate(figures, 1):
            if not any(i in finder.drawn for i in ids):
                print(f"charts: {page.name}: figure {n} (div {', '.join(ids) or 'without id'})"
                      " has no plotly svg")
        print(f"charts: {page.name}: {drawn} of {len(figures)} Plotly figures drawn")
    print(f"charts: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
