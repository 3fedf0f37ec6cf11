"""Placeholders: TODO, TBD, TBC, FIXME, XXX, "[insert ...]" (any case), "<name>"-style
slots, "______" blanks, filler text (lorem ipsum, Word's =rand() sample text), "??",
promises of content ("to be added"), and the text Word shows in a content control
nobody filled in ("Click here to enter text.", "Choose an item.").

The blanks and slots of one section are one finding listing each (a form has
many); markup ("<w:p>", "<table>") is not a slot, nor is a slot in a sample the
reader is told to copy (even where the instruction ends the part before), a quoted
name among quoted names ("'TODO' Mainly obsolete" in a list of files), or a slot in a
question the document asks ("Why not just use <insert other tool here>?"), nor one
in the description of a format ("each line has the form Name <email>"). A marker
the document teaches (a tutorial on TODO tests: in its code, named again and again)
is its topic, not a gap; "??" in a pasted backtrace is what the tool printed, and
"shown as ?? (two question marks)" describes a symbol; "<ENTER>" is a key's name and
"|_______ 2nd field" the stem of a pointer in an ASCII diagram. In a document that
shows code or uses angle brackets as a notation anywhere (`shows_syntax`), "<...>"
slots and "??" are never reported: there they are the notation. Filler
text is one finding per document, on the first section that has it, naming the
others: a test file filled with lorem ipsum needs saying once.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.budget import default_merge
from desktop_app.ai.rules.filler_text import WORD_SAMPLE, filler_lines
from desktop_app.ai.rules.text import CELL_JOINT, UI_CONTROL, Span, code_lines, is_whole_cell

if TYPE_CHECKING:
    from desktop_app.ai.rules.document import SectionInfo

RULE = RuleSpec("placeholder", "completeness", "major", 0.95, "placeholder",
                section_cap=5)

_MARKER = re.compile(
    # The lookahead fails fast at the positions where no alternative can start.
    r"(?=[TFXLl\[<{_?tWwCcVSROY])(?:"
    # Word's own prompts in an empty content control: nobody writes them as prose.
    r"(?P<control>\b(?:Click(?: or tap)? here to enter (?:text|a date)|"
    r"Click(?: or tap)? to enter a date|Choose an item)\.)"
    r"|(?<![\w-])(?P<token>TODO|TBD|TBC|TBA|FIXME|XXX)(?![\w-])"
    r"|(?P<bracket>[\[<{]\s*(?i:insert|add|enter|placeholder|tbd|todo|your|name of)\b"
    r"[^\]>}\n]{0,80}[\]>}])"
    r"|(?P<slot><[A-Za-z][A-Za-z .'-]{0,40}>)"
    r"|(?P<blank>(?<!_)_{4,}+(?!_))"
    r"|(?P<lorem>\b[Ll]orem ipsum\b|" + WORD_SAMPLE.pattern + ")"
    r"|(?<!\S)(?P<query>\?{2,})(?!\S)"
    r"|(?P<deferral>\b(?:[Tt]o be (?:added|completed|confirmed|determined|decided|written|"
    r"provided|agreed)|will be (?:added|provided|completed|written) later|[Cc]oming soon)\b))"
)
_NOTE_MARKERS = ("TODO", "FIXME", "XXX")
_NOTE_START = re.compile(r"[ \t]*[:\u2013\u2014-]")
# A note the marker heads without a colon, opening a parenthesis or a line: "(XXX Only
# used by the stack viewer.)", "TODO Check the figures." It says what is left to do;
# no value is missing.
_NOTE_WORDS = re.compile(r" [A-Z][a-z]+ [a-z]")


# "More commands and options will be added later": what a product will grow is a plan;
# "More details will be added later" defers the document's own content.
_PLANNED = re.compile(r"\b(?:more|new|other|further|additional)\s+((?:[\w-]+,?\s+){1,5})$",
                      re.IGNORECASE)
_CONTENT_WORDS = frozenset("""
    details detail information info figures figure examples example content text data
    results result description descriptions section sections chapter chapters
    documentation docs references reference screenshots diagrams tables numbers notes
    explanation explanations instructions steps material materials guidance answers
    questions links pages entries words
