"""Undefined acronyms: used before (in document order) any definition, or never defined.

Definitions recognised: "Full Name (ABC)", "Full Name (the “ABC”)", "(ABCs)",
"ABC (Full Name)", an apposition "The ABC, our full name, ...", and glossary
lines "ABC: Full name", "ABC - Full name", "ABC | Full name". A parenthesised
acronym right after a phrase is the author's definition even when its letters
do not match the words ("full time positions (FTE)"). Each acronym is reported
once per document, at its first use. Not acronyms to define: ticket and
product ids (INC-2024-031, PLAT-4471), acronyms every reader knows, letters in
URLs, code and field codes, state codes and post-nominals in addresses,
words of a line in capitals, table-of-contents entries and references;
common English words in capitals for emphasis ("shining WAY hotter", unless
some use names a thing: "the CAB", "our CAB"); two
letters inside a proper name ("Washington DC", "LA Noire"); a name in a list
of names the reader knows ("TIFF, PNG, BMP or EMF images", "from ASP, Perl,
PHP and Python"); a name in a sentence about code ("a JAXB representation of
Hierarchy.xsd"); and in a document written for developers (code on every
page), an acronym never defined at all is a product, format or technology name
its readers know ("JBoss", "FOP", "Flat OPC"), while one used before its own
definition is still reported. When in doubt, nothing is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.english_words import WORDS as ENGLISH
from desktop_app.ai.rules.text import CELL_JOINT, COLUMN_GAP, Literals, literals_of
from desktop_app.document.model import count_words

RULE = RuleSpec("undefined-acronym", "terminology", "minor", 0.8, "acronym",
                document_cap=10, english=True)

WELL_KNOWN = frozenset("""
    UTC GMT BST CET EST PST USA US UK EU UN PDF URL URI API CEO CFO CTO COO CIO ID OK IT HR
    FAQ AM PM HTTP HTTPS SQL CPU GPU RAM ROM USB HTML CSS XML JSON CSV YAML DNS IP TCP UDP
    SSH SSL TLS VPN LAN WAN PC TV AI BBC NASA NATO GDP VAT PIN ATM DVD CD GB MB KB TB ISO
    IBM UI UX OS SMS GPS PS AD BC BCE CE DIY ETA FYI ASAP RSVP NB CV QA PR MBA BA MA BSC
    MSC PHD GDPR
    DOC DOCX XLS XLSX PPT PPTX RTF TXT PNG JPG JPEG GIF BMP TIFF SVG ZIP EPUB XPS ODT MP3
    MP4 WAV AVI MOV USD EUR GBP JPY CHF CAD AUD
    ASCII UTF ANSI ISBN ISSN DOI URL WWW FTP SMTP IMAP POP REST SOAP XSL XSLT XHTML DOM
    SDK IDE JDK JRE JVM OLE DB ODBC JDBC COM DLL EXE UUID GUID MIME RSS XSD DTD SVG PHP
    CMS CRM ERP
    OECD WHO IMF UNESCO UNICEF FBI CIA IRS FDIC SEC FTC FDA EPA GSA NHS NASA OPEC WTO
    IPO ROI KPI SME B2B B2C LLC INC PLC GAAP IFRS CPA
    MD DDS RN BSC MSC MPH JD LLB DPHIL
    FAQ PS NB AKA RIP TBA
    IEC IEEE W3C IETF ECMA NIST ANSI HIV AIDS AWS
    AJAX API APK ARM BIOS BSD CAD CDN CGI CLI CRLF CSS CSV DHCP DLL DMA DNS DOS DRM DSL
    DVD EOF FIFO FPGA GNU GPL GUI HDD HDMI HTTP IDE IIS IMAP IO IOS IP ISP JAR JIT JPEG JSP
    JVM LAN LCD LDAP LED LGPL LIFO LTS MAC MIT MVC NAS NAT NFS NTFS OCR OOP ORM OSX PCI PDA
    RAID RAM RDBMS RFC RGB RPC SAN SATA SAX SCSI SDK SMB SMTP SNMP SOA SQL SSD SSH SSL SSO
    TCP TTL UDP UML URI URL USB UTF VBA VGA VM VPN WAN WYSIWYG XML XSS CIFS NFS VFS ASL MPL
    EULA OEM CMYK DPI PPI
    ABI AMD GCC LLVM MIPS RISC UNIX POSIX RTOS HP NVIDIA LINUX SHA MD5
