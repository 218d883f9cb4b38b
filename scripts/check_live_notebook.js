// The live Notebook in a real browser: starts Jupyter Notebook on 127.0.0.1 with the project's
// kernel and drives Debian's headless Chromium through its UI with puppeteer-core.
//
//   node scripts/check_live_notebook.js [--only NAME[,NAME...]] [--out DIR]
//
// Run by ./lens test after the kernel is installed in .jupyter-local (it inherits JUPYTER_PATH and
// the rest from ./lens; puppeteer-core comes from scripts/live, `npm ci` there). The notebooks
// run in a copy under DIR/work/notebooks (default out/live-notebook) beside a link to data/, so
// nothing in notebooks/ is saved over. Checks, each one line "ok" or "FAIL":
//   - every notebook: Cell > Run All; no error output; every chart output (one per Plotly JSON
//     output) drawn, an SVG with its traces; saved, then reopened without running it: every chart
//     drawn again from the saved outputs, with plotly.js served from the kernelspec;
//   - a cell looping forever, stopped with the toolbar's interrupt button; the next cell runs;
//   - Kernel > Restart: the session's variables are gone and cells run again;
//   - Tab completion: "Math.flo" offers floor, floorDiv and floorMod;
//   - the browser console: no error but the 404s of the nbextensions Jupyter's own configuration
//     names (Debian enables ipywidgets' without shipping it).
// Screenshots go to DIR: NAME.png after Run All, NAME-reopened.png and NAME-chart1.png (its first
// chart) after reopening, interrupt.png, completion.png.
// Prints a last line "live-notebook: N passed, N failed"; exit status 1 if any failed.
"use strict";

const childProcess = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const net = require("net");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const puppeteer = require(path.join(__dirname, "live", "node_modules", "puppeteer-core"));

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const OUT = path.resolve(option("--out", path.join(ROOT, "out", "live-notebook")));
const ONLY = option("--only", null); // a prefix, or several separated by commas ("00,01")
const KERNEL = process.env.LENS_KERNEL_NAME || "probation-lens";
const RUN_ALL_TIMEOUT_MS = 600000;
const CHART_TIMEOUT_MS = 30000;

let passed = 0;
let failed = 0;
function ok(what) {
  passed++;
  console.log(`live-notebook: ok: ${what}`);
}
function fail(what) {
  failed++;
  console.log(`live-notebook: FAIL: ${what}`);
}
function check(condition, what, why) {
  if (condition) {
    ok(what);
  } else {
    fail(`${what}: ${why}`);
  }
  return condition;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A copy of notebooks/ beside a link to data/, so that "../data/..." paths hold. */
function workspace() {
  const work = path.join(OUT, "work");
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, "notebooks"), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "data"), path.join(work, "data"));
  const names = fs
    .readdirSync(path.join(ROOT, "notebooks"))
    .filter((n) => n.endsWith(".ipynb"))
    .filter((n) => !ONLY || ONLY.split(",").some((prefix) => n.startsWith(prefix)))
    .sort();
  for (const name of names) {
    fs.copyFileSync(path.join(ROOT, "notebooks", name), path.join(work, "notebooks", name));
  }
  return { dir: path.join(work, "notebooks"), names };
}

async function startJupyter(dir) {
  const port = await freePort();
  const token = crypto.randomBytes(24).toString("hex");
  const argv = [
    "notebook",
    "--no-browser",
    "--ip=127.0.0.1",
    `--port=${port}`,
    "--port-retries=0",
    `--notebook-dir=${dir}`,
    `--NotebookApp.token=${token}`,
    "--NotebookApp.open_browser=False",
  ];
  if (process.getuid && process.getuid() === 0) {
    argv.push("--allow-root");
  }
  const log = fs.openSync(path.join(OUT, "jupyter.log"), "w");
  const server = childProcess.spawn("/usr/bin/jupyter", argv, {
    stdio: ["ignore", log, log],
    env: process.env,
  });
  const base = `http://127.0.0.1:${port}/`;
  const started = Date.now();
  while (Date.now() - started < 60000) {
    if (server.exitCode !== null) {
      throw new Error(`jupyter notebook exited with ${server.exitCode} (see ${OUT}/jupyter.log)`);
    }
    try {
      const r = await fetch(`${base}api/status`, { headers: { Authorization: `token ${token}` } });
      if (r.ok) {
        return { server, base, token };
      }
    } catch (e) {
      // not listening yet
    }
    await sleep(250);
  }
  server.kill("SIGTERM");
  throw new Error(`jupyter notebook did not answer on ${base} in 60 s (see ${OUT}/jupyter.log)`);
}