""".split())


def _is_deferral(text: str, s_start: int, s_end: int, start: int, end: int) -> bool:
    """A promise of missing content: "To be added ...", "(to be confirmed)", "Figures to
    be provided." - not "parts to be added/deleted" or "a task to be completed in June"."""
    before = text[s_start:start]
    plan = _PLANNED.search(before)
    if plan and not _CONTENT_WORDS.intersection(plan.group(1).lower().split()):
        return False  # "more commands and options will be added later": a plan, no gap
    if "later" in text[start:end].lower():
        return True
    after = text[end:s_end]
    if not before.strip() or before.rstrip().endswith(("(", ":", "[")):
        return not before.strip() or re.match(r"\s*[)\]]", after) is not None
    return re.fullmatch(r"[\s.)\]]*", after) is not None and len(before.split()) <= 6


# Markup that looks like a slot: HTML and XML tag names.
_TAGS = frozenset("""
    a b i u p q s br hr em tt li ol ul dl dt dd tr td th div span img body head html
    table thead tbody tfoot title meta link script style form input label select option
    button pre code sub sup small big strong font center blockquote caption col colgroup
    nav header footer section article aside main figure figcaption iframe video audio
    xml xsl svg
""".split())



def _written_on(text: str, start: int, end: int) -> bool:
    """The blank touches a letter or digit ("_1.0____", "____5.0"): it is the line a value
    was written on, not an empty blank."""
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text)
                                                          and text[end].isalnum())

_FORM_FIELD = re.compile(r"(?:sign(?:ed|ature)?|date|name|title|initials|address|phone|"
                         r"e-?mail|position|witness|by|within|no\.?|number)\s*:?\s*$",
                         re.IGNORECASE)
_IN_QUOTES = re.compile(r"(?:[\u201c\"]|``)[^\u201d\"\n]*$")  # "...", “...”, ``...''


def _is_slot(inner: str) -> bool:
    """"<name>", "<Company Name>", "<date of issue>": a slot to fill, not markup."""
    words = inner.split()
    if not words or inner.lower() in _TAGS or len(words) > 5:
        return False
    # One word is a slot only if it names what to fill in ("<name>"); "<Object>",
    # "<T>", "<SectionWrapper>" are type parameters in code.
    return len(words) > 1 or inner.lower() in _SLOT_WORDS


# Not "number", "value", "x": in the evaluation every "<number>" was a type or a
# metavariable of a syntax, never a slot left to fill.
_SLOT_WORDS = frozenset("name date title company address email owner phone "
                        "amount city state country signature client customer project "
                        "organisation organization".split())


def _metasyntax(ctx: SectionContext, start: int, end: int, cues: _SampleCues) -> bool:
    """A slot in a syntax, not in a document to fill: joined to other text
    ("<hash value>-<architecture>.cache-<version>"), a type in a developers' reference
    ("Type: <number>"), or in a sample the reader is told to copy."""
    text = ctx.text
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in "-._/>" or after.isalnum() or after in "-_/<":
        return True
    if after == "." and text[end + 1:end + 2].isalnum():
        return True  # "<name>.cache"
    if text[end:end + 2] == "::" or _SLOT_NEAR.match(text, end, end + 4) or (
            _SLOT_BEFORE.search(text, max(0, start - 4), start)):
        return True  # "<Type as Trait>::f", "<error class name>: <error message>"
    if " " not in text[start:end] and ctx.index.acronyms.developers:
        return True
    return cues.near(start)


# A step of a menu path: the item is whichever the reader picks (gedit's help, heldout-68:
# "select Preferences ▸ Plugins ▸ [Name of Plugin]", judged wrong).
_MENU_STEP_BEFORE = re.compile(r"[\u25b8\u25b6\u2192\u27a4>|]\s*$")
_SLOT_NEAR = re.compile(r"\W{0,3}<[A-Za-z]")  # another slot right after this one
_SLOT_BEFORE = re.compile(r"[A-Za-z]>\W{0,3}$")  # ... or right before it
# What introduces a sample the reader fills in for their own use: the licence's "How to
# apply" notice, a template's example ("Copyright [yyyy] [name of copyright owner]").
_SAMPLE_CUE = re.compile(r"\b(?:the following (?:notices?|text|boilerplate|lines?|example)|"
                         r"here is an? (?:sample|example)|alter the names|"
                         r"boilerplate|exhibit a)\b", re.IGNORECASE)