""".split())
# All-caps words that are emphasis, markers or RFC 2119 keywords, not acronyms.
_NOT_ACRONYMS = frozenset("""
    TODO TBD TBC TBA FIXME XXX NOTE AND OR NOT THE ALL NO YES NEW ONLY MUST SHALL SHOULD MAY
    NEVER DO IF IS ARE FOR TO OF IN ON AT BY AN AS WE DRAFT FINAL URGENT STOP NONE NULL TRUE
    FALSE GET POST PUT README LICENSE NOTICE CHANGELOG
    SELECT UNION MIN MAX COUNT SUM AVG FROM WHERE INSERT UPDATE DELETE JOIN
""".split())
# An upper-case letter first, so the search skips ahead fast; then "not after a letter".
_TOKEN = re.compile(r"([A-Z](?<![\w&.][A-Z])[A-Z]{1,5})(s?)(?![\w&])")
_ID = re.compile(r"[A-Za-z0-9]-\d")
_COMPOUND_AFTER = re.compile(r"-[A-Z0-9]")
_NUMBER_AFTER = re.compile(r" \d{3,}\b")
_OPEN_QUOTES = ("\"", "\u201c", "'", "\u2018", "`")
_CLOSE_QUOTES = ("\"", "\u201d", "'", "\u2019")
_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
_WORDS_BEFORE = re.compile(r"[A-Za-z][\w'-]*")
_GLOSSARY = re.compile(r"^\s*([A-Z]{2,6})s?\s*(?::|=|\||[\u2013\u2014-](?=\s))\s*(\S.*)")
_PAREN_AFTER = re.compile(r"\s*\(([^()]{3,80})\)")
# "(ABC)", "(the “ABC”)", "(ABCs)", "(ABC's)" right after a phrase: a definition.
_PAREN_DEF = re.compile(r"\(\s*(?:the\s+|hereinafter\s+|or\s+)?[\"“‘']?$", re.IGNORECASE)
# ... "(ABC)", "(or “ABC Site”)": the acronym, maybe with the noun it abbreviates with
_PAREN_DEF_END = re.compile(r"(?:'?s)?(?:\s+[A-Z][a-z]+)?[\"”’']?\s*\)")
# "EACCES (Permission denied): ...": a list of codes, each explained in its parenthesis
_EXPLAINED_AFTER = re.compile(r"\s*\(([A-Z][a-z]+(?:\s+[a-z]+){1,5})\)")
# "PDQ stands for Pretty Darn Quick"; but "Here XYZ stands for a specific section name"
# makes XYZ a variable of the text, not an abbreviation at all (see `_VARIABLE`).
_STANDS_FOR = re.compile(r"\s+(?:stands for|is short for|abbreviates)\s+(?!(?:a|an|any|some)\s)"
                         r"([^.;]{3,80})")
# (Not "X is a ...": "The CAB is a board that approves changes" still owes its name.)
_VARIABLE = re.compile(r"\b([A-Z]{2,6})\s+(?:stands for|means)\s+(?:a|an|any|some)\s")
_APPOSITION = re.compile(r",\s+(?:our|the|its|their|a|an)\s+([^,;()]{3,80}),")
_ADDRESS_AFTER = re.compile(r"\s+(?:\d{4,5}\b|ZIP\b|Box\b|\d+-\d)")  # "NV 89086", "PL 93-579"
_CITY_BEFORE = re.compile(r"[A-Z][a-z]+,\s*$")  # "Austin, TX", "Washington, DC"
# The name of a construct in code: "the IMG element", "a SEQ field", "the UNION operator".
_CODE_NOUN = re.compile(r"\s+(?:element|tag|attribute|field|function|command|statement|"
                        r"operator|keyword|clause|query|method|class|type|macro|switch)s?\b",
                        re.IGNORECASE)
_TOC_LINE = re.compile(r"^[^|]{3,140}?(?:\.{3,}|\t|\s)\s*\d{1,4}\s*$")
_REFERENCE_TITLE = re.compile(r"\b(?:bibliography|references|works cited|sources)\b",
                              re.IGNORECASE)
_LONG_FORM_END = re.compile(r"[;.,(]|\s[\u2013\u2014-]\s")


@dataclass(frozen=True, slots=True)
class Definition:
    order: int
    offset: int
    section_title: str
    long_form: str
    glossary: bool


@dataclass(frozen=True, slots=True)
class AcronymEvent:
    offset: int  # in the section text
    token: str
    plural: bool
    definition: Definition | None  # None: never defined


@dataclass(slots=True)
class AcronymIndex:
    events: dict[str, list[AcronymEvent]] = field(default_factory=dict)  # by section id
    # Written for developers (code throughout): other rules read it too (a "<number>"
    # there is a type, not a slot to fill).
    developers: bool = False
    # The acronyms never defined, and where the first of them is used (section id,
    # offset): with INSIDER_ACRONYMS or more, that place gets the one finding.
    never_defined: tuple[str, ...] = ()
    first_never: tuple[str, int] | None = None


_CITATION = re.compile(r",?\s*(?:\d{4}|n\.d\.)\b")  # "(MNCAHS, 1999)"
# Names of a list: "TIFF, PNG, BMP or EMF", "SMB/CIFS", "ASP, Perl, PHP and Python".
_LIST_SEP = r"(?:,\s+(?:(?:and|or)\s+)?|\s+(?:and|or)\s+|\s*/\s*)"
_ITEM_BEFORE = re.compile(rf"([\w+#.-]+){_LIST_SEP}$")
_ITEM_AFTER = re.compile(rf"s?{_LIST_SEP}([\w+#.-]+)")
# A code name: a dotted package or class name, a source or schema file, a call.
_CODE_NAME = re.compile(
    r"(?<![\w./@:])[a-z]\w*(?:\.[A-Za-z_]\w*){2,}(?<!\.com)(?<!\.org)(?<!\.net)"
    r"(?<!\.gov)(?<!\.edu)(?<!\.uk)(?<!\.au)(?![\w/@])|\b\w+\.(?:xsd|xml|xsl|xslt|java|class|jar|dll|cs|"
    r"py|js|ts|json|ya?ml|properties|config|cpp|hpp|h)\b|\b\w+\(\)")
_CODE_WINDOW = 120
# Code spans (names, paths, addresses, markup) per 1,000 words from which a document
# is written for developers. Measured on the evaluation documents: software guides
# and manuals 41-136, a thesis on software 50, API references and tutorials 25-130;
# reports, legal and academic texts 0-20 (a water-quality report's units and links:
# 20). Manuals converted from man pages and release notes (11-19) fall below.
_DEVELOPER_CODE_PER_1K = 22
_DEVELOPER_MIN_SPANS = 20  # and code throughout, not one link in a short text
# A determiner before a token: the word in capitals names a thing ("to the CAB").
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those|our|your|their|its|"
                                r"his|her|my|each|every|per)\s+$", re.IGNORECASE)
# A capitalised word that is a name, beside two capitals: "Washington DC", "LA Noire".
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")
_NAME_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
_VENDOR_BEFORE = re.compile(r"\b(?:Apache|Microsoft|Google|Oracle|IBM|Adobe|Eclipse|Amazon|"
                            r"Mozilla|Sun|Red Hat|JetBrains|GNU|Intel|AMD|Nvidia|NVIDIA|"
                            r"Apple|HP|Cisco|Debian|Ubuntu|Linux)\s+$")


def _is_name(word: str) -> bool:
    """A capitalised word that is not a common English word: a proper name."""
    return word.lower() not in ENGLISH


def _in_proper_name(line: str, start: int, end: int) -> bool:
    """Two capitals beside a name, part of it: "Washington DC", "LA Noire"."""
    if end - start != 2:
        return False  # longer ones ("the Coffs Harbour LGA") are worth defining
    before = _NAME_BEFORE.search(line, max(0, start - 30), start)
    after = _NAME_AFTER.match(line, end)
    return bool(before and _is_name(before.group(1)) or after and _is_name(after.group(1)))


def _list_items(line: str, start: int, end: int) -> list[str]:
    """The other items of a list the token is in ("TIFF, PNG, BMP or EMF"), up to 4 a side."""
    items = []
    pos = start
    for _ in range(4):
        m = _ITEM_BEFORE.search(line, max(0, pos - 40), pos)
        if not m:
            break
        items.append(m.group(1))
        pos = m.start(1)
    pos = end
    for _ in range(4):
        m = _ITEM_AFTER.match(line, pos)
        if not m:
            break
        items.append(m.group(1))
        pos = m.end(1)
    return items


def _among_known_names(line: str, start: int, end: int) -> bool:
    """In a list with a name every reader knows: a format, language or body of its kind."""
    return any(item.upper() == item and item in WELL_KNOWN
               for item in _list_items(line, start, end))


def _about_code(line: str, start: int, end: int) -> bool:
    """In a passage that names code ("a JAXB representation of Hierarchy.xsd"): a
    technology's name the programmer reading it knows, not an abbreviation to expand."""
    return _CODE_NAME.search(line[max(0, start - _CODE_WINDOW):end + _CODE_WINDOW]) is not None


