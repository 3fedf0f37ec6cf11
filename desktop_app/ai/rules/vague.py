"""Vague words where the reader expects a figure, an owner or a date.

Only in a document that reports results to general readers
(`DocumentIndex.report_like`: it states percentages or amounts of money and is
not technical - a survey, a report, a plan, the handbook). Every finding editors
kept was in such documents, bar one in release notes; in manuals, FAQs, guides,
design notes, news and licences the same words are register (1 kept of 49 blind).

What a senior editor marks: an amount left open ("a significant number of
customers", "a lot of time"); a change or comparison without its size
("significantly worse", "dramatically rises"); and, in reports, papers and
guides - not in legal text, specifications and manuals of duties, where
"appropriate", "substantially" or "as soon as practicable" are deliberate
standards (`DocumentIndex.normative`) - an indefinite subject of a claim
("Some customers were charged twice", "Most requests failed"), not the same
words in passing ("the same or some other place", "various powers to ...");
a hedge on a measurable quality ("quite long", "very slow"); a commitment
without a date ("as soon as possible"); "appropriate" where the text tells
someone what to do; "etc." after "such as" or "including", which says twice that the
items are examples (an open list on its own is the writer's choice). In recommendations,
commitments and "appropriate" are marked in any document. Nothing inside code, URLs, field codes or
quotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from desktop_app.ai.rules.acronyms import is_glossary_entry
from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.budget import _short
from desktop_app.ai.rules.passive import ACTION_TITLES

RULE = RuleSpec("vague-wording", "precision", "minor", 0.6, "vague",
                section_cap=3, document_cap=40, english=True)


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
    "amount": _Kind('"{q}" does not say how much or how many.',
                    "Give the figure (a count, a duration, an amount, a share).", 2),
    "degree": _Kind('"{q}" does not say how much.',
                    "Quantify it (a figure, a percentage, a duration), or drop the word.", 1),
    "hedge": _Kind('"{q}" hedges without saying by how much.',
                   'State the measure or the comparison, or drop "{p}".', 1,
                   confidence=0.5),
    "time": _Kind('"{q}" is not a date: it commits to nothing that can be checked.',
                  "Give a deadline (a date) and, if missing, an owner.", 0,
                  severity="major", confidence=0.7),
    "fit": _Kind('"{q}" leaves open what would be appropriate.',
                 "Say specifically what should be done, or by whom.", 1, confidence=0.5),
    "open": _Kind('"{q}" repeats what the list already says: "such as", "including" or '
                  '"e.g." before it says the items are examples.',
                  'Drop "{p}".', 0, confidence=0.65),
}
_PHRASES = {
    # Indefinite subjects: reported only as the subject of a clause.
    "quantity": ["a number of", "a few", "various", "numerous", "several", "many", "some",
                 "most"],
    # Ask for a figure wherever they are.
    "amount": ["a significant number of", "a large number of", "a substantial number of",
               "a considerable number of", "a great number of", "a significant amount of",
               "a considerable amount of", "a large amount of", "a substantial amount of",
               "a great deal of", "a lot of", "lots of", "quite a few", "quite a lot of",
               "quite a bit of", "quite a number of"],
    "degree": ["significantly", "substantially", "considerably", "dramatically",
               "drastically", "vastly"],
    "hedge": ["quite", "fairly", "relatively", "somewhat", "very", "extremely"],
    "time": ["as soon as possible", "as soon as practicable", "ASAP", "in due course",
             "in the near future", "at some point", "at a later date", "in a timely manner",
             "shortly"],
    "fit": ["as appropriate", "where appropriate", "appropriate", "appropriately"],
    "open": ["etc.", "and so on", "and so forth", "and the like"],
}
_KIND_OF = {p.lower(): k for k, phrases in _PHRASES.items() for p in phrases}
_INFORMAL = frozenset(("a lot of", "lots of", "a great deal of", "quite a lot of",
                       "quite a bit of", "quite a few"))
_FIRST_LETTERS = "".join(sorted({p[0].lower() for p in _KIND_OF}
                                | {p[0].upper() for p in _KIND_OF}))
_VAGUE = re.compile(
    rf"(?=[{_FIRST_LETTERS}])(?<![\w-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                for p in sorted(_KIND_OF, key=len, reverse=True)) + r")"
    r"(?:(?<=\.)|(?![\w-]))",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\s+(?:\(?(?:about|around|approximately|nearly|over|e\.?g\.?,?)?\s*\d|"
                     r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                     r"twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                     r"thousand|dozen)\b)", re.IGNORECASE)
_FIGURE_NEAR = re.compile(r"\(\s*(?:e\.?g\.?,?\s*|about\s+|around\s+|approx\.?\s+)?\d")
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
_PAST_VERBS = frozenset("saw had got made took went came found said became left ran began lost "
                        "paid sent told knew held felt kept gave brought thought stood".split())
# Hedges are reported only before a measurable adjective or adverb.
_MEASURABLE = frozenset("""
    large small high low big little long short fast slow quick quickly slowly soon early
    late many few much often rarely expensive cheap costly heavy light old new recent far
    near close frequent frequently rare busy loud hot cold tight wide narrow deep old
    limited
