"""One named time, amount, duration or identifier given two values in two sections.

    "the outage began at 14:02" (Summary)  vs  "the outage began at 14:20" (Timeline)
    "the budget of $1.2 million"           vs  "the budget is $1.5 million"
    "incident ticket INC-4471"             vs  "incident ticket INC-4417"

A wrong "inconsistency" costs the reviewer's trust, so a statement counts only
when its subject is named the same way in both places and the value is bound
to it by the sentence's grammar ("<subject> began at <time>", "<subject> of
<amount>", "<subject> lasted <duration>", a table row "<subject> | <value>").
Two statements do not conflict when either is approximate, a bound, an
estimate or a hypothetical ("about", "up to", "estimated", "if"); when either
sentence describes a change ("revised to", "from ... to"); when their
qualifiers differ (years, dates, weekdays, "first"/"second", phase numbers,
"per month"); when the values agree after rounding ("$1.2 million" and
"$1,234,000"); when the subject takes three or more values in the document
(a quantity that varies, not a fact); or when both are in one section.
Identifiers conflict only when they look like one id mistyped (two digits
swapped: INC-4471 / INC-4417); two different ids are usually two things.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app.ai.crosscheck.base import (
    CheckInput,
    Flag,
    Place,
    SectionText,
    cells,
    clip,
    is_toc_line,
    sentence_around,
)
from desktop_app.ai.crosscheck.base import where as named

CHECK = "conflicting-values"

# ---- values -------------------------------------------------------------------------------
_TIME = (r"\b(?:(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ap>[aApP]\.?[mM]\.?))?"
         r"(?:\s*(?P<tz>UTC|GMT|BST|CEST|CET|EDT|EST|PDT|PST|Z)\b)?"
         r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>[aApP]\.?[mM]\.?)(?![a-zA-Z]))")
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?" \
            r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_YEAR = r"(?:19|20)\d\d"
_DATE = (rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\.?(?:,?\s+(?P<y>{_YEAR}))?"
         rf"|\b(?P<mon2>{_MONTH_RE})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y2>{_YEAR}))?"
         r"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<iday>[0-3]\d)")
_MONEY = (r"(?<![\w$])(?P<cur>[$\u00a3\u20ac]|USD|EUR|GBP|US\$)\s?(?P<amt>\d{1,3}(?:,\d{3})+|\d+)"
          r"(?P<frac>\.\d+)?(?:\s*(?P<mult>million|billion|thousand|bn|mn|m|k|M|B|K)\b)?")
_DURATION = (r"\b(?P<n>\d+(?:\.\d+)?)[\s-]?(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?"
             r"|days?|weeks?|months?|years?)\b")
_PERCENT = r"\b(?P<p>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)"
_IDENT = r"\b(?P<ident>[A-Z]{2,6}-\d{3,}(?:-\d+)?)\b"

_VALUE = {k: re.compile(p) for k, p in (("money", _MONEY), ("date", _DATE), ("time", _TIME),
                                         ("percent", _PERCENT), ("duration", _DURATION),
                                         ("id", _IDENT))}
_KIND_NOUN = {"time": "time", "date": "date", "money": "amount", "duration": "duration",
              "percent": "figure", "id": "identifier"}

# ---- the grammar binding a value to its subject ----------------------------------------------
_EVENTS = {
    "start": "began begins begin started starts start commenced commences",
    "end": "ended ends finished stopped ceased completed completes",
    "detect": "detected noticed identified spotted",
    "restore": "restored recovered resumed",
    "resolve": "resolved closed",
    "report": "reported raised opened logged",
    "declare": "declared",
    "deploy": "deployed released shipped",
    "rollback": "rolled back reverted",
    "escalate": "escalated",
    "alert": "alerted fired fires paged triggered",
    "occur": "occurred happened",
    "fail": "failed crashed",
}
_EVENT_OF = {w: k for k, ws in _EVENTS.items() for w in ws.split() if w != "back"}
_EVENT_OF["rolled"] = "rollback"
_EVENT_VERB = (r"(?:(?:was|were|is|had|has\s+been|was\s+first|first)\s+)?"
               r"(?P<verb>began|begins|started|starts|commenced|commences|ended|ends|finished|"
               r"stopped|ceased|completed|completes|detected|noticed|identified|spotted|restored|recovered|resumed|"
               r"resolved|closed|reported|raised|opened|logged|declared|deployed|released|"
               r"shipped|rolled\s+back|reverted|escalated|alerted|fired|fires|paged|triggered|"
               r"occurred|happened|failed|crashed|went\s+live)")
_LINK = (r"(?P<link>of|is|was|were|are|totals?|totalled|totaled|amounts?\s+to|amounted\s+to|"
         r"stands\s+at|stood\s+at|came\s+to|lasted|took|ran\s+for|remains|remained|equals?|"
         r"[:=])")
_HEDGE = re.compile(r"\b(?:about|approximately|approx\.?|around|roughly|some|nearly|almost|"
                    r"over|under|up\s+to|at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than"
                    r"|no\s+more\s+than|not\s+(?:less|more)\s+than|circa|c\.|~|below|above|"
                    r"within|between|maximum|minimum|max\.?|min\.?)\s*$", re.IGNORECASE)
# A statement that is not a plain fact: a hypothetical, an estimate, a rate or a limit.
_SOFT = re.compile(r"\b(?:if|unless|would|could|might|should|assum\w*|suppose\w*|e\.g\.|"
                   r"for\s+example|for\s+instance|such\s+as|estimat\w*|forecast\w*|"
                   r"project(?:ed|ion)|expect\w*|plann\w*|target\w*|budgeted|anticipat\w*|"
                   r"propos\w*|intend\w*|compared|versus|vs\.?|whereas|each|every|per|"
                   r"typical\w*|usual\w*|average|median|mean|minimum|maximum|limit\w*|cap|"
                   r"capped|threshold|up\s+to|not\s+exceed\w*|exceed\w*|at\s+least|no\s+later|"
                   r"no\s+earlier|by\s+default|default)\b|\?", re.IGNORECASE)
# A sentence that tells of a change: the document knows the value moved, so two values
# of that subject are its history, not an inconsistency.
_CHANGE = re.compile(r"\b(?:increas\w*|decreas\w*|raised|reduc\w*|revis\w*|chang(?:ed|es|ing)|"
                     r"adjust\w*|amend\w*|updat\w*|correct\w*|original\w*|initial\w*|"
                     r"previous\w*|former\w*|instead|rather\s+than|up\s+from|down\s+from|rose|"
                     r"fell|grew|cut|extend\w*|shorten\w*|postpon\w*|moved|reschedul\w*)\b",
                     re.IGNORECASE)
_FROM_TO = re.compile(r"\bfrom\b[^.;]{0,60}\bto\b", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"\b(?:(?:19|20)\d\d|FY\s?\d{2,4}|Q[1-4]|H[12]|phase\s+\w+|stage\s+\w+|wave\s+\w+|"
    r"release\s+\S+|version\s+\S+|v\d[\w.]*|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|yesterday|today|tomorrow|first|second|third|fourth|last|next|final|"
    r"annual\w*|monthly|weekly|daily|yearly|quarterly|per\s+\w+|a\s+(?:year|month|week|day)|"
    rf"{_MONTH_RE})\b", re.IGNORECASE)

_DETERMINERS = frozenset("the our its their this that these those his her your my".split())
_STOP = frozenset("""
a an and or but nor with without for to in on at by from into onto over under after before
during since until as than then so if when while where which who whom whose what that this
these those it its they them he she we you i is was were are be been being has have had do
does did not no only also all any each every some such both either neither other another
there here per via about around approximately
""".split())
_PRONOUNS = frozenset("it this that they which who these those he she we one".split())
# Heads too general to name one thing on their own: "the total of $5,000".
_GENERIC = frozenset("""
total amount amounts cost costs value values figure figures price prices fee fees rate rates sum
time times date dates duration number numbers level levels balance payment payments charge
charges period periods term terms limit limits threshold increase decrease reduction saving
savings loss gain difference share average median maximum minimum minimum count result results
score scores percentage proportion ratio part portion fraction deadline window interval delay
length age size year years month months day days week weeks hour hours minute minutes
first second third last next final new old other same
""".split())
_NP_WORD = re.compile(r"[A-Za-z][\w'\u2019&-]*|\d[\w.-]*")


@dataclass(frozen=True, slots=True)
class _Statement:
    key: str  # the subject, normalised, and the event or link
    subject: str  # as written
    kind: str
    value: tuple  # normalised
    shown: str  # the value as written
    precision: float
    qualifiers: frozenset[str]
    soft: str  # "change", "soft" or "": see _soft
    place: Place


def _chunk(head: str, toks: list[re.Match], i: int) -> tuple[list[int], int]:
    """Indexes of the noun-phrase words ending at token i (right to left), and where it stopped."""
    picked: list[int] = []
    while i >= 0 and len(picked) < 4:
        lw = toks[i].group(0).lower()
        if lw in _DETERMINERS or lw in _STOP:
            break
        if picked and re.search(r"[,;:()\"\u201c\u201d|]", head[toks[i].end():toks[i + 1].start()]):
            break
        picked.append(i)
        i -= 1
    return picked, i


def _subject(head: str, extend: bool = True) -> tuple[str, bool] | None:
    """The noun phrase ending `head` (as written) and whether it is definite.

    "The total budget for the project" -> "total budget for the project": a
    phrase after "of"/"for" belongs to the noun before it, not alone.
    """
    toks = list(_NP_WORD.finditer(head))
    if not toks or head[toks[-1].end():].strip():
        return None
    picked, i = _chunk(head, toks, len(toks) - 1)
    if not picked:
        return None
    first = picked[-1]
    definite = i < 0
    if i >= 0 and toks[i].group(0).lower() in _DETERMINERS:
        definite = True
        j = i - 1
    else:
        j = i
    if extend and j >= 0 and toks[j].group(0).lower() in ("of", "for", "on", "in") and \
            not re.search(r"[,;:()]", head[toks[j].end():toks[first].start()]):
        more, k = _chunk(head, toks, j - 1)
        if more:
            first = more[-1]
            definite = k < 0 or toks[k].group(0).lower() in _DETERMINERS
    words = [t.group(0) for t in toks[first:]]
    if any(w.lower().endswith(("'s", "\u2019s")) for w in words):
        definite = True
    return head[toks[first].start():toks[-1].end()], definite


# Words for one event a report names several ways: "the outage lasted 47 minutes" and
# "the 94 minutes of disruption" are about one duration.
_SAME_EVENT = {"disruption": "outage", "downtime": "outage", "interruption": "outage",
               "unavailability": "outage", "outage": "outage"}
# "the 94 minutes of disruption", "a 47-minute outage": a duration named by its event.
_DURATION_OF = re.compile(r"\s+of\s+(?:the\s+)?(?P<noun>[a-z]+)\b|"
                          r"(?<=-)(?:minute|hour|day|week|second)\s+(?P<noun2>[a-z]+)\b")
_EVENT_NOUNS = frozenset({*_SAME_EVENT, "delay", "incident", "freeze", "migration",
                          "maintenance", "window"})


def _norm_subject(subject: str) -> str:
    out = []
    for w in subject.lower().replace("\u2019", "'").split():
        if w in _DETERMINERS:
            continue
        w = w.removesuffix("'s")
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    if out:
        out[-1] = _SAME_EVENT.get(out[-1], out[-1])
    return " ".join(out)


def _value(kind: str, m: re.Match) -> tuple[tuple, float] | None:
    g = m.groupdict()
    if kind == "time":
        if g.get("h2"):
            h, mi, ap, tz = int(g["h2"]), 0, g["ap2"], None
        else:
            h, mi, ap, tz = int(g["h"]), int(g["m"]), g.get("ap"), g.get("tz")
        if ap:
            if h > 12:
                return None
            h = h % 12 + (12 if ap.lower().startswith("p") else 0)
        return ((h * 60 + mi, (tz or "").upper().replace("Z", "UTC")), 0.0)
    if kind == "date":
        if g.get("iy"):
            return ((int(g["iy"]), int(g["im"]), int(g["iday"])), 0.0)
        mon = (g.get("mon") or g.get("mon2") or "").lower()
        month = next((i + 1 for i, name in enumerate(_MONTHS) if name.startswith(mon[:3])), 0)
        day = int(g.get("d") or g.get("d2") or 0)
        year = g.get("y") or g.get("y2")
        if not 1 <= day <= 31:
            return None
        return ((int(year) if year else None, month, day), 0.0)
    if kind == "money":
        digits = g["amt"].replace(",", "") + (g.get("frac") or "")
        mult = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
                "billion": 1e9, "bn": 1e9, "b": 1e9}.get((g.get("mult") or "").lower(), 1.0)
        decimals = len(g["frac"]) - 1 if g.get("frac") else 0
        cur = {"$": "USD", "US$": "USD", "\u00a3": "GBP", "\u20ac": "EUR"}.get(g["cur"], g["cur"])
        return ((cur, float(digits) * mult), mult * 10 ** -decimals)
    if kind == "duration":
        unit = g["unit"].lower()
        seconds = next(v for k, v in (("sec", 1), ("min", 60), ("h", 3600), ("d", 86400),
                                       ("w", 604800), ("mo", 2629800), ("y", 31557600))
                       if unit.startswith(k))
        n = g["n"]
        decimals = len(n.split(".")[1]) if "." in n else 0
        return ((float(n) * seconds,), seconds * 10 ** -decimals)
    if kind == "percent":
        n = g["p"]
        decimals = len(n.split(".")[1]) if "." in n else 0
        return ((float(n),), 10 ** -decimals)
    return ((g["ident"],), 0.0)


def _same(a: _Statement, b: _Statement) -> bool:
    """Equal, or equal once the more precise one is rounded as the other is written."""
    if a.value == b.value:
        return True
    if a.kind == "date":
        (ya, ma, da), (yb, mb, db) = a.value, b.value
        return (ma, da) == (mb, db) and (ya is None or yb is None or ya == yb)
    if a.kind == "time":
        return a.value[1] != b.value[1]  # different time zones: not comparable, not a conflict
    if a.kind in ("money", "duration", "percent"):
        if a.kind == "money" and a.value[0] != b.value[0]:
            return True  # different currencies: not comparable
        x, y = a.value[-1], b.value[-1]
        tolerance = max(a.precision, b.precision) / 2
        return abs(x - y) <= tolerance * (1 + 1e-9)
    return False


def _swapped(x: str, y: str) -> bool:
    """Two ids that differ by two adjacent characters swapped (INC-4471 / INC-4417)."""
    if len(x) != len(y) or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] \
        and x[diff[1]] == y[diff[0]]


def _qualifiers(sentence: str, skip: tuple[int, int]) -> frozenset[str]:
    text = sentence[:skip[0]] + " " + sentence[skip[1]:]
    return frozenset(m.group(0).lower() for m in _QUALIFIER.finditer(text))


def _soft(sentence: str, value_start: int) -> str:
    """'change' (the sentence tells of a change), 'soft' (not a plain fact) or ''."""
    if _CHANGE.search(sentence) or _FROM_TO.search(sentence):
        return "change"
    if _SOFT.search(sentence) or _HEDGE.search(sentence[:value_start]):
        return "soft"
    return ""


# What binds a value to the words before it, matched at the end of those words.
_BOUND = {
    kind: re.compile(
        rf"\b{_EVENT_VERB}\s+(?:at|on|around|by)?\s*$" if kind in ("time", "date")
        else rf"\s*\b{_LINK}\s*$" if kind != "id"
        else r"\s*(?:\b(?:is|was|number|no\.|ref(?:erence)?|id)\s*:?\s*)?$",
        re.IGNORECASE)
    for kind in _VALUE
}
_CLAUSE_END = re.compile(r".*[.;!?]\s", re.DOTALL)
_DIGIT = re.compile(r"\d")


_ID_SUBJECT = re.compile(r"ticket|incident|case|change|request|record|problem|bug|issue|"
                         r"reference|order|invoice|contract|claim|report|defect", re.IGNORECASE)


def _event(verb: str) -> str:
    verb = " ".join(verb.lower().split())
    return "deploy" if verb == "went live" else _EVENT_OF.get(verb.split()[0], verb)


_DIGITS = re.compile(r"[0-9]+")


_MONEY_NEAR = re.compile(r"[$\u00a3\u20ac]|usd|eur|gbp")
_MONTH_NEAR = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_UNIT_NEAR = re.compile(r"sec|min|hour|hr|day|week|month|year")


def _kinds_near(cell: str, low: str, start: int, end: int) -> tuple[str, ...]:
    """Which kinds of value a digit run at [start, end) can belong to, from the few
    characters around it: "$" before, "%" or a unit after, a month name nearby ..."""
    before, after = low[max(0, start - 12):start], low[end:end + 14]
    kinds = []
    if _MONEY_NEAR.search(before):
        kinds.append("money")
    if _MONTH_NEAR.search(before) or _MONTH_NEAR.search(after) or (
            end - start == 4 and after[:1] == "-"):
        kinds.append("date")
    head = after[:1]
    if head == ":" or (head in ("a", "p", " ") and "m" in after[:5]):
        kinds.append("time")
    if "%" in after[:3] or "cent" in after[:10]:
        kinds.append("percent")
    if _UNIT_NEAR.search(after):
        kinds.append("duration")
    if before[-1:] == "-" and cell[start - 2:start - 1].isupper():
        kinds.append("id")
    return tuple(kinds)


def _values_in(cell: str) -> Iterator[tuple[str, re.Match]]:
    """Every value in a cell, as (kind, match). Found from its digits (every value has
    some) and the characters around them, then matched with that kind's pattern in a
    small window: scanning whole lines with the patterns is ten times slower in Python."""
    done = 0
    low = cell.lower()
    for d in _DIGITS.finditer(cell):
        if d.start() < done:
            continue
        for kind in _kinds_near(cell, low, d.start(), d.end()):
            m = _VALUE[kind].search(cell, max(done, d.start() - 12), d.end() + 30)
            if m is not None and m.start() <= d.start() < m.end():
                done = m.end()
                yield kind, m
                break


def _duration_of(section: SectionText, cell_start: int, cell: str, m: re.Match,
                 value: tuple, precision: float) -> _Statement | None:
    """"the 94 minutes of disruption", "a 47-minute outage" (event nouns only)."""
    if "-" in m.group(0):
        after = cell[m.end() - len(m.group("unit")) - 1:m.end() + 30]
        n = re.match(r"-(?:minutes?|hours?|days?|weeks?|seconds?)\s+(?P<noun>[a-z]+)\b", after)
    else:
        n = re.match(r"\s+of\s+(?:the\s+)?(?P<noun>[a-z]+)\b", cell[m.end():m.end() + 40])
    if n is None or n.group("noun") not in _EVENT_NOUNS:
        return None
    noun = n.group("noun")
    place = sentence_around(section, cell_start + m.start(), cell_start + m.end())
    sentence = section.text[place.start:place.end]
    offset = max(0, cell_start + m.start() - place.start)
    if not re.search(r"(?i)\b(?:the|this|our)\s+(?:\w+\s+)?$", sentence[:offset]) and \
            "-" not in m.group(0):
        return None  # "94 minutes of disruption" needs "the": one named stretch of time
    norm = _SAME_EVENT.get(noun, noun)
    qualifiers = _qualifiers(sentence, (offset, offset + len(m.group(0))))
    return _Statement(f"{norm}|be|duration", noun, "duration", value, m.group(0), precision,
                      qualifiers, _soft(sentence, offset), place)


def _statements_in(section: SectionText, cell_start: int, cell: str) -> list[_Statement]:
    out: list[_Statement] = []
    for kind, m in _values_in(cell):
        parsed = _value(kind, m)
        if parsed is None:
            continue
        value, precision = parsed
        head_text = cell[max(0, m.start() - 120):m.start()]
        bound = _BOUND[kind].search(head_text)
        if bound is None and kind == "duration":
            named = _duration_of(section, cell_start, cell, m, value, precision)
            if named is not None:
                out.append(named)
            continue
        if bound is None:
            continue
        head = head_text[:bound.start()]
        cut = _CLAUSE_END.match(head)
        if cut:
            head = head[cut.end():]
        event = _event(bound.group("verb")) if kind in ("time", "date") else (
            "id" if kind == "id" else "be")
        subject = _subject(head, extend=kind != "id")  # "tracked in ticket X": not "tracked"
        if subject is None:
            continue
        words, definite = subject
        norm = _norm_subject(words)
        if norm in _PRONOUNS or not any(c.isalpha() for c in norm):
            continue
        if " " not in norm and norm in _GENERIC:
            continue
        if kind in ("money", "percent", "duration") and not definite:
            continue  # "a budget of $1.2 million" introduces one budget among others
        if kind == "id" and not _ID_SUBJECT.search(words):
            continue
        place = sentence_around(section, cell_start + m.start(), cell_start + m.end())
        sentence = section.text[place.start:place.end]
        offset = max(0, cell_start + m.start() - place.start)
        qualifiers = _qualifiers(sentence, (offset, offset + len(m.group(0))))
        out.append(_Statement(f"{norm}|{event}|{kind}", words, kind, value, m.group(0),
                              precision, qualifiers, _soft(sentence, offset), place))
    return out


def _table_statements(section: SectionText, line_start: int, parts: list[tuple[int, str]]
                      ) -> list[_Statement]:
    """A two-cell row "<subject> | <value>", or a timeline row "<time> | <subject> <verb> ...".
    """
    if len(parts) > 2:
        return _timeline_row(section, line_start, parts)
    if len(parts) != 2:
        return []
    (s0, c0), (s1, c1) = parts
    out: list[_Statement] = []
    for kind in ("money", "duration", "percent", "time", "date"):
        pattern = _VALUE[kind]
        for label, value_cell in ((c0, c1), (c1, c0)):
            m = pattern.fullmatch(value_cell.strip())
            if not m:
                continue
            parsed = _value(kind, m)
            if parsed is None:
                continue
            label_text = label.strip().rstrip(":")
            if kind in ("time", "date"):
                ev = re.fullmatch(rf"(?P<head>.{{1,60}}?)\s+{_EVENT_VERB}", label_text,
                                  re.IGNORECASE)
                if not ev:
                    continue
                subject, event = ev.group("head"), _event(ev.group("verb"))
            else:
                if not re.fullmatch(r"[A-Za-z][\w '\u2019&-]{1,50}", label_text) \
                        or len(label_text.split()) > 5:
                    continue
                subject, event = label_text, "be"
            subject = re.sub(r"(?i)^(?:the|our|its|their)\s+", "", subject)
            norm = _norm_subject(subject)
            if (" " not in norm and norm in _GENERIC) or norm in _PRONOUNS:
                continue
            value, precision = parsed
            place = Place(section, line_start + min(s0, s1),
                          line_start + max(s0 + len(c0), s1 + len(c1)))
            out.append(_Statement(f"{norm}|{event}|{kind}", subject, kind, value, m.group(0),
                                  precision, frozenset(), "", place))
    return out


def _timeline_row(section: SectionText, line_start: int, parts: list[tuple[int, str]]
                  ) -> list[_Statement]:
    (s0, c0), (s1, c1) = parts[0], parts[1]
    m = _VALUE["time"].fullmatch(c0.strip())
    ev = re.match(rf"(?P<head>[^.;,]{{1,60}}?)\s+{_EVENT_VERB}\b", c1)
    if not m or not ev:
        return []
    parsed = _value("time", m)
    if parsed is None:
        return []
    subject = re.sub(r"(?i)^(?:the|our|its|their)\s+", "", ev.group("head"))
    if len(subject.split()) > 5:
        return []
    norm = _norm_subject(subject)
    if (" " not in norm and norm in _GENERIC) or norm in _PRONOUNS:
        return []
    end = c1.find(".", ev.end())
    place = Place(section, line_start + s0, line_start + s1 + (end if end > 0 else len(c1)))
    value, precision = parsed
    return [_Statement(f"{norm}|{_event(ev.group('verb'))}|time", subject, "time", value,
                       m.group(0), precision, frozenset(), "", place)]


def _collect(doc: CheckInput) -> dict[str, list[_Statement]]:
    by_key: dict[str, list[_Statement]] = defaultdict(list)
    for section in doc.walk():
        if section.is_toc:
            continue
        for line in section.lines:
            text = line.text
            if not _DIGIT.search(text) or is_toc_line(text):
                continue
            parts = [(c.start - line.start, c.text) for c in cells(line)]
            if len(parts) > 1:
                for st in _table_statements(section, line.start, parts):
                    by_key[st.key].append(st)
            for cell in cells(line):
                for st in _statements_in(section, cell.start, cell.text):
                    by_key[st.key].append(st)
    return by_key


def _describe(st: _Statement) -> str:
    subject = clip(st.subject, 50)
    kind, event = st.kind, st.key.split("|")[1]
    if kind in ("time", "date") and event != "be":
        verb = {"start": "began", "end": "ended", "detect": "was detected",
                "restore": "was restored", "resolve": "was resolved", "report": "was reported",
                "declare": "was declared", "deploy": "was deployed", "rollback": "was rolled back",
                "escalate": "was escalated", "alert": "alerted", "occur": "occurred",
                "fail": "failed"}.get(event, event)
        if not subject[:1].isupper() and subject.split()[0].lower() not in _DETERMINERS:
            subject = f"the {subject}"
        return f"the {_KIND_NOUN[kind]} {subject} {verb}"
    if not subject[:1].isupper() and subject.split()[0].lower() not in _DETERMINERS:
        subject = f"the {subject}"
    return f"the {_KIND_NOUN[kind]} of {subject}" if kind != "id" else subject


def check(doc: CheckInput) -> list[Flag]:
    flags: list[Flag] = []
    for statements in _collect(doc).values():
        if any(st.soft == "change" for st in statements):
            continue
        statements = [st for st in statements if not st.soft]
        if len(statements) < 2:
            continue
        groups: list[list[_Statement]] = []
        for st in statements:
            for g in groups:
                if _same(g[0], st):
                    g.append(st)
                    break
            else:
                groups.append([st])
        if len(groups) != 2:
            continue  # one value: consistent; three or more: a quantity that varies
        a, b = groups[0][0], groups[1][0]
        if a.kind == "id" and not _swapped(a.value[0], b.value[0]):
            continue
        sections_a = {st.place.section.id for st in groups[0]}
        sections_b = {st.place.section.id for st in groups[1]}
        if sections_a & sections_b:
            continue  # both values in one section: two things, told apart there
        if a.qualifiers != b.qualifiers and (
                (a.qualifiers and b.qualifiers) or a.kind in ("money", "percent", "id")):
            continue  # "in 2023" against "in 2024", or a figure for an unnamed year
        issue = (f"{_describe(a)[0].upper()}{_describe(a)[1:]} is given as \u201c{a.shown}\u201d "
                 f"in {named(a.place.section)} but as \u201c{b.shown}\u201d in "
                 f"{named(b.place.section)}.")
        flags.append(Flag(CHECK, [a.place, b.place], issue,
                          "Check which value is right and use it in both places.",
                          label=f"{clip(a.subject, 30)} ({a.shown} / {b.shown})"))
    return flags
