"""Execute notebooks headless through a Jupyter kernel: parameterised runs with a run record.

  reproduce.py run --kernel NAME --timeout SECONDS [--out DIR] [--tables DIR] [--pdf]
                 [-p NAME VALUE]... NOTEBOOK
      One run. The cell tagged "parameters" (papermill's convention) holds the defaults as Java
      declarations; each -p NAME VALUE is injected after it, in a cell tagged
      "injected-parameters", as a typed declaration of the type the parameters cell declares
      (String quoted, numbers, booleans, LocalDate.parse, Path.of). A name the parameters cell
      does not declare is refused. Writes DIR/NAME.ipynb (executed), DIR/NAME.html and
      DIR/NAME.run.json, the run record: notebook, parameters, every input file read with its
      SHA-256, library and generator versions, per-cell durations, registry checks with their
      statuses, exit status. Exit status: 0 ok; 1 a cell failed (or the kernel died, or a cell
      passed the timeout); 2 bad arguments or parameters; 3 every cell ran but a registry check
      failed; 4 another run holds DIR; 5 an output could not be written (a full disk). While it
      runs, DIR/.lens-run.lock is locked (flock) and NAME.run.json says "state": "running" with no
      exit status (the previous run's notebook and HTML of this name are removed); each output is
      written beside its final name and renamed into place, the record last, which then says
      "state": "complete". --pdf prints the HTML to DIR/NAME.pdf with headless Chromium once its
      charts are drawn; --tables TDIR writes every result a cell showed to TDIR/NAME.xlsx, one
      per sheet, under the screen's disclosure control (the kernel keeps them: RunTables).

  reproduce.py [reproduce] --kernel NAME --timeout SECONDS --out DIR NOTEBOOK...
      `run` over each notebook with its defaults, one line per notebook with its time, then the
      time in all and "notebooks: N passed, N failed" (a notebook fails when a cell fails;
      registry checks that fail are listed, not counted as failures: a published figure that is
      honestly not reproduced is a finding, not a broken notebook). Exit status 1 if any failed.

Run with Debian's /usr/bin/python3 (nbclient, nbconvert); ./lens run and ./lens reproduce set the
environment (JUPYTER_PATH etc.) and install the kernel first.
"""

import argparse
import datetime
import difflib
import errno
import fcntl
import glob
import hashlib
import json
import math
import os
import pathlib
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

RUN_LOG_ENV = "LENS_RUN_LOG"  # the kernel writes what cells read and checked there (RunLog)
RUN_TABLES_ENV = "LENS_RUN_TABLES"  # the kernel writes the results cells showed there (RunTables)

EXIT_OK, EXIT_CELL_FAILED, EXIT_USAGE, EXIT_CHECK_FAILED = 0, 1, 2, 3
EXIT_BUSY, EXIT_UNWRITTEN = 4, 5  # another run holds --out; an output could not be written
LOCK_NAME = ".lens-run.lock"  # in --out, held (flock) by the run writing there


class ParameterError(Exception):
    """A -p the notebook cannot take: unknown name, unsupported type, value of the wrong kind."""


# ---------------------------------------------------------------- parameters


def java_statements(source):
    """The top-level statements of Java source, split at ';' outside strings and comments."""
    statements, current, i, n = [], [], 0, len(source)
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
            continue
        if source.startswith("/*", i):
            end = source.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if c in "\"'":
            j = i + 1
            while j < n and source[j] != c:
                j += 2 if source[j] == "\\" else 1
            current.append(source[i:j + 1])
            i = j + 1
            continue
        if c == ";":
            statements.append("".join(current).strip())
            current = []
        else:
            current.append(c)
        i += 1
    tail = "".join(current).strip()
    if tail:
        statements.append(tail)
    return [s for s in statements if s]


DECLARATION = re.compile(
    r"^(?:final\s+)?(?P<type>[A-Za-z_][\w.]*(?:<[^=]*>)?)\s+(?P<name>[A-Za-z_]\w*)\s*=\s*"
    r"(?P<value>.+)$", re.S)

