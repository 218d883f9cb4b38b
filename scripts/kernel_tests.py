"""jupyter_kernel_test.KernelTests against the installed Probation Lens kernel.

Run with Debian's /usr/bin/python3 (python3-jupyter-kernel-test); the kernel must be installed
where Jupyter finds it (./lens test sets JUPYTER_PATH to the project-local install).
Prints a last line "kernel-tests: N passed, N failed".
"""

import os
import sys
import unittest

import jupyter_kernel_test

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


def main():
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(ProbationLensKernelTests)
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print(f"kernel-tests: {passed} passed, {failed} failed ({skipped} skipped: features"
          " the kernel does not offer, such as history and the pager)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
