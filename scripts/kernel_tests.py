"""jupyter_kernel_test.KernelTests against the installed Probation Lens kernel.

Run with Debian's /usr/bin/python3 (python3-jupyter-kernel-test); the kernel must be installed
where Jupyter finds it (./lens test sets JUPYTER_PATH to the project-local install).
Prints a last line "kernel-tests: N passed, N failed".
"""

import hashlib
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET
import zipfile

import jupyter_kernel_test
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

KERNEL_NAME = os.environ.get("LENS_KERNEL_NAME", "probation-lens")


class ProbationLensKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("this goes to stderr");'

    # a name with exactly one completion among java.lang and the session's imports
    completion_samples = [
        {"text": "Syst", "matches": {"System"}},
        {"text": "Math.flo", "matches": {"floor(", "floorDiv(", "floorMod("}},
        {"text": "int span = 3;\nMath.flo", "matches": {"floor(", "floorDiv(", "floorMod("}},
    ]

    complete_code_samples = ["1 + 1", "int x = 1;", "int y = 2;\ny * 3", "class Unit {}"]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "int total = (1 +",
        "/* an open comment",
    ]
    invalid_code_samples = ["int z = ;", "}", "else { }"]

    code_inspect_sample = "Math.max"

    code_display_data = [
        {"code": 'display("shown before the cell ends");', "mime": "text/plain"},
    ]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": 'String.join("-", "N01", "C21")', "result": "N01-C21"},
        {"code": "int a = 40;\nint b = 2;\na + b", "result": "42"},
    ]

    code_generate_error = 'throw new IllegalStateException("a deliberate error");'

    # history: tail, range and search (glob, whole input) over the cells of code_execute_result;
    # the pattern matches the second of them only, so unique=True finds exactly one cell
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "String.join(*)"

    code_clear_output = 'System.out.println("step 1");\nclearOutput();\ndisplay("step 2");'

    # no code_page_something: the kernel sends no pager payloads (basekernel's execute_reply has
    # no payload field; payloads are deprecated in the messaging spec), so test_pager skips


