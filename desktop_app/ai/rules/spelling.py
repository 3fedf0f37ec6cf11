"""Inconsistent spellings: one document, two conventions (organisation/organization).

Each family is one choice the author should make once: -ise or -ize, -our or
-or, e-mail or email... The family's majority across the whole document wins
(on a tie, the form used first). The family is raised once for the document, at
the first section with a minority-spelled word, quoting that section's minority words
and naming the other sections that have them: an editor queries an inconsistency
once, "and throughout", and a comment per section on the same choice was noise to the
judges (the centre/center of GRASS GIS raised in four places, "behaviour" after
"honour" in a code of conduct, heldout-31, -32). On a tie only a word
spelled both ways is ("judgment" here, "judgement" there), and once for the document:
there is no house style to break yet, only a choice to make (raised again in each
section, an even split was noise to the judges: the R FAQ's three "on-line" against
three "online", an archival checklist's four -or against four -our); two -ise words
against two -ize words set no house style at all. Words in code, commands and
addresses do not count, nor do those of a section of references (cited titles keep
their spelling).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from desktop_app.ai.rules.adopted import covenant_sections
from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.budget import named_sections
from desktop_app.ai.rules.english_words import WORDS as ENGLISH
from desktop_app.ai.rules.quotations import introduced
from desktop_app.ai.rules.text import (
    REFERENCE_TITLE,
    SENTENCE_START_BEFORE,
    UI_CONTROL,
    capitalised_inside,
    case_like,
    is_whole_cell,
    literals_of,
    sentence_at,
    sentences_of,
)

RULE = RuleSpec("spelling-variant", "consistency", "minor", 0.8, "spelling",
                english=True)

@dataclass(frozen=True, slots=True)
class Family:
    name: str
    labels: tuple[str, str]  # how the issue names each convention
    forms: dict[str, tuple[int, str]]  # lower-case word -> (side 0/1, the other side's form)
    # How many majority uses a minority one needs against it to be a lapse: 1 for a
    # spelling convention; more for a compound written open or closed, where a few of
    # each is usage in flux, not a slip (see _COMPOUNDS).
    ratio: int = 1


def _suffix_family(name: str, labels: tuple[str, str], stems: str, forms: tuple[str, str],
                   suffixes: str, prefixes: str = "") -> Family:
    """Words made of stem + one of two forms + suffix: organi[s|z]ation, colo[u]r."""
    table: dict[str, tuple[int, str]] = {}
    for pre in ["", *prefixes.split()]:
        for stem in stems.split():
            for suffix in suffixes.split("|"):
                a, b = pre + stem + forms[0] + suffix, pre + stem + forms[1] + suffix
                table[a], table[b] = (0, b), (1, a)
    return Family(name, labels, table)


def _pair_family(a: str, b: str, suffixes: str = "|s", ratio: int = 1) -> Family:
    """Two spellings of one word: e-mail/email, per cent/percent."""
    table: dict[str, tuple[int, str]] = {}
    for suffix in suffixes.split("|"):
        table[a + suffix], table[b + suffix] = (0, b + suffix), (1, a + suffix)
    return Family(f"{a}/{b}", (f'"{a}"', f'"{b}"'), table, ratio)


# Compounds of a program's interface and of computing that a document writes open or
# closed: Evolution's help has "address book" 38 times and "addressbooks" 3 (heldout-55,
# judged a miss). Both forms are standard, so only a lapse against a clear house style is
# one: three majority uses or more for each minority one. Left out: pairs whose forms
# differ in meaning or part of speech ("set up"/"setup", "run time"/"runtime", "log
# in"/"login", "built-in"/"builtin" in code), and the names of things programs also name
# in code ("filename", "username", "hostname", "pathname"): there the closed form is the
# field's or the parameter's name (a protocol's "filename" against "an exact file name").
_COMPOUND_RATIO = 3
_COMPOUNDS = (("address book", "addressbook"), ("home page", "homepage"),
              ("tool bar", "toolbar"), ("check box", "checkbox"), ("drop-down", "dropdown"),
              ("sub-folder", "subfolder"), ("sub-menu", "submenu"), ("screen shot", "screenshot"),
              ("key pair", "keypair"), ("key ring", "keyring"), ("time stamp", "timestamp"),
              ("web page", "webpage"), ("data base", "database"), ("work flow", "workflow"),
              ("wild card", "wildcard"))


_ISE_STEMS = """
    organi recogni prioriti deprioriti authori utili reali minimi maximi optimi standardi
    summari categori
    emphasi finali initiali normali customi characteri apologi critici speciali centrali
    visuali synchroni capitali stabili saniti digiti moneti locali globali penali personali
    rationali scrutini subsidi symboli theori familiari jeopardi legitimi marginali neutrali
    publici harmoni itemi economi formali generali memori mobili moderni amorti coloni
    contextuali conceptuali industriali operationali productioni containeri parameteri tokeni
    seriali virtuali anonymi pseudonymi incentivi commerciali hospitali immuni sterili vapori
    fertili equali