INTEGER_TYPES = {"int", "long", "short", "byte", "Integer", "Long", "Short", "Byte"}
DECIMAL_TYPES = {"double", "float", "Double", "Float"}
SUPPORTED = "String, int, long, double, float, boolean, LocalDate, Path"


def declared_parameters(source):
    """{name: (type, default expression)} for the declarations of a parameters cell."""
    declared = {}
    for statement in java_statements(source):
        match = DECLARATION.match(statement)
        if match and match["type"] not in ("return", "import"):
            declared[match["name"]] = (match["type"], match["value"].strip())
    return declared


def inferred_type(type_name, default):
    """The declared type, or for `var` the type the default expression has."""
    if type_name != "var":
        return type_name.split(".")[-1]
    if default.startswith('"'):
        return "String"
    if re.match(r"(java\.nio\.file\.)?(Path\.of|Paths\.get)\(", default):
        return "Path"
    if re.match(r"(java\.time\.)?LocalDate\.", default):
        return "LocalDate"
    if default in ("true", "false"):
        return "boolean"
    if re.fullmatch(r"-?[\d_]+[lL]", default):
        return "long"
    if re.fullmatch(r"-?[\d_]+", default):
        return "int"
    if re.fullmatch(r"-?[\d_]*\.[\d_]*([eE][-+]?\d+)?[dDfF]?", default):
        return "double"
    return "var"


def java_string(text):
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return '"' + escaped + '"'


# Java's decimal literals (JLS 3.10.1, 3.10.2) with an optional leading minus: digits with '_'
# only between digits; a fraction and an exponent for floating-point types
DIGITS = r"[0-9](?:_*[0-9])*"  # ASCII digits only (\d would also take other scripts' digits)
JAVA_INTEGER = re.compile(rf"-?{DIGITS}")
JAVA_DECIMAL = re.compile(
    rf"-?(?:{DIGITS}(?:\.(?:{DIGITS})?)?|\.{DIGITS})(?:[eE][-+]?{DIGITS})?")


def java_decimal(value, type_name, wrong):
    """The value of a decimal literal as javac reads it for a double or float, refusing what javac
    refuses: a literal too large for the type (it would be infinite) or too small (a non-zero
    literal that rounds to zero)."""
    number = float(value.replace("_", ""))
    single = type_name.lower() == "float"
    largest = "3.4028235E38" if single else "1.7976931348623157E308"
    if single and not math.isinf(number):
        try:
            number = struct.unpack("<f", struct.pack("<f", number))[0]
        except OverflowError:
            number = math.inf
    if math.isinf(number):
        raise wrong(f"a number no larger than {largest} in size, the largest {type_name}")
    mantissa = re.split("[eE]", value)[0]
    if number == 0 and re.search("[1-9]", mantissa):
        smallest = "1.4E-45" if single else "4.9E-324"
        raise wrong(f"zero or a number no smaller than {smallest} in size, the smallest"
                    f" {type_name}")


def java_literal(name, type_name, value):
    """The Java expression for a -p value of the declared type, read as javac reads a literal of
    that type; ParameterError, naming the parameter and what was expected, if it is not one."""
    def wrong(kind):
        return ParameterError(f"-p {name} {value!r}: {name} is declared {type_name} in the"
                              f" parameters cell; expected {kind}")
    if type_name == "String":
        return java_string(value)
    if type_name in INTEGER_TYPES:
        if not JAVA_INTEGER.fullmatch(value):
            raise wrong("a whole number such as 10000 (digits, '_' only between digits)")
        if re.fullmatch(r"-?0[0-9_]+", value):
            # javac reads a literal with a leading zero as octal (010 is 8): refused, not guessed
            raise wrong("a whole number without a leading zero (Java reads 010 as octal 8)")
        bits = {"byte": 8, "Byte": 8, "short": 16, "Short": 16, "int": 32, "Integer": 32}.get(
            type_name, 64)
        number = int(value.replace("_", ""))
        if not -(2 ** (bits - 1)) <= number < 2 ** (bits - 1):
            raise wrong(f"a whole number from {-(2 ** (bits - 1))} to {2 ** (bits - 1) - 1},"
                        f" the range of {type_name}")
        return str(number) + ("L" if bits == 64 else "")
    if type_name in DECIMAL_TYPES:
        if not JAVA_DECIMAL.fullmatch(value):
            raise wrong("a decimal number such as 0.25 or -2.5e3")
        java_decimal(value, type_name, wrong)
        return value + ("f" if type_name.lower() == "float" else "d")
    if type_name in ("boolean", "Boolean"):
        if value not in ("true", "false"):
            raise wrong("true or false")
        return value
    if type_name == "LocalDate":
        # LocalDate.parse reads yyyy-MM-dd only (Python's fromisoformat also takes 20190228)
        try:
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                raise ValueError(value)
            datetime.date.fromisoformat(value)
        except ValueError:
            raise wrong("a date as YYYY-MM-DD") from None
        return f"LocalDate.parse({java_string(value)})"
    if type_name == "Path":
        return f"Path.of({java_string(value)})"
    raise ParameterError(f"-p {name}: {name} is declared {type_name} in the parameters cell;"
                         f" -p can set only {SUPPORTED}")


