"""The ingest benchmark counts the CPU of every process of the tree it starts."""

import subprocess
import sys

from bench.process_cpu import TreeCPU

GRANDCHILD = "import time; time.sleep(0.6)"
CHILD = (
    "import subprocess, sys; "
    f"subprocess.run([sys.executable, '-c', {GRANDCHILD!r}], check=True); "
    "print('done')"
)


def test_every_process_of_the_tree_is_counted_while_it_lives() -> None:
    with (
        subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE) as child,
        TreeCPU(child.pid) as cpu,
    ):
        out, _ = child.communicate()
    assert out == b"done\n"
    assert len(cpu.counted) == 2  # the child and its grandchild, both read before exiting
    assert child.pid in cpu.counted
    assert cpu.seconds == sum(cpu.counted.values())