/** Opens a notebook in the page and waits for its kernel to be idle. */
async function open(page, jupyter, name) {
  await page.goto(`${jupyter.base}notebooks/${encodeURIComponent(name)}?token=${jupyter.token}`, {
    waitUntil: "load",
  });
  await page.waitForFunction(
    () =>
      window.Jupyter &&
      Jupyter.notebook &&
      Jupyter.notebook._fully_loaded &&
      Jupyter.notebook.kernel &&
      Jupyter.notebook.kernel.is_connected() &&
      document.querySelector("#kernel_indicator_icon.kernel_idle_icon"),
    { timeout: 120000, polling: 200 },
  );
}

/** Waits until no code cell is queued or running and the kernel is idle. */
async function waitForCells(page, timeout) {
  await page.waitForFunction(
    () =>
      Jupyter.notebook
        .get_cells()
        .every((c) => c.cell_type !== "code" || c.input_prompt_number !== "*") &&
      document.querySelector("#kernel_indicator_icon.kernel_idle_icon"),
    { timeout, polling: 250 },
  );
}

/** The notebook's error outputs and how many chart outputs (Plotly JSON) it holds. */
async function outputs(page) {
  return page.evaluate(() => {
    const errors = [];
    let charts = 0;
    Jupyter.notebook.get_cells().forEach((cell, index) => {
      if (cell.cell_type !== "code") {
        return;
      }
      for (const o of cell.output_area.outputs) {
        if (o.output_type === "error") {
          errors.push(`cell ${index}: ${o.ename}: ${String(o.evalue).split("\n")[0]}`);
        }
        if (o.data && o.data["application/vnd.plotly.v1+json"]) {
          charts++;
        }
      }
    });
    return { errors, charts };
  });
}

/** Waits for every chart div on the page to hold Plotly's SVG with at least one trace. */
async function chartsDrawn(page, expected) {
  const count = () =>
    page.evaluate(() => {
      const plots = Array.from(document.querySelectorAll("#notebook .pl-plot"));
      const drawn = plots.filter(
        (p) => p.querySelector("svg.main-svg") && p.querySelector("g.trace, .trace"),
      );
      return { plots: plots.length, drawn: drawn.length };
    });
  const started = Date.now();
  let seen = await count();
  while (Date.now() - started < CHART_TIMEOUT_MS && (seen.drawn < expected || seen.plots < expected)) {
    await sleep(250);
    seen = await count();
  }
  return seen;
}

/**
 * Every table output measured in the live output column: a table wider than its column must
 * scroll inside its own box (overflow-x auto or scroll) with its first data column fixed (CSS
 * position sticky), nothing of a table may stick out past the output column, where it would be
 * cut off unseen, and no header or cell may run over its neighbour. Returns one line per table that breaks this, and the widest table's figures.
 */
