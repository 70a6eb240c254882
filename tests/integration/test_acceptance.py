"""The shared acceptance check on the seed article, through the real command line."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared").resolve()  # CI clones the repo with ../shared beside it
CHECK = SHARED / "acceptance" / "check_seed.py"

LAST_LINE = re.compile(
    r"^seed: recall (?P<recall>[\d.]+) \(\d+/\d+\), precision (?P<precision>[\d.]+) \(\d+/\d+\), "
    r"quotes (?P<quotes>\d+)/\d+, actors (?P<actors>\d+)/(?P<actors_total>\d+) -> (?P<verdict>PASS|FAIL)$"
)


@pytest.mark.model
@pytest.mark.skipif(not CHECK.is_file(), reason=f"shared acceptance data not found: {CHECK} "
                                                f"(expected ../shared beside the repository)")
def test_seed_acceptance():
    cmd = f"{shlex.quote(sys.executable)} -m dyad"
    proc = subprocess.run([sys.executable, str(CHECK), "--cmd", cmd], capture_output=True, text=True,
                          cwd=REPO, timeout=900)
    report = f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert lines, report
    m = LAST_LINE.match(lines[-1].strip())
    assert m, f"unexpected last line {lines[-1]!r}\n{report}"
    assert proc.returncode == 0, report
    assert "-> PASS" in proc.stdout, report
    assert float(m["recall"]) == 1.0, report
    assert float(m["precision"]) >= 0.75, report
    assert int(m["quotes"]) >= 6, report
    assert m["actors"] == m["actors_total"], report