def parameters_cell(nb):
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return index, cell
    return None, None


def inject(nb, path, overrides):
    """Adds the injected-parameters cell; returns the parameters for the run record."""
    index, cell = parameters_cell(nb)
    declared = declared_parameters(cell.source) if cell is not None else {}
    if overrides and cell is None:
        raise ParameterError(f"{path}: no cell is tagged \"parameters\", so -p "
                             f"{overrides[0][0]} cannot be set")
    record = {name: {"type": inferred_type(t, d), "default": d, "value": d, "injected": False}
              for name, (t, d) in declared.items()}
    lines = []
    for name, value in overrides:
        if name not in declared:
            close = difflib.get_close_matches(name, declared, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ParameterError(
                f"-p {name}: the parameters cell of {path} declares no {name} (it declares "
                f"{', '.join(declared) or 'nothing'}){hint}")
        type_name = record[name]["type"]
        literal = java_literal(name, type_name, value)
        declared_type = declared[name][0]
        lines.append(f"{declared_type} {name} = {literal};")
        record[name].update(value=value, java=literal, injected=True)
    if lines:
        injected = nbformat.v4.new_code_cell(
            "// Parameters of this run (./lens run -p), replacing the defaults above\n"
            + "\n".join(lines))
        injected.metadata["tags"] = ["injected-parameters"]
        # papermill's convention: replace an injected cell left by an earlier run
        nb.cells = [c for c in nb.cells
                    if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
        index, _ = parameters_cell(nb)
        nb.cells.insert(index + 1, injected)
    return record


# ---------------------------------------------------------------- running


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def first_line(error):
    text = str(error).strip().splitlines()
    return text[-1] if text else type(error).__name__


class NotANotebook(Exception):
    """A NOTEBOOK that is not a notebook: not UTF-8, not JSON, not nbformat."""


class OutputBusy(Exception):
    """Another run holds the lock of the --out directory."""


class OutputUnwritten(Exception):
    """An output could not be written (a full disk, for example); nothing part-written is left."""


def read_notebook(path):
    """The notebook at path; NotANotebook, one line naming the file, if it cannot be one."""
    try:
        text = path.read_text(encoding="utf-8")
        json.loads(text)
        return nbformat.reads(text, as_version=4)
    except UnicodeDecodeError as e:
        raise NotANotebook(f"{path}: not a notebook: byte {e.start} is not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise NotANotebook(f"{path}: not a notebook: not valid JSON at line {e.lineno},"
                           f" column {e.colno}: {e.msg}") from None
    except Exception as e:  # JSON, but not a notebook nbformat reads
        raise NotANotebook(f"{path}: not a notebook nbformat can read:"
                           f" {type(e).__name__}: {first_line(e)}") from None


def write_atomically(final, text):
    """Writes text to a hidden name beside final, then renames it to final: final is either
    complete or not there, never part-written, whatever stops the run. OutputUnwritten, one
    line naming the file (and for a full disk the space it needs), if it cannot be written."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    temporary = final.with_name(f".{final.name}.{os.getpid()}.part")
    try:
        with open(temporary, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, final)
    except OSError as e:
        temporary.unlink(missing_ok=True)
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            free = shutil.disk_usage(final.parent).free
            raise OutputUnwritten(f"{final}: no space left on the device: it needs {len(data)}"
                                  f" bytes, {free} are free") from None
        raise OutputUnwritten(f"{final}: cannot be written: {e.strerror}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def lock_out(out, started):
    """Holds out/.lens-run.lock (flock) for the run: a second run to the same --out is refused,
    and the lock goes with the process however it ends (even SIGKILL)."""
    out.mkdir(parents=True, exist_ok=True)
    lock = open(out / LOCK_NAME, "a+", encoding="utf-8")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        holder = lock.read().strip() or "a process"
        lock.close()
        raise OutputBusy(f"{out}: another ./lens run is writing there ({holder}); wait for it"
                         " to end or give another --out") from None
    lock.seek(0)
    lock.truncate()
    lock.write(f"process {os.getpid()}, started {started}\n")
    lock.flush()
    return lock


def begin(out, path, record, tables=None):
    """Marks the run in out before any cell runs: the record says "running" with no exit status,
    and the previous run's notebook, HTML and PDF of this name, and its spreadsheet in the tables
    folder (and any part-written file a killed run left), are removed, so no earlier success can
    be taken for this run."""
    names = (path.name, path.stem + ".html", path.stem + ".pdf", path.stem + ".run.json")
    for name in names:
        for part in out.glob(f".{glob.escape(name)}.*.part"):
            part.unlink(missing_ok=True)
    if tables is not None:
        (tables / (path.stem + ".xlsx")).unlink(missing_ok=True)
    # the record first: if the new one cannot be written, no old one is left to be believed
    for name in reversed(names):
        (out / name).unlink(missing_ok=True)
    write_atomically(out / names[-1], json.dumps(
        {**record, "state": "running", "exit_status": None, "pid": os.getpid()}, indent=2) + "\n")


def cell_timed_out(index, cell, timeout, seconds):
    first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
    return (f"cell {index} ({first}) did not finish within the cell timeout of {timeout} s:"
            f" stopped after {seconds:.1f} s (LENS_CELL_TIMEOUT sets the timeout)")


def outputs_late(index, cell, timeout):
    first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
    return (f"cell {index} ({first}) replied, but its outputs were still arriving {timeout} s later;"
            f" the executed notebook would lack some of them, so the run fails"
            f" (LENS_CELL_TIMEOUT sets the wait)")


def run(path, kernel, timeout, out, overrides=(), tables=None, pdf=False):
    """Runs one notebook; returns (exit status, run record). Everything the run is given (the
    notebook, every -p) is checked before the kernel starts; outputs reach out only complete.
    With tables (a folder), every result a cell shows goes into tables/NAME.xlsx; with pdf, the
    HTML is printed to out/NAME.pdf as well."""
    started = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    record = {"notebook": str(path), "started_utc": started, "kernel": kernel}
    try:
        nb = read_notebook(path)
        record["notebook_sha256"] = sha256(path)
        record["parameters"] = inject(nb, path, list(overrides))
    except (NotANotebook, ParameterError) as e:
        record.update(exit_status=EXIT_USAGE, failure=str(e))
        return EXIT_USAGE, record
    try:
        lock = lock_out(out, started)
    except OutputBusy as e:
        record.update(exit_status=EXIT_BUSY, failure=str(e))
        return EXIT_BUSY, record
    except OSError as e:  # DIR is a file, or not writable
        record.update(exit_status=EXIT_UNWRITTEN,
                      failure=f"{e.filename or out}: cannot be written: {e.strerror}")
        return EXIT_UNWRITTEN, record
    try:
        if tables is not None:
            try:
                tables.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise OutputUnwritten(f"{tables}: the tables folder cannot be made: {e.strerror}")
        begin(out, path, record, tables)
        return execute(nb, path, kernel, timeout, out, record, tables, pdf)
    except OutputUnwritten as e:
        record.update(state="incomplete", exit_status=EXIT_UNWRITTEN, failure=str(e))
        try:  # a record this small may still fit; if not, the one saying "running" stays
            write_atomically(out / (path.stem + ".run.json"),
                             json.dumps(record, indent=2) + "\n")
        except OutputUnwritten:
            pass
        return EXIT_UNWRITTEN, record
    except BaseException as e:  # a signal (SIGTERM, SIGHUP, Ctrl-C) or a failure of this script
        code = e.code if isinstance(e, SystemExit) else None
        how = (f"{signal.Signals(code - 128).name}" if isinstance(code, int) and code > 128
               else type(e).__name__)
        record.update(state="stopped", exit_status=None,
                      failure=f"the run was stopped before it ended ({how})")
        try:
            write_atomically(out / (path.stem + ".run.json"),
                             json.dumps(record, indent=2) + "\n")
        except OSError:
            pass  # the record still says "running", which is not a success either
        raise
    finally:
        lock.close()


PLOTLY_JSON = "application/vnd.plotly.v1+json"


def with_plotly_js(html, nb, kernel):
    """The HTML with plotly.js inlined once, at the end of its head, when the notebook has a chart.

    The notebook's chart outputs carry no plotly.js (a saved notebook stays small; on a Jupyter
    server each chart loads the copy installed beside the kernelspec), so the HTML, which must
    draw offline from a file, takes that same copy: the kernelspec's plotly.min.js, written by
    `lens kernel install` from the bundle in the jar."""
    if not any(PLOTLY_JSON in output.get("data", {})
               for cell in nb.cells if cell.cell_type == "code"
               for output in cell.get("outputs", [])):
        return html
    from jupyter_client.kernelspec import KernelSpecManager
    resource_dir = pathlib.Path(KernelSpecManager().get_kernel_spec(kernel).resource_dir)
    script = resource_dir / "plotly.min.js"
    if not script.is_file():
        raise FileNotFoundError(
            f"{script} is missing: the kernelspec {kernel!r} predates plotly.js beside it; run"
            " ./lens kernel install (./lens run reinstalls it when the jar is newer)")
    js = script.read_text(encoding="utf-8")
    if "</script" in js.lower():
        raise ValueError(f"{script} contains '</script': it cannot be inlined in a script element")
    tag = ("<script type=\"text/javascript\">\n/* plotly.js (npm plotly.js-dist-min, MIT licence),"
           " inlined once by Probation Lens so that this page draws its charts offline */\n"
           "if (typeof window.Plotly === \"undefined\") {\n" + js + "\n}\n</script>\n")
    at = html.find("</head>")
    if at < 0:
        raise ValueError("the HTML export has no </head> to put plotly.js before")
    return html[:at] + tag + html[at:]


def table_sheets(xlsx):
    """How many table sheets (Table_1, Table_2, ...) a spreadsheet written by the kernel has."""
    with zipfile.ZipFile(xlsx) as z:
        workbook = z.read("xl/workbook.xml").decode("utf-8")
    return len(re.findall(r'<sheet [^>]*name="Table_[0-9]+"', workbook))


# Chromium prints once the page is idle or this much virtual time has passed: the charts draw
# in the page's own scripts (plotly.js is inlined in the head), within a few hundred
# milliseconds of virtual time
PDF_VIRTUAL_TIME_MS = 30000
PDF_TIMEOUT_S = 300
# A4 landscape, with narrow margins: a notebook's tables and charts are wide (the live
# column is 967 px), and a landscape page holds 1031 px (297 mm less 24 mm at 96 px an inch).
# The page is laid out, and its charts drawn (autosized to their container), in a window of that
# width, so that a chart drawn for the screen fits the paper. Code wraps rather than running off
# the page; Plotly's toolbar, of no use on paper, is hidden. Chromium's own header and footer
# (date, file path) are left off.
PRINT_WIDTH_PX = 1031
PRINT_CSS = ("<style>@page { size: A4 landscape; margin: 12mm; }\n"
             "@media print { pre { white-space: pre-wrap; overflow-wrap: anywhere; }\n"
             "  .modebar-container { display: none; } }</style>\n")


def print_pdf(html_file, pdf_file):
    """Prints the run's HTML to pdf_file with headless Chromium (Debian's chromium), after the
    page's scripts have drawn its Plotly charts; the network is off, as the HTML needs none.
    OutputUnwritten, naming the file and Chromium's last words, if it cannot."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(chromium):
        raise OutputUnwritten(f"{pdf_file}: cannot be written: Chromium, which prints the PDF, is"
                              " not installed (Debian: apt-get install chromium)")
    work = pathlib.Path(tempfile.mkdtemp(prefix="lens-pdf-"))
    try:
        page = work / html_file.name
        html = html_file.read_text(encoding="utf-8")
        at = html.find("</head>")
        page.write_text(html[:at] + PRINT_CSS + html[at:] if at >= 0 else html,
                        encoding="utf-8")
        printed = work / "printed.pdf"
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
            f"--user-data-dir={work / 'profile'}",
            f"--window-size={PRINT_WIDTH_PX},1400",
            f"--virtual-time-budget={PDF_VIRTUAL_TIME_MS}", "--no-pdf-header-footer",
            f"--print-to-pdf={printed}", page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True,
                                  timeout=PDF_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise OutputUnwritten(f"{pdf_file}: Chromium did not print within {PDF_TIMEOUT_S} s")
        if (done.returncode != 0 or not printed.is_file()
                or printed.read_bytes()[:5] != b"%PDF-"):
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise OutputUnwritten(f"{pdf_file}: Chromium could not print the HTML (exit"
                                  f" {done.returncode}): {last}")
        write_atomically(pdf_file, printed.read_bytes())
    finally:
        shutil.rmtree(work, ignore_errors=True)


