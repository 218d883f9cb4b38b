"""Send an interrupt_request to a running kernel (for jupyter console, whose Ctrl-C does not).

Usage: /usr/bin/python3 scripts/kernel_interrupt.py [CONNECTION_FILE]
Without a file, the newest kernel-*.json in Jupyter's runtime directory is used (./lens sets
JUPYTER_RUNTIME_DIR to .jupyter-local/runtime). The kernel stops the running cell and says so.
"""

import glob
import os
import sys

from jupyter_client import BlockingKernelClient
from jupyter_core.paths import jupyter_runtime_dir


def main():
    if len(sys.argv) > 1:
        connection = sys.argv[1]
    else:
        files = glob.glob(os.path.join(jupyter_runtime_dir(), "kernel-*.json"))
        if not files:
            print(f"lens kernel interrupt: no kernel-*.json in {jupyter_runtime_dir()}",
                  file=sys.stderr)
            return 2
        connection = max(files, key=os.path.getmtime)
    client = BlockingKernelClient(connection_file=connection)
    client.load_connection_file()
    client.start_channels()
    try:
        msg = client.session.msg("interrupt_request", content={})
        client.control_channel.send(msg)
        reply = client.get_control_msg(timeout=10)
        print(f"lens kernel interrupt: sent to {connection}; reply {reply['content'].get('status')}")
    finally:
        client.stop_channels()
    return 0


if __name__ == "__main__":
    sys.exit(main())
