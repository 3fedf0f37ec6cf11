"""Export memory on hostile packages: small files whose headers unpack to hundreds of MB.

Each header part stays under the zip-bomb check that opening applies, so the
document opens; what matters is what the export then loads. For each file,
in child processes of one run:

- export: `export_reviewed_docx` with one comment (peak RSS, seconds);
- open only: `load` of the same file, the floor the export is compared with;
- python-docx: `docx.Document(file)`, what the export did first until it worked
  on the zip directly (capped at 4 GB of address space so that it cannot take
  the machine down; "over 4 GB" when it hit the cap).

    python bench/export_memory_bench.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_docx import heavy_headers_docx  # noqa: E402

CAP_GB = 4
CHILD = """
import resource, sys, time
cap = {cap} * 1024 ** 3
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from pathlib import Path
src = Path(sys.argv[1])
start = time.perf_counter()
try:
{body}
    status = "ok"
except MemoryError:
    status = "MemoryError"
except Exception as exc:  # libxml2 reports its own out-of-memory as a syntax error
    status = type(exc).__name__
# VmHWM, not ru_maxrss: that one keeps the parent's peak across fork and exec
peak = next(int(line.split()[1]) / 1024 for line in open("/proc/self/status")
            if line.startswith("VmHWM"))
print(status, round(peak), round(time.perf_counter() - start, 1))
"""
BODIES = {
    "export": """
    from desktop_app.document import load
    from desktop_app.export.docx_comments import export_reviewed_docx
    from tests.export_helpers import at
    doc = load(str(src))
    sec = doc.sections[0]
    export_reviewed_docx(src, doc, {sec.id: [at(sec, "few words", "vague")]},
                         src.with_name(src.stem + " (reviewed).docx"))""",
    "open only": """
    from desktop_app.document import load
    load(str(src))""",
    "python-docx": """
    import docx
    docx.Document(str(src))""",
}


def measure(what: str, src: Path) -> tuple[str, int, float]:
    code = CHILD.format(cap=CAP_GB, body=BODIES[what])
    proc = subprocess.run([sys.executable, "-c", code, str(src)], capture_output=True, text=True,
                          cwd=ROOT, timeout=900)
    if proc.returncode != 0:
        return f"exit {proc.returncode}", 0, 0.0
    status, peak, seconds = proc.stdout.split()
    return status, int(peak), float(seconds)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for parts in (4, 16):
            src = heavy_headers_docx(Path(folder) / f"heavy-{parts}.docx", parts=parts,
                                     part_mb=45)
            kb = src.stat().st_size // 1024
            print(f"{parts} headers x 45 MB of <w:p/> in a {kb} KB file:")
            floor = None
            for what in ("open only", "export", "python-docx"):
                status, peak, seconds = measure(what, src)
                if status == "ok":
                    floor = floor or peak
                    ratio = f"  ({peak / floor:.2f}x open only)" if what != "open only" else ""
                    print(f"  {what:12} peak {peak:5d} MB, {seconds:5.1f} s{ratio}")
                else:
                    print(f"  {what:12} {status}: over the {CAP_GB} GB address-space cap")


if __name__ == "__main__":
    main()