class LensProtocolTests(unittest.TestCase):
    """What the standard suite does not cover: interrupt, bad signatures, restart."""

    TIMEOUT = 60

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=cls.TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code, **options):
        """Executes code; returns (reply content, text/plain of the execute_result or None)."""
        msg_id = self.kc.execute(code, **options)
        reply = self.reply_to(msg_id)
        result = None
        while True:
            msg = self.kc.get_iopub_msg(timeout=self.TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                result = msg["content"]["data"].get("text/plain")
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return reply, result

    def reply_to(self, msg_id, timeout=None):
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout or self.TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]

    def test_interrupt_stops_an_infinite_loop_within_two_seconds(self):
        # one snippet: once "looping" is printed, the loop itself is running
        msg_id = self.kc.execute('{ System.out.println("looping"); while (true) {} }')
        while True:
            msg = self.kc.get_iopub_msg(timeout=self.TIMEOUT)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and "looping" in msg["content"]["text"]):
                break
        start = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.reply_to(msg_id, timeout=10)
        elapsed = time.monotonic() - start
        self.assertEqual(reply["status"], "error")
        self.assertLess(elapsed, 2.0, f"the loop stopped only after {elapsed:.2f} s")
        self.assertEqual(self.run_cell("20 + 22")[1], "42")

    def test_badly_signed_messages_are_dropped_and_the_kernel_keeps_serving(self):
        forger = Session(key=b"not-the-connection-key", username="forger")
        for channel in (self.kc.shell_channel, self.kc.control_channel):
            forger.send(channel.socket, "execute_request",
                        content={"code": "System.exit(3);", "silent": False})
            forger.send(channel.socket, "kernel_info_request", content={})
        reply, result = self.run_cell("6 * 7")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(result, "42")
        self.assertTrue(self.km.is_alive())

    def test_a_flood_of_output_ends_with_the_cell_idle_and_a_note(self):
        # one message per line would pass the output socket's high-water mark (1000) and lose
        # the idle status; run_cell waits for that status
        reply, _ = self.run_cell('for (int i = 0; i < 200000; i++) System.out.println(i);')
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(self.run_cell("1 + 2")[1], "3")

    def history(self, **request):
        msg_id = self.kc.history(raw=True, **request)
        reply = self.reply_to(msg_id)
        self.assertEqual(reply["status"], "ok")
        return reply["history"]

    def test_history_keeps_stored_cells_with_their_number_and_result(self):
        reply, _ = self.run_cell("20 + 22")
        count = reply["execution_count"]
        # neither is kept: the client asked for no history
        self.run_cell("1 + 1", store_history=False)
        self.run_cell("2 + 2", silent=True)
        [(session, line, (code, output))] = self.history(
            hist_access_type="tail", n=1, output=True)
        self.assertEqual((line, code, output), (count, "20 + 22", "42"))
        # session 0 is the current one; a range by its number gives the same cell, without output
        self.assertEqual(self.history(hist_access_type="range", session=0, start=count,
                                      stop=count + 1, output=False),
                         [[session, count, "20 + 22"]])
        # a statement has no value: its output is null
        reply, _ = self.run_cell("int keptInHistory = 1;")
        self.assertEqual(self.history(hist_access_type="tail", n=1, output=True),
                         [[session, reply["execution_count"], ["int keptInHistory = 1;", None]]])

    def cell_messages(self, code, timeout=None):
        """Executes code; returns (reply content, the iopub messages of this request until idle)."""
        msg_id = self.kc.execute(code)
        reply = self.reply_to(msg_id, timeout=timeout)
        messages = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=self.TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            messages.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return msg_id, reply, messages

    def test_system_exit_in_a_cell_is_refused_and_the_kernel_stays_usable(self):
        self.run_cell("int beforeExit = 41;")
        _, reply, messages = self.cell_messages("System.exit(3);")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "SystemExitRefused")
        [error] = [m for m in messages if m["msg_type"] == "error"]
        self.assertEqual(error["content"]["ename"], "SystemExitRefused")
        self.assertIn("System.exit(3) was refused", "\n".join(error["content"]["traceback"]))
        self.assertTrue(self.km.is_alive())
        self.assertEqual(self.run_cell("beforeExit + 1")[1], "42")

    def test_the_error_names_the_users_exception_and_the_working_directory(self):
        _, reply, messages = self.cell_messages('Files.readString(Path.of("no-such-file.csv"))')
        self.assertEqual(reply["ename"], "NoSuchFileException")
        [error] = [m for m in messages if m["msg_type"] == "error"]
        self.assertEqual(error["content"]["ename"], "NoSuchFileException")
        traceback = "\n".join(error["content"]["traceback"])
        self.assertIn("no-such-file.csv is a relative path: the kernel's working directory is",
                      traceback)
        self.assertNotIn("CellRuntimeException", traceback)
        self.assertNotIn("jdk.jshell", traceback)

    def test_output_of_a_thread_after_its_cell_ended_goes_to_that_cell(self):
        # the thread prints only when the second cell lets it, so it prints after the first cell
        # has ended however slow the machine is (a sleep of 2 s was not enough on a loaded CI run)
        first, _, _ = self.cell_messages(
            "java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);\n"
            "Thread background = new Thread(() -> {\n"
            "  try { go.await(); } catch (InterruptedException e) { }\n"
            '  System.out.println("late line");\n'
            "});\nbackground.start();")
        # the second cell is running when the thread prints
        second = self.kc.execute("go.countDown();\nbackground.join(10000);\nThread.sleep(300);")
        late, in_second = [], []
        deadline = time.monotonic() + self.TIMEOUT
        while time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=self.TIMEOUT)
            parent = msg["parent_header"].get("msg_id")
            if msg["msg_type"] == "stream":
                (late if parent == first else in_second if parent == second else []).append(
                    msg["content"]["text"])
            if (parent == second and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                break
        self.reply_to(second)
        self.assertEqual("".join(late),
                         "[printed after the cell finished, by a thread the cell started]\n"
                         "late line\n")
        self.assertEqual(in_second, [])

    def test_a_replayed_message_does_not_run_twice(self):
        self.run_cell("int replays = 0;")
        session = self.kc.session
        msg = session.msg("execute_request", content={
            "code": "replays++;", "silent": False, "store_history": False,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        session.send(self.kc.shell_channel.socket, msg)
        self.reply_to(msg["header"]["msg_id"])
        # the same bytes again: same header, same signature
        session.send(self.kc.shell_channel.socket, msg)
        time.sleep(1.0)
        self.assertEqual(self.run_cell("replays")[1], "1")

    def test_restart_gives_a_fresh_session(self):
        self.run_cell("int beforeRestart = 5;")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=self.TIMEOUT)
        # history lives in the kernel's memory only: the new kernel starts without it
        self.assertEqual(self.history(hist_access_type="search", pattern="*beforeRestart*"), [])
        reply, _ = self.run_cell("beforeRestart")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(self.run_cell("1 + 1")[1], "2")


class LensProcessTests(unittest.TestCase):
    """The kernel process itself: it exits when asked to, and says so when it cannot start."""

    TIMEOUT = 60

    def test_shutdown_stops_a_running_loop_and_the_kernel_exits_by_itself(self):
        km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=self.TIMEOUT)
        self.addCleanup(km.shutdown_kernel, now=True)
        self.addCleanup(kc.stop_channels)
        msg_id = kc.execute('{ System.out.println("looping"); while (true) {} }')
        while True:
            msg = kc.get_iopub_msg(timeout=self.TIMEOUT)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and "looping" in msg["content"]["text"]):
                break
        process = km.provisioner.process
        start = time.monotonic()
        kc.shutdown()  # a shutdown_request on the control channel, as the notebook sends it
        reply = kc.get_control_msg(timeout=10)
        self.assertEqual(reply["msg_type"], "shutdown_reply")
        # jupyter_client kills a kernel 5 s after asking it to shut down; this one must not need it
        while process.poll() is None and time.monotonic() - start < 10:
            time.sleep(0.05)
        elapsed = time.monotonic() - start
        self.assertIsNotNone(process.poll(), "the kernel was still running 10 s after shutdown")
        self.assertEqual(process.returncode, 0)
        self.assertLess(elapsed, 4.5, f"the kernel exited {elapsed:.2f} s after shutdown")

    def test_a_port_in_use_is_named_in_one_line_and_the_kernel_exits_at_once(self):
        argv = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv
        channels = {"shell": "shell", "iopub": "iopub", "stdin": "stdin", "control": "control",
                    "hb": "heartbeat"}
        for key, channel in channels.items():
            with self.subTest(channel=channel):
                free = []
                for _ in channels:
                    probe = socket.socket()
                    probe.bind(("127.0.0.1", 0))
                    free.append(probe)
                ports = {k: s.getsockname()[1] for k, s in zip(channels, free)}
                for probe in free:
                    probe.close()
                taken = socket.socket()
                self.addCleanup(taken.close)
                taken.bind(("127.0.0.1", ports[key]))
                taken.listen()
                folder = pathlib.Path(tempfile.mkdtemp(prefix="lens-port-test-"))
                connection = folder / "kernel.json"
                connection.write_text(json.dumps({
                    **{f"{k}_port": port for k, port in ports.items()}, "ip": "127.0.0.1",
                    "transport": "tcp", "key": "a0b1c2", "signature_scheme": "hmac-sha256",
                    "kernel_name": KERNEL_NAME}))
                start = time.monotonic()
                done = subprocess.run([a.replace("{connection_file}", str(connection))
                                       for a in argv], capture_output=True, text=True, timeout=20)
                elapsed = time.monotonic() - start
                self.assertEqual(done.returncode, 2, done.stderr)
                self.assertLess(elapsed, 5.0, f"the kernel exited after {elapsed:.2f} s")
                self.assertEqual(done.stderr, (
                    f"lens kernel: {connection}: the {channel} port {ports[key]} on 127.0.0.1 is"
                    " already in use (Address already in use); the kernel cannot listen there."
                    " Start the kernel again, so that Jupyter writes a new connection file with"
                    " free ports.\n"))