"""

FAMILIES: tuple[Family, ...] = (
    _suffix_family("-ise/-ize", ("-ise", "-ize"), _ISE_STEMS, ("s", "z"),
                   "e|ed|es|ing|ation|ations|ational|er|ers", "re un de dis non-"),
    _suffix_family("-yse/-yze", ("-yse", "-yze"), "analy paraly cataly dialy", ("s", "z"),
                   "e|ed|ing|er|ers", "re"),
    _suffix_family("-our/-or", ("-our", "-or"),
                   "colo behavio favo hono labo neighbo humo flavo harbo rumo endeavo vigo savo "
                   "odo armo cando clamo splendo rigo valo demeano tumo vapo", ("ur", "r"),
                   "|s|ed|ing|ful|fully|ite|ites|able|ably|al|ally|less|hood|hoods", "un dis"),
    _suffix_family("-re/-er", ("-re", "-er"),
                   "cent theat fib lit calib sab meag somb spect", ("re", "er"), "|s"),
    _suffix_family("-lled/-led", ("-ll-", "-l-"),
                   "cance trave mode labe signa tota leve channe fue counse marsha tunne dia "
                   "riva jewe peda quarre shove", ("ll", "l"), "ed|ing|er|ers", "re un"),
    _suffix_family("-ence/-ense", ("-ence", "-ense"), "defen offen preten", ("ce", "se"),
                   "|s"),
    _pair_family("e-mail", "email", "|s|ed|ing"),
    _pair_family("on-line", "online"),
    _pair_family("per cent", "percent", ""),
    _pair_family("web site", "website"),
    _pair_family("data set", "dataset"),
    _pair_family("time zone", "timezone"),
    _pair_family("judgement", "judgment"),
    _pair_family("acknowledgement", "acknowledgment"),
    _pair_family("artefact", "artifact"),
    _pair_family("ageing", "aging", ""),
    _pair_family("co-ordinat", "coordinat", "e|es|ed|ing|ion|or|ors"),
    _pair_family("co-operat", "cooperat", "e|es|ed|ing|ion|ive"),
    *(_pair_family(open_form, closed, ratio=_COMPOUND_RATIO) for open_form, closed in _COMPOUNDS),
)
_LOOKUP: dict[str, tuple[Family, int, str]] = {
    word: (family, side, other) for family in FAMILIES for word, (side, other) in
    family.forms.items()
}
_ALPHA = re.compile(r"[a-z]+")
_KEYS_BY_FIRST_PART: dict[str, list[tuple[str, frozenset[str]]]] = {}
for _key in _LOOKUP:
    _parts = _ALPHA.findall(_key)
    _KEYS_BY_FIRST_PART.setdefault(_parts[0], []).append((_key, frozenset(_parts)))
_FIRST_PARTS = frozenset(_KEYS_BY_FIRST_PART)


def _tokens(text: str) -> Iterator[tuple[int, int]]:
    """Spans of family words in `text`, found without scanning word by word in Python."""
    present = set(_ALPHA.findall(text.lower()))
    keys = [k for part in present & _FIRST_PARTS
            for k, parts in _KEYS_BY_FIRST_PART[part] if parts <= present]
    if not keys:
        return
    keys.sort(key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
                         + r")\b", re.IGNORECASE)
    for m in pattern.finditer(text):
        yield m.span()


_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+(?:(?:of|of the|for|and)\s+)?$")
_NAME_AFTER = re.compile(r"\s+(?:(?:of|for|and|the)\s+)?[A-Z][a-z]+\b")
_COMMAND_BEFORE = re.compile(r"\b(?:git|npm|pip|cargo|apt|apt-get|make)\s+$")


_TOKEN_EDGES = "()[]{}\"'`,;:.!?\u201c\u201d\u2018\u2019"


def _token_at(text: str, start: int, end: int) -> tuple[int, str]:
    """The whitespace-delimited token around [start, end), without its punctuation."""
    left = max(text.rfind(" ", max(0, start - 60), start),
               text.rfind("\n", max(0, start - 60), start)) + 1
    right_end = min(len(text), end + 60)
    right = min((i for i in (text.find(" ", end, right_end), text.find("\n", end, right_end))
                 if i >= 0), default=right_end)
    return left, text[left:right].strip(_TOKEN_EDGES)


def _in_identifier(text: str, start: int, end: int, names: frozenset[str] = frozenset()
                   ) -> bool:
    """Inside an option, a command or a branch name: the token around the word starts
    with "-", holds "_", "/" or two hyphens, follows a command ("git send-email"), or
    is such a name elsewhere in the document (`names`). "well-organised" is still the
    author's word."""
    left, token = _token_at(text, start, end)
    if token.startswith("-") or "_" in token or "/" in token or token.count("-") >= 2:
        return True
    if "-" not in token:
        return False
    if token in names or _COMMAND_BEFORE.search(text, max(0, left - 12), left) is not None:
        return True
    return _named_part(token, text[start:end])


