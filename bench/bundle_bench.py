"""The built bundle: its size, and `margin --self-test` wall time against its bare start.

Alternates `margin --version` (bootloader + interpreter, no Qt) and
`margin --self-test`, each a fresh process, and prints medians and ratios to
the targets (PRODUCT.md §3: bundle under 180 MB, self-test under 2 s).

    pyinstaller --noconfirm build.spec && python bench/bundle_bench.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "margin"
EXE = BUNDLE / ("margin.exe" if sys.platform == "win32" else "margin")
SIZE_TARGET_MB, SELF_TEST_TARGET_S = 180, 2.0


def wall(args: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    subprocess.run([str(EXE), *args], env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not EXE.is_file():
        print(f"no bundle at {EXE}: run `pyinstaller --noconfirm build.spec` first")
        return 2
    size = sum(p.lstat().st_size for p in BUNDLE.rglob("*") if not p.is_dir()) / 1e6
    print(f"bundle size: {size:.1f} MB ({size / SIZE_TARGET_MB:.2f}× the {SIZE_TARGET_MB} MB "
          "target)")
    bare, full = [], []
    wall(["--version"])  # warm the page cache once
    for _ in range(args.rounds):
        bare.append(wall(["--version"]))
        full.append(wall(["--self-test"]))
    b, f = statistics.median(bare), statistics.median(full)
    print(f"margin --version:   median {b:.2f} s (min {min(bare):.2f})")
    print(f"margin --self-test: median {f:.2f} s (min {min(full):.2f}, max {max(full):.2f})")
    print(f"self-test / bare start: {f / b:.1f}×; self-test / {SELF_TEST_TARGET_S:.0f} s target: "
          f"{f / SELF_TEST_TARGET_S:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