async function tableOverflow(page) {
  return page.evaluate(() => {
    const problems = [];
    let widest = null;
    document.querySelectorAll("#notebook .output_area .pl-table").forEach((box, k) => {
      const column = box.closest(".output_subarea") || box.parentElement;
      const cellIndex = Array.from(document.querySelectorAll("#notebook .cell")).indexOf(
        box.closest(".cell"),
      );
      const frame = box.querySelector("table.pl-frame");
      if (!frame) {
        return;
      }
      const boxRect = box.getBoundingClientRect();
      const colRect = column.getBoundingClientRect();
      const what = `cell ${cellIndex + 1} table ${k + 1}`;
      const needs = frame.scrollWidth;
      const shown = box.clientWidth;
      if (!widest || needs - shown > widest.needs - widest.shown) {
        widest = { what, needs, shown, column: Math.round(colRect.width) };
      }
      // a header or cell whose text runs out of its own box, over its neighbour
      const spilt = Array.from(frame.querySelectorAll("th, td")).filter(
        (c) => c.scrollWidth > c.clientWidth + 1,
      );
      if (spilt.length > 0) {
        problems.push(
          `${what}: ${spilt.length} header(s) or cell(s) run over their neighbours` +
            ` (${spilt.slice(0, 3).map((c) => JSON.stringify(c.textContent)).join(", ")})`,
        );
      }
      if (boxRect.right > colRect.right + 1) {
        problems.push(`${what} sticks out ${Math.round(boxRect.right - colRect.right)} px past its output column`);
      }
      if (needs > shown + 1) {
        const overflow = getComputedStyle(box).overflowX;
        if (overflow !== "auto" && overflow !== "scroll") {
          problems.push(`${what} is ${needs} px wide in a ${shown} px box that does not scroll (overflow-x ${overflow})`);
        }
        const first = frame.querySelector("tbody tr td");
        if (!first || getComputedStyle(first).position !== "sticky") {
          problems.push(`${what} scrolls (${needs} px in ${shown} px) but its first column is not fixed (position sticky)`);
        }
      }
    });
    return { problems, widest };
  });
}

/**
 * A screenshot of the whole notebook: Notebook 6 scrolls inside its own #site element, so the
 * window is made as tall as the notebook (at most 20,000 px) for the picture, then put back.
 */
async function shoot(page, file) {
  const height = await page.evaluate(() => {
    const site = document.getElementById("site");
    const header = document.getElementById("header");
    const inner = site ? site.scrollHeight : document.body.scrollHeight;
    return inner + (header ? header.offsetHeight : 0) + 20;
  });
  await page.setViewport({ width: 1280, height: Math.min(Math.max(height, 900), 20000) });
  await sleep(300);
  await page.screenshot({ path: path.join(OUT, file) });
  await page.setViewport({ width: 1280, height: 900 });
}