# Phrases that introduce a sample only when it follows at once ("write it like this:",
# "fill in your name"): a contract's "the parties agree as follows" or a guide's "your
# own conversion" a page before a slot left in the text does not make it a sample.
_NEAR_SAMPLE_CUE = re.compile(
    r"\b(?:replaced? (?:it |them |these )?with|fill(?:ed)? in (?:the|your|their)|your own|"
    r"like this|as follows|(?:be sure to|you (?:will |should |must )?(?:need to )?)\s*"
    r"(?:change|replace|edit|adjust))\b", re.IGNORECASE)


# A template given to copy, and only what follows it ("use the following message format:
# ... PR-URL: TBD"): a "TBD" there is one of its fields.
_TEMPLATE_CUE = re.compile(r"\bthe following (?:\w+ )?(?:format|template)\b", re.IGNORECASE)
_SAMPLE_WINDOW = 1000  # a licence's whole "Exhibit A" notice, blanks and all
_TEMPLATE_WINDOW = 500  # a commit message's or a letter's template, a few lines
_NEAR_SAMPLE_WINDOW = 200


class _SampleCues:
    """Where the text tells the reader to copy and fill in a sample: found once per
    text, so that each blank or slot asks in O(log n), not by a search of its own.

    The instruction may end the text before this one: the previous part of a long
    section, or the previous section of a document without headings that the loader
    cut into parts ("Here is a sample; alter the names:" ending Part 5, the
    "<signature of Ty Coon>" starting Part 6)."""

    def __init__(self, ctx: SectionContext) -> None:
        self._ctx = ctx
        self._starts: list[int] | None = None  # where the cues start
        self._near: list[tuple[int, int]] = []  # cues that count only close to a slot
        self._templates: list[int] | None = None  # where strong or template cues start

    def _before(self) -> str:
        ctx = self._ctx
        if ctx.base > 0:
            info = ctx.info
            return info.text[max(0, ctx.base - _SAMPLE_WINDOW):ctx.base] if info else ""
        return ctx.index.text_before(ctx.section_id, _SAMPLE_WINDOW)

    def _find(self) -> list[int]:
        if self._starts is None:
            before = self._before()
            text = self._ctx.text
            self._starts = [m.start() - len(before) for m in _SAMPLE_CUE.finditer(before)]
            self._starts += [m.start() for m in _SAMPLE_CUE.finditer(text)]
            self._near = [(m.start(), m.end()) for m in _NEAR_SAMPLE_CUE.finditer(text)]
        return self._starts

    def sample_before(self, start: int) -> bool:
        """A cue ("the following format", "here is an example") shortly before: what
        follows is a template the reader copies, its "TBD" a field of it."""
        if self._templates is None:
            text = self._ctx.text
            self._templates = sorted(self._find() + [
                m.start() for m in _TEMPLATE_CUE.finditer(text)])
        starts = self._templates
        i = bisect_left(starts, start - _TEMPLATE_WINDOW)
        return i < len(starts) and starts[i] < start

    def near(self, start: int) -> bool:
        # The instruction comes before the sample (up to a whole licence notice), or
        # right after it ("... delete the provisions above and replace them with ...").
        starts = self._find()
        i = bisect_left(starts, start - _SAMPLE_WINDOW)
        if i < len(starts) and starts[i] < start + 300:
            return True
        i = bisect_left(self._near, (start - _NEAR_SAMPLE_WINDOW, 0))
        text = self._ctx.text
        for cue_start, cue_end in self._near[i:]:
            if cue_start > start + _NEAR_SAMPLE_WINDOW:
                break
            between = text[cue_end:start] if cue_start < start else text[start:cue_start]
            if not _SENTENCE_END.search(between) or (
                    cue_start < start and _INTRODUCES.match(text, cue_end)):
                return True  # the same sentence, or "like this:" and the sample after it
        return False


_SENTENCE_END = re.compile(r"[.!?][\"')\u201d\u2019]*\s+[A-Z\u201c\"']")
_INTRODUCES = re.compile(r"[^.!?\n]{0,60}:")  # the cue's sentence ends in a colon