def _not_a_use(line: str, start: int, end: int, table_row: bool) -> bool:
    """State codes and post-nominals in addresses, words of a run of capitals,
    citations, product names, table labels, ".NET", parts of proper names, names in
    a list of known names or beside code."""
    if line[start - 1:start] == "." or table_row:
        return True  # ".NET"; a label in a table row
    if line[start - 1:start] in _OPEN_QUOTES and line[end:end + 1] in _CLOSE_QUOTES:
        return True  # '"MOZPL", "NPL"': names quoted as literals (a definition is seen before)
    if line[start - 1:start] == "(" and _CITATION.match(line, end):
        return True  # "(OECD, 1988)": a reference, defined by the bibliography
    if _VENDOR_BEFORE.search(line, max(0, start - 20), start):
        return True  # "Apache POI", "Microsoft OLE": a product's name
    if _ADDRESS_AFTER.match(line, end) or _CODE_NOUN.match(line, end):
        return True  # "Las Vegas NV 89086", "City, ST ZIP Code", "PO Box 317", "IMG element"
    if end - start == 2 and _CITY_BEFORE.search(line, max(0, start - 30), start):
        return True
    if line[start - 1:start] == "," or line[end:end + 1] == ",":
        before, after = line[max(0, start - 2):start], line[end:end + 2]
        if not before.endswith(", ") and not after.startswith(", "):
            return True  # "MB,ChB,MSc,MD,DRCOG": a run of credentials
    caps = 0
    for w in re.findall(r"[A-Za-z]+", line[max(0, start - 40):start])[-2:]:
        caps = caps + 1 if w.isupper() and len(w) > 1 else 0
    run = caps
    for w in re.findall(r"[A-Za-z]+", line[end:end + 40])[:2]:
        if not (w.isupper() and len(w) > 1):
            break
        run += 1
    if run >= 2:
        return True  # "CONDITIONS OF ANY KIND": shouting, not an acronym
    # the dearer look-arounds last: most tokens are settled above
    return (_in_proper_name(line, start, end) or _among_known_names(line, start, end)
            or _about_code(line, start, end))