SCRIPTS = pathlib.Path(__file__).resolve().parent
FIXTURES = SCRIPTS / "fixtures"


class LensRunTests(unittest.TestCase):
    """./lens run (scripts/reproduce.py run) on the fixture notebooks in scripts/fixtures."""

    def run_notebook(self, notebook, *parameters):
        out = pathlib.Path(tempfile.mkdtemp(prefix="lens-run-test-"))
        argv = [sys.executable, str(SCRIPTS / "reproduce.py"), "run", "--kernel", KERNEL_NAME,
                "--timeout", "120", "--out", str(out)]
        for name, value in parameters:
            argv += ["-p", name, value]
        done = subprocess.run(argv + [str(FIXTURES / notebook)], capture_output=True, text=True,
                              timeout=600)
        record_file = out / (pathlib.Path(notebook).stem + ".run.json")
        record = json.loads(record_file.read_text()) if record_file.is_file() else None
        return done, record, out

    def test_a_parameter_changes_the_input_file_and_the_record_names_it_with_its_sha256(self):
        done, record, out = self.run_notebook("run-input.ipynb", ("casesFile", "cases-b.csv"))
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        expected = FIXTURES / "cases-b.csv"
        self.assertEqual(record["inputs"], [{
            "path": str(expected), "bytes": expected.stat().st_size,
            "sha256": hashlib.sha256(expected.read_bytes()).hexdigest()}])
        self.assertEqual(record["parameters"]["casesFile"]["java"], '"cases-b.csv"')
        self.assertEqual(record["exit_status"], 0)
        self.assertEqual(record["generator_version"], "2")
        executed = json.loads((out / "run-input.ipynb").read_text())
        injected = [c for c in executed["cells"]
                    if "injected-parameters" in c["metadata"].get("tags", [])]
        self.assertEqual(len(injected), 1)
        self.assertIn('String casesFile = "cases-b.csv";', "".join(injected[0]["source"]))
        # cases-b.csv has 5 data rows (cases-a.csv has 2)
        last = executed["cells"][-1]["outputs"][0]["data"]["text/plain"]
        self.assertEqual("".join(last), "rows in cases-b.csv as at 2016-03-31: 5")
        self.assertEqual([c["status"] for c in record["cells"]], ["ok", "ok", "ok"])
        self.assertTrue((out / "run-input.html").is_file())

    def test_a_failing_registry_check_gives_a_non_zero_exit(self):
        done, record, _ = self.run_notebook("run-failing-check.ipynb")
        self.assertEqual(done.returncode, 3, done.stdout + done.stderr)
        [check] = record["registry_checks"]
        self.assertEqual((check["id"], check["pass"]), ("shortfall_range_2015_16", False))
        self.assertEqual(record["exit_status"], 3)

    def test_an_unknown_parameter_is_refused_with_the_declared_names(self):
        done, record, _ = self.run_notebook("run-input.ipynb", ("casesFil", "x.csv"))
        self.assertEqual(done.returncode, 2)
        self.assertIn("declares no casesFil (it declares casesFile, minimum, verbose, asAt);"
                      " did you mean casesFile?", done.stderr)

    def test_a_value_of_the_wrong_type_is_refused(self):
        done, _, _ = self.run_notebook("run-input.ipynb", ("asAt", "31/03/2016"))
        self.assertEqual(done.returncode, 2)
        self.assertIn("asAt is declared LocalDate in the parameters cell; expected a date as"
                      " YYYY-MM-DD", done.stderr)


