"""Bring a stored review in line with the document as it is now.

Runs inside the transaction that opens the review. Sections are matched by
id (ids come from titles, not positions): an unchanged text keeps everything;
a changed text makes the section stale and its model and rules findings
history; a section that went away is marked removed and all its findings
become history. The reviewer's own findings on a changed section stay, with
their quote looked up again in the new text.

A reviewer's own finding whose quote its section no longer holds (the tree
was cut differently: a long section got subsections, a table of contents
gave back the text it had swallowed) follows its quote to the new or changed
section that holds it now, rather than staying unanchored or going to
history with a removed section.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from desktop_app.document.model import Document
from desktop_app.review.findings import Quote
from desktop_app.review.status import SectionStatus
from desktop_app.store.review_rows import quotes_from_json, quotes_json
from desktop_app.store.review_state import SectionChanges


def insert_sections(conn: sqlite3.Connection, review_id: int, document: Document,
                    hashes: dict[str, str]) -> None:
    conn.executemany(
        "INSERT INTO review_sections (review_id, section_id, title, level, position,"
        " section_hash) VALUES (?, ?, ?, ?, ?, ?)",
        [(review_id, s.id, s.title, s.level, pos, hashes[s.id])
         for pos, s in enumerate(document.walk())],
    )


def reconcile(conn: sqlite3.Connection, review_id: int, document: Document,
              hashes: dict[str, str], when: str) -> SectionChanges:
    changes = SectionChanges()
    stored = {row["section_id"]: row for row in conn.execute(
        "SELECT section_id, title, level, position, section_hash, status FROM review_sections"
        " WHERE review_id = ?", (review_id,))}
    for pos, section in enumerate(document.walk()):
        sid, new_hash = section.id, hashes[section.id]
        old = stored.pop(sid, None)
        if old is None:
            conn.execute(
                "INSERT INTO review_sections (review_id, section_id, title, level, position,"
                " section_hash) VALUES (?, ?, ?, ?, ?, ?)",
                (review_id, sid, section.title, section.level, pos, new_hash))
            changes.added.append(sid)
        elif old["status"] == "removed":  # back again: its old findings stay history
            conn.execute(
                "UPDATE review_sections SET title = ?, level = ?, position = ?,"
                " section_hash = ?, status = 'not-analysed', error = NULL, model = NULL,"
                " framework_identity = NULL, provider_identity = NULL, requests = 0,"
                " retries = 0, input_tokens = 0, output_tokens = 0, cache_read_tokens = 0,"
                " cache_write_tokens = 0, analysed_at = NULL, facts = NULL"
                " WHERE review_id = ? AND section_id = ?",
                (section.title, section.level, pos, new_hash, review_id, sid))
            changes.added.append(sid)
        elif old["section_hash"] == new_hash:
            if (old["title"], old["level"], old["position"]) != (section.title, section.level,
                                                                 pos):
                conn.execute(
                    "UPDATE review_sections SET title = ?, level = ?, position = ?"
                    " WHERE review_id = ? AND section_id = ?",
                    (section.title, section.level, pos, review_id, sid))
            changes.unchanged.append(sid)
        else:
            status = (SectionStatus.NOT_ANALYSED if old["status"] == SectionStatus.NOT_ANALYSED
                      else SectionStatus.CHANGED)
            conn.execute(
                "UPDATE review_sections SET title = ?, level = ?, position = ?,"
                " section_hash = ?, status = ?, error = NULL, facts = NULL"
                " WHERE review_id = ? AND section_id = ?",
                (section.title, section.level, pos, new_hash, status, review_id, sid))
            _supersede(conn, review_id, sid, "changed", when, keep_user=True)
            _reanchor_user_findings(conn, review_id, sid, section.text, when)
            changes.changed.append(sid)
    for sid, old in stored.items():
        if old["status"] == "removed":
            continue
        conn.execute(
            "UPDATE review_sections SET status = 'removed', error = NULL, facts = NULL"
            " WHERE review_id = ? AND section_id = ?", (review_id, sid))
        changes.removed.append(sid)
    if (changes.changed or changes.removed) and (changes.added or changes.changed):
        _rehome_user_findings(conn, review_id, document, hashes, changes, when)
    for sid in changes.removed:
        _supersede(conn, review_id, sid, "removed", when, keep_user=False)
    return changes


def _supersede(conn: sqlite3.Connection, review_id: int, section_id: str, reason: str,
               when: str, *, keep_user: bool) -> None:
    conn.execute(
        "UPDATE findings SET superseded = 1, superseded_reason = ?, superseded_at = ?"
        " WHERE review_id = ? AND section_id = ? AND superseded = 0"
        + (" AND source != 'user'" if keep_user else ""),
        (reason, when, review_id, section_id))


def _reanchor_user_findings(conn: sqlite3.Connection, review_id: int, section_id: str,
                            text: str, when: str) -> None:
    rows = conn.execute(
        "SELECT pk, quote, quote_start, quotes FROM findings WHERE review_id = ?"
        " AND section_id = ? AND superseded = 0 AND source = 'user'",
        (review_id, section_id)).fetchall()
    for row in rows:
        if row["quotes"]:  # several occurrences: each looked for again
            kept = found_again(text, quotes_from_json(row["quotes"]))
            _set_occurrences(conn, row["pk"], section_id, kept, when)
            continue
        # The occurrence nearest where it was: a quote the section repeats stays on
        # the passage the reviewer chose, not the first one.
        start = nearest(text, row["quote"], row["quote_start"] or 0) if row["quote"] else -1
        span = (1, start, start + len(row["quote"])) if start >= 0 else (0, None, None)
        conn.execute(
            "UPDATE findings SET anchored = ?, quote_start = ?, quote_end = ?, updated = ?"
            " WHERE pk = ?", (*span, when, row["pk"]))


def found_again(text: str, quotes: list[Quote]) -> list[Quote]:
    """The occurrences of a finding that `text` still holds, each at the place nearest
    where it was, in the order of the text; those whose passage is gone are dropped."""
    kept: dict[int, Quote] = {}
    for q in quotes:
        at = nearest(text, q.quote, q.start or 0) if q.quote else -1
        if at >= 0 and at not in kept:  # two that fall on one place are one
            kept[at] = replace(q, anchored=True, start=at, end=at + len(q.quote))
    return [kept[at] for at in sorted(kept)]


def _set_occurrences(conn: sqlite3.Connection, pk: int, section_id: str, kept: list[Quote],
                     when: str) -> None:
    """A finding's occurrences after its section changed: the first one left is its
    own quote (a finding's quote is its first occurrence); none left, it is unanchored."""
    if not kept:
        conn.execute("UPDATE findings SET anchored = 0, quote_start = NULL, quote_end = NULL,"
                     " quotes = NULL, updated = ? WHERE pk = ?", (when, pk))
        return
    first = kept[0]
    several = [replace(q, section=section_id) for q in kept] if len(kept) > 1 else []
    conn.execute("UPDATE findings SET quote = ?, anchored = 1, quote_start = ?, quote_end = ?,"
                 " quotes = ?, updated = ? WHERE pk = ?",
                 (first.quote, first.start, first.end,
                  quotes_json(several) if several else None, when, pk))


def _rehome_user_findings(conn: sqlite3.Connection, review_id: int, document: Document,
                          hashes: dict[str, str], changes: SectionChanges, when: str) -> None:
    """Move the reviewer's findings that lost their quote (on a changed section: not
    found again; on a removed one: all) to the new or changed section that holds it."""
    changed, removed = changes.changed, changes.removed
    rows = conn.execute(
        "SELECT pk, section_id, quote, quotes FROM findings WHERE review_id = ?"
        " AND superseded = 0"
        " AND source = 'user' AND quote != '' AND ((anchored = 0 AND section_id IN ("
        + ",".join("?" * len(changed)) + ")) OR section_id IN ("
        + ",".join("?" * len(removed)) + ")) ORDER BY position, pk",
        (review_id, *changed, *removed)).fetchall()
    if not rows:
        return
    wanted = set(changes.added) | set(changed)
    texts = [(s.id, s.text) for s in document.walk() if s.id in wanted]  # in document order
    for row in rows:
        for sid, text in texts:
            if sid == row["section_id"]:
                continue
            start = text.find(row["quote"])
            if start < 0:
                continue
            conn.execute(
                "UPDATE findings SET section_id = ?, section_hash = ?, anchored = 1,"
                " quote_start = ?, quote_end = ?, updated = ?, position = (SELECT"
                " COALESCE(MAX(position) + 1, 0) FROM findings WHERE review_id = ?"
                " AND section_id = ?) WHERE pk = ?",
                (sid, hashes[sid], start, start + len(row["quote"]), when, review_id, sid,
                 row["pk"]))
            if row["quotes"]:  # its other occurrences, as this section has them
                kept = found_again(text, [replace(q, start=start)
                                          for q in quotes_from_json(row["quotes"])])
                _set_occurrences(conn, row["pk"], sid, kept, when)
            break


def nearest(text: str, quote: str, old: int) -> int:
    """Start of the occurrence of `quote` in `text` nearest to `old`; -1 if none."""
    before = text.rfind(quote, 0, min(len(text), old + len(quote)))
    after = text.find(quote, max(0, old))
    found = [at for at in (before, after) if at >= 0]
    return min(found, key=lambda at: abs(at - old)) if found else -1
