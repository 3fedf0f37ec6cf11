"""Vague words: quantities, degrees, hedges and commitments that cannot be checked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.text import sentence_at

RULE = RuleSpec("vague-wording", "precision", "minor", 0.6, "vague")


@dataclass(frozen=True, slots=True)
class _Kind:
    issue: str  # {q}: the quoted phrase
    suggestion: str  # {p}: the vague word itself
    extend: int  # following words taken into the quote ("Some customers")
    severity: str | None = None
    confidence: float | None = None


_KINDS = {
    "quantity": _Kind('"{q}" is vague: it does not say how many, or which.',
                      "Give the number, or name them.", 2),
    "degree": _Kind('"{q}" does not say how much.',
                    "Quantify it (a figure, a percentage, a duration), or drop the word.", 1),
    "amount": _Kind('"{q}" does not say how much.',
                    "Give the figure (a duration, a count, an amount).", 2),
    "hedge": _Kind('"{q}" hedges without saying by how much.',
                   'State the measure or the comparison, or drop "{p}".', 1,
                   confidence=0.5),
    "time": _Kind('"{q}" is not a date: it commits to nothing that can be checked.',
                  "Give a deadline (a date) and, if missing, an owner.", 0,
                  severity="major", confidence=0.7),
    "fit": _Kind('"{q}" leaves open what would be appropriate.',
                 "Say specifically what should be done, or by whom.", 1, confidence=0.5),
    "open": _Kind('"{q}" leaves the list open: the reader cannot tell what else is meant.',
                  'Name the remaining items, or write "such as" before the list and drop '
                  '"{p}".', 0, confidence=0.65),
}
_PHRASES = {
    "quantity": ["a significant number of", "a large number of",
                 "a number of", "a lot of", "lots of", "a few", "various", "numerous",
                 "several", "many", "some"],
    "amount": ["a significant amount of", "a considerable amount of", "a large amount of"],
    "degree": ["significant", "significantly", "substantial", "substantially", "considerable",
               "considerably"],
    "hedge": ["quite", "fairly", "relatively", "somewhat"],
    "time": ["as soon as possible", "as soon as practicable", "ASAP", "in due course",
             "in the near future", "at some point", "at a later date", "in a timely manner",
             "shortly"],
    "fit": ["as appropriate", "where appropriate", "appropriate", "appropriately"],
    "open": ["etc.", "and so on", "and so forth", "and the like"],
}
_KIND_OF = {p.lower(): k for k, phrases in _PHRASES.items() for p in phrases}
_VAGUE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                for p in sorted(_KIND_OF, key=len, reverse=True)) + r")"
    r"(?:(?<=\.)|(?![\w-]))",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                     r"twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                     r"thousand|dozen)\b)", re.IGNORECASE)
_STATISTICS = re.compile(r"statistical|\bp\s*[<=]|p-value|confidence interval|significance",
                         re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'-]*)")
_STOP = frozenset("""
    a an the of in on at to for from by with and or but nor is are was were be been being
    have has had do does did will would can could should may might must that which who whom
    this these those it its their there than then as if so not no into over under about
    between after before during until while because although without within across per via
    also still all each both we they he she you i our your his her them us more most less
    such other others when where how why what one ones
""".split())


def _extend(text: str, end: int, limit: int, count: int) -> int:
    """Take in the words the vague one qualifies: "Various downstream services"."""
    for i in range(count):
        m = _NEXT_WORD.match(text, end, limit)
        if not m or m.group(1).lower() in _STOP:
            break
        if i > 0 and m.group(1).lower().endswith("ed"):
            break  # "Several alerts fired": the verb is not part of it
        end = m.end()
    return end


def _matches(ctx: SectionContext) -> Iterator[tuple[re.Match[str], str, int]]:
    """(match, lower-case vague word, end of the quote) for each use worth reporting."""
    text = ctx.text
    for m in _VAGUE.finditer(text):
        lower = " ".join(m.group().split()).lower()
        kind = _KINDS[_KIND_OF[lower]]
        sentence = sentence_at(ctx.sentences, m.start())
        limit = sentence.end if sentence else len(text)
        before = text[max(0, m.start() - 8):m.start()].lower().split()
        if lower in ("some", "many", "several") and _NUMBER.match(text, m.end()):
            continue  # "some 40 servers": an approximate figure, not a vague one
        if lower == "many" and before and before[-1] in ("how", "as"):
            continue
        if lower.startswith("significant") and sentence and _STATISTICS.search(sentence.text):
            continue
        if lower == "shortly" and re.match(r"\s+(after|before|afterwards|thereafter)\b",
                                           text[m.end():limit]):
            continue
        end = _extend(text, m.end(), limit, kind.extend)
        if _KIND_OF[lower] == "hedge" and end == m.end():
            continue  # "treated fairly": not a hedge
        yield m, lower, end


def check(ctx: SectionContext) -> Iterator[Hit]:
    """The first use of each vague word in the section, with how often it recurs."""
    text = ctx.text
    uses: dict[str, list[tuple[re.Match[str], int]]] = {}
    for m, lower, end in _matches(ctx):
        uses.setdefault(lower, []).append((m, end))
    for lower, found in sorted(uses.items(), key=lambda item: item[1][0][0].start()):
        m, end = found[0]
        kind_name = _KIND_OF[lower]
        kind = _KINDS[kind_name]
        quote = text[m.start():end]
        issue = kind.issue.format(q=quote)
        if len(found) > 1:
            issue += f' "{" ".join(m.group().split())}" is used {len(found)} times in this section.'
        rewrite = None
        if kind_name == "hedge":
            rewrite = text[m.end():end].strip()
            sentence = sentence_at(ctx.sentences, m.start())
            if sentence is not None and m.start() == sentence.start:
                rewrite = rewrite[:1].upper() + rewrite[1:]
        yield Hit(
            m.start(), end,
            issue=issue,
            suggestion=kind.suggestion.format(p=" ".join(m.group().split())),
            rewrite=rewrite,
            term=lower,
            severity=kind.severity,
            confidence=kind.confidence,
        )