def xlsx_sheets(path):
    """{sheet name: {(row, column): value}} of an XLSX file, from its XML (Debian's Python has no
    spreadsheet library): numbers as floats, text as str; rows and columns from 0."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")))
        rels = {r.get("Id"): r.get("Target") for r in
                ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        sheets = {}
        for sheet in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", ns):
            target = rels[sheet.get(f"{{{ns['r']}}}id")].lstrip("/")
            xml = ET.fromstring(z.read(target if target.startswith("xl/") else "xl/" + target))
            cells = {}
            for c in xml.iter(f"{{{ns['m']}}}c"):
                ref = re.fullmatch(r"([A-Z]+)([0-9]+)", c.get("r"))
                column = 0
                for letter in ref[1]:
                    column = column * 26 + ord(letter) - 64
                v = c.find("m:v", ns)
                if v is None:
                    continue
                kind = c.get("t")
                value = (shared[int(v.text)] if kind == "s" else v.text if kind == "str"
                         else float(v.text))
                cells[(int(ref[2]) - 1, column - 1)] = value
            sheets[sheet.get("name")] = cells
        return sheets


class LensExportTests(unittest.TestCase):
    """./lens run --pdf --tables DIR (issue 28, 3): the PDF holds the drawn charts; the
    spreadsheet holds every result shown, under the screen's disclosure control."""

    def test_the_pdf_has_its_charts_and_the_spreadsheet_the_counts_the_screen_shows(self):
        out = pathlib.Path(tempfile.mkdtemp(prefix="lens-export-test-"))
        self.addCleanup(shutil.rmtree, out, ignore_errors=True)
        tables = out / "tables"
        argv = [sys.executable, str(SCRIPTS / "reproduce.py"), "run", "--kernel", KERNEL_NAME,
                "--timeout", "120", "--out", str(out), "--pdf", "--tables", str(tables),
                str(FIXTURES / "run-exports.ipynb")]
        # the Maven tests' secret for the record keys, under which their hand calculation holds
        env = {**os.environ, "PROBATION_LENS_KEY_SECRET": "probation-lens tests"}
        done = subprocess.run(argv, capture_output=True, text=True, timeout=600, env=env)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        record = json.loads((out / "run-exports.run.json").read_text())
        self.assertEqual((record["tables"], record["tables_count"]),
                         (str(tables / "run-exports.xlsx"), 2))

        # the PDF: the chart's axis titles are only in its Plotly JSON, a script the printer does
        # not show, until plotly.js draws them into the page as SVG text (an undrawn chart shows
        # a line naming its title, not its axes)
        pdf = out / "run-exports.pdf"
        self.assertEqual(pdf.read_bytes()[:5], b"%PDF-")
        self.assertEqual(record["pdf"], str(pdf))
        pdftotext = shutil.which("pdftotext")
        self.assertIsNotNone(pdftotext, "pdftotext (Debian: poppler-utils) reads the PDF")
        text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        for drawn in ("Contract package area", "Orders started (count)"):
            self.assertIn(drawn, text)

        # the spreadsheet: the official-sensitive result's counts are the ones the screen
        # shows, which the cell key method moved (Cumbria and Lancashire's 30 "other" orders
        # show as 31 under the tests' secret, as SpreadsheetTest and DisclosureRenderTest work
        # out), never the true ones
        sheets = xlsx_sheets(tables / "run-exports.xlsx")
        self.assertEqual(list(sheets), ["Cover", "Contents", "Notes", "Table_1", "Table_2"])
        self.assertEqual(sheets["Cover"][(0, 0)], "Tables from the notebook run-exports")
        first = sheets["Table_1"]
        self.assertEqual(first[(0, 0)], "Table 1: Starts by CPA and order type")
        header = next(r for (r, c), v in first.items() if c == 0 and v == "cpa")
        names = [first[(header, c)] for c in range(5)]
        self.assertEqual(names, ["cpa", "community_order", "suspended_sentence_order", "other",
                                 "total"])
        rows = {first[(r, 0)]: [first[(r, c)] for c in range(1, 5)]
                for r in range(header + 1, header + 5)}
        self.assertEqual(rows["Cumbria and Lancashire"][2], 31.0)
        executed = json.loads((out / "run-exports.ipynb").read_text())
        html = "".join(executed["cells"][1]["outputs"][0]["data"]["text/html"])
        for area, counts in rows.items():
            shown = re.search(re.escape(area) + r"</td>((?:\s*<td[^>]*>[^<]*</td>){4})", html)
            self.assertIsNotNone(shown, area)
            self.assertEqual(re.findall(r">([^<]*)</td>", shown[1]),
                             [f"{int(n)}" for n in counts], area)
        notes = sheets["Notes"]
        self.assertTrue(any(isinstance(v, str) and v.startswith("Disclosure control: the 16"
                                                                 " counts")
                            for v in notes.values()), notes)
        self.assertEqual(sheets["Table_2"][(0, 0)], "Table 2: Orders started by CPA, published")