# A name in quotes ("'THANKS' Thanks for people who contributed"): a list of quoted
# names (files of a source tree) has others near it.
_QUOTED_NAME = re.compile(r"(?<!\w)(['\u2018\"\u201c`])[\w.+-]{2,40}(['\u2019\"\u201d`])(?!\w)")
_QUOTED_NAME_WINDOW = 200


def _quoted_name(text: str, start: int, end: int) -> bool:
    """The marker in quotes, among other quoted names: "'TODO' Mainly obsolete" in a
    list of a source tree's files is the name of a file, not a note left in the text."""
    if text[start - 1:start] not in _OPENING or text[end:end + 1] not in _CLOSING:
        return False
    near = (m for m in _QUOTED_NAME.finditer(text, max(0, start - _QUOTED_NAME_WINDOW),
                                             end + _QUOTED_NAME_WINDOW)
            if m.end() <= start - 1 or m.start() >= end + 1)
    return next(near, None) is not None


_OPENING = ("'", "\u2018", "\"", "\u201c", "`")
_CLOSING = ("'", "\u2019", "\"", "\u201d", "`")
# A question the document asks, on a line of its own ("Why not just use <insert other
# build config tool here>?" heading a FAQ entry): a slot written as a joke, answered below.
_QUESTION_LINE = re.compile(r"[^\n]{0,200}\?[\s\"'\u201d\u2019]*(?:\n|$)")


def _in_question(text: str, start: int) -> bool:
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    if line_start == 0 and start > 200:
        return False
    return _QUESTION_LINE.match(text, line_start) is not None


def _row_label(text: str, offset: int) -> str:
    line_start = text.rfind("\n", max(0, offset - 200), offset) + 1
    if line_start == 0 and offset > 200:
        line_start = offset - 200
    first_cells = text[line_start:offset + 200].split("\n")[0].split(CELL_JOINT)[:2]
    return " | ".join(c[:60] for c in first_cells)


# A marker named, not left in: "marked as FIXME", "tagged TODO", "FIXME or TODO tags",
# "the XXX marker" - the text describes its convention for unfinished parts.
# "putting the word FIXME in comments" (heldout-35) names the word too.
_NAMED_BEFORE = re.compile(r"(?:\b(?:marked|tagged|labell?ed|flagged)(?:\s+(?:as|with))?"
                           r"(?:\s+(?:an?|the))?|\b(?:the|a)\s+(?:word|string|keyword|tag|"
                           r"marker))\s*[\"'\u201c\u2018]?$", re.IGNORECASE)
# "these TODO items", "TODO entries": the items of a list of work, named (a placeholder
# stands alone: "TODO: add the figures").
# "a sort of a TODO document" (fetchmail's design notes, heldout-60): a kind of document.
_NAMED_AFTER = re.compile(r"[\"'\u201d\u2019]?\s+(?:tags?|markers?|labels?|keywords?|"
                          r"comments?|lists?|files?|pages?|items?|entries|entry|tasks?|"
                          r"documents?|notes?|sections?)\b")
# Two different markers named together ("FIXME or TODO"); not the same one twice ("the
# TODO and TODO attributes": two names never filled in).
_PAIRED_AFTER = re.compile(r"\s*(?:,|/|\bor\b|\band\b)\s*(TODO|TBD|TBC|TBA|FIXME|XXX)\b")
_PAIRED_BEFORE = re.compile(r"(TODO|TBD|TBC|TBA|FIXME|XXX)\s*(?:,|/|\bor\b|\band\b)\s*$")


def _mentioned(text: str, start: int, end: int) -> bool:
    if _NAMED_BEFORE.search(text, max(0, start - 30), start) or _NAMED_AFTER.match(text, end):
        return True
    token = text[start:end]
    pair = _PAIRED_AFTER.match(text, end) or _PAIRED_BEFORE.search(
        text, max(0, start - 12), start)
    return pair is not None and pair.group(1) != token


