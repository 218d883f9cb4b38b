#!/usr/bin/env bash
# Refreshes docs/images/tour.png, the README's screenshot of notebooks/00-tour.ipynb:
# renders out/notebooks/00-tour.html (written by `./lens reproduce`) in Debian's headless
# Chromium, with the network features off (the page is self-contained: plotly.js is inline).
# Usage: scripts/readme_screenshot.sh [HTML] (default out/notebooks/00-tour.html)
set -euo pipefail
cd "$(dirname "$0")/.."
html="${1:-out/notebooks/00-tour.html}"
if [ ! -f "$html" ]; then
  echo "$html not found: run ./lens reproduce first" >&2
  exit 1
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
mkdir -p docs/images
# A copy of the page that starts at the "Method" heading: the cells above it (the question and
# the 42-row table of areas) are removed when it loads, so the window holds a table and the chart.
page="$profile/00-tour.html"
sed 's|</body>|<script>addEventListener("DOMContentLoaded", () => { const h = document.getElementById("Method"); const c = h \&\& h.closest(".jp-Cell"); while (c \&\& c.previousElementSibling) c.previousElementSibling.remove(); });</script></body>|' "$html" >"$page"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size="${LENS_SHOT_SIZE:-1100,1800}" \
  --virtual-time-budget=8000 --screenshot=docs/images/tour.png \
  "file://$page" 2>/dev/null
ls -l docs/images/tour.png