class LensProgressTests(unittest.TestCase):
    def test_progress_is_one_output_updated_in_place_leaving_one_final_line(self):
        done, record, out = LensRunTests.run_notebook(self, "run-progress.ipynb")
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        executed = json.loads((out / "run-progress.ipynb").read_text())
        [output] = executed["cells"][-1]["outputs"]
        text = "".join(output["data"]["text/plain"])
        self.assertTrue(text.startswith("generating cases: done, 40 cases in "), text)
        html = (out / "run-progress.html").read_text()
        self.assertEqual(html.count("generating cases: done, 40 cases"), 1)
        self.assertNotIn("generating cases [=", html)


ROOT = SCRIPTS.parent
LENS = ROOT / "lens"


class LensRunFaultTests(unittest.TestCase):
    """./lens run as a scheduled pipeline uses it (issue 29): outputs complete or absent, one run
    per --out, every argument read before a kernel starts, paths from the caller's directory."""

    NOTEBOOK = FIXTURES / "run-params.ipynb"
    stem = "run-params"  # of the notebook run, naming its outputs

    def setUp(self):
        self.work = pathlib.Path(tempfile.mkdtemp(prefix="lens-run-fault-"))
        self.addCleanup(shutil.rmtree, self.work, ignore_errors=True)
        self.out = self.work / "out"
        # a TMPDIR of the test's own, to see what a run leaves there
        self.tmp = self.work / "tmp"
        self.tmp.mkdir()
        self.env = {**os.environ, "TMPDIR": str(self.tmp)}

    def argv(self, parameters, timeout=120, notebook=None):
        argv = [sys.executable, str(SCRIPTS / "reproduce.py"), "run", "--kernel", KERNEL_NAME,
                "--timeout", str(timeout), "--out", str(self.out)]
        for name, value in parameters:
            argv += ["-p", name, value]
        return argv + [str(notebook or self.NOTEBOOK)]

    def run_lens(self, *parameters, timeout=120, notebook=None):
        return subprocess.run(self.argv(parameters, timeout, notebook), capture_output=True,
                              env=self.env, timeout=600)

    def start(self, *parameters):
        """A run in the background, in a process group of its own (the kernel with it)."""
        log = tempfile.TemporaryFile()
        self.addCleanup(log.close)
        run = subprocess.Popen(self.argv(parameters), stdout=log, stderr=subprocess.STDOUT,
                               env=self.env, start_new_session=True)

        def kill():
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
                run.wait()
        self.addCleanup(kill)
        return run, log

    def record(self):
        file = self.out / f"{self.stem}.run.json"
        return json.loads(file.read_text()) if file.is_file() else None

    def wait_until_running(self, run, timeout=60):
        """Waits until the run's record says it is running and its kernel has had time to start;
        fails if the record never says so."""
        deadline = time.monotonic() + timeout
        while (self.record() or {}).get("state") != "running":
            if run.poll() is not None or time.monotonic() > deadline:
                self.fail(f"no record in {self.out} said the run was in progress:"
                          f" {self.record()}")
            time.sleep(0.2)
        time.sleep(5)

    def last_output(self):
        executed = json.loads((self.out / f"{self.stem}.ipynb").read_text())
        return "".join(executed["cells"][-1]["outputs"][0]["data"]["text/plain"])

    def test_a_cell_that_displays_twenty_thousand_values_keeps_every_one(self):
        # issue 29, 4: 20,000 display() calls kept about 10,500 with exit 0 (the kernel's iopub
        # socket dropped what ZeroMQ would not queue, and nbclient stopped waiting after 4 s)
        nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": "many",
                         "metadata": {}, "outputs": [],
                         "source": "for (int i = 0; i < 20000; i++) display(i);"}],
              "metadata": {"kernelspec": {"name": KERNEL_NAME, "language": "java",
                                          "display_name": "Java (Probation Lens)"}},
              "nbformat": 4, "nbformat_minor": 5}
        notebook = self.work / "many.ipynb"
        notebook.write_text(json.dumps(nb))
        done = self.run_lens(notebook=notebook)
        self.assertEqual(0, done.returncode, done.stderr.decode(errors="replace"))
        outputs = json.loads((self.out / "many.ipynb").read_text())["cells"][0]["outputs"]
        self.assertEqual(20000, len(outputs))
        self.assertEqual(["0", "19999"], ["".join(outputs[i]["data"]["text/plain"])
                                          for i in (0, -1)])

    def test_a_rerun_killed_midway_leaves_no_earlier_success_and_no_temporary_files(self):
        done = self.run_lens(("tag", "first"))
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertEqual((self.record()["state"], self.record()["exit_status"]), ("complete", 0))
        self.assertEqual(list(self.tmp.iterdir()), [], "the run left temporary files")
        run, _ = self.start(("tag", "second"), ("waitMillis", "120000"))
        self.wait_until_running(run)
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
        record = self.record()
        self.assertEqual((record["state"], record["exit_status"]), ("running", None))
        self.assertEqual(record["parameters"]["tag"]["value"], "second")
        # the first run's notebook and HTML are gone, and nothing is half-written under a name
        self.assertEqual(sorted(f.name for f in self.out.iterdir()),
                         [".lens-run.lock", "run-params.run.json"])

    def test_a_run_stopped_by_sigterm_removes_its_temporary_files_and_says_stopped(self):
        run, _ = self.start(("waitMillis", "120000"))
        self.wait_until_running(run)
        os.killpg(run.pid, signal.SIGTERM)
        self.assertEqual(run.wait(timeout=60), 128 + signal.SIGTERM)
        record = self.record()
        self.assertEqual((record["state"], record["exit_status"], record["failure"]),
                         ("stopped", None, "the run was stopped before it ended (SIGTERM)"))
        self.assertEqual(list(self.tmp.iterdir()), [], "the run left temporary files")

    def test_a_second_run_to_the_same_out_is_refused_while_the_first_runs(self):
        first, log = self.start(("tag", "A"), ("waitMillis", "8000"))
        self.wait_until_running(first)
        second = self.run_lens(("tag", "B"))
        self.assertEqual(second.returncode, 4, second.stdout + second.stderr)
        self.assertIn(f"lens run: {self.out}: another ./lens run is writing there (process"
                      f" {first.pid}, started ", second.stderr.decode())
        self.assertEqual(first.wait(timeout=300), 0, log.seek(0) or log.read().decode())
        # the record, the notebook and the HTML are all the first run's
        self.assertEqual(self.record()["parameters"]["tag"]["value"], "A")
        self.assertTrue(self.last_output().startswith("tag=A "), self.last_output())
        html = (self.out / "run-params.html").read_text()
        self.assertIn("tag=A ", html)
        self.assertNotIn("tag=B ", html)

    def test_every_parameter_is_read_as_java_reads_it_before_a_kernel_starts(self):
        refused = [
            # Java: "floating-point number too large"; Python's float() gives inf
            (("d1", "1e400"), "d1 is declared double in the parameters cell; expected a number"
             " no larger than 1.7976931348623157E308 in size, the largest double"),
            (("f1", "1e39"), "expected a number no larger than 3.4028235E38 in size"),
            # Java: "floating-point number too small"; Python's float() gives 0.0
            (("d1", "1e-400"), "expected zero or a number no smaller than 4.9E-324 in size"),
            # LocalDate.parse reads yyyy-MM-dd only; Python's fromisoformat takes 20190228
            (("day", "20190228"), "day is declared LocalDate in the parameters cell; expected a"
             " date as YYYY-MM-DD"),
            # javac: "illegal underscore"; the '_' used to be dropped, giving 1
            (("n1", "1_"), "n1 is declared int in the parameters cell; expected a whole number"),
            (("n1", "2147483648"), "expected a whole number from -2147483648 to 2147483647"),
            # javac: 010 is octal 8; it used to be passed on as decimal 10
            (("n1", "010"), "expected a whole number without a leading zero"),
        ]
        for (name, value), expected in refused:
            with self.subTest(name=name, value=value):
                done = self.run_lens((name, value))
                self.assertEqual(done.returncode, 2, done.stdout + done.stderr)
                self.assertIn(f"lens run: -p {name} {value!r}: ", done.stderr.decode())
                self.assertIn(expected, done.stderr.decode())
                self.assertFalse(self.out.exists(), "a refused run wrote to --out")
        # a value in Latin-1, not UTF-8: refused before anything runs
        argv = [os.fsencode(a) for a in self.argv([])]
        done = subprocess.run(argv[:-1] + [b"-p", b"tag", b"caf\xe9", argv[-1]],
                              capture_output=True, env=self.env, timeout=60)
        self.assertEqual(done.returncode, 2, done.stdout + done.stderr)
        self.assertIn(b"the value is not UTF-8 text (byte 0xe9 at position 3)", done.stderr)
        self.assertFalse(self.out.exists())
        # a notebook left with merge-conflict markers: one line naming it
        conflicted = self.work / "conflicted.ipynb"
        conflicted.write_text("<<<<<<< HEAD\n" + self.NOTEBOOK.read_text())
        done = self.run_lens(notebook=conflicted)
        self.assertEqual(done.returncode, 2, done.stdout + done.stderr)
        self.assertEqual(done.stderr.decode(), f"lens run: {conflicted}: not a notebook: not"
                         " valid JSON at line 1, column 1: Expecting value\n")

    def test_paths_are_the_callers_and_a_value_may_start_with_a_minus(self):
        # from a directory of the user's own, with relative paths, through ./lens itself
        mine = self.work / "mine.ipynb"
        shutil.copy(self.NOTEBOOK, mine)
        done = subprocess.run(
            [str(LENS), "run", "mine.ipynb", "-p", "d1", "-2.5e3", "-p", "n1", "1_000",
             "-p", "f1", ".5", "-p", "day", "2019-02-28", "--out", "runs"],
            cwd=self.work, capture_output=True, text=True, env=self.env, timeout=600)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.out, self.stem = self.work / "runs", "mine"
        self.assertEqual(self.record()["notebook"], str(mine))
        # Java prints -2.5e3 as -2500.0, the float .5 as 0.5
        self.assertEqual(self.last_output(), "tag=none d1=-2500.0 f1=0.5 n1=1000 day=2019-02-28")

    def test_a_full_disk_is_one_line_naming_the_file_and_leaves_nothing_part_written(self):
        if os.geteuid() != 0:
            self.skipTest("needs root to mount a 2 MB tmpfs (CI runs as root)")
        self.out.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(self.out)],
                       check=True)
        self.addCleanup(subprocess.run, ["umount", str(self.out)], check=True)
        # 1.5 MB of output: the executed notebook fits in 2 MB, its HTML (0.55 MB more) not
        done = self.run_lens(("printChars", "1500000"))
        self.assertEqual(done.returncode, 5, done.stdout + done.stderr)
        # one line of its own (the kernel's JVM warnings go to the same stderr)
        [message] = [line for line in done.stderr.decode().splitlines()
                     if line.startswith("lens run:")]
        self.assertRegex(message, rf"^lens run: {re.escape(str(self.out))}/run-params\.html: no"
                                  r" space left on the device: it needs [0-9]+ bytes, [0-9]+ are"
                                  r" free$")
        self.assertNotIn("Traceback", done.stderr.decode())
        needed, free = map(int, re.findall(r"([0-9]+) (?:bytes|are)", message))
        self.assertGreater(needed, 1_500_000)
        self.assertLess(free, needed)
        # the notebook whole, no HTML and nothing part-written; the record says so
        names = sorted(f.name for f in self.out.iterdir())
        self.assertEqual(names, [".lens-run.lock", "run-params.ipynb", "run-params.run.json"])
        self.assertEqual(len(json.loads((self.out / "run-params.ipynb").read_text())["cells"]), 6)
        record = self.record()
        self.assertEqual((record["state"], record["exit_status"]), ("incomplete", 5))

    def test_an_out_that_cannot_be_a_directory_is_one_line_before_a_kernel_starts(self):
        (self.work / "a-file").write_text("not a directory")
        self.out = self.work / "a-file" / "runs"
        done = self.run_lens()
        self.assertEqual(done.returncode, 5, done.stdout + done.stderr)
        self.assertEqual(done.stderr.decode(),
                         f"lens run: {self.out}: cannot be written: Not a directory\n")

    def test_a_cell_past_the_timeout_is_named_with_its_first_line_and_how_long_it_ran(self):
        done = self.run_lens(("waitMillis", "60000"), timeout=3)
        self.assertEqual(done.returncode, 1, done.stdout + done.stderr)
        failure = self.record()["failure"]
        # cells: 0 markdown, 1 parameters, 2 injected parameters, 3 the one that waits
        self.assertRegex(failure, r"^cell 3 \(// waits, so that a test can act while the run is"
                                  r" in progress\) did not finish within the cell timeout of 3 s:"
                                  r" stopped after [0-9]+\.[0-9] s \(LENS_CELL_TIMEOUT sets the"
                                  r" timeout\)$")
        seconds = float(re.search(r"after ([0-9.]+) s", failure)[1])
        self.assertTrue(3 <= seconds < 30, failure)
        self.assertIn(failure, done.stdout.decode())
        self.assertEqual([c["status"] for c in self.record()["cells"]],
                         ["ok", "ok", "timed out", "not run", "not run"])


