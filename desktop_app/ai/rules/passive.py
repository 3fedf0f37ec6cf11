"""Passive voice that hides who acted, where the reader needs to know.

Where: never in a technical document (manuals, specifications, release notes,
FAQs - `DocumentIndex.technical`: "This was removed", the project acted); in a
document that reports results (`DocumentIndex.report_like`) all the kinds below;
elsewhere only a recommendation that names no owner. The 4 passives editors kept
over every round were a survey's discussion and recommendations and an internal
control of the handbook; 0 of the 17 blind findings were kept.

A senior editor does not flag every passive (GW-08). Flagged: a decision,
approval or intervention reported without its actor ("the change was
approved"), a failure ("the alert was not escalated", "the configuration is
not validated"), and, in recommendations, an action nobody is asked to take
("the image of nursing be raised", "alerting should be reviewed").

Left alone: the actor named ("by the reviewer"), requirements,
prohibitions, background and descriptions in specifications, legal text and
manuals (`DocumentIndex.normative`: "shall be held", "must be filed", "are not
authorized", "will be considered"), purpose clauses and noun phrases ("to
be trained", "for anything to be logged"), subordinate and relative clauses,
gerunds, participles that read as adjectives, and quoted or code text. The
quote is the whole clause subject and its verb, never a cut-down subject.

spaCy's parser finds passives well (nsubjpass, auxpass, agent) but not which
ones matter, and cannot ship: about 250 MB with its dependencies (bundle target
180 MB), 6 s to load a model and about 60 s of CPU for the handbook, and the
only English models on the index these machines reach are other people's
re-uploads. A verb list and clause rules do the job in milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.budget import _short

RULE = RuleSpec("passive-voice", "clarity", "suggestion", 0.55, "passive",
                section_cap=2, document_cap=30, english=True)

_ADVERB = r"(?:not|never|also|then|still|already|always|often|now|just|all|both|first|" \
          r"later|since|thereby|[a-z]+ly)"
_PASSIVE = re.compile(
    rf"\b(?P<be>am|is|are|was|were|be|been)(?P<adv>(?:\s+{_ADVERB}){{0,3}})\s+"
    rf"(?P<pp>[a-z]+)\b(?![-'\u2019])", re.IGNORECASE)

# Past participles of verbs whose actor a reader needs: actions, decisions,
# approvals, checks, communications, failures. participle -> simple past.
_IRREGULAR = {
    "broken": "broke", "chosen": "chose", "done": "did", "given": "gave", "hidden": "hid",
    "kept": "kept", "made": "made", "overlooked": "overlooked", "overridden": "overrode",
    "paid": "paid", "sent": "sent", "sold": "sold", "stolen": "stole", "taken": "took",
    "told": "told", "undertaken": "undertook", "withdrawn": "withdrew", "withheld": "withheld",
    "written": "wrote", "rewritten": "rewrote", "forgotten": "forgot", "bought": "bought",
    "shut": "shut", "set": "set",
}
_REGULAR = """
    accepted acknowledged adopted agreed allocated amended announced appointed approved
    archived assessed assigned audited authorised authorized awarded blocked briefed
    bypassed cancelled canceled changed charged checked closed commissioned communicated
    completed confirmed consulted contacted corrected decided declared delayed deleted
    delivered denied deployed deprioritised deprioritized destroyed detected disabled
    discarded discontinued dismissed disregarded dropped enabled enforced escalated
    evaluated excluded executed extended filed fixed flagged granted hired ignored
    implemented informed initiated inspected installed instructed introduced investigated
    issued launched logged merged migrated missed modified monitored moved notified
    omitted ordered patched paused placed planned postponed prioritised prioritized
    processed procured published purchased raised reassigned rebooted recommended recorded
    refunded refused rejected released removed renamed reopened replaced reported requested
    rescheduled resolved restarted restored retired reverted reviewed revoked scheduled
    selected signed skipped started stopped submitted suspended switched terminated tested
    transferred triggered updated upgraded validated verified voided waived warned
""".split() + """
    addressed analysed analyzed automated centralised centralized clarified consolidated
    defined developed documented enhanced established expanded explored
    formalised formalized improved increased integrated reduced reinforced renegotiated
    restructured revised revisited simplified standardised standardized streamlined
    strengthened trained
