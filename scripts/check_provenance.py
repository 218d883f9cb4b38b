"""Check that every table and chart output of every executed notebook carries its sources footer.

Usage: /usr/bin/python3 scripts/check_provenance.py DIR

DIR holds the executed notebooks (NAME.ipynb, as scripts/reproduce.py writes them to out/notebooks).
Every notebook there is checked, whoever wrote it (00-04 and the later ones alike).

What counts as an output to check: a display_data or execute_result output that is
  - a chart: it carries application/vnd.plotly.v1+json, or
  - a table: its text/html holds a <table> element.
Plain text outputs (a sentence, a number, a log-rank line) are not tables and are not checked.

Such an output passes when it carries the stable markers Probation Lens's renderer writes for a
result or a chart made with Chart.of(figure, sources):
  1. the output's metadata has the key "probation_lens_sources" (MimeBundle.SOURCES_METADATA),
     a JSON object whose "footer" is the footer line, with "kind" (PUBLISHED, DERIVED,
     OFFICIAL_SENSITIVE or SYNTHETIC), "inputs" (each with "sha256") and "library_version";
  2. its text/html has exactly one element of class "pl-sources": the footer, an HTML <details>
     whose <summary> is the one visible line (the metadata's "summary": the kind and a short
     source) and which opens onto the full footer line; that footer line appears in the HTML.
A table rendered bare (a Tablesaw Table rather than a Result) or a chart with a typed caption has
neither, and fails.

Prints one line per failure (notebook, cell number counted from 1 over all cells, output number,
what is missing), then a last line "provenance: N passed, N failed", one check per output (a
notebook that cannot be read counts as one failure).
"""

import html
import json
import pathlib
import re
import sys

METADATA_KEY = "probation_lens_sources"
HTML_MARKER = re.compile(r"class=[\"'][^\"']*\bpl-sources\b")
TABLE = re.compile(r"<table\b", re.IGNORECASE)
SUMMARY = re.compile(
    r"<details\b[^>]*\bclass=[\"'][^\"']*\bpl-sources\b[^>]*>\s*<summary\b[^>]*>(.*?)</summary>", re.S
)
PLOTLY = "application/vnd.plotly.v1+json"


def text(value):
    """nbformat stores multi-line strings as lists of lines."""
    if isinstance(value, list):
        return "".join(value)
    return value or ""


def problems_of(output):
    """What an output that must carry sources lacks; None if it need not carry any."""
    data = output.get("data", {})
    markup = text(data.get("text/html"))
    is_chart = PLOTLY in data
    is_table = bool(TABLE.search(markup))
    if not (is_chart or is_table):
        return None
    kind = "chart" if is_chart else "table"
    missing = []
    meta = output.get("metadata", {}).get(METADATA_KEY)
    footer = None
    if not isinstance(meta, dict):
        missing.append("no metadata key " + METADATA_KEY)
    else:
        footer = meta.get("footer")
        if not isinstance(footer, str) or not footer.strip():
            missing.append(METADATA_KEY + " has no footer")
        if meta.get("kind") not in ("PUBLISHED", "DERIVED", "OFFICIAL_SENSITIVE", "SYNTHETIC"):
            missing.append(METADATA_KEY + " has no kind")
        inputs = meta.get("inputs")
        if not isinstance(inputs, list) or any(
            not isinstance(i, dict) or not i.get("sha256") for i in inputs
        ):
            missing.append(METADATA_KEY + " inputs without sha256")
        if not meta.get("library_version"):
            missing.append(METADATA_KEY + " has no library_version")
        summary = meta.get("summary")
        if not isinstance(summary, str) or not summary.startswith(str(meta.get("kind"))):
            missing.append(METADATA_KEY + " has no summary line starting with its kind")
    markers = len(HTML_MARKER.findall(markup))
    if markers == 0:
        missing.append('no element of class "pl-sources" in text/html')
    else:
        if markers > 1:
            missing.append('%d elements of class "pl-sources" in text/html, not one' % markers)
        if isinstance(footer, str) and footer and footer not in html.unescape(markup):
            missing.append("the footer in the metadata is not the one drawn in text/html")
        shown = SUMMARY.search(markup)
        if not shown:
            missing.append("the pl-sources footer is not a <details> with a one-line <summary>")
        elif isinstance(meta, dict) and isinstance(meta.get("summary"), str):
            line = html.unescape(re.sub(r"<[^>]*>", "", shown.group(1)))
            if not line.startswith(meta["summary"]):
                missing.append("the footer line drawn (%r) is not the metadata's summary" % line)
    return kind, missing


def check(notebook_path):
    """(passed, failures) for one executed notebook."""
    nb = json.loads(notebook_path.read_text(encoding="utf-8"))
    passed = 0
    failures = []
    for n, cell in enumerate(nb.get("cells", []), start=1):
        if cell.get("cell_type") != "code":
            continue
        for k, output in enumerate(cell.get("outputs", []), start=1):
            if output.get("output_type") not in ("display_data", "execute_result"):
                continue
            found = problems_of(output)
            if found is None:
                continue
            kind, missing = found
            if missing:
                failures.append(
                    "%s cell %d output %d (%s): %s"
                    % (notebook_path.name, n, k, kind, "; ".join(missing))
                )
            else:
                passed += 1
    return passed, failures


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    folder = pathlib.Path(argv[1])
    notebooks = sorted(folder.glob("*.ipynb"))
    passed = 0
    failed = 0
    if not notebooks:
        print("provenance: no executed notebooks in %s" % folder)
        failed += 1
    for path in notebooks:
        try:
            p, failures = check(path)
        except (OSError, ValueError) as e:
            print("provenance: cannot read %s: %s" % (path, e))
            failed += 1
            continue
        for f in failures:
            print("provenance: FAIL " + f)
        print("provenance: %s: %d outputs with their sources, %d without" % (path.name, p, len(failures)))
        passed += p
        failed += len(failures)
    print("provenance: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