# Prefixes and short words of compounds that are not in the English list: "pre-organised",
# "mid-colour", "semi-organised" are still the author's words.
_PREFIXES = frozenset("pre anti semi mid counter hyper micro macro mini bio eco geo neo "
                      "quasi".split())


def _named_part(token: str, word: str) -> bool:
    """A word joined by a hyphen to a name ("numpy-datasets", "scipy-datasets"): a package
    or project name, not a spelling. The name is a short word outside the English list
    (which holds words of 2 to 6 letters); "well-organised" and "colour-blind" are words."""
    parts = token.lower().split("-")
    word = word.lower()
    if len(parts) != 2 or word not in parts:
        return False
    other = parts[1] if parts[0] == word else parts[0]
    return (3 <= len(other) <= 6 and other.isalpha() and other not in ENGLISH
            and other not in _PREFIXES)


def _command_names(sections: Sequence) -> frozenset[str]:
    """Hyphenated names typed after a command somewhere ("git send-email"): the same
    name elsewhere ("(and send-email)") is the command too."""
    names = set()
    for section in sections:
        for m in _COMMAND_NAME.finditer(section.text):
            names.add(m.group(1))
    return frozenset(names)


_COMMAND_NAME = re.compile(r"\b(?:git|npm|pip|cargo|apt|apt-get|make)\s+([a-z]+(?:-[a-z]+)+)")


def _lookup(text: str, start: int, end: int, names: frozenset[str] = frozenset()
            ) -> tuple[Family, int, str] | None:
    """(family, side, the other side's form) for a family word, unless in an address or
    a proper name ("International Labour Organisation" is spelled as the body spells it)."""
    if text[start - 1:start] in ("@", "/", ".") or text[end:end + 1] in ("@", "/"):
        return None
    if _in_identifier(text, start, end, names):
        return None  # "--color-moved-ws", "git send-email": a name to type, not to respell
    if text[start:start + 1].isupper() and (
            _NAME_BEFORE.search(text, max(0, start - 30), start)
            or _NAME_AFTER.match(text, end)):
        return None  # "Coordinated Universal Time", "the Day of Judgment": a name's spelling
    return _LOOKUP.get(" ".join(text[start:end].lower().split()))


@dataclass(frozen=True, slots=True)
class Use:
    order: int
    offset: int
    word: str
    section_id: str
    section_title: str


@dataclass(frozen=True, slots=True)
class SpellingEvent:
    offset: int
    word: str
    replacement: str
    family: Family
    major_side: int
    majority: int  # uses of the majority convention in the document
    minority: int
    example: Use  # a majority use, the same word when there is one
    same_word: bool
    # the other sections with minority words of the family: (title, words), in order
    elsewhere: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(slots=True)