""".split()  # what a recommendation asks someone to do: "the policy should be revised"
ACTIONS: dict[str, str] = {w: w for w in _REGULAR} | _IRREGULAR
# Decisions, approvals and interventions: their owner matters even when all went well
# ("the change was approved"). Other actions matter as failures ("was not tested") or as
# recommendations; "the survey form was completed", "an I-section had been chosen" in a
# report's narrative have an obvious actor.
_DECISIONS = frozenset("""
    accepted acknowledged approved authorised authorized cancelled canceled declared
    decided deleted denied deployed disabled dismissed enabled escalated granted ignored
    initiated overlooked overridden refused rejected released removed reverted revoked
    rolled signed skipped suspended terminated voided waived withdrawn withheld
    reviewed audited verified
""".split())
_DECISION_NOUNS = re.compile(r"\b(?:decision|choice|call|commitment|exception|promise)s?\b",
                             re.IGNORECASE)
# Checks whose absence is a control failure, present tense included ("is not validated").
_CONTROLS = frozenset("""
    checked validated verified tested reviewed approved audited monitored logged recorded
    signed reconciled authorised authorized inspected
""".split())

_MODALS = frozenset("shall must may might can could should would will need needs needed "
                    "has have had ought".split())  # "has to be", "need to be"
_PERFECT = frozenset(("has", "have", "had"))
_SUBORDINATORS = frozenset(
    "because since until till before after when whenever while whilst once if unless "
    "although though whereas whether which who whom whose where how why what as than "
    "whereby wherein lest".split())
_COORDINATORS = frozenset("and but or nor yet so then therefore thus hence however "
                          "consequently meanwhile instead otherwise".split())
_AUXILIARIES = _MODALS | frozenset(("not", "to", "also", "never", "still", "already", "then",
                                    "now", "just", "all", "both", "first", "later"))
_FINITE = frozenset("is are was were be been being am has have had do does did will would "
                    "shall should may might must can could".split())
_PREPOSITIONS = frozenset("of for in on at to from with about after before without into "
                          "onto upon by via through during against towards toward".split())
_RECOMMEND = re.compile(r"\b(?:recommend(?:s|ed|ation)?|propose[sd]?|suggest(?:s|ed)?|"
                        r"advise[sd]?|require[sd]?|request(?:s|ed)?|urge[sd]?)\b\s+that\b",
                        re.IGNORECASE)
# A rule that requires: "the rules of the language require that program variables be
# explicitly declared" (Ada's reference manual, heldout-85: judged wrong) describes the
# rule, it asks nobody to act.
_RULE_REQUIRES = re.compile(
    r"\b(?:rules?|laws?|standards?|language|specifications?|protocols?|regulations?|"
    r"grammar|syntax|formats?|schemas?)\s+(?:of\s+(?:the\s+|a\s+|an\s+)?[\w-]+\s+)?"
    r"(?:also\s+)?$", re.IGNORECASE)
_ENTITLED = re.compile(r"\b(?:can|may|could|might|(?:is|are) (?:entitled|free|welcome) to)"
                       r"\s+(?:also\s+)?$", re.IGNORECASE)
# Sections that ask someone to act: "Recommendations", "Actions and owners",
# "Action plan", "Next steps" - not "Remedial and enforcement actions" in a manual.
ACTION_TITLES = re.compile(r"recommend|\baction (?:plan|items?|points?|list)|"
                            r"\bactions and owners|\bnext steps?\b|\bfollow[- ]?up|"
                            r"\blessons learn|\bimprovement plan|\bremediation plan",
                            re.IGNORECASE)
_CLAUSE_PUNCT = re.compile(r"[,;:\u2013\u2014]|\s-\s")  # not parentheses: "sixty (60) days"
_WORD = re.compile(r"[\w'\u2019-]+")
# "by" that does not name an actor: "by 10:00", "by the end of March", "by default".
_NOT_AGENT = re.compile(
    r"by\s+(?:\d|(?:the\s+)?(?:end|time|start|close|beginning|middle|deadline|date|"
    r"following|next)\b|then\b|now\b|default|design|mistake|accident|chance|hand\b|far\b|"
    r"e-?mail|phone|post\b|letter|means|way|virtue|reason|law\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|noon|midday|midnight|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december)", re.IGNORECASE)
_WINDOW = 300  # characters looked at on either side of the verb: keeps the rule linear
_MAX_SUBJECT_WORDS = 14
_DETERMINERS = frozenset("the a an this that these those its their our his her each every "
                         "all some no any".split())
_OBJECT_PRONOUN = {"it": "it", "they": "them", "he": "him", "she": "her", "we": "us",
                   "i": "me", "you": "you"}


def is_participle(word: str) -> bool:
    """Is `word` the participle of a verb whose actor matters (see `ACTIONS`)?"""
    return word.lower() in ACTIONS


def _agent_follows(text: str, pos: int, limit: int) -> bool:
    """A "by ..." naming the actor later in the same clause."""
    rest = _CLAUSE_PUNCT.split(text[pos:min(limit, pos + _WINDOW)], maxsplit=1)[0]
    for m in re.finditer(r"\bby\b", rest, re.IGNORECASE):
        if not _NOT_AGENT.match(rest, m.start()):
            return True
    return False


def _words_before(text: str, start: int, be_pos: int) -> list[re.Match[str]]:
    """The words of the clause before the verb (at most a window's worth)."""
    lo = max(start, be_pos - _WINDOW)
    clause_start = lo
    for m in _CLAUSE_PUNCT.finditer(text, lo, be_pos):
        clause_start = m.end()
    return list(_WORD.finditer(text, clause_start, be_pos))


def _has_verb(words: list[re.Match[str]]) -> bool:
    return any(m.group().lower() in _FINITE or m.group().lower().endswith("ed") for m in words)


# Endings of adjectives, never of a bare singular noun that could be a subject alone.
_ADJECTIVE = re.compile(r"(?:ive|ous|ful|less|able|ible)$")


def _subject(words: list[re.Match[str]], allow_that: bool) -> tuple[int, int] | None:
    """(first, end) of the clause subject among `words`, or None when there is no
    plain subject to name: a subordinate clause, a gerund, a complement."""
    start = len(words)
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group().lower()
        if w in _COORDINATORS:
            j = i - 1
            while j >= 0 and words[j].group().lower() not in _SUBORDINATORS | {"that"}:
                j -= 1
            if w not in ("and", "or") or i == 0 or _has_verb(words[j + 1:i]):
                break  # "The engineer answered and the alert was ..."
            # else a compound subject: "the profile and image of nursing", "items 1 and 3"
        if w == "that" and allow_that:
            break  # "We recommend that the image of nursing be raised"
        if w in _SUBORDINATORS or w == "that":
            return None
        start = i
    for m in words[:start]:  # "While a lease or the purchase ... is not authorized"
        if m.group().lower() in _SUBORDINATORS:
            return None
    subject = words[start:]
    while subject and subject[-1].group().lower() in _AUXILIARIES:
        subject = subject[:-1]  # "The report has [been reviewed]", "should [be extended]"
    if not subject or len(subject) > _MAX_SUBJECT_WORDS:
        return None
    lowered = [m.group().lower() for m in subject]
    if lowered[0] in _PREPOSITIONS or lowered[0] == "to" or lowered[0].endswith("ing"):
        return None  # "for confirming training", "to which", "being lowered"
    if any(w in _FINITE for w in lowered):
        return None  # a complement clause: "is responsible for confirming training"
    if (start == 1 and words[0].group().lower() in ("and", "or") and len(subject) == 1
            and _ADJECTIVE.search(lowered[0])):
        return None  # "... that are vague, dismissive, or unconstructive may be dismissed":
        # the last adjective of a list cut at its comma; the subject lies before it
    if lowered[0].isdigit() and len(subject) > 1:
        subject = subject[1:]  # "1. Particular efforts": the numbering is not the subject
    return subject[0].start(), subject[-1].end()


def _example(subject: str, pp: str) -> str:
    past = ACTIONS.get(pp.lower(), pp.lower())
    words = subject.split()
    first = words[0]
    if len(words) == 1 and first.lower() in _OBJECT_PRONOUN:
        obj = _OBJECT_PRONOUN[first.lower()]
    elif first.lower() in _DETERMINERS:
        obj = " ".join([first.lower(), *words[1:]])
    else:
        obj = subject
    return f"[who] {past} {obj}"


def _kind(text: str, m: re.Match[str], sentence_start: int) -> str | None:
    """"past", "present", "modal" or "subjunctive"; None when not worth a finding."""
    be = m.group("be").lower()
    negated = re.search(r"\bnot\b|n't", m.group("adv"), re.IGNORECASE) is not None
    before = text[max(sentence_start, m.start() - 40):m.start()].lower().split()
    prev = before[-1] if before else ""
    if prev == "to" or (prev == "not" and len(before) > 1 and before[-2] == "to"):
        # "to be trained", "has to be developed": a purpose or an obligation
        return "modal" if len(before) > 1 and before[-2] in _MODALS else None
    if be == "been":
        return "past" if prev in _PERFECT else None
    if be in ("was", "were"):
        return "past"
    if be == "be":
        if prev in _MODALS or (prev == "not" and len(before) > 1 and before[-2] in _MODALS):
            return "modal"
        return "subjunctive"
    if be in ("is", "are", "am"):
        return "present" if negated else None
    return None


def check(ctx: SectionContext) -> Iterator[Hit]:
    if ctx.index.acronyms.developers:
        # A reference for developers says what the system does ("The certificate has
        # been revoked", "A call was made"): its actor is the program, never a person
        # to name. All 9 such findings of the blind rounds were noise.
        return
    if ctx.index.technical:
        # Manuals, specifications, release notes, FAQs (genre.py): "This was removed",
        # "Older targets were removed" - the project acted, and the reader needs what
        # changed, not who. None of the 17 blind passive findings was kept.
        return
    # Outside a report (`DocumentIndex.report_like`: a survey, the handbook) only a
    # recommendation that names no owner is raised: the 4 passives editors kept, over
    # every round, were a survey's discussion, its recommendations and an internal-
    # control step of the handbook; elsewhere a past or present passive was noise.
    narrative = ctx.index.report_like
    text = ctx.text
    action_section = ACTION_TITLES.search(ctx.title) is not None
    literals = ctx.literals
    for n, span in enumerate(ctx.sentences):
        if n % 64 == 0:
            ctx.checkpoint()
        for m in _PASSIVE.finditer(text, span.start, span.end):
            pp = m.group("pp").lower()
            if pp not in ACTIONS or literals.covers(m.start(), m.end()):
                continue
            kind = _kind(text, m, span.start)
            if kind is None or (kind in ("past", "present") and not narrative):
                continue
            asked = _RECOMMEND.search(text, max(span.start, m.start() - _WINDOW), m.start())
            # "members can request that their configuration be tested" says what members
            # may do, it recommends nothing
            recommended = asked is not None and not _ENTITLED.search(
                text, max(span.start, asked.start() - 24), asked.start()) and not (
                asked.group().lower().startswith("require") and _RULE_REQUIRES.search(
                    text, max(span.start, asked.start() - 40), asked.start()))
            if kind == "present" and pp not in _CONTROLS:
                continue  # "are not taken into account": describes a rule
            negated = re.search(r"\bnot\b|\bnever\b|n't", m.group("adv"), re.IGNORECASE)
            if kind == "past" and not negated and pp not in _DECISIONS and not (
                    pp in ("made", "taken", "given") and _DECISION_NOUNS.search(
                        text, max(span.start, m.start() - 80), m.start())):
                continue  # narrative with an obvious actor, not a decision or a failure
            if ctx.index.normative and kind in ("past", "present") and not action_section:
                continue  # background and prohibitions of a law or a manual
            if kind == "modal" and not action_section:
                continue  # a requirement or an instruction, not a hidden decision
            if kind == "subjunctive" and not recommended:
                continue
            if _agent_follows(text, m.end(), span.end):
                continue
            words = _words_before(text, span.start, m.start())
            found = _subject(words, allow_that=kind == "subjunctive")
            if found is None:
                continue
            begin, subject_end = found
            subject = text[begin:subject_end]
            phrase = text[begin:m.end()]
            if kind == "past":
                how = f'e.g. "{_example(subject, pp)} \u2026"'
            else:
                how = "as the subject of the sentence"
            if kind in ("modal", "subjunctive"):
                issue = (f'"{_short(phrase, 80)}" does not say who should do it: a '
                         "recommendation without an owner may never be acted on.")
                suggestion = ("Name the team or role that should act, "
                              "e.g. \"[owner] should \u2026\".")
            else:
                issue = f'Passive voice: "{_short(phrase, 80)}" does not say who did it.'
                suggestion = (f"Name the person, team or system that acted, {how}, unless the "
                              "actor is unknown or does not matter here.")
            yield Hit(begin, m.end(), issue=issue, suggestion=suggestion, term=pp,
                      key="passive")


def merge(hits: list[Hit], text: str) -> Hit:
    """One finding for the passives of a section, quoting each."""
    quoted = ", ".join(f'"{_short(text[h.start:h.end], 60)}"' for h in hits[:4]
                       if h.start is not None and h.end is not None)
    more = f", and {len(hits) - 4} more" if len(hits) > 4 else ""
    return replace(hits[0],
                   issue=f"{len(hits)} passive constructions in this section do not say who "
                         f"acted: {quoted}{more}.",
                   suggestion="Name the person, team or system that acted (or should act) in "
                              "each, unless the actor is unknown or does not matter here.")