def execute(nb, path, kernel, timeout, out, record, tables=None, pdf=False):
    """Runs the cells in a kernel, then writes the executed notebook, its HTML (and its PDF, and
    the spreadsheet of its results, when asked) and, last, the complete record; the kernel's run
    log and spreadsheet live in a temporary directory removed however the run ends."""
    log_dir = tempfile.mkdtemp(prefix="lens-run-")
    log = pathlib.Path(log_dir) / "run-log.json"
    os.environ[RUN_LOG_ENV] = str(log)
    # the kernel keeps the results shown and writes them there when it shuts down (RunTables),
    # which nbclient asks of it, and waits for, as the run ends; named as the notebook, which
    # its cover sheet's title takes
    shown = pathlib.Path(log_dir) / (path.stem + ".xlsx")
    if tables is not None:
        os.environ[RUN_TABLES_ENV] = str(shown)
    client = NotebookClient(
        nb, kernel_name=kernel, timeout=timeout, startup_timeout=120, allow_errors=False,
        # after a cell's reply, wait for the rest of its outputs (up to the status that ends the
        # cell, which the kernel sends after all of them) as long as a cell may run, and fail the
        # run if they still have not arrived: nbclient's default gives up after 4 s and drops the
        # rest without a word
        iopub_timeout=timeout, raise_on_iopub_timeout=True,
        record_timing=True, resources={"metadata": {"path": str(path.parent.resolve())}})
    cells, failure = [], None
    began = time.monotonic()
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                entry = {"index": index, "tags": cell.get("metadata", {}).get("tags", [])}
                if failure is not None:
                    cells.append({**entry, "status": "not run"})
                    continue
                t0 = time.monotonic()
                try:
                    client.execute_cell(cell, index)
                    entry["status"] = "ok"
                except CellTimeoutError as e:
                    entry["status"] = "timed out"
                    if "IOPub" in str(e):
                        failure = outputs_late(index, cell, timeout)
                    else:
                        failure = cell_timed_out(index, cell, timeout, time.monotonic() - t0)
                except (CellExecutionError, DeadKernelError) as e:
                    entry["status"] = "error"
                    failure = f"cell {index}: {type(e).__name__}: {first_line(e)}"
                entry["seconds"] = round(time.monotonic() - t0, 3)
                cells.append(entry)
        kernel_log = json.loads(log.read_text(encoding="utf-8")) if log.is_file() else {}
    except Exception as e:  # the kernel could not start, for example
        failure = failure or f"{type(e).__name__}: {first_line(e)}"
        kernel_log = json.loads(log.read_text(encoding="utf-8")) if log.is_file() else {}
    finally:
        os.environ.pop(RUN_LOG_ENV, None)
        os.environ.pop(RUN_TABLES_ENV, None)
        spreadsheet = shown.read_bytes() if tables is not None and shown.is_file() else None
        shutil.rmtree(log_dir, ignore_errors=True)
    record["seconds"] = round(time.monotonic() - began, 3)
    for name in ("library_version", "generator_version", "java_version", "working_directory"):
        record[name] = kernel_log.get(name)
    record["inputs"] = [{"path": f, "sha256": sha256(f), "bytes": os.path.getsize(f)}
                        for f in kernel_log.get("files_read", []) if os.path.isfile(f)]
    record["cells"] = cells
    checks = kernel_log.get("registry_checks", [])
    record["registry_checks"] = checks
    executed = out / path.name
    html_file = out / (path.stem + ".html")
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    html = with_plotly_js(html, nb, kernel)
    write_atomically(executed, nbformat.writes(nb))
    write_atomically(html_file, html)
    record["executed_notebook"] = str(executed)
    record["html"] = str(html_file)
    if tables is not None:
        record["tables"] = None
        record["tables_count"] = 0
        if spreadsheet is not None:
            tables_file = tables / (path.stem + ".xlsx")
            write_atomically(tables_file, spreadsheet)
            record["tables"] = str(tables_file)
            record["tables_count"] = table_sheets(tables_file)
    if pdf:
        pdf_file = out / (path.stem + ".pdf")
        t0 = time.monotonic()
        print_pdf(html_file, pdf_file)
        record["pdf"] = str(pdf_file)
        record["pdf_seconds"] = round(time.monotonic() - t0, 3)
    failed_checks = [c["id"] for c in checks if not c.get("pass", False)]
    if failure is not None:
        status = EXIT_CELL_FAILED
        record["failure"] = failure
    elif failed_checks:
        status = EXIT_CHECK_FAILED
        record["failure"] = "registry check failed: " + ", ".join(failed_checks)
    else:
        status = EXIT_OK
    record["state"] = "complete"
    record["exit_status"] = status
    # the record last: once it says complete, the notebook and HTML beside it are this run's
    write_atomically(out / (path.stem + ".run.json"), json.dumps(record, indent=2) + "\n")
    return status, record