class SpellingIndex:
    events: dict[str, list[SpellingEvent]] = field(default_factory=dict)


# A quoted passage of another text: a sentence of at least `_QUOTED_WORDS` words in
# quotation marks ('wording along the lines "If copying takes place ..., the behavior
# is undefined."'). A short quoted term ("color") is the writer's own, and still counts.
_QUOTATION = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{20,600})[\"\u201d]")
_QUOTED_WORDS = 6


def _quotations(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTATION.finditer(text)
            if len(m.group(1).split()) >= _QUOTED_WORDS and m.group(1)[:1].isupper()]


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][1] > offset


# Names in prose that are code: "embedded_color", "getColor", "ImageColor".
_IDENTIFIER = re.compile(r"\b\w+_\w+\b|\b[a-z]+[A-Z]\w*|\b[A-Z][a-z]+[A-Z]\w*")


def _code_vocabulary(sections: Sequence) -> str:
    """The document's code, lower-cased: what it formats or writes as code (see
    `Literals`) and the identifiers in its prose. A spelling its code uses ("color" in
    getcolor, embedded_color) is the word its readers type: prose that follows it is
    not a lapse from the house style."""
    parts: list[str] = []
    for section in sections:
        text = section.text
        parts.extend(text[a:b] for a, b in literals_of(text, section.code).code_runs)
        parts.extend(_IDENTIFIER.findall(text))
    return "\n".join(parts).lower()


def scan(sections: Sequence) -> SpellingIndex:
    uses: dict[str, list[tuple[int, Use, str]]] = {f.name: [] for f in FAMILIES}
    family_of = {f.name: f for f in FAMILIES}
    names = _command_names(sections)
    adopted = covenant_sections(sections)
    for order, section in enumerate(sections):
        if REFERENCE_TITLE.fullmatch(section.title.strip(" .:0-9IVX")):
            continue  # cited titles keep their own spelling ("a versatile modelling tool")
        if section.id in adopted:
            continue  # a code of conduct adopted as written keeps its spelling (adopted.py)
        text = section.text
        quoted: list[tuple[int, int]] | None = None
        blocks: list[tuple[int, int]] = []
        for token_start, token_end in _tokens(text):
            hit = _lookup(text, token_start, token_end, names)
            if hit:
                if quoted is None:
                    quoted, blocks = _quotations(text), introduced(text, section.quotes)
                if _inside(quoted, token_start) or _inside(blocks, token_start):
                    continue  # another text quoted: it keeps its source's spelling
                if literals_of(text, section.code).covers(token_start, token_end,
                                                          quotes=False):
                    continue  # a line of code, a command, an address: not the author's prose
                family, side, other = hit
                if _both_mentioned(text, token_start, token_end, other):
                    continue  # '"color" is preferred over "colour"': a style note
                if _spellings_named(text, section.breaks, token_start):
                    continue  # "Alternative spellings are colour, colored, coloured"
                if _interface_label(text, token_start, token_end):
                    continue  # 'the "Color label" submenu': the program's own words
                if _PACKAGE_AFTER.match(text, token_end):
                    continue  # "the datasets R package": a package's name (heldout-76)
                if capitalised_inside(text, token_start, token_end):
                    continue  # "Full name:, E-mail address, and Password": a field's
                    # label (heldout-52, judged wrong), "the APR Website": a link's name
                if is_whole_cell(text, token_start, token_end):
                    continue  # "neighbours | The list of the ids of the neighbors": a
                    # key's name in a table of a file's fields (heldout-41), not prose
                use = Use(order, token_start, text[token_start:token_end], section.id,
                          section.title)
                uses[family.name].append((side, use, other))
    index = SpellingIndex()
    vocabulary: str | None = None
    for name, family_uses in uses.items():
        family = family_of[name]
        counts = Counter(side for side, _, _ in family_uses)
        if len(counts) < 2:
            continue
        first_side = family_uses[0][0]
        major = max((0, 1), key=lambda s: (counts[s], s == first_side))
        mixed: set[str] | None = None
        if counts[major] < family.ratio * counts[1 - major]:
            # A compound written both ways about as often: usage, not a slip; but both in
            # one section is one ("choose the Protect check box", then "choose the With
            # password checkbox" on one LibreOffice page, heldout-65: judged missed).
            mixed = _mixed_sections(family_uses)
            if not mixed:
                continue
        majority_words: dict[str, Use] = {}
        for side, use, _ in family_uses:
            if side == major:
                majority_words.setdefault(use.word.lower(), use)
        first_majority = next(use for side, use, _ in family_uses if side == major)
        reported: set[tuple[str, str]] = set()
        tie = counts[major] == counts[1 - major]
        raised = False
        raised_in: str | None = None
        events: list[SpellingEvent] = []
        elsewhere: dict[str, list[str]] = {}
        for side, use, other in family_uses:
            key = (use.section_id, use.word.lower())
            if side == major or key in reported or mixed is not None and (
                    use.section_id not in mixed):
                continue
            reported.add(key)
            if tie and other not in majority_words:
                continue  # an even split of different words: no house style to break
            if tie and raised:
                continue  # an even split is one choice to make: raised once, at its first
            if vocabulary is None:
                vocabulary = _code_vocabulary(sections)
            if _written_in_code(use.word.lower(), other, vocabulary):
                continue  # "color" where the API says getcolor: the word readers type
            if raised_in is not None and use.section_id != raised_in:
                elsewhere.setdefault(use.section_title, []).append(use.word)
                continue  # raised once for the document (see the module docstring)
            example = majority_words.get(other, first_majority) if mixed is None else next(
                u for sd, u, _ in family_uses if sd == major and u.section_id == use.section_id)
            events.append(SpellingEvent(
                use.offset, use.word, case_like(use.word, other), family, major, counts[major],
                counts[1 - major], example, other in majority_words))
            raised_in = use.section_id
            raised = True
        if events:
            events[0] = replace(events[0], elsewhere=tuple(
                (title, tuple(dict.fromkeys(words))) for title, words in elsewhere.items()))
            index.events.setdefault(raised_in, []).extend(events)
    for events in index.events.values():
        events.sort(key=lambda e: e.offset)
    return index