class NotebookServerTests(unittest.TestCase):
    """./lens notebook: the server's token stays with the user who started it (issue 29, 9)."""

    def test_the_runtime_directory_and_the_token_files_are_the_owners_only(self):
        runtime = ROOT / ".jupyter-local" / "runtime"
        runtime.mkdir(parents=True, exist_ok=True)
        # as an older ./lens left it: readable by everyone, with a stale token file
        runtime.chmod(0o755)
        stale = runtime / "nbserver-1-open.html"
        stale.write_text("a token of a server that has gone")
        stale.chmod(0o644)
        self.addCleanup(lambda: stale.unlink(missing_ok=True))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        log = tempfile.TemporaryFile()
        self.addCleanup(log.close)
        server = subprocess.Popen([str(LENS), "notebook", f"--port={port}"], stdout=log,
                                  stderr=subprocess.STDOUT, start_new_session=True)

        def stop():
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        self.addCleanup(stop)
        # ./lens execs the server, so it keeps the process id the files are named after
        token_files = [runtime / f"nbserver-{server.pid}.json",
                       runtime / f"nbserver-{server.pid}-open.html"]
        deadline = time.monotonic() + 300
        while not all(f.is_file() for f in token_files):
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                self.fail("the notebook server wrote no nbserver files:\n"
                          + log.read().decode(errors="replace")[-3000:])
            time.sleep(0.5)
        self.assertIn('"token"', token_files[0].read_text())
        modes = {f.name: oct(f.stat().st_mode & 0o777) for f in [runtime, stale, *token_files]}
        self.assertEqual(modes, {f.name: oct(0o700 if f == runtime else 0o600)
                                 for f in [runtime, stale, *token_files]})