def _is_candidate(token: str) -> bool:
    return not (token in WELL_KNOWN or token in _NOT_ACRONYMS or len(set(token)) == 1
                or (set(token) <= set("IVX") and _ROMAN.match(token)))


def _in_id(line: str, start: int, end: int) -> bool:
    """Part of a ticket or product id (INC-2024-031, PLAT-4471, SHA-256), of a name
    joined by hyphens to other capitals (PKG-INFO, XS-Python-Version, HP-UX, PA-RISC,
    RISC-V), a command-line flag ("-MF") or a numbered label ("DR 960")."""
    if _COMPOUND_AFTER.match(line, end) or _NUMBER_AFTER.match(line, end):
        return True
    if line[start - 1:start] == "-" and (start < 2 or not line[start - 2].islower()):
        return True  # "PA-RISC", "HP-UX"; "-MF", "--ABC" (a flag); not "non-EU"
    left = max(line.rfind(" ", 0, start), line.rfind("|", 0, start)) + 1
    right = len(line)
    for sep in (" ", "|"):
        found = line.find(sep, end)
        if found >= 0:
            right = min(right, found)
    return _ID.search(line[left:right]) is not None


def _initials_match(acr: str, words: list[str]) -> bool:
    """The acronym's letters, in order, among the words' initials (first letter first)."""
    if not words or words[0][0].lower() != acr[0].lower():
        return False
    letters, i = acr.lower(), 0
    for w in words:
        if i < len(letters) and w[0].lower() == letters[i]:
            i += 1
    if i == len(letters):
        return True
    # "PostgreSQL (PG)": the letters inside one or two words
    if len(words) <= 2:
        it = iter("".join(words).lower())
        return all(ch in it for ch in letters)
    return False


def _long_form_before(line: str, paren: int, acr: str) -> str | None:
    words = list(_WORDS_BEFORE.finditer(line[max(0, paren - 160):paren]))
    offset = max(0, paren - 160)
    for k in range(1, min(len(acr) + 3, len(words)) + 1):
        chosen = words[-k:]
        if _initials_match(acr, [w.group() for w in chosen]):
            return line[offset + chosen[0].start():offset + chosen[-1].end()]
    return None