def summary(record):
    checks = record.get("registry_checks", [])
    if not checks:
        return ""
    counts = {}
    for c in checks:
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    return "; registry checks: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))


RUN_USAGE = ("run --kernel NAME --timeout SECONDS [--out DIR] [--tables DIR] [--pdf]"
             " [-p NAME VALUE]... NOTEBOOK")


def run_arguments(argv):
    """{kernel, timeout, out, parameters, notebook} from argv, or ParameterError. -p NAME VALUE
    takes the next two words whatever they are, so a value may start with '-' (-p d1 -2.5e3);
    every name and value must be UTF-8 text, since they go into the notebook."""
    args = {"kernel": None, "timeout": None, "out": "out/runs", "parameters": [],
            "notebook": None, "tables": None, "pdf": False}
    words = list(argv)
    while words:
        word = words.pop(0)
        if word in ("-p", "--parameter"):
            if len(words) < 2:
                raise ParameterError(f"{word} needs NAME and VALUE")
            name, value = words.pop(0), words.pop(0)
            for what, text in (("name", name), ("value", value)):
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError as e:
                    raw = os.fsencode(text)
                    raise ParameterError(
                        f"-p {os.fsencode(name)!r}: the {what} is not UTF-8 text (byte"
                        f" 0x{raw[e.start]:02x} at position {e.start}); expected UTF-8") from None
            args["parameters"].append((name, value))
        elif word == "--pdf":
            args["pdf"] = True
        elif word in ("--kernel", "--timeout", "--out", "--tables"):
            if not words:
                raise ParameterError(f"{word} needs a value")
            args[word[2:]] = words.pop(0)
        elif word.startswith("-") and word != "-":
            raise ParameterError(f"unknown option {word} (expected -p NAME VALUE, --out DIR,"
                                 " --tables DIR or --pdf)")
        elif args["notebook"] is not None:
            raise ParameterError(f"one NOTEBOOK at a time (got {args['notebook']} and {word})")
        else:
            args["notebook"] = word
    if args["kernel"] is None or args["timeout"] is None or args["notebook"] is None:
        raise ParameterError(f"expected: {RUN_USAGE}")
    if not re.fullmatch(r"[0-9]+", args["timeout"]):
        raise ParameterError(f"--timeout {args['timeout']!r}: expected whole seconds")
    args["timeout"] = int(args["timeout"])
    return args