""".split())
# A degree adverb is vague when it sizes a change or a comparison.
_CHANGE = re.compile(
    r"(?:\b(?:more|less|fewer|worse|better|higher|lower|larger|smaller|faster|slower|"
    r"greater|longer|shorter|cheaper|above|below)\b|\b\w+er\s+than\b|"
    r"\b(?:increas|decreas|reduc|improv|ris|rose|fell|fall|drop|grow|grew|worsen|degrad|"
    r"slow|accelerat|declin|expand|shrink|shrank|cut|rais|lower|boost|enhanc|chang|affect|"
    r"impact|exceed|outperform|underperform)\w*)", re.IGNORECASE)
# Clause openers before an indefinite subject: "After the outage, some customers ...".
_CLAUSE_START = re.compile(r"(?:^|[;:]\s*|,\s+(?:and|but|so|while|whereas)?\s*|"
                           r"\b(?:and|but|while|whereas|because|although|when|as)\s+)$",
                           re.IGNORECASE)
# Idioms and partitives that are not vague claims: "some other", "some of the following".
_IDIOM_AFTER = re.compile(
    r"\s+(?:other|extent|time|times|point|degree|way|ways|kind|sort|form|cases? where|"
    r"of (?:the|these|those) (?:following|above|below)|of which|of whom|thing|one|more|"
    r"recent|important|common|likely|often)\b", re.IGNORECASE)
_IMPERATIVE = frozenset("""
    take use apply ensure make add provide implement review update set put give keep
    consider define establish introduce improve fix check run follow assign notify adopt
    choose select plan prepare document record report train monitor escalate act respond
    perform carry treat handle maintain develop create write
