"""`margin review --out/--report` when the outputs cannot be written as asked:
a full disk, a symbolic link, a document whose copy cannot be made, the umask."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.paths import sample_document
from tests.docx_factory import CONTENT_TYPES, DOC_RELS, p, write_docx
from tests.e2e.cli import margin

MB = 1024 * 1024
IMAGE_REL = ('<Relationship Id="rIdNoise" Type="http://schemas.openxmlformats.org/officeDocument'
             '/2006/relationships/image" Target="media/noise.png"/>')


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    copy = tmp_path / "Incident report.docx"
    copy.write_bytes(sample_document().read_bytes())
    return copy


def run_limited(args: list[str], env: dict[str, str], *, umask: int | None = None,
                max_file_bytes: int | None = None) -> subprocess.CompletedProcess:
    """`margin` with a umask, or a largest file size (writes past it fail with EFBIG,
    as on a full disk; Python ignores SIGXFSZ, so the process is not killed)."""
    import resource

    def limit() -> None:
        if umask is not None:
            os.umask(umask)
        if max_file_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True,
                          text=True, env=env, timeout=180, preexec_fn=limit)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_during_out_is_one_message_no_traceback_no_partial_file(env, tmp_path):
    """The disk fills at several points of the write: in the middle of a part, in the
    last part, in the zip's directory, at the final flush. Each time one message,
    exit 6, the report written, and nothing else left in the folder (an unclosed
    zip used to print a `ZipFile.__del__` traceback when the failure came late)."""
    src = write_docx(tmp_path / "noisy.docx", p("Scope", "berschrift1") + p(
        "The the system is fast. TODO: more."), doc_rels=DOC_RELS.replace(
        "</Relationships>", IMAGE_REL + "</Relationships>"), content_types=CONTENT_TYPES.replace(
        "</Types>", '<Default Extension="png" ContentType="image/png"/></Types>'),
        extra={"word/media/noise.png": os.urandom(MB)})  # incompressible
    folder = tmp_path / "out"
    folder.mkdir()
    out, report = folder / "copy.docx", folder / "review.json"
    args = ["review", str(src), "--provider", "local", "--accept-all", "--out", str(out),
            "--report", str(report), "--quiet"]
    # The comments' date decides how the comments part compresses: with the clock's,
    # a copy made a second later could be a byte shorter and fit under "size - 1"
    # (this test failed so, once in two runs). A fixed date makes every copy the same.
    env = dict(env, SOURCE_DATE_EPOCH="1767225600")
    proc = run_limited(args, env)
    assert proc.returncode == 0, proc.stderr
    size = out.stat().st_size
    out.unlink()
    proc = run_limited(args, env)  # made again, it is the same file to the byte
    assert proc.returncode == 0 and out.stat().st_size == size
    out.unlink()
    for limit in (size // 2, size - 20_000, size - 200, size - 1):
        proc = run_limited(args, env, max_file_bytes=limit)
        assert proc.returncode == 6, (limit, proc.stderr)
        assert proc.stderr == f"margin: cannot write reviewed copy {out}: File too large\n"
        assert sorted(os.listdir(folder)) == ["review.json"]  # no copy, no temporary file
        assert json.loads(report.read_text())["sections"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges")
@pytest.mark.parametrize("option, name", [("--report", "latest.json"), ("--out", "latest.docx")])
def test_an_output_that_is_a_symbolic_link_is_refused_before_reviewing(env, sample, tmp_path,
                                                                        option, name):
    real = tmp_path / f"real{Path(name).suffix}"
    real.write_bytes(b"kept")
    real.chmod(0o600)
    link = tmp_path / name
    link.symlink_to(real)
    proc = margin(["review", str(sample), "--provider", "local", option, str(link)], env)
    assert proc.returncode == 2, proc.stderr
    assert f"margin: {option} {link}: it is a symbolic link (to {real})" in proc.stderr
    assert "done:" not in proc.stderr  # said before any work
    assert link.is_symlink() and real.read_bytes() == b"kept"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_reports_and_copies_are_created_with_the_users_umask(env, sample, tmp_path):
    out, report = tmp_path / "copy.docx", tmp_path / "review.json"
    kept = tmp_path / "kept.md"
    kept.write_text("old")
    kept.chmod(0o600)  # a file being replaced keeps its permissions
    for target in (report, kept):
        proc = run_limited(["review", str(sample), "--provider", "local", "--out", str(out),
                            "--report", str(target), "--quiet"], env, umask=0o027)
        assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and kept.read_text() != "old"


def test_a_copy_that_cannot_be_made_is_said_before_reviewing_and_exits_6(env, tmp_path):
    """A damaged comments part: the document opens and can be reviewed, but the
    copy would lose its comments. Said first; the report is written anyway."""
    rels = DOC_RELS.replace("</Relationships>", '<Relationship Id="rIdC" Type="http://schemas.'
                            'openxmlformats.org/officeDocument/2006/relationships/comments" '
                            'Target="comments.xml"/></Relationships>')
    src = write_docx(tmp_path / "damaged comments.docx",
                     p("Scope", "berschrift1") + p("The the system is fast. TODO: more."),
                     doc_rels=rels, extra={"word/comments.xml": "<w:comments><w:comment"})
    out, report = tmp_path / "copy.docx", tmp_path / "review.json"
    proc = margin(["review", str(src), "--provider", "local", "--accept-all", "--out", str(out),
                   "--report", str(report)], env)
    assert proc.returncode == 6, proc.stderr
    warning = (f"margin: no reviewed copy can be written from {src}: the comments part is not "
               "well-formed XML")
    assert warning in proc.stderr
    assert proc.stderr.index(warning) < proc.stderr.index("done: Scope")
    assert f"margin: cannot write reviewed copy {out}: the comments part" in proc.stderr
    assert not out.exists()
    assert json.loads(report.read_text())["sections"][0]["status"] == "done"


def test_help_lists_the_exit_codes(env):
    proc = margin(["review", "--help"], env)
    assert proc.returncode == 0
    assert "6  reviewed, but the reviewed copy (--out) or the report could not be written" in (
        proc.stdout)