def run_command(argv):
    try:
        args = run_arguments(argv)
    except ParameterError as e:
        print(f"lens run: {e}", file=sys.stderr)
        return EXIT_USAGE
    path = pathlib.Path(args["notebook"])
    if not path.is_file():
        print(f"lens run: {path}: no such notebook", file=sys.stderr)
        return EXIT_USAGE
    out = pathlib.Path(args["out"])
    tables = pathlib.Path(args["tables"]) if args["tables"] is not None else None
    status, record = run(path, args["kernel"], args["timeout"], out, args["parameters"],
                         tables, args["pdf"])
    if status in (EXIT_USAGE, EXIT_BUSY, EXIT_UNWRITTEN):
        print(f"lens run: {record['failure']}", file=sys.stderr)
        return status
    word = {EXIT_OK: "ok", EXIT_CELL_FAILED: "FAILED",
            EXIT_CHECK_FAILED: "registry check FAILED"}[status]
    print(f"lens run: {path.name} {word} ({record['seconds']:.1f} s){summary(record)}")
    if record.get("failure"):
        print(f"lens run: {record['failure']}")
    print(f"lens run: executed notebook, HTML and run record in {out}/"
          f" ({path.stem}.run.json)")
    if record.get("pdf"):
        print(f"lens run: PDF {record['pdf']} ({os.path.getsize(record['pdf']):,} bytes,"
              f" printed in {record['pdf_seconds']:.1f} s)")
    if tables is not None:
        if record.get("tables"):
            count = record["tables_count"]
            print(f"lens run: {count} {'result' if count == 1 else 'results'} shown, one per"
                  f" sheet, in {record['tables']}")
        elif "tables" in record:
            print(f"lens run: no spreadsheet was written to {tables}/: no cell showed a result"
                  " (or the kernel could not write it; its log says why)")
    return status


