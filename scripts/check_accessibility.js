// axe-core, the accessibility checker browsers' developer tools use, over every executed
// notebook's HTML (nbconvert's export that ./lens reproduce writes to out/notebooks/*.html), in
// Debian's headless Chromium driven by puppeteer-core.
//
//   node scripts/check_accessibility.js [DIR]      (default out/notebooks)
//
// Each page is opened from disk with the network off, its charts left to draw (plotly.js is inlined
// in the page), then axe-core runs over the project's own outputs:
//   included: every cell output (.jp-OutputArea-output: tables, charts with their text
//     alternatives and data tables, footers, text) and every markdown cell (.jp-MarkdownOutput: the
//     notebook's prose, which the project writes);
//   excluded: what nbconvert's page template adds, which the project does not write: the page
//     itself (its <html> language, <title>, landmarks), the code cells' input areas and prompts
//     (nbconvert's syntax-highlighting colours) and the pilcrow links nbconvert puts beside each
//     markdown heading (a.anchor-link). None of those is in the contexts below; the anchors are
//     inside markdown cells, so they are excluded by name.
// A notebook passes when axe finds no violation of serious or critical impact there (moderate and
// minor ones are listed, not counted). Prints a last line "accessibility: N passed, N failed" (one
// test per notebook); exit status 1 if any failed. axe-core and puppeteer-core are pinned in
// scripts/axe/package.json and its lock (npm ci there).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const MODULES = path.join(__dirname, "axe", "node_modules");
const puppeteer = require(path.join(MODULES, "puppeteer-core"));
const AXE_SOURCE = fs.readFileSync(path.join(MODULES, "axe-core", "axe.min.js"), "utf8");
const AXE_VERSION = require(path.join(MODULES, "axe-core", "package.json")).version;

const INCLUDE = [".jp-OutputArea-output", ".jp-MarkdownOutput"];
const EXCLUDE = ["a.anchor-link"];
const FAILING = new Set(["serious", "critical"]);
const CHART_WAIT_MS = 20000;

async function main() {
  const dir = path.resolve(process.argv[2] || path.join(ROOT, "out", "notebooks"));
  const pages = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => f.endsWith(".html")).sort()
    : [];
  let passed = 0;
  let failed = 0;
  if (pages.length === 0) {
    console.log(`accessibility: FAIL: no executed notebook HTML in ${dir} (run ./lens reproduce)`);
    console.log("accessibility: 0 passed, 1 failed");
    process.exit(1);
  }
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), "lens-axe-"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    userDataDir: userData,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    defaultViewport: { width: 1280, height: 900 },
  });
  console.log(`accessibility: axe-core ${AXE_VERSION}, ${pages.length} notebooks in ${dir}`);
  try {
    for (const name of pages) {
      const page = await browser.newPage();
      // from disk only: a request anywhere else fails the page's load instead of leaving it
      await page.setRequestInterception(true);
      page.on("request", (r) => (r.url().startsWith("file:") || r.url().startsWith("data:")
        ? r.continue() : r.abort()));
      await page.goto("file://" + path.join(dir, name), { waitUntil: "load", timeout: 120000 });
      const charts = await page.evaluate(() => document.querySelectorAll(".pl-plot").length);
      await page
        .waitForFunction(
          (n) => document.querySelectorAll(".pl-plot svg.main-svg").length >= n,
          { timeout: CHART_WAIT_MS },
          charts,
        )
        .catch(() => {});
      await page.addScriptTag({ content: AXE_SOURCE });
      const result = await page.evaluate(
        async (include, exclude) => {
          const present = include.filter((s) => document.querySelector(s));
          if (present.length === 0) {
            return { violations: [], nothing: true };
          }
          const r = await window.axe.run(
            { include: present.map((s) => [s]), exclude: exclude.map((s) => [s]) },
            { resultTypes: ["violations"] },
          );
          return {
            violations: r.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              why: v.nodes.length ? (v.nodes[0].any.concat(v.nodes[0].all)[0] || {}).message || "" : "",
              // each kind of element once (the last step of its selector), not every cell
              nodes: [...new Set(v.nodes.map((n) => {
                const t = n.target.join(" ");
                return t.slice(t.lastIndexOf(">") + 1).trim();
              }))].slice(0, 8),
              count: v.nodes.length,
            })),
          };
        },
        INCLUDE,
        EXCLUDE,
      );
      await page.close();
      const bad = result.violations.filter((v) => FAILING.has(v.impact));
      for (const v of result.violations) {
        console.log(
          `accessibility: ${name}: ${v.impact}: ${v.id} (${v.help}), ${v.count} element(s): ` +
            v.nodes.join(" | ") + (v.why ? ` (first: ${v.why})` : ""),
        );
      }
      if (bad.length === 0) {
        passed++;
        console.log(
          `accessibility: ok: ${name}: no serious or critical violation` +
            ` (${result.violations.length} moderate or minor; ${charts} charts)`,
        );
      } else {
        failed++;
        console.log(
          `accessibility: FAIL: ${name}: ${bad.length} serious or critical violation(s): ` +
            bad.map((v) => v.id).join(", "),
        );
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
  console.log(`accessibility: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.log(`accessibility: FAIL: ${e.stack || e}`);
  console.log("accessibility: 0 passed, 1 failed");
  process.exit(1);
});