class ConsoleTests(unittest.TestCase):
    """jupyter console (Debian jupyter-console) on the kernel, driven through tmux."""

    SOCKET = f"lens-console-test-{os.getpid()}"

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.SOCKET, *args], check=True,
                              capture_output=True, text=True).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "console")

    handled = 0

    def wait_for(self, text, timeout=120, count=1):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if screen.count(text) >= count:
                return
            # jupyter console 6.4.4 on Python 3.11 sometimes hits an asyncio error of its own
            # ("cannot enter context ... already entered") and waits for Enter; not the kernel's
            if screen.count("Press ENTER to continue...") > self.handled:
                self.handled += 1
                self.tmux("send-keys", "-t", "console", "Enter")
            time.sleep(0.3)
        self.fail(f"{text!r} did not appear; the console shows:\n{self.screen()}")

    def keys(self, *keys):
        """Types each argument: key names (Enter, Tab, Up, Escape, C-u) are pressed, anything
        else is typed literally (tmux would take a trailing ';' as its own separator)."""
        for key in keys:
            if key in ("Enter", "Tab", "Up", "Escape", "C-u", "C-c"):
                self.tmux("send-keys", "-t", "console", key)
            else:
                # a trailing ';' ends a tmux command unless escaped
                literal = key[:-1] + "\\;" if key.endswith(";") else key
                self.tmux("send-keys", "-t", "console", "-l", literal)
            time.sleep(0.2)

    def setUp(self):
        command = f"/usr/bin/jupyter console --kernel {KERNEL_NAME}"
        self.tmux("new-session", "-d", "-s", "console", "-x", "160", "-y", "60", command)
        self.addCleanup(lambda: subprocess.run(["tmux", "-L", self.SOCKET, "kill-server"],
                                               capture_output=True))
        self.wait_for("In [1]:")
        time.sleep(2)  # let the first is_complete find JShell started

    def test_cells_multi_line_input_completion_history_and_interrupt(self):
        self.keys("6 * 7", "Enter")
        self.wait_for("Out[1]: 42")
        # multi-line: the console asks is_complete and continues the open block
        self.keys("for (int i = 0; i < 2; i++) {", "Enter")
        self.keys('System.out.println("row " + i);', "Enter", "}", "Enter")
        self.wait_for("row 1")
        self.wait_for("In [3]:")
        # completion: Tab offers Math's floor methods
        self.keys("Math.flo", "Tab")
        self.wait_for("floorDiv")
        self.keys("Escape", "C-u")
        # history: Up brings back the last cell
        self.keys("int kept = 5;", "Enter")
        self.wait_for("In [4]:")
        self.keys("Up")
        self.wait_for("int kept = 5;", count=2)
        self.keys("C-u", "kept + 1", "Enter")
        self.wait_for(": 6")
        # interrupt from outside, as the README says (console 6.4 sends none on Ctrl-C)
        self.keys('{ System.out.println("looping"); while (true) {} }', "Enter")
        self.wait_for("looping")
        subprocess.run([sys.executable, str(SCRIPTS / "kernel_interrupt.py")], check=True,
                       capture_output=True, timeout=60)
        self.wait_for("Interrupted")
        # after the interrupt, is_complete still continues an open block
        self.keys("if (true) {", "Enter", 'System.out.println("after interrupt");', "Enter",
                  "}", "Enter")
        self.wait_for("after interrupt", count=2)


def main():
    suite = unittest.TestSuite()
    for case in (ProbationLensKernelTests, LensProtocolTests, LensProcessTests, LensRunTests,
                 LensExportTests, LensProgressTests, LensRunFaultTests, NotebookServerTests,
                 ConsoleTests):
        suite.addTests(unittest.defaultTestLoader.loadTestsFromTestCase(case))
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = max(0, result.testsRun - failed - skipped)
    names = ", ".join(sorted({str(test).split(" ")[0] for test, _ in result.skipped}))
    print(f"kernel-tests: {passed} passed, {failed} failed ({skipped} skipped: {names or 'none'};"
          " the kernel offers no pager)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