""".split())
_SHALL = re.compile(r"\b(?:shall|must)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|whenever|to the extent(?: that)?|in the event(?: that)?|"
                        r"in case|provided that)\b", re.IGNORECASE)
_HAPPENS = re.compile(r"\b(?:happens|happen|occurs|occur|runs|run|executes|fires|is called|"
                      r"are called|is freed|are freed|is dropped|are dropped|is released|"
                      r"are released|returns)\s+$", re.IGNORECASE)
_RECOMMEND_TITLE = ACTION_TITLES
# "Some of the things described included: reasons ...", "several formats, such as":
# the quantity is followed at once by the items themselves, so it does say which.
_NAMED_NEXT = re.compile(
    r"^(?:(?:\W*\w+){0,3}\s*:\s*\S|[^.;:!?]{0,100}?\b(?:include[sd]?|are|were|is|was|"
    r"comprised?|comprises|cover(?:s|ed)?|contain(?:s|ed)?|follows?|following|below)\s*:\s*\S|"
    r"(?:\W*\w+){0,10}?\W+(?:such as|including|namely|e\.g\.|i\.e\.|for example|"
    r"for instance|as follows|the following)\b)", re.IGNORECASE)
_EXAMPLES_OPENED = re.compile(r"\b(?:such as|including|e\.\s?g\.|for example|for instance)\s",
                              re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:.!?]\s")
# Which, listed later in the sentence: "Some unprivileged daemons ... run as daemon.daemon
# (portmap, atd, lambdamoo, mon, and others)".
_LISTED_LATER = re.compile(r"\([^()]{1,200},[^()]{1,200},[^()]{1,200}\)")
# Explained at once, in a parenthesis or after a dash: "(i.e. mention this book ...)".
_EXPLAINED = re.compile(r"[\w ]{0,20}\s*(?:\(|[\u2013\u2014]\s*)(?:i\.\s?e\.|e\.\s?g\.|that is|"
                        r"for example|such as|namely)", re.IGNORECASE)


# A reported result or event: the clause's first verb is in the past tense.
_PAST = frozenset("was were had did became saw got took made found went fell rose grew lost "
                  "left ran began".split())
_PRESENT = frozenset("is are am has have do does can could will would shall should may might "
                     "must need needs".split())


# Where the clause of a participle's noun ends: a present verb after it is not its verb.
_CLAUSE_END = re.compile(r"[,;:.!?()]|\s(?:and|but|or|while|whereas|that|which|who|whether|"
                         r"if|because|when)\s")


def _reported(context: str) -> bool:
    """The claim is a reported result ("Some customers were charged", "Several alerts
    fired"), so the reader expects its size; general statements and advice ("Many firms
    have ...", "Most parts can be ...", "Most librarians are pleased") are left alone.

    A word in -ed followed, in the same clause, by a verb in the present is a
    participle, not the clause's verb: "most of the evidence used against NASA is
    discredited" states, it does not report."""
    lower = context.lower()
    for n, m in enumerate(re.finditer(r"[a-z']+", lower)):
        word = m.group()
        if n >= 6:
            break
        if word in _PAST:
            return True
        if word in _PRESENT:
            return False
        if word.endswith("ed") and len(word) > 3:
            rest = _CLAUSE_END.split(lower[m.end():], maxsplit=1)[0]
            return not any(w in _PRESENT for w in re.findall(r"[a-z']+", rest)[:6])
    return False


def _extend(text: str, end: int, limit: int, count: int) -> int:
    """Take in the words the vague one qualifies: "Various downstream services"."""
    for i in range(count):
        m = _NEXT_WORD.match(text, end, limit)
        if not m or m.group(1).lower() in _STOP:
            break
        word = m.group(1).lower()
        if i > 0 and (word.endswith("ed") or word in _PAST_VERBS):
            break  # "Several alerts fired", "several merchants saw": the verb is not in it
        end = m.end()
    return end


def _worth_it(ctx: SectionContext, m: re.Match[str], lower: str, kind: str,
              sentence_start: int, limit: int) -> bool:
    text = ctx.text
    recommending = _RECOMMEND_TITLE.search(ctx.title) is not None
    if ctx.index.normative and kind not in ("amount", "degree") and not (
            recommending and kind in ("time", "fit")):
        return False  # a deliberate standard of a law, a specification or a manual
    before = text[max(sentence_start, m.start() - 60):m.start()]
    after = text[m.end():min(limit, m.end() + 60)]
    if _EXPLAINED.match(after):
        return False  # "appropriate credit (i.e. mention this book ...)": it says what
    near_start = max(sentence_start, m.start() - 200)  # bounded: linear in a huge sentence
    if kind in ("quantity", "amount") and _CONDITION.search(text, near_start, m.start()):
        return False  # "To the extent that a trustee has a large number of ...": a threshold
        # left to judgement on purpose, not a result that lacks its figure
    if kind == "quantity":
        if _NUMBER.match(text, m.end()) or _IDIOM_AFTER.match(after):
            return False  # "some 40 servers", "some other place"
        if not _CLAUSE_START.search(before):
            return False  # in passing, not the subject of a claim
        nxt = _NEXT_WORD.match(after)
        if lower == "most" and (nxt is None or nxt.group(1).lower().endswith("ly")):
            return False  # "most of all", "Most commonly used"
        if before.rstrip().lower().endswith(("not", "how", "as")):
            return False
        if _NAMED_NEXT.match(text[m.end():limit]):
            return False  # "Some of the things ... included: ...": the list says which
        if _LISTED_LATER.search(text, m.end(), min(limit, m.end() + 300)):
            return False  # "Some daemons ... run as daemon (portmap, atd, mon, ...)"
        # "Some customers were charged", not "Many firms have": a count is expected of a
        # reported result. "Various services depend on it" asks which, in any tense.
        return lower == "various" or _reported(after)
    if kind in ("amount", "degree"):
        if _STATISTICS.search(text, sentence_start, limit):
            return False
        if _NUMBER.match(text, m.end()) or _FIGURE_NEAR.search(after[:40]):
            return False
        if kind == "degree":
            near = " ".join(before.split()[-2:] + after.split()[:3])
            return _CHANGE.search(near) is not None and _reported(before[-40:] + after)
        # The everyday "a lot of" asks for a figure in a reported result ("Diagnosis took
        # a lot of time", "a lot of time was lost"), not in a general statement ("this
        # takes a lot of work", "programs that have a lot of data", "There has been a lot
        # of interest": all 6 judged noise); "a substantial number of staff" claims a
        # size whatever its tense (the survey's findings, judged worth a comment).
        return lower not in _INFORMAL or _reported(before[-40:] + " " + after)
    if kind == "hedge":
        nxt = _NEXT_WORD.match(after)
        return (nxt is not None and nxt.group(1).lower() in _MEASURABLE
                and _reported(before[-40:] + after))
    if kind == "time":
        if lower == "shortly" and re.match(r"\s+(after|before|afterwards|thereafter)\b", after):
            return False
        if _SHALL.search(text, sentence_start, limit):
            return False  # statute: "shall ... as soon as practicable"
        # Not when it says when something happens ("the destructor runs as soon as
        # possible"): that describes a mechanism, it promises nothing without a date.
        return _HAPPENS.search(text, max(sentence_start, m.start() - 30), m.start()) is None
    if kind == "fit":
        if lower == "appropriately" and not recommending:
            return False  # "Update the 'Fixed Release' field appropriately": the step
            # names what to set; the manner is not a figure, owner or date left open
        if _SHALL.search(text, near_start, min(limit, m.end() + 200)):
            return False  # "shall result in appropriate remedial action": a standard
        first = _NEXT_WORD.match(" " + text[sentence_start:m.start()])
        imperative = first is not None and first.group(1).lower() in _IMPERATIVE
        return imperative or recommending
    if kind == "open":
        # An open list is the writer's choice ("take points, cash point, beavers, etc.":
        # judged noise every time); after "such as" or "including" it says twice that
        # the items are examples (judged worth a comment every time).
        clause = _CLAUSE_BREAK.split(text[max(sentence_start, m.start() - 200):m.start()])[-1]
        return _EXAMPLES_OPENED.search(clause) is not None
    return True


def _matches(ctx: SectionContext) -> Iterator[tuple[re.Match[str], str, int]]:
    """(match, lower-case vague word, end of the quote) for each use worth reporting."""
    text = ctx.text
    literals = ctx.literals
    for n, m in enumerate(_VAGUE.finditer(text)):
        if n % 256 == 0:
            ctx.checkpoint()
        if literals.covers(m.start(), m.end()):
            continue
        lower = " ".join(m.group().split()).lower()
        kind = _KIND_OF[lower]
        sentence = ctx.sentence_at(m.start())
        s_start, limit = (sentence.start, sentence.end) if sentence else (m.start(), len(text))
        if not _worth_it(ctx, m, lower, kind, s_start, limit):
            continue
        end = _extend(text, m.end(), limit, _KINDS[kind].extend)
        if kind == "hedge" and end == m.end():
            continue  # "treated fairly": not a hedge
        yield m, lower, end


def check(ctx: SectionContext) -> Iterator[Hit]:
    if not ctx.index.report_like:
        # Only a document that reports results expects the figure a vague amount stands
        # for (`DocumentIndex.report_like`). All 28 vague findings editors kept, over
        # every round, were in survey reports and a thesis, but one in release notes;
        # in manuals, FAQs, design notes, guides, news and licences 2 % were kept; in
        # guides for developers (excluded by report_like) none: "a lot of code" is register.
        return
    text = ctx.text
    for m, lower, end in _matches(ctx):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if is_glossary_entry(text[line_start:m.start() + 200].split("\n", 1)[0]):
            continue  # "ASAP: As Soon As Possible.": a glossary entry defines the words
        kind_name = _KIND_OF[lower]
        kind = _KINDS[kind_name]
        quote = text[m.start():end]
        rewrite = None
        if kind_name == "hedge":
            rewrite = text[m.end():end].strip()
            sentence = ctx.sentence_at(m.start())
            if sentence is not None and m.start() == sentence.start:
                rewrite = rewrite[:1].upper() + rewrite[1:]
        yield Hit(
            m.start(), end,
            issue=kind.issue.format(q=quote),
            suggestion=kind.suggestion.format(p=" ".join(m.group().split())),
            rewrite=rewrite,
            term=lower,
            severity=kind.severity,
            confidence=kind.confidence,
            key=lower,
        )


def merge(hits: list[Hit], text: str) -> Hit:
    """One finding per vague word in a section, quoting each use."""
    first = hits[0]
    word = first.term or ""
    quoted = ", ".join(f'"{_short(text[h.start:h.end], 40)}"' for h in hits[1:5]
                       if h.start is not None and h.end is not None)
    more = f", and {len(hits) - 5} more" if len(hits) > 5 else ""
    return replace(first, rewrite=None,
                   issue=f'{first.issue} "{word}" is used {len(hits)} times in this section '
                         f"(also {quoted}{more}).")
