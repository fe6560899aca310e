"""The machine a benchmark ran on, in one line for docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
import re
import sqlite3
import subprocess
from pathlib import Path


def machine(*libraries: str) -> str:
    """CPU, cores, memory, system, Python and SQLite, then `libraries` (versions a bench names)."""
    cpu = "unknown CPU"
    try:
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu = found.group(1) if found else cpu
    except OSError:
        pass
    memory = ""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, AttributeError):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, {', '.join((f'SQLite {sqlite3.sqlite_version}', *libraries))}; "
        f"{java[0] if java else 'no java'}; load average {os.getloadavg()[0]:.1f} when it started "
        "(other work on the machine makes the figures vary)"
    )