def _phrase_before(line: str, paren: int) -> str | None:
    """The words just before a parenthesised acronym the author defines loosely."""
    words = _WORDS_BEFORE.findall(line[max(0, paren - 80):paren])
    if len(words) < 2 or not line[:paren].rstrip()[-1:].isalnum():
        return None
    return " ".join(words[-4:])


def _long_form_after(text: str) -> str:
    text = _LONG_FORM_END.split(text, maxsplit=1)[0].strip()
    return text[:80]


def _shouting(segment: str) -> bool:
    """Headings, labels and cells in capitals: their words are not acronyms."""
    words = re.findall(r"[A-Za-z]+", segment)
    caps = sum(w.isupper() and len(w) > 1 for w in words)
    return bool(words) and (caps == len(words) or (len(words) >= 3 and caps >= 0.6 * len(words)))


def _shouting_spans(line: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for cell in line.split(" | "):
        if _shouting(cell):
            spans.append((pos, pos + len(cell)))
        pos += len(cell) + 3
    return spans


_LOWER_WORD = re.compile(r"\b[A-Za-z][a-z]+\b")


def _definitions(line: str) -> dict[int, tuple[str, str, bool]]:
    """Definitions in one line: position of the acronym -> (acronym, long form, glossary)."""
    found: dict[int, tuple[str, str, bool]] = {}
    g = _GLOSSARY.match(line)
    if g:
        found[g.start(1)] = (g.group(1), _long_form_after(g.group(2)), True)
    for m in _TOKEN.finditer(line):
        acr, pos = m.group(1), m.start(1)
        if pos in found:
            continue
        opening = _PAREN_DEF.search(line, max(0, pos - 20), pos)
        if opening and _PAREN_DEF_END.match(line, m.end()):
            paren = opening.start()
            long_form = _long_form_before(line, paren, acr) or _phrase_before(line, paren)
            if long_form:
                found[pos] = (acr, long_form, False)
                continue
        appo = _APPOSITION.match(line, m.end())
        if appo and _initials_match(acr, _WORDS_BEFORE.findall(appo.group(1))):
            found[pos] = (acr, appo.group(1).strip(), False)
            continue
        said = _EXPLAINED_AFTER.match(line, m.end()) or _STANDS_FOR.match(line, m.end())
        if said:
            found[pos] = (acr, said.group(1).strip(), False)
            continue
        after = _PAREN_AFTER.match(line, m.end())
        if after:
            inner = _long_form_after(after.group(1))
            if _initials_match(acr, _WORDS_BEFORE.findall(inner)):
                found[pos] = (acr, inner, False)
    return found


def acronym_definitions(line: str) -> list[tuple[str, str, bool]]:
    """The acronyms one line defines, in order: (acronym, long form, glossary line?).

    The same recognition as this rule's, shared with the document context
    that lists a document's acronyms for the model (`ai/terms.py`).
    """
    found = _definitions(line)
    return [found[pos] for pos in sorted(found) if _is_candidate(found[pos][0])]


def scan(sections: Sequence) -> AcronymIndex:
    """First uses and definitions across the document, in order."""
    first_use: dict[str, tuple[int, int, str, bool]] = {}  # acr -> order, offset, id, plural
    defined: dict[str, Definition] = {}
    words: set[str] = set()  # words written in lower or title case somewhere
    named: set[str] = set()  # used after a determiner somewhere: "the CAB"
    variables: set[str] = set()  # "Here XYZ stands for a specific section name"
    code_spans = word_count = 0
    for order, section in enumerate(sections):
        text = section.text
        words.update(map(str.lower, _LOWER_WORD.findall(text)))
        variables.update(m.group(1) for m in _VARIABLE.finditer(text))
        word_count += count_words(text)
        references = _REFERENCE_TITLE.search(section.title) is not None
        code: Literals | None = None
        pos = 0
        for line in text.split("\n"):
            line_start = pos
            pos += len(line) + 1
            tokens = list(_TOKEN.finditer(line))
            if not tokens:
                continue
            definitions = _definitions(line)
            shouting = _shouting_spans(line)
            toc = _TOC_LINE.match(line) is not None
            # once per line: a token's test stays O(1); runs of spaces line up the
            # columns of a table written as preformatted text ("MATCHV      2   ...")
            table_row = CELL_JOINT in line or len(COLUMN_GAP.findall(line)) >= 2
            if code is None:
                code = literals_of(text)
            for m in tokens:
                acr = m.group(1)
                at = line_start + m.start(1)
                if not _is_candidate(acr) or _in_id(line, m.start(1), m.end(1)):
                    continue
                if (acr in first_use and m.start(1) not in definitions
                        and (acr in named or acr.lower() not in ENGLISH)):
                    continue  # a later use: nothing more to learn from it
                if m.start(1) not in definitions and (
                        references or toc or code.covers(at, at + len(acr), quotes=False)
                        or _not_a_use(line, m.start(1), m.end(), table_row)):
                    continue
                if m.start(1) in definitions:
                    if acr not in defined:
                        _, long_form, glossary = definitions[m.start(1)]
                        defined[acr] = Definition(order, at, section.title, long_form, glossary)
                elif any(s <= m.start(1) < e for s, e in shouting):
                    continue
                if acr not in named and _DETERMINER_BEFORE.search(
                        line, max(0, m.start(1) - 8), m.start(1)):
                    named.add(acr)
                if acr not in first_use:
                    first_use[acr] = (order, at, section.id, bool(m.group(2)))
        code_spans += (code or literals_of(text)).code_spans
    developers = (code_spans >= _DEVELOPER_MIN_SPANS
                  and code_spans * 1000 >= _DEVELOPER_CODE_PER_1K * max(1, word_count))
    index = AcronymIndex(developers=developers)
    for acr, (order, offset, section_id, plural) in first_use.items():
        if acr in variables:
            continue  # a name the text gives to anything of a kind, not an abbreviation
        definition = defined.get(acr)
        if definition is None and (acr.lower() in words
                                   or acr.lower() in ENGLISH and acr not in named):
            continue  # "TAX" in a heading, "shining WAY hotter": a word, in capitals
        if definition is None and developers:
            continue  # a name the developers it is written for know
        if definition is not None and (order, offset) >= (definition.order, definition.offset):
            continue  # defined at or before its first use
        index.events.setdefault(section_id, []).append(
            AcronymEvent(offset, acr, plural, definition))
    for events in index.events.values():
        events.sort(key=lambda e: e.offset)
    never = [(order, offset, section_id, acr) for acr, (order, offset, section_id, _)
             in first_use.items() if any(e.token == acr and e.definition is None
                                         for e in index.events.get(section_id, ()))]
    if never:
        index.never_defined = tuple(sorted(acr for *_, acr in never))
        _, offset, section_id, _ = min(never)
        index.first_never = (section_id, offset)
    return index


# From this many acronyms never defined, a document is written for readers who know
# its field's vocabulary: one finding says so, listing them, instead of one each.
INSIDER_ACRONYMS = 8


def check(ctx: SectionContext) -> Iterator[Hit]:
    acronyms = ctx.index.acronyms
    insider = len(acronyms.never_defined) >= INSIDER_ACRONYMS
    for event in acronyms.events.get(ctx.section_id, ()):
        span = ctx.local(event.offset, len(event.token))
        if span is None:
            continue
        acr, d = event.token, event.definition
        if d is None and insider:
            if (ctx.section_id, event.offset) != acronyms.first_never:
                continue
            others = [a for a in acronyms.never_defined if a != acr]
            shown = ", ".join(others[:12]) + (", \u2026" if len(others) > 12 else "")
            yield Hit(*span,
                      issue=f'"{acr}" and {len(others)} other acronyms ({shown}) are never '
                            "defined in the document: it is written for readers who know "
                            "them.",
                      suggestion="If readers outside that circle will read it, add a "
                                 "glossary, or spell each out at its first use.",
                      confidence=0.6, term=acr)
            continue
        if d is None:
            yield Hit(*span,
                      issue=f'"{acr}" is never defined in the document; a reader who does not '
                            "know it cannot follow this passage.",
                      suggestion=f'Spell it out at this first use, e.g. "<full name> ({acr})", '
                                 "and add it to the glossary if there is one.",
                      confidence=0.7, term=acr)
            continue
        definition = f'"{d.long_form} ({acr})"' if not d.glossary else f'"{acr}: {d.long_form}"'
        if d.glossary:
            issue = (f'"{acr}" is used here before it is defined: its only definition is the '
                     f'glossary entry {definition} in "{d.section_title}".')
        else:
            issue = (f'"{acr}" is used here before it is defined: it is spelled out only later, '
                     f'as {definition} in "{d.section_title}".')
        yield Hit(*span, issue=issue,
                  suggestion=f'Define it at this first use: "{d.long_form} ({acr})", and use '
                             f'"{acr}" alone after that.',
                  rewrite=None if event.plural else f"{d.long_form} ({acr})",
                  term=acr)