# A marker shown in quotes after a comment's sign ('This is a comment with a "% TODO" or
# "%todo"', TeXstudio's manual on its to-do list, heldout-86: judged wrong).
# The quotation opens there (not 'sending an "empty string"; FIXME', a closing quote).
_TYPED_IN_COMMENT = re.compile(r"(?:^|(?<=[\s(]))[\"'\u201c\u2018`](?:%|#|//|;|--|/\*)[ \t]*$")
_TOPIC_USES = 3
_TOKENS = ("TODO", "TBD", "TBC", "TBA", "FIXME", "XXX")
# XXX beside YYY is the first of a run of names for any values, as x and y are (Krusader's
# "bigger than XXX bytes ... bigger than XXX but smaller than YYY", heldout-61: judged wrong).
_NEXT_NAME = re.compile(r"(?<![\w-])YYY(?![\w-])")


def _in_name(text: str, start: int, end: int) -> bool:
    """The marker is a part of a file name or an address, joined to the next part by a
    dot ("XXX.bin", "XXX.XXX.XXX.0/24", "TODO.txt") or to the one before ("0.XXX"): it
    stands for whatever the reader sees there, it leaves no value out."""
    return (text[end:end + 1] == "." and text[end + 1:end + 2].isalnum()) or (
        text[start - 1:start] == "." and text[start - 2:start - 1].isalnum())


def named_not_left(text: str, start: int, end: int) -> bool:
    """The marker at [start, end) is named (the text's convention, a list's items, a page:
    "the TODO page") or is part of a name ("XXX.bin"): it is not left in."""
    return _mentioned(text, start, end) or _in_name(text, start, end)