async function checkNotebook(page, jupyter, name, plotlyRequests) {
  const stem = name.replace(/\.ipynb$/, "");
  await open(page, jupyter, name);
  const t0 = Date.now();
  // Cell > Run All, through the menu as a person would
  await page.click("#celllink");
  await page.click("#run_all_cells > a");
  try {
    await waitForCells(page, RUN_ALL_TIMEOUT_MS);
  } catch (e) {
    fail(`${name}: Run All did not finish in ${RUN_ALL_TIMEOUT_MS / 1000} s`);
    await shoot(page, `${stem}.png`);
    return;
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const { errors, charts } = await outputs(page);
  check(errors.length === 0, `${name}: Run All in ${seconds} s, no error output`, errors.join("; "));
  const live = await chartsDrawn(page, charts);
  check(
    live.drawn === charts && live.plots === charts,
    `${name}: ${live.drawn} of ${charts} charts drawn (SVG with traces)`,
    `${live.plots} chart divs on the page`,
  );
  const tables = await tableOverflow(page);
  check(
    tables.problems.length === 0,
    `${name}: every table readable in the live output column` +
      (tables.widest
        ? ` (widest: ${tables.widest.what}, ${tables.widest.needs} px in ${tables.widest.shown} px of a ${tables.widest.column} px column)`
        : ""),
    tables.problems.join("; "),
  );
  await shoot(page, `${stem}.png`);

  // saved as a person would (File > Save and Checkpoint), then reopened without running it
  await page.click("#filelink");
  await page.click("#save_checkpoint > a");
  await page.waitForFunction(() => !Jupyter.notebook.dirty, { timeout: 30000 });
  const saved = fs.statSync(path.join(OUT, "work", "notebooks", name)).size;
  const before = plotlyRequests.length;
  await open(page, jupyter, name);
  const reopened = await chartsDrawn(page, charts);
  const counts = await outputs(page);
  check(
    reopened.drawn === charts && counts.charts === charts,
    `${name}: saved (${saved.toLocaleString("en-GB")} bytes) and reopened without running:` +
      ` ${reopened.drawn} of ${charts} charts drawn`,
    `${reopened.plots} chart divs, ${counts.charts} chart outputs`,
  );
  if (charts > 0) {
    const served = plotlyRequests.slice(before);
    check(
      served.some((r) => r.status === 200),
      `${name}: plotly.js served from the kernelspec (${served.map((r) => r.url.split("?")[0]).join(", ")})`,
      `requests: ${JSON.stringify(served)}`,
    );
  }
  await shoot(page, `${stem}-reopened.png`);
  // the first chart on its own, at its real size, for a quick look
  const first = await page.$("#notebook .output_area .pl-figure");
  if (first) {
    await first.evaluate((e) => e.scrollIntoView());
    await first.screenshot({ path: path.join(OUT, `${stem}-chart1.png`) });
  }
}

/** A new notebook on the project's kernel, with the given code cells, through the contents API. */
async function newNotebook(jupyter, name, sources) {
  const content = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: KERNEL, display_name: "Java (Probation Lens)", language: "java" },
      language_info: { name: "java" },
    },
    cells: sources.map((source, i) => ({
      id: `cell-${i}`,
      cell_type: "code",
      metadata: {},
      source,
      outputs: [],
      execution_count: null,
    })),
  };
  const r = await fetch(`${jupyter.base}api/contents/${encodeURIComponent(name)}`, {
    method: "PUT",
    headers: { Authorization: `token ${jupyter.token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ type: "notebook", format: "json", content }),
  });
  if (!r.ok) {
    throw new Error(`cannot create ${name}: HTTP ${r.status} ${await r.text()}`);
  }
}

async function runCell(page, index) {
  await page.evaluate((i) => {
    Jupyter.notebook.select(i);
    Jupyter.notebook.execute_cell();
  }, index);
}

function cellText(page, index) {
  return page.evaluate(
    (i) =>
      Jupyter.notebook
        .get_cell(i)
        .output_area.outputs.map((o) =>
          o.output_type === "error"
            ? `${o.ename}: ${o.evalue}`
            : o.text || (o.data && o.data["text/plain"]) || "",
        )
        .join("\n"),
    index,
  );
}

async function checkInterruptRestartCompletion(page, jupyter) {
  const name = "live-check.ipynb";
  await newNotebook(jupyter, name, [
    "int before = 41;",
    "while (true) {}",
    "before + 1",
    "Math.flo",
  ]);
  await open(page, jupyter, name);
  await runCell(page, 0);
  await waitForCells(page, 60000);

  // interrupt: the toolbar's stop button while the loop runs
  await runCell(page, 1);
  await page.waitForFunction(
    () => document.querySelector("#kernel_indicator_icon.kernel_busy_icon"),
    { timeout: 30000 },
  );
  await sleep(1000);
  const t0 = Date.now();
  await page.click('button[data-jupyter-action="jupyter-notebook:interrupt-kernel"]');
  try {
    await waitForCells(page, 30000);
    const stopped = ((Date.now() - t0) / 1000).toFixed(2);
    const said = await cellText(page, 1);
    check(/Interrupt/i.test(said), `interrupt stopped "while (true) {}" in ${stopped} s`, said);
  } catch (e) {
    fail(`interrupt: the looping cell still runs 30 s after the interrupt button`);
  }
  await runCell(page, 2);
  await waitForCells(page, 60000);
  const next = await cellText(page, 2);
  check(next.trim() === "42", "the next cell runs after the interrupt (before + 1 = 42)", next);
  await shoot(page, "interrupt.png");

  // Tab completion in the last cell, after "Math.flo"
  await page.evaluate(() => {
    const cell = Jupyter.notebook.get_cell(3);
    Jupyter.notebook.select(3);
    cell.code_mirror.focus();
    cell.code_mirror.setCursor(cell.code_mirror.lineCount(), 0);
    Jupyter.notebook.edit_mode();
  });
  await page.keyboard.press("Tab");
  let offered = [];
  try {
    await page.waitForSelector("#complete select option", { timeout: 15000 });
    offered = await page.$$eval("#complete select option", (os) => os.map((o) => o.textContent));
  } catch (e) {
    offered = [];
  }
  check(
    ["floor", "floorDiv", "floorMod"].every((m) => offered.some((o) => o.startsWith(m))),
    `Tab completion offers ${offered.join(", ")}`,
    "expected floor, floorDiv and floorMod",
  );
  await page.screenshot({ path: path.join(OUT, "completion.png") });
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");

  // Kernel > Restart, confirmed in its dialog: variables gone, cells run again
  await page.evaluate(() => {
    window.lensRestarted = false;
    Jupyter.notebook.events.one("kernel_restarting.Kernel", () => {
      window.lensRestarted = true;
    });
  });
  await page.click("#kernellink");
  await page.click("#restart_kernel > a");
  await page.waitForSelector(".modal-dialog .btn-danger", { visible: true, timeout: 15000 });
  await page.click(".modal-dialog .btn-danger");
  await page.waitForFunction(() => window.lensRestarted, { timeout: 30000 });
  await page.waitForFunction(
    () =>
      Jupyter.notebook.kernel.is_connected() &&
      document.querySelector("#kernel_indicator_icon.kernel_idle_icon"),
    { timeout: 120000, polling: 200 },
  );
  await sleep(500);
  await runCell(page, 2);
  await waitForCells(page, 60000);
  const gone = await cellText(page, 2);
  check(
    /cannot find symbol|before/.test(gone) && !/^42$/.test(gone.trim()),
    "Kernel > Restart: the variable defined before it is gone",
    gone,
  );
  await runCell(page, 0);
  await runCell(page, 2);
  await waitForCells(page, 60000);
  const again = await cellText(page, 2);
  check(again.trim() === "42", "after the restart, cells run again (42)", again);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const { dir, names } = workspace();
  const jupyter = await startJupyter(dir);
  const userData = fs.mkdtempSync(path.join(require("os").tmpdir(), "lens-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    userDataDir: userData,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    defaultViewport: { width: 1280, height: 900 },
  });
  const consoleErrors = [];
  const plotlyRequests = [];
  const began = Date.now();
  try {
    const page = await browser.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") {
        const where = m.location() && m.location().url ? ` (${m.location().url})` : "";
        consoleErrors.push(`${m.text()}${where}`);
      }
    });
    page.on("pageerror", (e) => consoleErrors.push(`uncaught: ${e.message}`));
    page.on("response", (r) => {
      if (r.url().includes("/plotly.min.js")) {
        plotlyRequests.push({ url: r.url(), status: r.status() });
      }
    });
    for (const name of names) {
      try {
        await checkNotebook(page, jupyter, name, plotlyRequests);
      } catch (e) {
        fail(`${name}: ${e.message.split("\n")[0]}`);
      }
    }
    if (!ONLY) {
      try {
        await checkInterruptRestartCompletion(page, jupyter);
      } catch (e) {
        fail(`interrupt, completion and restart: ${e.message.split("\n")[0]}`);
      }
    }
    const ours = consoleErrors.filter(isOurs);
    const theirs = consoleErrors.filter((e) => !isOurs(e));
    fs.writeFileSync(path.join(OUT, "console-errors.txt"), consoleErrors.join("\n") + "\n");
    check(
      ours.length === 0,
      `browser console: no error but ${theirs.length} from Jupyter's own` +
        ` nbextensions, listed in ${path.relative(ROOT, OUT)}/console-errors.txt)`,
      ours.join(" | "),
    );
  } finally {
    await browser.close().catch(() => {});
    jupyter.server.kill("SIGTERM");
    fs.rmSync(userData, { recursive: true, force: true });
  }
  console.log(
    `live-notebook: ${names.length} notebooks in ${((Date.now() - began) / 1000).toFixed(0)} s;` +
      ` screenshots in ${OUT}`,
  );
}

/**
 * Whether a console error is Jupyter's own page's and not the project's: Notebook 6 loads the
 * nbextensions its configuration enables (Debian's enables ipywidgets' without shipping it, so
 * each page logs a 404 for nbextensions/widgets). Every other error counts as the project's:
 * a script in an output, plotly.js, a chart's resource.
 */
function isOurs(message) {
  return !/\/nbextensions\//.test(message);
}

main()
  .catch((e) => {
    fail(`the check itself: ${e.stack || e}`);
  })
  .finally(() => {
    console.log(`live-notebook: ${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  });