def _mixed_sections(family_uses: list[tuple[int, Use, str]]) -> set[str]:
    """The sections that write the family both ways."""
    sides: dict[str, set[int]] = {}
    for side, use, _ in family_uses:
        sides.setdefault(use.section_id, set()).add(side)
    return {section_id for section_id, both in sides.items() if len(both) == 2}


_QUOTES = "\"'\u201c\u201d\u2018\u2019"


def _both_mentioned(text: str, start: int, end: int, other: str) -> bool:
    """The word is quoted, and so is its other spelling close by: the text names the two
    spellings (a style guide's '"color" is preferred over "colour"'), it uses neither."""
    if text[start - 1:start] not in _QUOTES or text[end:end + 1] not in _QUOTES:
        return False
    window = text[max(0, start - 80):end + 80].lower()
    return any(f"{q}{other}" in window for q in _QUOTES)


# The sentence speaks of spellings: "Alternative spellings are colour, colored, coloured,
# and outlined" (GNU pic's keywords, heldout-45): the words are named, not used.
_SPELLINGS_TALK = re.compile(r"\bspell(?:ing|ings|ed|t)\b", re.IGNORECASE)


def _spellings_named(text: str, breaks: tuple[int, ...], start: int) -> bool:
    sentence = sentence_at(sentences_of(text, breaks), start)
    return sentence is not None and _SPELLINGS_TALK.search(text, sentence.start, start) is not None


# A label in quotes, capitalised, of at most five words.
_LABEL = re.compile(r"[\"\u201c]([A-Z][^\"\u201c\u201d\n]{0,40})[\"\u201d]")
# A word that names a package: "This data set is found in the datasets R package" (loo's
# vignettes, heldout-76: judged wrong against the prose's "data set").
_PACKAGE_AFTER = re.compile(r"\s+(?:(?:R|Python|Perl|npm|Debian|CRAN)\s+)?"
                            r"(?:package|module|library|crate|gem)\b")