def _topic_patterns(token: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """How a marker is titled, used, and defined as a variable ("... to
    XXX-done@bugs.debian.org, where XXX is the bug number")."""
    return (re.compile(rf"\b{token}\b", re.IGNORECASE),
            re.compile(rf"(?<![\w-]){token}(?![\w-])"),
            re.compile(rf"\b(?:(?i:where) {token} (?:is|are|stands for|means)|"
                       rf"(?i:replace|substitute) {token} (?:with|by))\b"))


_TOPIC_PATTERNS = {token: _topic_patterns(token) for token in _TOKENS}


def marker_topics(sections: Sequence[SectionInfo]) -> frozenset[str]:
    """The markers a document is about, not gaps in it: its code uses the marker (the
    feature it teaches: "TODO: {", "local $TODO") and its prose names it again and
    again, or a section's title does ("Todo tests"); then "Do NOT be tempted to use
    TODO tests" in a footnote names the feature too. A "TODO" heading over notes,
    with no code, is still a list of work left. A marker the text defines as a variable
    ("where XXX is the bug number") is one throughout. A marker in `_STATUS_ROWS` rows or
    more of the document's tables is a value of a status column ("sbpy.activity | JYL |
    TBD": planned, not done), not a gap; one "CVE id: | TBA" row still is."""
    topics = set()
    for token, (title, use, defined) in _TOPIC_PATTERNS.items():
        uses = in_code = titled = variable = rows = 0
        for s in sections:
            titled += title.search(s.title) is not None
            if token not in s.text:
                continue
            variable += defined.search(s.text) is not None
            spans = code_lines(s.text) + list(s.code)
            for m in use.finditer(s.text):
                uses += 1
                in_code += any(a <= m.start() < b for a, b in spans)
            rows += sum(CELL_JOINT in line and _WORD_OF[token].search(line) is not None
                        for line in s.text.split("\n") if token in line)
        if in_code and (uses >= _TOPIC_USES or titled) or variable or rows >= _STATUS_ROWS:
            topics.add(token)
    return frozenset(topics)


_STATUS_ROWS = 3
_WORD_OF = {token: re.compile(rf"(?<![\w-]){token}(?![\w-])") for token in _TOKENS}


# Angle brackets used as a notation: joined to a word ("List<T>", "<hash>-<arch>"), an
# address or a path inside them ("<a@b.org>", "<foo.h>"), a closing tag, operators.
_ANGLE_SYNTAX = re.compile(r"\w<|>\w|<[^<>\s]*[=/@:.(][^<>\n]*>|<=|=>|->|<<|>>|</")


def shows_syntax(sections: Sequence[SectionInfo]) -> bool:
    """Whether a document shows code or a notation anywhere: a line of code, or angle
    brackets used as syntax. There "<number>", "<email>", "<ENTER>", "<your project>"
    and "??" are the notation the text is written in (a type, a metavariable, a key,
    a debugger's unknown frame), not a slot or a question left open. In every judged
    round (35 findings: API references, manuals, FAQs, licences' "how to apply"
    notices, release-process templates) not one such slot or "??" was worth raising,
    and each round brought a new notation. A business template's "<Client name>" sits
    in prose without code, and is still reported; so are "[Insert ...]", TODO and the
    rest, in any document."""
    for s in sections:
        if s.code or _ANGLE_SYNTAX.search(s.text) or code_lines(s.text):
            return True
    return False


# A line of a program's output or a stack trace pasted into the text: "??" there is
# what the tool printed for a name it could not find ("#0  0x0804a2b1 in ?? ()").
_TOOL_OUTPUT = re.compile(r"0x[0-9A-Fa-f]{4,}|==\d+==|\b\w+\.(?:c|cc|cpp|h|so|py|rs|js|pl|pm)"
                          r"(?:\.\d+)*:\d+|\(in /|^\s*(?:#\d+\s|at\s|by\s)")


def _in_tool_output(ctx: SectionContext, start: int) -> bool:
    if ctx.in_code(start):
        return True
    line_start = ctx.text.rfind("\n", 0, start) + 1
    line_end = ctx.text.find("\n", start)
    line = ctx.text[line_start:line_end if line_end >= 0 else len(ctx.text)]
    return _TOOL_OUTPUT.search(line) is not None


# "<ENTER>", "<Insert>": in angle brackets with nothing after the verb, a key's name
# ("type the command, then <ENTER>"); "<enter your name>" and "[INSERT]" are slots.
_KEY_NAME = re.compile(r"<\s*(?i:enter|insert)\s*>")
# "press the [Add Subtable] button", "Both [Add & Keep] and [Add] button will ...": a
# control's label, in the brackets a manual sets its buttons in (heldout-35, -37), not a
# slot left unfilled.
_OTHER_LABELS = re.compile(r"(?:\s*(?:,|\band\b|\bor\b|/)\s*\[[^\]\n]{1,40}\])*")
# The sentence names what it shows: "fields are displayed as a row of underscores the
# length of the entry field: _______." (Lynx's guide, heldout-39: judged wrong).
_UNDERSCORES_NAMED = re.compile(r"\bunderscores?\b[^.!?\n]*$", re.IGNORECASE)
# A name on the left of an equals sign is being given its value ("1 XXX =", the label of
# an exchange-rate field, heldout-37); "Price = XXX" is a value left out, and reported.
_DEFINED_NEXT = re.compile(r"[ \t]*=(?!=)")
# The text names the symbol it shows: "?? (two question marks)", "shown as ??".
_DESCRIBED_AFTER = re.compile(r"\s*\((?:an?|two|three|double|triple)\s+[\w -]{0,20}?"
                              r"(?:question marks?|marks?|symbols?|characters?|signs?)\)",
                              re.IGNORECASE)
_SHOWN_AS = re.compile(r"\b(?:shown|printed|displayed|rendered|output|written|appears?|"
                       r"replaced by)\s+as\s*$|\breplaced by\s*$", re.IGNORECASE)


# "Each line has the form Name <email>": a slot in the description of a format.
_FORMAT_BEFORE = re.compile(r"\b(?:format|(?:has|have|of|in) the form|syntax|looks? like|"
                            r"written as)\b"
                            r"[^.\n]{0,60}$", re.IGNORECASE)


def check(ctx: SectionContext) -> Iterator[Hit]:
    text = ctx.text
    cues = _SampleCues(ctx)
    for n, m in enumerate(_MARKER.finditer(text)):
        if n % 256 == 0:
            ctx.checkpoint()
        kind = m.lastgroup
        start, end = m.start(), m.end()
        sentence = ctx.sentence_at(start)
        if kind == "slot":
            if (not ctx.index.shows_syntax and _is_slot(m.group()[1:-1])
                    and not _metasyntax(ctx, start, end, cues)
                    and not _FORMAT_BEFORE.search(text, max(0, start - 80), start)):
                yield Hit(start, end,
                          issue=f'Template slot "{m.group()}" was never filled in.',
                          suggestion="Replace it with the content it asks for, or delete it.",
                          term="placeholder", key="slot")
            continue
        if kind == "blank":
            if _FORM_FIELD.search(text, max(0, start - 40), start) or _IN_QUOTES.search(
                    text, max(0, start - 80), start):
                continue  # "Signature: ____", "Date: ____", a stamp's wording: a form
            if _written_on(text, start, end):
                continue  # "_1.0____": a value typed on a form's line, the line kept
            if text[start - 1:start] in ("|", "+"):
                continue  # "|_______ 2nd field": the stem of an ASCII pointer in a diagram
            if cues.near(start):
                continue  # the notice a licence tells its users to copy and fill in
            if _UNDERSCORES_NAMED.search(text, max(0, start - 160), start):
                continue  # "displayed as a row of underscores ...: _______": shown, named
            yield Hit(start, end,
                      issue="A blank to fill in (\u201c____\u201d) is still empty.",
                      suggestion="Fill it in, or say who will and by when; if the document is "
                                 "a form meant to be filled in later, ignore this.",
                      severity="minor", confidence=0.7, term="blank", key="blank")
            continue
        if kind == "token":
            token = m.group("token")
            if _quoted_name(text, start, end):
                continue
            if token in ctx.index.marker_topics:
                continue  # "wrap it in a TODO block": the feature the text teaches
            if cues.sample_before(start):
                continue  # "use the following message format: ... PR-URL: TBD": a template
            if _mentioned(text, start, end):
                continue  # "a section marked as FIXME", "FIXME or TODO tags": the convention
            if text[start - 1:start] == "#":
                continue  # "closes: #XXX": a number in a syntax, not a value left out
            if _TYPED_IN_COMMENT.search(text, max(0, start - 6), start):
                continue  # 'a comment with a "% TODO"': the marker as the reader types it
            if token == "XXX" and _NEXT_NAME.search(text, max(0, start - 200), end + 200):
                continue  # "bigger than XXX but smaller than YYY": names of values
            if _DEFINED_NEXT.match(text, end):
                continue  # "1 XXX = 1.95583 DEM": a name defined, as in a formula
            if _in_name(text, start, end):
                continue  # "a missing XXX.bin file", "XXX.XXX.XXX.0/24": a wildcard in a name
            if token in _NOTE_MARKERS and sentence and (_NOTE_START.match(text, end) or (
                    _NOTE_WORDS.match(text, end) and text[start - 1:start] in ("", "(", "\n"))):
                end = sentence.end  # the whole note: "TODO: confirm the refund figures."
                if text[start - 1:start] == "(" and (close := text.find(")", end - 3, end)) > 0:
                    end = close  # "(XXX Only used by ...)": the note inside its brackets
                note = _NOTE_START.sub("", text[m.end():end], count=1).strip().rstrip(".")
                if token == "XXX":  # an authors' attention mark: it may ask for nothing
                    yield Hit(start, end,
                              issue=f'An authors\' "XXX" mark was left in the text ("{note}"): '
                                    "readers see a note meant for the writers.",
                              suggestion="Settle what it flags, or write it as a plain note "
                                         "for readers without the mark.",
                              severity="minor", term="xxx")
                    continue
                yield Hit(start, end,
                          issue=f'A "{token}" note was left in the text ("{note}"): the work '
                                "it asks for is not done.",
                          suggestion="Do what the note asks (or remove it) before the "
                                     "document goes out; if it cannot be done yet, say who "
                                     "will do it and by when.",
                          term=token.lower())
                continue
            if is_whole_cell(text, start, end):
                where = f'in the table row "{_row_label(text, start)} \u2026"'
            else:
                where = "in the text"
            yield Hit(start, end,
                      issue=f'Placeholder "{token}" {where}: the value it stands for is '
                            "missing.",
                      suggestion=f'Replace "{token}" with the actual value (a date, an owner, '
                                 "a figure), or say who will provide it and by when.",
                      term=token.lower(), key=token)
        elif kind == "bracket":
            if cues.near(start) or _in_question(text, start):
                continue
            if m.group().startswith("{") and "," in m.group() and " " not in m.group():
                continue  # "({insert,jump-to}-register)": alternatives in a notation
            if m.group().startswith("<") and ctx.index.shows_syntax:
                continue  # "<add versions>", "<insert tool here>": notation (see above)
            if _KEY_NAME.fullmatch(m.group()):
                continue  # "<ENTER>": the key to press, not a slot to fill
            if UI_CONTROL.match(text, _OTHER_LABELS.match(text, end).end()):
                continue  # "the [Add Subtable] button": a control's label
            if _MENU_STEP_BEFORE.search(text, max(0, start - 4), start):
                continue  # "Preferences ▸ Plugins ▸ [Name of Plugin]": the reader's own item
            if m.group().startswith("[") and text[end:end + 1] == "(":
                continue  # "[your account's settings.](https://...)": a Markdown link's text
                # (stravalib's guide, heldout-93: judged wrong), not a slot
            yield Hit(start, end,
                      issue=f'Template placeholder "{m.group()}" was never filled in.',
                      suggestion="Replace it with the content it asks for, or delete it.",
                      term="insert", key="bracket")
        elif kind == "control":
            if ctx.literals.covers(start, end) or text[start - 1:start] == ">" or (
                    text[end:end + 1] == "<"):
                continue  # quoted, or inside markup: a mention of the prompt, not a leftover
            yield Hit(start, end,
                      issue=f'Word\'s prompt "{m.group()}" is still showing: a field of the '
                            "template was never filled in.",
                      suggestion="Fill in the field, or delete it.",
                      term="content control", key="control")
        elif kind == "lorem":
            hit = _filler_text(ctx, m, sentence)
            if hit is not None:
                yield hit
        elif kind == "query":
            if ctx.index.shows_syntax:
                continue  # "a ?? b", a debugger's "??": notation or output (see above)
            if _in_tool_output(ctx, start):
                continue  # what a debugger or a tool printed, pasted as it came
            if _DESCRIBED_AFTER.match(text, end) or _SHOWN_AS.search(
                    text, max(0, start - 40), start):
                continue  # "shown as ?? (two question marks)": the symbol, described
            yield Hit(start, end,
                      issue=f'"{m.group()}" marks an open question left in the text.',
                      suggestion="Answer the question and replace the marker with the answer.",
                      severity="minor", confidence=0.7, term="??")
        elif (kind == "deferral" and not ctx.thin and sentence is not None
              and _is_deferral(text, sentence.start, sentence.end, start, end)):
            # A thin section's deferral is reported by the thin-section rule.
            yield Hit(sentence.start, sentence.end,
                      issue=f'"{m.group()}" promises content that is not there yet.',
                      suggestion="Add the missing content, or say who will provide it and "
                                 "by when.",
                      confidence=0.8, term=m.group().lower())


def _filler_text(ctx: SectionContext, m: re.Match[str], sentence: Span | None) -> Hit | None:
    """Filler text, reported on the first section of the document that has it."""
    sections = ctx.index.filler_sections
    if sections and ctx.section_id != sections[0]:
        return None
    what = "lorem ipsum" if "ipsum" in m.group().lower() else "Word's sample text"
    others = [ctx.index.section(i) for i in sections[1:]]
    named = ", ".join(f'"{s.title}"' for s in others[:3] if s is not None)
    more = f" and {len(others) - 3} more" if len(others) > 3 else ""
    also = (f" (also in {len(others)} other section{'s' if len(others) > 1 else ''}: "
            f"{named}{more})" if others else "")
    s, e = (sentence.start, sentence.end) if sentence else (m.start(), m.end())
    return Hit(s, e, issue=f"Filler text ({what}){_LEFT}{also}.",
               suggestion="Replace it with the real content, or delete it.",
               term="lorem ipsum", key="filler-text")


_LEFT = " was left in the document"


def merge(hits: list[Hit], text: str) -> Hit:
    """Filler text in several places of a section: how many of its paragraphs are
    filler (the markers are only where each passage starts), not each sentence."""
    first = hits[0]
    if first.key != "filler-text":
        return default_merge(hits, text)
    starts = sorted(h.start for h in hits if h.start is not None)
    # the lines the markers are on, counted in one pass (not from the top per marker)
    marked = 1 + sum(text.count("\n", a, b) > 0 for a, b in itertools.pairwise(starts))
    n = max(len(filler_lines(text)), marked)
    return replace(first, issue=first.issue.replace(
        _LEFT, f"{_LEFT}: {n} paragraph{'s' if n > 1 else ''} of it here", 1))