def reproduce_command(argv):
    parser = argparse.ArgumentParser(prog="lens reproduce")
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--timeout", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv)
    out = pathlib.Path(args.out)
    notebooks = [pathlib.Path(p) for p in args.notebooks if pathlib.Path(p).is_file()]
    if not notebooks:
        print("reproduce: no notebooks found")
        print("notebooks: 0 passed, 1 failed")
        return 1
    passed = failed = 0
    began = time.monotonic()
    for i, path in enumerate(notebooks, 1):
        status, record = run(path, args.kernel, args.timeout, out)
        seconds = record.get("seconds", 0.0)
        where = f"reproduce: [{i}/{len(notebooks)}] {path.name}"
        if status in (EXIT_OK, EXIT_CHECK_FAILED):
            passed += 1
            note = (f" ({record['failure']})" if status == EXIT_CHECK_FAILED else "")
            print(f"{where} ok ({seconds:.1f} s){summary(record)}{note}", flush=True)
        else:
            failed += 1
            print(f"{where} FAILED ({seconds:.1f} s): {record.get('failure')}", flush=True)
    print(f"reproduce: {len(notebooks)} notebooks in {time.monotonic() - began:.1f} s in all;"
          f" executed notebooks, HTML and run records are in {out}/")
    print(f"notebooks: {passed} passed, {failed} failed")
    return 1 if failed else 0


def stop_on_signal(signum, _frame):
    # SIGTERM and SIGHUP unwind like Ctrl-C: the kernel is shut down, the temporary run log
    # removed and the run record marked stopped
    raise SystemExit(128 + signum)


def main():
    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGHUP, stop_on_signal)
    argv = sys.argv[1:]
    if argv and argv[0] == "run":
        return run_command(argv[1:])
    if argv and argv[0] == "reproduce":
        argv = argv[1:]
    return reproduce_command(argv)


if __name__ == "__main__":
    sys.exit(main())