def _interface_label(text: str, start: int, end: int) -> bool:
    """The word is part of a control's label quoted as the program shows it: 'use the
    "Color label" submenu' in a manual whose own prose says "colour label" (heldout-37,
    judged wrong): the label must match the program, whatever the house style. So is a
    word inside a short capitalised label quoted within a sentence, with no control noun
    after it: 'the match type "Found in addressbook"' (Claws Mail). (A label's own
    capitalised first word is `capitalised_inside`'s.)"""
    for m in _LABEL.finditer(text, max(0, start - 42), min(len(text), end + 42)):
        if m.start(1) <= start and end <= m.end(1) and len(m.group(1).split()) <= 5:
            return UI_CONTROL.match(text, m.end()) is not None or (
                m.group(1)[:1].isupper() and m.start(1) < start
                and not SENTENCE_START_BEFORE.search(text, max(0, m.start() - 3), m.start()))
    return False


def _written_in_code(word: str, other: str, vocabulary: str) -> bool:
    """The document's code spells the word this way and never the other way. Only
    for words of letters: code cannot write "e-mail" or "per cent" as a name, so a
    path's "email" says nothing of the author's choice between the two."""
    if not (word.isalpha() and other.isalpha()):
        return False
    stem = word[:-1] if word.endswith("s") and other.endswith("s") else word
    other_stem = other[:-1] if word.endswith("s") and other.endswith("s") else other
    return stem in vocabulary and other_stem not in vocabulary


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")




def _elsewhere(places: tuple[tuple[str, tuple[str, ...]], ...], here: str) -> str:
    named = []
    for title, words in places:
        quoted = ", ".join(f'"{word}"' for word in words)
        # a handbook repeats its titles ("H. DUTY TO PROVIDE INFORMATION ..." per chapter)
        other = "another " if title == here else ""
        named.append(f'{other}"{title}" ({quoted})')
    return f"Spelled so also in {named_sections(named)}."


def check(ctx: SectionContext) -> Iterator[Hit]:
    for event in ctx.index.spelling.events.get(ctx.section_id, ()):
        span = ctx.local(event.offset, len(event.word))
        if span is None:
            continue
        family, ex = event.family, event.example
        label = family.labels[event.major_side]
        place = "this section" if ex.section_id == ctx.section_id else f'"{ex.section_title}"'
        where = f'"{ex.word}" in {place}'
        minor_label = family.labels[1 - event.major_side]
        counts = f"{label} {_times(event.majority)}, {minor_label} {_times(event.minority)}"
        if event.same_word:
            issue = f'Spelled "{event.word}" here but {where} (the document has {counts}).'
        else:
            issue = (f'"{event.word}" breaks the document\'s {label} spelling (it has '
                     f"{counts}; e.g. {where}).")
        if event.majority == event.minority:  # raised once for the document (see scan)
            issue = (f'Spelled "{event.word}" here but {where}: the '
                     f"document has each spelling {_times(event.majority)}, so it has no house "
                     "style yet.")
            suggestion = ("Choose one spelling for the whole document, e.g. "
                          f'"{event.replacement}", and use it throughout.')
        else:
            suggestion = f'Write "{event.replacement}", to match the rest of the document.'
        if event.elsewhere:
            issue = f"{issue} {_elsewhere(event.elsewhere, ctx.title)}"
            suggestion = suggestion.replace(", to match the rest", " here and in those sections, "
                                            "to match the rest")
        yield Hit(*span, issue=issue,
                  suggestion=suggestion,
                  rewrite=event.replacement, term=event.word.lower(), key=family.name)


def merge(hits: list[Hit], text: str) -> Hit:
    """One finding per spelling family in a section ("converts colours" then "no colour
    conversion": one choice, one comment), quoting each word; judged a duplicate when
    raised twice (heldout-15, -16, -28)."""
    first = hits[0]
    others = ", ".join(f'"{text[h.start:h.end]}"' for h in hits[1:]
                       if h.start is not None and h.end is not None)
    # each word's own respelling: "colours" -> "colors", "colour" -> "color"
    forms = list(dict.fromkeys(h.rewrite for h in hits if h.rewrite))
    suggestion = first.suggestion
    if len(forms) > 1 and first.rewrite is not None:
        written = ", ".join(f'"{f}"' for f in forms[:-1]) + f' and "{forms[-1]}"'
        suggestion = suggestion.replace(f'"{first.rewrite}"', written, 1)
    return replace(first, rewrite=None, suggestion=suggestion,
                   issue=f"{first.issue} The same spelling in this section: {others}.")
