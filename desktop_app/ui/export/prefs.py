"""What the Export dialog remembers, in the window's settings.ini (`export/...`).

Not remembered on purpose: which findings to export (Accepted is the default
every time) and whether to upload (the one thing that leaves the machine is
asked for each time, never carried over silently).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

from desktop_app.ui.settings.store import save

DEFAULT_AUTHOR = "Margin"
REPORT_CHOICES = (".html", ".md", ".csv", ".json")  # in the order the dialog offers them


@dataclass(slots=True)
class ExportPrefs:
    author: str = ""  # the comments' author; "" = DEFAULT_AUTHOR
    initials: str = ""  # "" = from the author's name
    tracked_rewrites: bool = False
    reports: list[str] = field(default_factory=lambda: [".html"])  # of REPORT_CHOICES
    s3_bucket: str = ""
    s3_prefix: str = ""
    open_folder: bool = False


def initials_of(name: str) -> str:
    """'Ada Lovelace' -> 'AL'; up to three letters."""
    letters = [word[0] for word in name.replace("-", " ").split() if word[:1].isalnum()]
    return "".join(letters[:3]).upper()


def comment_author(prefs: ExportPrefs) -> tuple[str, str]:
    """(author, initials) as they go into the comments."""
    author = prefs.author.strip() or DEFAULT_AUTHOR
    return author, prefs.initials.strip() or initials_of(author) or "M"


def _text(settings: QSettings, key: str) -> str:
    value = settings.value(key, "")
    return str(value).strip() if value is not None else ""


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1", "yes", "on")


def load_export_prefs(settings: QSettings) -> ExportPrefs:
    """The saved choices; a missing or unreadable value gets its default."""
    defaults = ExportPrefs()
    raw = settings.value("export/reports")
    if raw is None:
        reports = defaults.reports
    else:
        items = [raw] if isinstance(raw, str) else list(raw or [])
        chosen = {part.strip() for item in items for part in str(item).split(",")}
        reports = [ext for ext in REPORT_CHOICES if ext in chosen]
    return ExportPrefs(
        author=_text(settings, "export/author"),
        initials=_text(settings, "export/initials"),
        tracked_rewrites=_flag(settings, "export/tracked_rewrites", defaults.tracked_rewrites),
        reports=reports,
        s3_bucket=_text(settings, "export/s3_bucket"),
        s3_prefix=_text(settings, "export/s3_prefix"),
        open_folder=_flag(settings, "export/open_folder", defaults.open_folder),
    )


def save_export_prefs(settings: QSettings, prefs: ExportPrefs) -> bool:
    settings.setValue("export/author", prefs.author.strip())
    settings.setValue("export/initials", prefs.initials.strip())
    settings.setValue("export/tracked_rewrites", bool(prefs.tracked_rewrites))
    # One string: an INI file gives back a one-item list as a lone string, and an
    # empty list as nothing at all, which would read as "never chosen".
    settings.setValue("export/reports", ",".join(prefs.reports) if prefs.reports else "")
    settings.setValue("export/s3_bucket", prefs.s3_bucket.strip())
    settings.setValue("export/s3_prefix", prefs.s3_prefix.strip())
    settings.setValue("export/open_folder", bool(prefs.open_folder))
    return save(settings)
