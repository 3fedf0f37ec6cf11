"""How useful the built-in reviewer's findings are, judged against a hand-made set.

Runs the built-in reviewer (framework "General writing quality", sections cut
into parts as `margin review` does) over the evaluation documents of the shared
corpus, matches every finding to the judgements in
`tests/data/rules_judgements.jsonl` (keep / noise / wrong, each with a one-line
reason, keyed by document, rule, quote and the text around the quote, so that a
finding is recognised when ids, offsets or section boundaries move; a judgement
with "supersedes": ROUND replaces that round's judgement of the same place, where
the rule now says something else there) and prints,
per rule and overall:

- keep and wrong rates among the judged findings;
- findings per 1,000 words;
- how many findings were not judged (a rule that now says something new must be
  judged again before its rates mean anything).

The overall rates are given twice: over the judged findings as sampled, and
weighted by how many findings each rule makes (the sample is stratified by rule,
so a rare rule is over-represented in it).

    python bench/rules_quality.py                 # the figures
    python bench/rules_quality.py --sample 150 --seed 7 --out /tmp/to_judge.jsonl
        # a stratified sample (rule x document) of the unjudged findings, to judge by hand

The figures are printed for each document set apart (`ROUNDS`): the documents
the rules were tuned on, and each held-out set judged blind before the rules
were changed for it, so that generalisation is seen on its own; then for all.
Findings nobody judged are listed at the end.

Targets (issue 14): keep >= 70 %, wrong <= 5 %, at most 4 findings per 1,000
words on the handbook.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.ai.local_reviewer import LocalProvider  # noqa: E402
from desktop_app.ai.provider import AnalysisRequest, CancelToken  # noqa: E402
from desktop_app.document import load  # noqa: E402
from desktop_app.document.model import count_words  # noqa: E402
from desktop_app.review.frameworks import find_framework  # noqa: E402
from desktop_app.workers.analysis_job import split_parts  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
JUDGEMENTS = ROOT / "tests" / "data" / "rules_judgements.jsonl"
HANDBOOK = "unstructured/example-docs__handbook-872p.docx"
_SDK = "Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__"

# (corpus path, genre): long English documents of different kinds, the set the rules
# were tuned on (judgement rounds "before" and "after").
TUNING: tuple[tuple[str, str], ...] = (
    (HANDBOOK, "manual (legal)"),
    (_SDK + "TestDataStorage__v2FxTestFiles__bvt__complex2005_12rtm.docx", "thesis"),
    (_SDK + "TestDataStorage__v2FxTestFiles__wordprocessing__hyperlink__"
            "632399964516872542 1.docx", "survey report"),
    ("docx4j/docs__Docx4j_GettingStarted.docx", "software guide"),
    ("docx-rs/fixtures__spec_vanish__spec_vanish.docx", "bylaws (legal)"),
    ("docx2python/tests__resources__invalid_tag_name.docx", "contract notice / work statement"),
    ("tika/tika-grpc__src__test__resources__test-files__017091.docx", "job announcement"),
    (_SDK + "TestDataStorage__v2FxTestFiles__wordprocessing__footer & header__"
            "Business Plan for a Startup Business_July.docx", "business plan template"),
    (_SDK + "TestDataStorage__v2FxTestFiles__wordprocessing__mixed features__webappdis.docx",
     "security paper"),
    ("docx4j/legals__docx4j_IndividualContributor.docx", "contributor agreement (legal)"),
    ("poi/test-data__document__IllustrativeCases.docx", "tax guidance"),
    ("docx4j/docx4j-samples-docx4j__sample-docs__decracdiscrim1.docx", "declaration (legal)"),
    ("markitdown/packages__markitdown__tests__test_files__test_with_comment.docx",
     "academic paper"),
    ("docx4j/docs__headers_footers.docx", "software guide"),
    ("Open-Xml-PowerTools/TestFiles__DB006-Source2.docx", "technical article"),
)
# Judged blind, on the rules as they were, before they were changed for them (round
# "heldout-1"): how the rules do on documents they were not tuned on. Rules fixed
# after it have seen these too; the next fresh sample says how well the fixes hold.
HELDOUT_1: tuple[tuple[str, str], ...] = (
    (_SDK + "TestDataStorage__v2FxTestFiles__wordprocessing__table__"
            "2003 Consumer Confidence Report.docx", "report (water quality)"),
    (_SDK + "TestDataStorage__v2FxTestFiles__wordprocessing__hyperlink__"
            "632399205748969391 Moon Tregillus.docx", "academic essay"),
    ("docx4j/docs__Creating SmartArt with docx4j.docx", "software manual"),
    ("Aspose.Words-for-.NET/Examples__Data__Big document.docx", "product documentation"),
    (_SDK + "TestFiles__complex2010.docx", "formatting specification"),
    ("docx4j/docs__OpenDoPE_Images.docx", "technical specification"),
    ("tika/tika-parsers__tika-parsers-standard__tika-parsers-standard-modules__"
     "tika-parser-microsoft-module__src__test__resources__test-documents__NullHeader.docx",
     "news report"),
)
# Judged blind on the rules as they were after heldout-1 (round "heldout-2"): the
# remaining corpus documents with English prose. Few, short and findings-light (the
# corpus's long English documents are all above), so its rates rest on few findings;
# the last two fall short of 300 words of sentences and are kept for their genres.
HELDOUT_2: tuple[tuple[str, str], ...] = (
    (_SDK + "TestDataStorage__v2FxTestFiles__wordprocessing__mixed languages__"
            "Unit1Translation.docx", "language-course worksheet"),
    ("docx4j/docs__OpenDoPE_XHTML.docx", "technical note (software)"),
    ("Aspose.Words-for-.NET/Showcases__Document_Comparison_by_Aspose_Words_for_NET__"
     "DocumentComparison__UserFiles__Newsletter 1.docx", "newsletter (marketing)"),
    ("Open-Xml-PowerTools/OpenXmlPowerToolsExamples__DocumentBuilder04__Earth.docx",
     "children's science text"),
    ("Open-Xml-PowerTools/TestFiles__RA001-Tracked-Revisions-01.docx", "lab test procedure"),
    ("poi/test-data__document__delins.docx", "website news page"),
)
# Every other corpus document the built-in reviewer finds anything in, judged by the
# lead (round "heldout-3") on the rules after the last tuning: formatting tests, templates,
# fixtures and non-English documents, which a new user opens too. Not blind to one fix:
# a first look showed the English rules firing on Arabic, Russian, French and German
# documents (44 findings, all noise or wrong), so those rules now skip them. Then used
# to fix the rules (round "after-heldout-3"): filler text (lorem ipsum, Word's sample
# text) is one finding per document and nothing inside it is another; a word repeated
# on a new line that starts with a capital ("A" / "A i") is a list, not a typo.
HELDOUT_3: tuple[tuple[str, str], ...] = (
    ('Aspose.Words-for-.NET/Examples__Data__Document layout.docx',
     'formatting test (lorem ipsum)'),
    ('Aspose.Words-for-.NET/Examples__Data__Paragraphs.docx',
     'formatting test (lorem ipsum)'),
    ('Aspose.Words-for-.NET/Examples__Data__Rendering.docx',
     'rendering demo'),
    ('Aspose.Words-for-.NET/Examples__Data__Revisions.docx',
     'formatting test (lorem ipsum)'),
    ('Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__v2FxTestFiles__wordprocessing__ParaPr__outlineLvl.docx',
     'test fixture'),
    ('Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestDataStorage__v2FxTestFiles__wordprocessing__ParaPr__parabidi.docx',
     'test fixture'),
    ('Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__Document.docx',
     'Word template help text'),
    ('Open-XML-SDK/test__DocumentFormat.OpenXml.Tests.Assets__assets__TestFiles__Strict01.docx',
     'Word template help text'),
    ('Open-Xml-PowerTools/OpenXmlPowerToolsExamples__DocumentBuilder04__solar-system.docx',
     'outline template'),
    ('docx-rs/fixtures__del_in_ins__del_in_ins.docx',
     'test fixture'),
    ('docx-rs/fixtures__issue554__issue554.docx',
     'contract clause'),
    ('docx2python/tests__resources__comments.docx',
     'formatting test (lorem ipsum)'),
    ('docx2python/tests__resources__example.docx',
     'test fixture'),
    ('docx2python/tests__resources__test-docx2python-conversion-google_docs.docx',
     'formatting test (lorem ipsum)'),
    ('docx2python/tests__resources__test_file_with_comments.docx',
     'formatting test (lorem ipsum)'),
    ('poi/test-data__integration__stress010.docx',
     'report (Arabic)'),
    ('tika/tika-parsers__tika-parsers-standard__tika-parsers-standard-modules__tika-parser-microsoft-module__src__test__resources__test-documents__testWORD_emptyParaInTextbox.docx',
     'form (Slovak)'),
    ('tika/tika-parsers__tika-parsers-standard__tika-parsers-standard-modules__tika-parser-microsoft-module__src__test__resources__test-documents__testWORD_numbered_list.docx',
     'test fixture'),
)
# The corpus documents in none of the sets above on which the rules, as changed this
# round, first find something (4 findings), judged blind (round "heldout-10").
HELDOUT_10: tuple[tuple[str, str], ...] = (
    ("Aspose.Words-for-.NET/Examples__Data__Styles.docx", "formatting test"),
    (_SDK + "TestFiles__InvalidDocProps.docx", "test fixture"),
    ("Open-Xml-PowerTools/TestFiles__DB002-Sections-With-Headers.docx", "test fixture"),
    ("Open-Xml-PowerTools/TestFiles__DB004-No-Headers.docx", "test fixture"),
)
# Not from the corpus, which has no English document left that the rules were not
# tuned on: real English prose a Debian machine carries (licences, a policy, a
# specification, manuals, release notes, a tutorial, essays), made into .docx by
# tools/make_heldout_docs.py --set 4 (into /tmp/margin-heldout4, or
# $MARGIN_HELDOUT4) and judged blind (round "heldout-4") by an engineer who did not
# read the rules: 87 findings, keep 18.4 %, wrong 39.1 %. Then used to fix the rules
# (round "after-heldout-4": the findings the fixes brought out, judged by the lead),
# so no longer blind.
HELDOUT_4 = (
    ("heldout4/gpl-3.docx", "legal (licence)"),
    ("heldout4/apache-2.0.docx", "legal (licence)"),
    ("heldout4/mpl-2.0.docx", "legal (licence)"),
    ("heldout4/debian-python-policy.docx", "policy"),
    ("heldout4/dpkg-triggers-spec.docx", "specification"),
    ("heldout4/ninja-manual.docx", "manual"),
    ("heldout4/fontconfig-user.docx", "manual"),
    ("heldout4/nodejs-events.docx", "API reference"),
    ("heldout4/gcc-12-news.docx", "release notes"),
    ("heldout4/rust-book-ownership-errors.docx", "tutorial"),
    ("heldout4/rustonomicon-essays.docx", "essays"),
)
# Made (tools/make_heldout_docs.py --set 5) after the rules were fixed for heldout-4,
# from texts of the same machine nobody had run the rules on, and judged blind
# (round "heldout-5"): how the rules do on what they were not fixed for. 35 findings,
# keep 25.7 %, wrong 31.4 %. Then used to fix the rules in turn (no longer blind).
HELDOUT_5 = (
    ("heldout5/lgpl-2.1.docx", "legal (licence)"),
    ("heldout5/artistic.docx", "legal (licence)"),
    ("heldout5/gfdl-1.3.docx", "legal (licence)"),
    ("heldout5/dpkg-rootless-builds-spec.docx", "specification"),
    ("heldout5/rust-reference-unsafety.docx", "specification"),
    ("heldout5/cargo-faq.docx", "FAQ"),
    ("heldout5/rust-2021-edition-guide.docx", "guide to changes"),
    ("heldout5/embedded-rust-book.docx", "tutorial"),
    ("heldout5/nodejs-errors.docx", "manual"),
    ("heldout5/git-2.39-release-notes.docx", "release notes"),
)
# Made (--set 6) after the rules were fixed for heldout-5, judged blind (round
# "heldout-6"): 17 findings, keep 35.3 %, wrong 23.5 %. Then used to fix the rules
# (round "after-heldout-6"), so no longer blind.
HELDOUT_6 = (
    ("heldout6/gpl-2.docx", "legal (licence)"),
    ("heldout6/mpl-1.1.docx", "legal (licence)"),
    ("heldout6/cc0-1.0.docx", "legal (waiver)"),
    ("heldout6/git-2.36-release-notes.docx", "release notes"),
    ("heldout6/cargo-guide.docx", "guide"),
    ("heldout6/nodejs-packages.docx", "manual"),
    ("heldout6/rust-reference-layout.docx", "specification"),
    ("heldout6/rust-book-introduction.docx", "introduction, essay"),
)
# Made (--set 7) after the rules were fixed for heldout-6, judged blind (round
# "heldout-7"): 20 findings, keep 40.0 %, wrong 25.0 %. Then used to fix the rules
# (code pasted into prose), so no longer blind.
HELDOUT_7 = (
    ("heldout7/perl-journal-maketext.docx", "article"),
    ("heldout7/perl-encode-supported.docx", "essay, reference"),
    ("heldout7/perl-compress-faq.docx", "FAQ"),
    ("heldout7/lgpl-3.docx", "legal (licence)"),
    ("heldout7/gpl-1.docx", "legal (licence)"),
    ("heldout7/git-2.30-release-notes.docx", "release notes"),
    ("heldout7/rust-2024-edition-guide.docx", "guide to changes"),
    ("heldout7/cargo-specifying-dependencies.docx", "manual"),
    ("heldout7/nodejs-modules.docx", "manual"),
    ("heldout7/rust-book-oop.docx", "tutorial"),
)
# Made (--set 8) after the rules were fixed for heldout-7, judged blind (round
# "heldout-8"): the blind measure of the rules as they stand (14 findings, keep
# 78.6 %, wrong 0 %; few findings, so each moves the rate by 7 points).
HELDOUT_8 = (
    ("heldout8/perl-maketext-manual.docx", "manual"),
    ("heldout8/perl-pod-simple-subclassing.docx", "tutorial"),
    ("heldout8/perl-version-internals.docx", "essay, reference"),
    ("heldout8/rustonomicon-ffi.docx", "tutorial"),
    ("heldout8/rust-book-errors.docx", "tutorial"),
    ("heldout8/nodejs-process.docx", "API reference"),
    ("heldout8/bsd.docx", "legal (licence)"),
    ("heldout8/git-2.25-release-notes.docx", "release notes"),
)
# Made (--set 9) on the same rules as heldout-8, judged blind (round "heldout-9"):
# 9 findings, keep 55.6 %, wrong 44.4 % ("??" in a JavaScript statement, command and
# option names counted as spellings). Then used to fix the rules (no longer blind).
HELDOUT_9 = (
    ("heldout9/rustonomicon-concurrency.docx", "essay"),
    ("heldout9/rust-book-guessing-game.docx", "tutorial"),
    ("heldout9/cargo-manifest.docx", "manual"),
    ("heldout9/rust-reference-patterns.docx", "specification"),
    ("heldout9/nodejs-worker-threads.docx", "API reference"),
    ("heldout9/nodejs-cluster.docx", "API reference"),
    ("heldout9/git-2.20-release-notes.docx", "release notes"),
)
# Made (tools/make_heldout_docs.py --set 11) after the rules were fixed for heldout-9,
# from texts of the same machine no earlier set used, chosen (with their genres)
# before the rules were run on them: GNU info pages (findutils' maintenance guide,
# the ed manual), Rust's target tier policy, exploit mitigations and process essays,
# Python's licence, the LGPL-2, Debian's users and groups, zlib's annotated example,
# libxslt's internals, three Perl PODs and GNU make's NEWS. Every finding judged
# blind (round "heldout-11") by an engineer who did not read the rules: 63 findings
# in 60,653 words, keep 25.4 %, wrong 31.7 % (names, constants and metavariables
# taken for acronyms, acronyms flagged at their own definition, list items in a
# layout table counted as one sentence, code). Then used to fix the rules (round
# "after-heldout-11"), so no longer blind: 28 findings, keep 57.1 %, wrong 0.
HELDOUT_11 = (
    ("heldout11/findutils-maintenance.docx", "governance (maintainers)"),
    ("heldout11/rustc-target-tier-policy.docx", "policy"),
    ("heldout11/python-licence-history.docx", "legal (licence), history"),
    ("heldout11/lgpl-2.0.docx", "legal (licence)"),
    ("heldout11/debian-users-and-groups.docx", "policy, reference"),
    ("heldout11/zlib-usage-example.docx", "tutorial (annotated code)"),
    ("heldout11/libxslt-internals.docx", "design document"),
    ("heldout11/rustc-exploit-mitigations.docx", "security report"),
    ("heldout11/rust-process-and-style.docx", "essay, style guide"),
    ("heldout11/perl-makemaker-faq.docx", "FAQ"),
    ("heldout11/perl-tap-harness-beyond.docx", "essay, tutorial"),
    ("heldout11/cpan-meta-spec-1.4.docx", "specification"),
    ("heldout11/gnu-make-news.docx", "release notes"),
    ("heldout11/ed-manual.docx", "manual (with tutorial)"),
)
# Made (tools/make_heldout_docs.py --set 12) after the rules were fixed for heldout-11,
# from texts of the same machine no earlier set used, chosen (with their genres and
# audiences) before the rules were run on them: Node.js's governance, security policy
# and collaborator guide and its glossary (Markdown, through a small converter to
# HTML), zstd's contributing guide, Valgrind's FAQ, Perl's Test::Tutorial, the .xz
# file format spec, libjpeg's architecture notes, grep's NEWS, bash's compatibility
# notes, the readline user manual (an info page), rustdoc's guide to writing
# documentation, Node.js's permissions and Intl manual, the Rust book on publishing
# with Cargo and the shared-mime-info spec. Every finding judged blind (round
# "heldout-12") by an engineer who did not read the rules: 75 findings in 71,894
# words, keep 13.3 %, wrong 46.7 % (names of signals, variables, types, instructions
# and metavariables taken for acronyms, 37 of 75; "???" and "TODO" in tool output,
# sample code and the tutorial on TODO tests taken for placeholders; glossary
# entries read as prose; a command's arguments and a lower-case command starting a
# sentence). The bash compat-level lists are dash items that the plain-text route
# runs into one paragraph (one overlong finding comes of it).
# Split at random by document (seed 20261206) once judged: the rules were then fixed
# on heldout-12a's findings only; heldout-12b's stayed unread by whoever changed
# the rules, so its figures still say how the rules do on texts they were not
# fixed for. After that fix (acronyms only where the document spells out its own,
# names, tool output, glossary lines): 12a 26 -> 7 findings, keep 11.5 -> 42.9 %,
# wrong 50.0 -> 28.6 %; 12b 49 -> 24 findings, keep 14.3 -> 25.0 %, wrong 44.9 ->
# 25.0 % (no new finding to judge). Once its findings are read to fix the rules, 12b
# is no longer blind either.
HELDOUT_12A = (
    ("heldout12/nodejs-glossary.docx", "glossary"),
    ("heldout12/perl-test-tutorial.docx", "tutorial"),
    ("heldout12/xz-file-format.docx", "specification (format)"),
    ("heldout12/bash-compat.docx", "compatibility notes, history"),
    ("heldout12/readline-user-manual.docx", "manual (end user)"),
    ("heldout12/rustdoc-writing-documentation.docx", "writing guide"),
    ("heldout12/shared-mime-info-spec.docx", "specification (standard)"),
)
HELDOUT_12B = (
    ("heldout12/nodejs-governance.docx", "governance, security policy"),
    ("heldout12/zstd-contributing.docx", "contributor guide"),
    ("heldout12/valgrind-faq.docx", "FAQ"),
    ("heldout12/libjpeg-structure.docx", "design document"),
    ("heldout12/grep-news.docx", "release notes"),
    ("heldout12/nodejs-permissions-intl.docx", "manual (security model)"),
    ("heldout12/rust-book-cargo-publishing.docx", "tutorial"),
)
# Made (tools/make_heldout_docs.py --set 13) after the rules were fixed for heldout-12a,
# from texts of the same machine no earlier set used, chosen (with their genres and
# audiences, written down first) before the rules were run on any of them: the sed FAQ
# (a Usenet FAQ for sed users, scripts kept as monospaced lines), the GFDL 1.2, Node.js's
# pull-request guide with its technical values and priorities (for new contributors)
# and its security release process with the diagnostic tooling tiers (for releasers;
# Markdown), Cargo's SemVer compatibility guide (for crate authors), Valgrind's
# Memcheck manual, the X transport layer's design notes (for X implementers), the gzip
# manual (info, for end users), the Rust book on async (for learners), the Rust
# reference on conditional compilation and linkage, and sed's NEWS. Every finding
# judged blind (round "heldout-13") by an engineer who did not read the rules: 30
# findings in 79,071 words, keep 26.7 %, wrong 46.7 % (sample input and output of
# sed scripts and Valgrind's quoted output taken for repeated words, number formats
# and placeholders; an ASCII diagram, a key press and a release template's slot taken
# for blanks; a quoted POSIX sentence's spelling; a legend's metavariable as an
# acronym). Four documents (xtrans, the Rust book and reference, sed's NEWS) got none.
HELDOUT_13 = (
    ("heldout13/sed-faq.docx", "FAQ"),
    ("heldout13/gfdl-1.2.docx", "legal (licence)"),
    ("heldout13/nodejs-pull-requests-values.docx", "contributor guide, values"),
    ("heldout13/nodejs-security-release-process.docx", "process, policy"),
    ("heldout13/cargo-semver-compatibility.docx", "policy (compatibility guidelines)"),
    ("heldout13/valgrind-memcheck-manual.docx", "manual"),
    ("heldout13/xtrans-design.docx", "design document"),
    ("heldout13/gzip-manual.docx", "manual (end user)"),
    ("heldout13/rust-book-async.docx", "tutorial"),
    ("heldout13/rust-reference-cfg-linkage.docx", "specification"),
    ("heldout13/sed-news.docx", "release notes"),
)
# Made (tools/make_heldout_docs.py --set 14) after the rules were changed for heldout-13
# (branch rules14h: acronyms, vague wording, passive voice and checkpoint coverage only
# in the kinds of document where editors keep them), from texts of the same machine no
# earlier set used, chosen for general and business readers where the machine has
# them, with their genres and audiences written down before the rules were run on any:
# Node.js's community programmes (code of conduct, recognising contributors, strategic
# initiatives, project news and social media, the ambassador programme: for community
# members), its onboarding, offboarding and issue-handling guides (for new
# collaborators), its maintenance policies (dependencies, components, backports,
# distribution, security model: for maintainers) and its release runbook (for
# releasers), all Markdown; GCC's guide to reporting bugs and GDB's README (for users
# building and reporting); OpenSSH's upgrade notices to Debian administrators (a Debian
# changelog: announcements); Perl's libnet FAQ (POD); the grep manual (info, for end
# users); IDLE's user guide (Sphinx HTML, for beginners) and IDLE's history (release
# messages from 1999-2001); the Rustonomicon's essays on unsafe code; the Rust book's
# web-server project (a long tutorial); systemd's coding style (a style guide, for
# contributors). Every finding judged blind (round "heldout-14") by an engineer who did
# not read the rules, on main after rules14h (RULES_VERSION 25): 15 findings in 68,651
# words (0.22 per 1,000), keep 60.0 %, wrong 20.0 % (a configure metavariable "HOST"
# taken for an acronym, "XXX" and "TBD" in a 2000 release note and a commit-message
# template taken for missing values). Four documents (the maintenance policy, OpenSSH's
# notices, the libnet FAQ, IDLE's guide) got none.
HELDOUT_14 = (
    ("heldout14/nodejs-community-programmes.docx", "policy, community programmes"),
    ("heldout14/nodejs-onboarding-issues.docx", "process guide (people)"),
    ("heldout14/nodejs-maintenance-policy.docx", "policy (maintenance)"),
    ("heldout14/nodejs-release-process.docx", "procedure (runbook)"),
    ("heldout14/gcc-bug-reporting.docx", "guidance (bug reporting)"),
    ("heldout14/gdb-readme.docx", "README (installation)"),
    ("heldout14/openssh-upgrade-notices.docx", "announcements (upgrade notices)"),
    ("heldout14/perl-libnet-faq.docx", "FAQ"),
    ("heldout14/grep-manual.docx", "manual (end user)"),
    ("heldout14/idle-user-guide.docx", "manual (beginners)"),
    ("heldout14/idle-history.docx", "history (release messages)"),
    ("heldout14/rustonomicon-unsafe-essays.docx", "essays"),
    ("heldout14/rust-book-web-server.docx", "tutorial (project)"),
    ("heldout14/systemd-coding-style.docx", "style guide"),
)
# Made (tools/make_heldout_docs.py --set 15) while the rules were being changed for
# heldout-14 (branch rules14i), from texts fetched from the package registries (the
# machine's own are used up): Debian bookworm packages (apt-get download, pinned) and
# Django 4.2.16's sdist (pip download), none used by an earlier set, 17 texts of 142,000
# words, chosen for genre and audience and written down before the rules were run on
# any: Debian's constitution (governance, legal), social contract with the DFSG (policy,
# for the public), bug-reporting guide (procedure, for users), history (with its dates
# and releases), three chapters of the Developer's Reference (duties and resources,
# managing packages, best practices: handbook and procedures for developers), the
# Policy Manual's first four chapters (specification) and its upgrading checklist (a
# change log by version), the New Maintainers' Guide (tutorial), the FAQ (for users)
# and the Securing Debian Manual (security handbook: chapters 1-3, 11-12); Django's
# organisation, security and release policies with its API stability promise and
# design philosophies, its FAQ, contributing guide, first-contribution tutorial and two
# release notes (1.0 and 4.2). Every finding judged blind (round "heldout-15") by an
# engineer who did not read the rules, on main after rules14i (RULES_VERSION 27): 84
# findings in 142,168 words (0.59 per 1,000), keep 58.3 %, wrong 15.5 % (FIXME and TODO
# mentioned in a manual's note on its own conventions, "#XXX" in a syntax, "man man" as
# a command, a make variable and "CFLAGS", "HOWTO" and a "[VAC]" tag taken for acronyms,
# an acronym defined in its own paragraph, a revision number given a thousands separator,
# "Coordinated" Universal Time and a cited title's "localisation" taken for spelling
# variants); noise mostly spelling variants in an archival change log, long sentences
# in the constitution and in a 1994 manifesto reproduced verbatim, acronyms every reader
# of a developers' handbook knows. Four documents (the social contract, the bug-reporting
# guide, Django's FAQ and first-contribution tutorial) got none.
HELDOUT_15 = (
    ("heldout15/debian-constitution.docx", "constitution (governance, legal)"),
    ("heldout15/debian-social-contract.docx", "policy (social contract, guidelines)"),
    ("heldout15/debian-bug-reporting.docx", "procedure (for users)"),
    ("heldout15/debian-history.docx", "history"),
    ("heldout15/developers-reference-duties-resources.docx", "handbook (duties, resources)"),
    ("heldout15/developers-reference-managing-packages.docx", "procedures (handbook)"),
    ("heldout15/developers-reference-best-practices.docx", "guidance (best practices)"),
    ("heldout15/debian-policy-chapters-1-4.docx", "specification (policy manual)"),
    ("heldout15/debian-policy-upgrading-checklist.docx", "change log (policy versions)"),
    ("heldout15/maint-guide.docx", "tutorial (new maintainers)"),
    ("heldout15/debian-faq.docx", "FAQ (users)"),
    ("heldout15/harden-doc.docx", "handbook (security)"),
    ("heldout15/django-governance-policies.docx", "governance, policies, design rationale"),
    ("heldout15/django-faq.docx", "FAQ"),
    ("heldout15/django-contributing-guide.docx", "process guide (contributors)"),
    ("heldout15/django-first-contribution.docx", "tutorial (first contribution)"),
    ("heldout15/django-release-notes.docx", "release notes (announcements)"),
)
# Made (tools/make_heldout_docs.py --set 16) while the rules were being changed for
# heldout-15 (branch rules14j), from packages no earlier set used, fetched pinned from the
# package registries: Debian bookworm (debian-handbook 11.20220922, python3.11-doc 3.11.2,
# postgresql-doc-15 15.20, gnu-standards 2022.03.23, fonts-sil-charis 6.101 for the OFL
# FAQ, docutils-doc 0.19, git-doc 2.39.5) and Twisted 24.3.0's sdist; 16 texts of 134,600
# words, chosen for genre and audience, and written down here, before the rules were run
# on any: the Debian Administrator's Handbook's chapter on the project (governance, its
# foundation documents, how it works, the life of a release: for general readers) and its
# foreword, preface, case study (a company's migration plan, business narrative) and
# conclusion; Python's general and design-and-history FAQs (users; design rationale), What's
# New in Python 3.11 (release announcement with figures) and the Unicode HOWTO (essay,
# software); PostgreSQL's preface (what it is, its history, bug-reporting guidelines) with
# the appendix's history of units and Julian dates, its tutorial (software) and the 15.0
# release notes; the GNU maintainers' information (policies, procedures, legal matters,
# ethics: chapters 1-11, 13-22, appendix A) and four chapters of the GNU coding standards
# (its purpose, keeping software free, documenting programs, references to non-free
# software); the SIL Open Font License FAQ (legal FAQ for font users and designers);
# Docutils' PEPs 256, 257, 258 and 287 (proposals with rationale, a design specification)
# and its project policies with the Enthought request for proposals and plan; git's
# hash-function transition plan (design proposal) and its contributor guides (submitting
# and reviewing patches, maintaining git, coordinating embargoed releases); Twisted's code
# of conduct, community, security, development, review, compatibility and release policies
# and its documentation writing standard. Every finding judged blind (round "heldout-16") by
# an engineer who did not read the rules, on main after rules14j (RULES_VERSION 28): 64
# findings in 134,816 words (0.47 per 1,000), keep 40.6 %, wrong 32.8 %. Wrong: words in
# code and command lines (a column "date date", "-o texinfo texinfo", "send-email", a test's
# "initialisation", "-- etc etc", a string's "flavours"), "ERROR" in program output and
# "GROUP BY" taken for acronyms, acronyms defined on the spot ("his initials, RMS", "POD
# ('Plain Old Documentation')") or matched to another term's definition (the ABC language
# as "Abstract Base Classes", "PEP 256 (PEP)"), "the TODO list" (a named page) and a
# standard's own bad example "{insert,jump-to}" taken for placeholders, prose numbers with
# separators held against "ISO-8859" and code, two sentences joined at an ellipsis counted
# as one. Noise: e-mail/email split 11 to 10 between two compiled guides, each consistent,
# verbatim legal text (the DCO), company and library names (ESL, GTK+), deliberate
# "really really". No findings on git's transition plan or PostgreSQL's release notes.
HELDOUT_16 = (
    ("heldout16/debian-handbook-project.docx", "governance, history (general readers)"),
    ("heldout16/debian-handbook-case-study.docx", "preface, case study (business narrative)"),
    ("heldout16/python-faq-general-design.docx", "FAQ (users, design rationale)"),
    ("heldout16/python-whatsnew-3.11.docx", "release announcement (figures)"),
    ("heldout16/python-unicode-howto.docx", "essay, tutorial (software)"),
    ("heldout16/postgresql-preface-history.docx", "history, guidelines (bug reporting)"),
    ("heldout16/postgresql-tutorial.docx", "tutorial (software)"),
    ("heldout16/postgresql-15-release-notes.docx", "release notes"),
    ("heldout16/gnu-maintainers-information.docx", "policies, procedures, legal"),
    ("heldout16/gnu-coding-standards-selected.docx", "standards (legal, documentation)"),
    ("heldout16/ofl-faq.docx", "FAQ (licence, legal)"),
    ("heldout16/docutils-peps.docx", "proposals (PEPs), design specification"),
    ("heldout16/docutils-policies-plans.docx", "policies, request for proposals, plan"),
    ("heldout16/git-hash-function-transition.docx", "design proposal (transition plan)"),
    ("heldout16/git-contributor-guides.docx", "process guides (contributors, security)"),
    ("heldout16/twisted-community-policies.docx", "code of conduct, policies, procedures"),
)
# heldout-17 (branch rules14l), the same way: Debian bookworm (linux-doc-6.1 6.1.192-3,
# sphinx-doc 5.3.0-4, emacs-common 28.2+1-15+deb12u4, debian-kernel-handbook 1.0.21) and
# NumPy 1.25.2's sdist; 16 texts of 103,100 words, chosen for genre and audience, and
# written down in tools/make_heldout_docs.py, before the rules were run on any: the Linux
# kernel's code of conduct and its interpretation, its guide to the development process
# (chapters 1-8), the essays on management style and on the unstable driver API, its
# security-bug, embargoed-hardware and researcher policies, its enforcement and driver
# statements with its licensing rules (legal), its regression-handling policy, its guide to
# reporting issues (users) and its newcomers' HOWTO; Sphinx's organisation, code of
# conduct, contributing guide and release process, and its FAQ; Emacs's tutorial and its
# TODO list (a roadmap); the Debian Linux Kernel Handbook; NumPy's governance (with NEP 0,
# its scope and roadmap), five policy NEPs (23, 29, 36, 46, 48) and four proposals (NEPs
# 14, 28, 32, 44). Every finding judged blind (round "heldout-17") by an engineer who did
# not read the rules, on main after rules14l (RULES_VERSION 30): 21 findings in 103,135
# words (0.20 per 1,000), keep 57.1 %, wrong 33.3 %. Wrong: a package name
# ("numpy-datasets") held against "data sets", a MAINTAINERS sample line ("SCM: git
# git://…") as a repeated word, a key's link label ("PGP: https://…") taken for a
# definition, a key's label ("usually labeled ALT") as an acronym, "these TODO items" and a
# documented tag format ("Full Name <email address>") as placeholders, an acronym list
# padded with "TL;DR" split in two, a product name's "XT"/"OC" and a log line's "SMP".
# Noise: "e-mail" in the adopted Contributor Covenant, a comic run-on in an essay. No
# findings on the legal statements, regression policy, HOWTO or Sphinx FAQ.
HELDOUT_17 = (
    ("heldout17/linux-code-of-conduct.docx", "code of conduct, interpretation"),
    ("heldout17/linux-development-process.docx", "process guide (developers, managers)"),
    ("heldout17/linux-essays.docx", "essays (management, API policy)"),
    ("heldout17/linux-security-policies.docx", "policies, procedures (security)"),
    ("heldout17/linux-legal-statements.docx", "legal statements, licensing rules"),
    ("heldout17/linux-handling-regressions.docx", "policy (regressions)"),
    ("heldout17/linux-reporting-issues.docx", "step-by-step guide (users)"),
    ("heldout17/linux-howto.docx", "guide (newcomers)"),
    ("heldout17/sphinx-project-policies.docx", "governance, code of conduct, procedures"),
    ("heldout17/sphinx-faq.docx", "FAQ (software)"),
    ("heldout17/emacs-tutorial.docx", "tutorial (software)"),
    ("heldout17/emacs-todo.docx", "roadmap (TODO list)"),
    ("heldout17/debian-kernel-handbook.docx", "handbook (software, maintainers)"),
    ("heldout17/numpy-governance.docx", "governance, process, roadmap"),
    ("heldout17/numpy-policy-neps.docx", "policy proposals (NEPs, funding, dates)"),
    ("heldout17/numpy-proposal-neps.docx", "proposals with rationale (NEPs)"),
)
# heldout-18 (made while branches codepara and rules14m changed the rules for heldout-17),
# the same way, from Debian bookworm packages only, none used before (installation-guide-amd64
# 20230508+deb12u1, debian-edu-doc-en 2.12.23~deb12u1, r-doc-html 4.2.2.20221110-2, perl-doc
# 5.36.0-7+deb12u4, xorg-docs 1:1.7.1-1.2, freedombox-doc-en 23.6.2+deb12u2); 11 texts of
# 93,100 words, chosen for genre and audience, and written down in tools/make_heldout_docs.py,
# before the rules were run on any: the Debian installation guide (chapters 1-3, 7-8 and
# appendix E: a user guide for general readers), the Debian Edu / Skolelinux 12 manual (a
# handbook for schools, all but the GPL), the R FAQ (chapters 1-3, 9-10: what R is, its
# history with S, reporting bugs), Perl's rules of governance (perlgov) and its policies
# (perlpolicy: support, deprecation, standards of conduct; perlcommunity), X.Org's X11R7.7
# release notes, its licences, the analysis of the X protocol for security concerns (a
# report) and the ICCCM's chapters 1-2 (specification prose), the FreedomBox manual's
# introduction, quick start, hardware and contributing pages and its release notes (every
# release, 0.1 in 2013 to 23.8 in 2023). Every finding judged blind (round "heldout-18") by an
# engineer who did not read the rules, on main after codepara, rules14m and judge19
# (RULES_VERSION 33): 37 findings in 93,143 words (0.40 per 1,000), keep 48.6 %, wrong
# 18.9 %. Wrong: "XXX.bin" (whichever firmware file the installer names, twice) and
# "XXX.XXX.XXX.0/24" (the reader's own address) taken for placeholders, a link named "TODO
# page" for deferred content, "SMP" called undefined in the sentence that defines it ("also
# called 'symmetric multiprocessing' or SMP"), a client's description ("RDP: the easiest way
# to access …") taken for the acronym's definition, two sentences counted as one after the
# language's one-letter name ("…, and R. Given this …"). Noise: acronyms every reader of
# the text knows (XCB and GLX in X's release notes, CRAN in the R FAQ, LVM for school
# administrators, PXE glossed as "netbooting"), a changelog's ECC, the same 3-to-3
# online/on-line split raised twice more, "co-ordinated" and "coordinated" in two separate
# Perl pages, "many many thanks". Kept: 10 of 15 spelling variants (one word spelled two
# ways in one document), two doubled words, a FIXME left in the Edu manual, "59,000" beside
# "59000", four of six long sentences. No findings on Perl's governance, X.Org's licences,
# the X protocol security analysis or the ICCCM.
HELDOUT_18 = (
    ("heldout18/debian-installation-guide.docx", "user guide (general readers)"),
    ("heldout18/debian-edu-manual.docx", "handbook (schools, admins, teachers)"),
    ("heldout18/r-faq.docx", "FAQ (users, history)"),
    ("heldout18/perl-governance.docx", "governance (rules, elections)"),
    ("heldout18/perl-policy-community.docx", "policy, standards of conduct"),
    ("heldout18/xorg-release-notes.docx", "release announcement (history, credits)"),
    ("heldout18/xorg-licenses.docx", "legal (licences)"),
    ("heldout18/x-protocol-security-analysis.docx", "report (security analysis)"),
    ("heldout18/icccm-chapters-1-2.docx", "specification prose (conventions)"),
    ("heldout18/freedombox-guide.docx", "guide (general users, contributors)"),
    ("heldout18/freedombox-release-notes.docx", "release notes (dated)"),
)
# Set 19: made (tools/make_heldout_docs.py --set 19) while the rules were being changed for
# heldout-17 (branches codepara, rules14m), from PyPI sdists only, pinned (Pyramid 2.0.2,
# pytest 8.1.1, Trio 0.25.0, Flask 3.0.2, pip 24.0, setuptools 69.2.0, attrs 23.2.0, mypy
# 1.9.0, IPython 8.22.2, matplotlib 3.8.4), none used by an earlier set; 16 texts of 103,600
# words, chosen for genre and audience and written down in tools/make_heldout_docs.py
# before the rules were run on any (at most four software references: pytest's
# explanations, Trio's tutorial, pip's installing topics, mypy's guide). Every finding judged
# blind (round "heldout-19") by an engineer who did not read the rules, on main after
# codepara and rules14m (RULES_VERSION 32): 31 findings in 103,739 words (0.30 per 1,000),
# keep 67.7 %, wrong 12.9 %. Wrong: "our decorator decorator" twice (the first a function's
# name, in the Teletype character style LibreOffice gives HTML code), "h e l l o" spelled
# out byte by byte, two sentences counted as one after a one-letter name ("package B. But
# if…"). Noise: e-mail/email inside the adopted Contributor Covenant (twice), CC0 legal code
# quoted verbatim, an essay's 61-word sentence, MATLAB leading a list of names in quoted
# licences, a heading left empty by this set's cut (setuptools' changelog). Kept: four
# doubled words, seven spelling variants mixed within a page, seven TODO/TBD left in a
# published tutorial and a proposal, three long sentences. No findings on pytest's project
# pages or IPython's overview and licences.
HELDOUT_19 = (
    ("heldout19/pyramid-design-defense.docx", "preface, essay (design rationale)"),
    ("heldout19/pytest-project-policies.docx", "history, policies, procedures"),
    ("heldout19/pytest-explanations.docx", "guide (software, explanations)"),
    ("heldout19/trio-design.docx", "design principles (rationale)"),
    ("heldout19/trio-community.docx", "code of conduct, process guide"),
    ("heldout19/trio-tutorial.docx", "tutorial (software)"),
    ("heldout19/flask-design-security.docx", "design rationale, security guidance"),
    ("heldout19/pip-development-process.docx", "procedures (contributors, releases)"),
    ("heldout19/pip-installing-topics.docx", "guide (users, dependency resolution)"),
    ("heldout19/setuptools-history-eggs.docx", "history, announcement, format specification"),
    ("heldout19/attrs-essays-policies.docx", "essays, history, code of conduct, policies"),
    ("heldout19/mypy-guide.docx", "guide (software, common issues, FAQ)"),
    ("heldout19/ipython-about-licence.docx", "overview, history, licences (legal), procedure"),
    ("heldout19/matplotlib-project.docx", "mission, history, code of conduct, licences"),
    ("heldout19/matplotlib-contributor-guides.docx", "process guides (contributors, triage)"),
    ("heldout19/matplotlib-meps.docx", "proposals with rationale (MEPs)"),
)
# Set 20: made (tools/make_heldout_docs.py --set 20) while the rules were being changed for
# heldout-18 and heldout-19 (branch rules14o), from Debian bookworm packages (lilypond-doc-html
# 2.24.1-2, vim-runtime 2:9.0.1378-2+deb12u2, lintian 2.116.3+deb12u1, apache2-doc
# 2.4.71-1~deb12u1) and PyPI sdists (NetworkX 3.3, Celery 5.4.0, SQLAlchemy 2.0.30, Pillow
# 10.3.0), none used by an earlier set, pinned; 13 texts of 100,100 words, about half from
# each registry, chosen for genre and audience and written down in tools/make_heldout_docs.py
# before the rules were run on any (at most four software references: Vim's user manual,
# Lintian's, Celery's FAQ, SQLAlchemy's FAQ). Every finding judged blind (round "heldout-20")
# by an engineer who did not read the rules, on main after rules14o (RULES_VERSION 35): 40
# findings in 100,529 words (0.40 per 1,000), keep 37.5 %, wrong 20.0 %. Wrong: six on Vim
# user-manual illustrations whose lines this set's converter ran together into one paragraph
# (search matches marked "xxx xxx xxx", before/after screens "line line" of yy/dd and p, a
# table of delete commands counted as an 81-word sentence: the set's artefact as much as the
# rules'), "more commands and options will be added later" (a design principle) taken for a
# promise of missing content, AMQP said to be spelled out by "RabbitMQ (AMQP)". Noise: six
# "color" in Pillow's notes against its British "behaviour" (its API says color), spelling
# variants across release notes or pages written years apart, acronyms every reader knows or
# that a heading right above spells out (LSR, NXEP, APNG), a figure echoing command output,
# licence wording. Kept: nine spelling variants mixed within a page, "a a", two advisories
# still reading "CVE id: TBA", APR and PIL never expanded where readers meet them, an
# 89-word FAQ sentence. No findings on LilyPond's essay.
HELDOUT_20 = (
    ("heldout20/lilypond-engraving-essay.docx", "essay, history (musicians)"),
    ("heldout20/lilypond-website-introduction-community.docx",
     "project pitch, story, community pages (general readers)"),
    ("heldout20/lilypond-contributor-policies.docx", "procedures, policies (volunteers)"),
    ("heldout20/vim-user-manual.docx", "tutorial (software)"),
    ("heldout20/vim-licence-sponsoring-development.docx",
     "licence (legal), charity appeal, design rationale"),
    ("heldout20/lintian-user-manual.docx", "software manual (maintainers)"),
    ("heldout20/apache-admin-guides.docx", "guidance, release overviews (administrators)"),
    ("heldout20/networkx-project-guides.docx", "mission, values, policies, procedures"),
    ("heldout20/networkx-nxeps.docx", "proposals with rationale (NXEPs, governance)"),
    ("heldout20/celery-faq.docx", "FAQ (software users)"),
    ("heldout20/celery-announcements.docx", "release announcements, security advisories (dated)"),
    ("heldout20/sqlalchemy-faq.docx", "FAQ (software users)"),
    ("heldout20/pillow-release-notes.docx", "history, deprecation policy, release notes"),
)
# Round 21, made after the rules' fixes from rounds 18, 19 and 20 (RULES_VERSION 36) by
# tools/make_heldout_docs.py --set 21 from Debian bookworm packages (mutt 2.2.12-0.1~deb12u2,
# postfix-doc 3.7.11-0+deb12u1, debian-reference-en 2.100) and PyPI sdists (SymPy 1.13.1,
# Click 8.1.7, Jinja2 3.1.4, Babel 2.15.0), none used by an earlier set, pinned; 10 texts of
# about 61,400 words, chosen for genre and audience and written down in the tool before the
# rules were run on any (at most four software references: Mutt's manual, Postfix's guides,
# the Debian Reference, SymPy's best practices). Every finding judged blind (round
# "heldout-21") by an engineer who did not read the rules, on main at RULES_VERSION 36: 17
# findings in 60,856 words (0.28 per 1,000), keep 29.4 %, wrong 47.1 %. Wrong: five Click
# release codenames ("tok tok", "zoom zoom", "pow pow", "tap tap tap", "clonk clonk") taken
# for repeated words, "the boolean and and or operations" (an operator's name), "colour" in
# the style guide's own example of what not to write, GMP said to be spelled out by "a
# non-Python library (GMP)". Noise: acronyms spelled out a few lines on (UEFI, PAM), a 1-to-1
# analyser/analyzer split between a cross-referenced title and a package description, an
# empty "API" heading left by this set's build (autodoc not rendered). Kept: "to to" and
# "as as" typos, "e-mail" once against "email" 23 times, "behaviour" once in an essay that
# writes "behavior", NSS used three sections before it is spelled out. No findings on
# Postfix's guides, SymPy's best practices, README or new contributors' guide, Babel's pages.
HELDOUT_21 = (
    ("heldout21/mutt-manual-introduction-getting-started.docx", "software manual (users)"),
    ("heldout21/postfix-overview-guides.docx", "architecture overview, guides (administrators)"),
    ("heldout21/debian-reference-preface-init-auth.docx", "guide (users, administrators)"),
    ("heldout21/sympy-best-practices.docx", "advice with reasons (software users)"),
    ("heldout21/sympy-contributor-policies.docx",
     "policies, procedures, style guide (contributors)"),
    ("heldout21/sympy-readme-citing.docx", "project front page, history, citation"),
    ("heldout21/sympy-new-contributors-guide.docx", "procedures (newcomers)"),
    ("heldout21/click-rationale-changelog.docx", "design rationale, release notes (dated)"),
    ("heldout21/jinja-introduction-faq.docx", "FAQ with the project's reasons (users)"),
    ("heldout21/babel-about-policies.docx", "history, development policy, licence (legal)"),
)
# Round 22, made after the rules' fixes from round 21 (RULES_VERSION 37) by
# tools/make_heldout_docs.py --set 22 from Debian bookworm packages (gnucash-docs 4.13-1,
# gimp-help-en 2.10.34-2, crawl-common 2:0.28.0-1.1, tuxpaint-data 1:0.9.28-sdl2-1, libogg-dev
# 1.3.5-3, libvorbis-dev 1.3.7-1) and PyPI sdists (scikit-image 0.24.0; schwimmbad 0.4.2, emcee
# 3.1.6, gala 1.8.1 and exoplanet 0.5.3 for their JOSS papers), none used by an earlier set,
# pinned; 8 texts of about 79,500 words, chosen for the genres past rounds lacked (manuals for
# non-programmers, a game's manual, specifications in prose, essays, academic papers, a
# charter) and written down in the tool before the rules were run on any; no developer
# reference. Every finding judged blind (round "heldout-22") by an engineer who did not read
# the rules, on main at RULES_VERSION 37: 41 findings in 79,465 words (0.52 per 1,000), keep
# 58.5 %, wrong 9.8 %. Wrong: "modelling" in a cited paper's title in a reference list, AC
# said to be used before its definition in the very sentence that defines it ("Armour Class:
# Abbreviated to "AC""), "ABC Hardware" (an example shop's name) taken for an acronym, "Present
# Value to 20000" (a value typed into GnuCash's loan calculator) against "$20,000" in prose.
# Noise: second and third comments on a spelling pair already raised (on-line, behaviour),
# names every reader knows (GNOME, USENET, RPG, IRC), "data set"/"dataset" across two JOSS
# papers by different authors, a 61-word sentence or two that read easily, "a lot of work"
# in a tutorial's aside, a twelve-digit "100,000,000,000" among unseparated byte counts, the
# empty "Resolution" of a SKIP still in Draft. Kept: five doubled words ("a a" twice, "are
# are", "is is", "clicking clicking"), -ise/-our mixed with -ize/-or within the scikit-image
# code of conduct and SKIP 4, online/on-line and website/web site in GnuCash's and GIMP's
# manuals, "Email" once against "e-mail", dollar amounts without separators ("$6667",
# "$1500", "$1451.79") in a finance guide that writes "$20,000", MP never introduced where
# the Crawl manual introduces HP, XP and AC, "(IE: fiscal year)" for "i.e.", an empty Ogg
# appendix heading, five long sentences carrying long parentheses.
HELDOUT_22 = (
    ("heldout22/gnucash-tutorial-personal-finance.docx",
     "software manual with accounting concepts (non-programmers)"),
    ("heldout22/gimp-manual-getting-started.docx", "software manual (general users, graphics)"),
    ("heldout22/crawl-manual.docx", "game manual, design philosophy essay (players)"),
    ("heldout22/tuxpaint-readme-faq.docx", "software manual, FAQ (children, parents, teachers)"),
    ("heldout22/ogg-bitstream-specifications.docx", "format specifications (prose)"),
    ("heldout22/vorbis-stereo-fidelity-comments.docx", "technical essays, format specification"),
    ("heldout22/joss-papers-astronomy.docx", "academic papers with references (JOSS)"),
    ("heldout22/skimage-skips-code-of-conduct.docx",
     "proposals, governance charter, code of conduct, procedures"),
)
# Round 23, made after the rules' fixes from round 22 (RULES_VERSION 39) by
# tools/make_heldout_docs.py --set 23 from Debian bookworm packages only (nethack-common
# 3.6.6-3+b2, freeciv-data 3.0.6-1+deb12u1, gnumeric-doc 1.12.55-1, kstars-data 5:3.6.2-2,
# lyx-common 2.3.7-1, kicad-doc-en 6.0.11+dfsg-1, sqlite3-doc 3.40.1-2+deb12u2), none used by an
# earlier set, pinned; 8 texts of about 90,500 words, chosen for the genres past rounds lacked
# (a game's guidebook, a game's help, office and hobby software manuals and tutorials, a science
# primer, essays, a quality plan and a code of ethics) and written down in the tool before the
# rules were run on any; developer documentation (SQLite's) about a seventh. Every finding judged
# blind (round "heldout-23") by an engineer who did not read the rules, on main at RULES_VERSION
# 39: 32 findings in 90,540 words (0.35 per 1,000), keep 34.4 %, wrong 34.4 %. Wrong: four
# five-digit numbers with a comma (26,000, 10,000, 50,000 twice) in a primer that writes every
# five-digit number so, the "14 uses" against them being four-digit numbers, years and Julian day
# numbers; "thousand separators (12,342)", the manual's own example of the format; acronyms
# explained beside them ("a true field of view called the FOV Indicator", "the Johnson UBV
# system. It employs three bandpass filters: U ..., B ..., and V ...", "HAobj = LST - RAobj"
# after "the current Local Sidereal Time and the Right Ascension"); GTK said to be "spelled out
# later" by a section label "Featured text (GTK)"; "Fear the Day of Judgment" (a line of the
# Rule of St. Benedict) against "a judgement call" on another page; "can request that their
# configuration be tested" right after "The SQLite developers will set up customized regression
# tests". Noise: second and third comments on color/colour and -l-/-ll- (color, colored,
# modeling), acronyms this audience knows (MPEG, CCD), four open or informal phrases in SQLite's
# essays ("and so forth" after three examples, "and the like", "a lot of interest", "a lot of
# data"), a 61-word sentence that reads easily. Kept: "the the" twice (Gnumeric, KiCad), "(coming
# soon)" for an article never written, colors/colour and labeled/labelled mixed in the Gnumeric
# manual, "ten percent" where the rest writes "10%" or "50%" (Freeciv, KStars), AU used in "Flux"
# before "Parallax" spells it out (the finding's "never defined" misses "(abbreviated AU; ...)"),
# three long sentences (70, 68, 64 words). No findings on the NetHack Guidebook or the LyX Tutorial.
HELDOUT_23 = (
    ("heldout23/nethack-guidebook.docx", "game guidebook, story and commands (players)"),
    ("heldout23/freeciv-help.docx", "strategy game's help, rules and strategy (players)"),
    ("heldout23/gnumeric-manual-basics.docx", "software manual (office users, spreadsheets)"),
    ("heldout23/kstars-astroinfo.docx", "science primer articles (amateur astronomers)"),
    ("heldout23/lyx-tutorial.docx", "software tutorial (authors, document preparation)"),
    ("heldout23/kicad-getting-started.docx", "software tutorial (hobbyists, electronics)"),
    ("heldout23/sqlite-essays.docx", "technical essays (developers, decision makers)"),
    ("heldout23/sqlite-quality-ethics-support.docx",
     "quality management plan, code of ethics, membership and support terms"),
)
# Round 24, made after the rules' fixes from round 22 (RULES_VERSION 39) by
# tools/make_heldout_docs.py --set 24 from PyPI sdists only (pyspread 2.3.1, beets 1.6.0, gramps
# 5.2.3, certbot 2.11.0, spopt 0.6.1, momepy 0.8.1 and spaghetti 1.7.6 for their JOSS papers,
# asdf_standard 1.1.1, xarray 2024.6.0, scikit-learn 1.3.2), none used by an earlier set,
# pinned; 9 texts of about 62,000 words, chosen for the genres past rounds lacked (manuals and
# FAQs for non-programmers, academic papers, a format specification in prose, governance texts)
# and written down in the tool before the rules were run on any; developer documentation under
# a third. Every finding judged blind (round "heldout-24") by an engineer who did not read the
# rules, on main at RULES_VERSION 39: 21 findings in 62,009 words (0.34 per 1,000), keep
# 81.0 %, wrong 0.0 %. Wrong: none. Noise: second and third comments on a spelling pair already
# raised in the same document (labelled after "labelling", behaviour in the Format menu after
# "Variable assignment", web site twice after the challenges page). Kept: six doubled words
# ("the the" four times, "are are", "always always"), -ise, -our, -ll- and "web site" mixed
# into documents written -ize, -or, -l- and "website" ("visualisations", "behaviour",
# "labelling", "analysed" within one JOSS paper), four sentences of 63-82 words (xarray's
# "Why xarray?" and core team guide, the ASDF Standard on references, the momepy paper), an
# empty "Grid" heading in pyspread's manual, SLEP used in scikit-learn's governance before
# "Scikit-Learn Enhancement Proposal" is spelled out. Beets' guides and Gramps' FAQ drew no
# finding.
HELDOUT_24 = (
    ("heldout24/pyspread-tutorial-manual.docx", "software manual, tutorial (spreadsheet users)"),
    ("heldout24/beets-guides-faq.docx", "software guide, FAQ (music collectors)"),
    ("heldout24/gramps-faq.docx", "FAQ (family historians, genealogy program)"),
    ("heldout24/certbot-user-guide-ciphers.docx",
     "user guide (website owners), design rationale essay"),
    ("heldout24/joss-papers-spatial-analysis.docx", "academic papers with references (JOSS)"),
    ("heldout24/asdf-standard-prose.docx", "file format specification (prose)"),
    ("heldout24/xarray-team-guide-roadmap-faq.docx",
     "team guide, code of conduct, roadmap, users' FAQ"),
    ("heldout24/xarray-design-notes.docx", "design documents (developers)"),
    ("heldout24/sklearn-governance-roadmap-faq.docx", "governance, roadmap, FAQ"),
)
# Round 25, made after the rules' fixes from round 23 (RULES_VERSION 41) by
# tools/make_heldout_docs.py --set 25 from Debian bookworm packages only (gnubg-data 1.07.001-1,
# kmymoney-common 5.1.3-1, aisleriot 1:3.22.23-1, pioneers-data 15.6-1, sgt-puzzles
# 20230122.806ae71-2, gnome-user-docs 43.0-2, gnome-devel-docs 40.3-1, haskell98-report
# 20080907-10), none used by an earlier set, pinned; 9 texts of about 77,000 words, chosen for
# the genres past rounds lacked (a player's guide, a personal-finance handbook, card games' and
# a board game's rules, a puzzle manual, desktop task help, design guidelines, a language
# report) and written down in the tool before the rules were run on any; developer-facing texts
# (the HIG, the Haskell report) under a third. GNU Backgammon's GFDL appendix was cut after the
# first findings list showed it, before any judging (licences are a used-up genre). Every
# finding judged blind (round "heldout-25") by an engineer who did not read the rules, on main
# at RULES_VERSION 41: 27 findings in 76,930 words (0.35 per 1,000), keep 55.6 %, wrong 3.7 %.
# Wrong: "Click To to choose a contact" (GNOME's help: the To button's label, then the
# infinitive). Noise: six "vague" phrases in GNU Backgammon's informal guide ("etc." closing
# three lists meant open, "Numerous ready-made board designs" in a feature list, "a great deal
# of creative possibilities", "A lot of testing has been done by a number of people" before the
# people are named, "a window with a lot of code"); a second behaviour/behavior comment in the
# HIG; "5,000 games" two sentences after "10,000 games"; "a cube decision blunder was also made"
# (the player, obviously); a 62-word sentence that is a colon and three "or" alternatives.
# Kept: four doubled words ("and and", "of of", "more more" for "or more", "the the" in a quoted
# passage), spelling mixed within a document (web site/website, on-line/online, unlabelled/
# labeled in KMyMoney's handbook, e-mails/email in GNOME's help, recognise and behaviour in the
# American HIG, "organization" against the Haskell report preface's -ise), "etc." after "such
# as" or "including" (redundant, three times), a 61-word KMyMoney sentence with two subordinate
# openings. AisleRiot's rules drew no finding.
HELDOUT_25 = (
    ("heldout25/gnubg-all-about.docx", "player's guide to a backgammon program (players)"),
    ("heldout25/kmymoney-handbook-first-steps.docx",
     "software handbook, first steps and accounts (households, personal finance)"),
    ("heldout25/kmymoney-handbook-ledgers-budgets-faq.docx",
     "software handbook, ledgers, budgets, FAQ (households, personal finance)"),
    ("heldout25/aisleriot-game-rules.docx", "card games' rules, glossary (players)"),
    ("heldout25/pioneers-guide.docx", "board game's guide (players, server hosts)"),
    ("heldout25/puzzles-manual.docx", "puzzle collection's manual (players)"),
    ("heldout25/gnome-help-files-backup-printing.docx", "desktop task help (everyday users)"),
    ("heldout25/gnome-hig-guidelines.docx", "design guidelines (application designers)"),
    ("heldout25/haskell98-report-chapters.docx",
     "language report, specification in prose (programmers, implementers)"),
)
# Round 26, made after the rules' fixes up to RULES_VERSION 41 by tools/make_heldout_docs.py
# --set 26 from PyPI sdists only (borgbackup 1.2.8, pymc 5.16.2, Nikola 8.3.1, Mopidy 3.4.2,
# jupyter_client 8.6.2, climpred 2.5.0 and sbpy 0.5.0 with their JOSS papers, pvlib 0.11.1, zarr
# 2.18.2), none used by an earlier set, pinned; 11 texts of about 74,600 words, chosen for the
# genres past rounds lacked (academic papers, a governance charter, users' manuals and FAQs, a
# protocol specification in prose, a project's status report, design rationales) and written
# down in the tool before the rules were run on any; developer documentation about a fifth.
# Every finding judged blind (round "heldout-26") by an engineer who did not read the rules, on
# main at RULES_VERSION 41: 28 findings in 74,595 words (0.38 per 1,000), keep 60.7 %, wrong
# 32.1 %. Wrong: seven "TBD" in the Comments column of sbpy's development-status table
# ("Lowell ASTORB functionality TBD", "Hapke photometric model TBD", "sbpy.activity.sublimation
# | JYL | TBD"), where TBD is the status the table reports (planned, not done), not a value left
# out; "if you deploy it it will be made available" twice in Nikola's manual, object then
# subject (a comma missing, no word to delete). Noise: "organisation" in zarr's SciPy abstract,
# a separate text by another author whose only such word it is, counted against the roadmap's
# -ize; a second comment on behaviour/behavior in Nikola's manual. Kept: four doubled words
# ("be be", "new new", "the the" twice), -ise, -our and variant forms in documents written
# otherwise ("optimised" beside "standardized", "serialised", "behaviour" twice, "timezone"
# against "time zone" 27 times, "data set" against "dataset" 16 times, "email" against
# "e-mail" in one code of conduct), five sentences of 61-67 words (Nikola's LESS/Sass steps
# with a word missing, Jupyter's cursor_pos offsets, borg's hash-collision arithmetic), BDFL
# used in PyMC's charter before "Benevolent Dictator for Life (BDFL)". No findings on borg's
# security notes, the JOSS papers or climpred's methods.
HELDOUT_26 = (
    ("heldout26/borg-quickstart-faq.docx", "quick start, FAQ (people backing up machines)"),
    ("heldout26/borg-security-design.docx", "security design rationale (technical readers)"),
    ("heldout26/pymc-governance-conduct.docx", "governance charter, code of conduct"),
    ("heldout26/nikola-manual.docx", "software manual (website and blog authors)"),
    ("heldout26/mopidy-users-guide.docx", "software manual, troubleshooting (music listeners)"),
    ("heldout26/jupyter-messaging-kernels.docx", "protocol specification (prose, developers)"),
    ("heldout26/joss-papers-climpred-sbpy.docx", "academic papers with references (JOSS)"),
    ("heldout26/sbpy-about-status-design.docx", "project report, status, design principles"),
    ("heldout26/pvlib-user-guide.docx", "modelling guide, FAQ (solar engineers, scientists)"),
    ("heldout26/climpred-terminology-methods.docx",
     "scientific methods explained (climate scientists)"),
    ("heldout26/zarr-v3-design-scipy-talk.docx", "design roadmap, conference abstract"),
)
# Round 27, made after the rules' fixes from rounds 25 and 26 (RULES_VERSION 44) by
# tools/make_heldout_docs.py --set 27 from Debian bookworm packages only (kolourpaint, marble-data,
# okular, kig and kturtle 4:22.12.3-1, r-doc-html 4.2.2.20221110-2 for its introduction and data
# import/export manuals, octave-doc 7.3.0-2, dbus-1-doc 1.14.10-1~deb12u1), pinned; 10 texts of
# about 91,000 words, chosen for the genres past rounds lacked (desktop programs' handbooks for
# people who do not program, a statistics language's and a numerical program's prose manuals, a
# protocol specification with its FAQ) and written down in the tool before the rules were run on
# any; developer-facing texts (D-Bus) under a quarter. Every finding judged blind (round
# "heldout-27") by an engineer who did not read the rules, on main at RULES_VERSION 44: 37
# findings in 91,013 words (0.41 per 1,000), keep 59.5 %, wrong 8.1 %. Wrong: three product
# names taken for undefined acronyms, each in a list of names ("Potlatch ..., Merkaartor and
# JOSM map editors", "ORBit, MICO, and The ACE Orb (TAO)" twice: MICO and ACE). Noise: six
# more undefined acronyms that are names or known terms (USGS, UVVIS and GMS in Marble's data
# credits, MBUS in a quick list of protocols, CORBA as the subject of the D-Bus FAQ's question,
# CLR beside "the C# language"); six spelling-variant findings repeating a comment already made
# in the same document (data set/dataset three more times in R's two manuals, modeling/modelling
# three more in R-intro). Kept: six doubled "the" (four in the D-Bus specification, one of them
# a cross-reference rendered "the the section called ...", two in KTurtle's handbook), two FIXME
# notes left in the D-Bus specification, -ise/-our in American texts ("neighbouring colors",
# "specialised", "recognise", "behaviour" against "behavior"), data set/dataset and
# modelling/modeling in R's manuals, marshalling/marshaling in the D-Bus FAQ, SASL and DBMS used
# before their definitions, AFL never named in the FAQ's licence answer, three sentences of
# 62-71 words (Kig, D-Bus). No findings on the Okular handbook or Octave's chapters.
HELDOUT_27 = (
    ("heldout27/kolourpaint-handbook.docx", "paint program's handbook (everyday users)"),
    ("heldout27/marble-handbook.docx", "virtual globe's handbook (users, students, teachers)"),
    ("heldout27/okular-handbook.docx", "document viewer's handbook (office users)"),
    ("heldout27/kig-handbook.docx", "interactive geometry handbook (pupils, teachers)"),
    ("heldout27/kturtle-handbook.docx",
     "educational programming environment's handbook (children, teachers)"),
    ("heldout27/r-introduction.docx", "statistics language's manual (statisticians)"),
    ("heldout27/r-data-import-export.docx", "data import/export manual (analysts)"),
    ("heldout27/octave-manual-getting-started.docx",
     "numerical computing manual, first chapters (scientists, engineers)"),
    ("heldout27/dbus-specification.docx", "protocol specification (prose, developers)"),
    ("heldout27/dbus-faq.docx", "protocol FAQ (developers)"),
)
# Round 28, made after the rules' fixes up to RULES_VERSION 44 by tools/make_heldout_docs.py
# --set 28 from PyPI sdists only (corner 2.3.0, pyuvdata 3.2.8, pysindy 2.1.0 and tespy 0.11.3
# with their JOSS papers, youtube_dl 2021.12.17, ocrmypdf 17.13.0, khal 0.14.1, papis 0.16.1,
# plasmapy 2025.8.0, mailman 3.3.10), none used by an earlier set, pinned; 10 texts of about
# 66,600 words, chosen for the genres past rounds lacked (academic papers, users' manuals for
# people who scan documents, download videos or keep a calendar or a bibliography, a code of
# conduct, an engineering modelling guide, design essays) and written down in the tool before
# the rules were run on any; developer documentation (PlasmaPy's coding guide, Mailman's design
# pages) under a fifth. Every finding judged blind (round "heldout-28") by an engineer who did
# not read the rules, on main at RULES_VERSION 44: 13 findings in 66,563 words (0.20 per
# 1,000), keep 69.2 %, wrong 0.0 %. Wrong: none. Noise: three spelling comments in the JOSS
# file that weigh one paper against another by other authors (PySINDy's "datasets" twice
# against pyuvdata's "data sets", TESPy's "Initialisation" against corner's and PySINDy's -ize
# while TESPy's paper is -ise throughout, "parametrisation" twice); "colour conversion" one
# paragraph after "converts colours" in OCRmyPDF's reference, already raised. Kept: "all all"
# in khal's manual; British forms slipped into American guides ("colour space" and "converts
# colours" in OCRmyPDF's, "modelling" under the FAQ heading "Modeling best practices" and
# "labelled" in TESPy's); "time zone" once in khal's essay that writes "timezone" a dozen
# times; CJK and LMTP used before the expansions that come later ("Chinese-Japanese-Korean
# (CJK)", "Local Mail Transfer Protocol (LMTP)"); a 66-word OCRmyPDF sentence chaining six
# actions, better as a list. No findings on youtube-dl's README, papis' guide or PlasmaPy's
# texts.
HELDOUT_28 = (
    ("heldout28/joss-papers-corner-pyuvdata-pysindy-tespy.docx",
     "academic papers with references (JOSS)"),
    ("heldout28/youtube-dl-readme.docx", "software manual, FAQ (people downloading videos)"),
    ("heldout28/ocrmypdf-intro-cookbook-batch.docx",
     "user guide, cookbook (people scanning documents)"),
    ("heldout28/ocrmypdf-advanced-reference.docx",
     "user guide, reference (people scanning documents)"),
    ("heldout28/khal-usage-faq-standards.docx", "software manual, FAQ, essay on standards"),
    ("heldout28/papis-guide.docx", "software guide (researchers managing references)"),
    ("heldout28/plasmapy-conduct-community-glossary.docx",
     "code of conduct, community channels, glossary"),
    ("heldout28/plasmapy-coding-guide.docx", "coding guide (developers, essay-like)"),
    ("heldout28/mailman-admin-design.docx",
     "administration guide, design essays (site administrators)"),
    ("heldout28/tespy-tutorials-howtos.docx",
     "modelling tutorials, how-tos (thermal engineers, researchers)"),
)
# Round 29, made after the rules' fixes up to RULES_VERSION 47 by tools/make_heldout_docs.py
# --set 29 from Debian bookworm packages only (hugin-data 2022.0.0+dfsg-2, xboard 4.9.1-2+b1,
# pspp 1.6.2-2), none used by an earlier set, pinned; 6 texts of about 52,700 words, chosen for
# the genres past rounds lacked (a panorama program's FAQ, user's guide and notes on optics for
# photographers, a chess program's FAQ for its players, a statistics program's tutorial, a
# protocol specification in prose) and written down in the tool before the rules were run on
# any; developer documentation (the engine protocol) under a third. Every finding judged blind
# (round "heldout-29") by an engineer who did not read the rules, on main at RULES_VERSION 47:
# 35 findings in 52,690 words (0.66 per 1,000), keep 65.7 %, wrong 14.3 %. Wrong: two sentence
# lengths inflated by what is not prose (MediaWiki's spelled-out formula fallback "P i x e l E r
# r o r = 2 * beta ..." in the photography notes, the list of allowed file-name characters "A B C
# ... 8 9 - _ ." in the Hugin FAQ); "80,000 nodes" in the engine protocol's prose flagged against
# command literals and engine output ("nps 10000", "100000 + N", "9 156 1084 48000"); "Always
# center Crop on d,e", the name of Hugin's crop option, flagged against the guide's "centre"; the
# deliberate "or or or..." in Hugin's workflow page. Noise: five further comments on one spelling
# family already raised in the same document (the Hugin FAQ's optimise/optimize three more
# times, the projections page's centre twice more, the guide's optimization once more); "175*1,891
# = 330,925 pixel" in a calculation beside a comma-grouped table. Kept: seven doubled words ("can
# can", "will will", "page page", "tab tab", three "the the"), the TODO left at the top of Hugin's
# HDR tutorial, -ise/-ize, -re/-er and -our/-or mixes (Hugin FAQ, guide, notes), website/web site
# in the XBoard FAQ, data set/dataset in PSPP's tutorial, ICS, HDR and EV used long before their
# expansions (EV's finding quotes "exposure (EV)" as its expansion, not the later "EV stands for
# Exposure Value"), five sentences of 61-69 words (the engine protocol's definitions, Hugin FAQ
# answers).
HELDOUT_29 = (
    ("heldout29/hugin-faq.docx", "software FAQ (photographers making panoramas)"),
    ("heldout29/hugin-users-guide.docx", "desktop program's user guide (photographers)"),
    ("heldout29/hugin-photography-notes.docx",
     "explanatory notes on optics (amateur photographers)"),
    ("heldout29/xboard-faq.docx", "chess program's FAQ (players)"),
    ("heldout29/chess-engine-protocol.docx", "protocol specification (prose, developers)"),
    ("heldout29/pspp-using-pspp.docx", "statistics program's tutorial (analysts)"),
)
# Round 30, made after the rules' fixes up to RULES_VERSION 47 by tools/make_heldout_docs.py
# --set 30 from PyPI sdists only (getmail6 6.20.2, radicale 3.9.0, magic_wormhole 0.24.0,
# tahoe_lafs 1.20.0, yellowbrick 1.5, leafmap 0.63.1 with its JOSS paper), none used by an
# earlier set, pinned; 8 texts of about 53,000 words, chosen for the genres past rounds lacked
# (a governance charter and a board's minutes, a project's statements on backdoors and money,
# users' manuals for people fetching their own mail or running their own calendar server,
# design and security essays for general readers, an academic paper) and written down in the
# tool before the rules were run on any; developer documentation (Tahoe-LAFS's architecture)
# under a fifth. Every finding judged blind (round "heldout-30") by an engineer who did not
# read the rules, on main at RULES_VERSION 47: 18 findings in 52,954 words (0.34 per 1,000),
# keep 50.0 %, wrong 38.9 %. Wrong: seven repeated-word findings in getmail's troubleshooting
# page, each a noun followed by the metavariable of the error message it explains ("The
# specified mboxrd path path does not appear ...", "must be of type type", "the supplied value
# value", five "path path"): the metavariable is a <span class="meta"> whose styling the build
# does not carry, so the .docx shows plain words, but the heading above each ("not a maildir
# (path)") gives it away. Noise: "much much better" in Tahoe-LAFS's architecture (a deliberate
# intensifier); Yellowbrick's empty "Board of Advisors Minutes" section (in the source a
# toctree of the minutes, which follow it in the built document). Kept: "the the doc page" in
# Tahoe-LAFS's about page; a FIXME left in Radicale's manual ("calendars and (FIXME: address
# books)"); PAKE and MTA used before their late expansions; "web site" against "website" in
# getmail's docs and Tahoe-LAFS's donations page, "favourite" in a Magic Wormhole page that
# writes "behavior"; sentences of 90 (getmail's Gmail answer) and 70 words (Tahoe-LAFS's
# privacy leak note), each with a long parenthetical. No findings on Yellowbrick's about page or
# leafmap's paper.
HELDOUT_30 = (
    ("heldout30/getmail-docs-troubleshooting-faq.docx",
     "software manual, troubleshooting, FAQ (people fetching their own mail)"),
    ("heldout30/radicale-documentation.docx",
     "server manual (people running their own calendar and contacts)"),
    ("heldout30/magic-wormhole-welcome-security.docx",
     "tool introduction, security and design essays (general readers, users)"),
    ("heldout30/tahoe-lafs-about-architecture.docx",
     "design essays, users' warnings (storage grid)"),
    ("heldout30/tahoe-lafs-backdoors-money-triage.docx",
     "project statements: backdoors, donations, expenses, triage"),
    ("heldout30/yellowbrick-governance-minutes.docx", "governance charter, meeting minutes"),
    ("heldout30/yellowbrick-about-teaching-faq.docx", "project story, teaching note, FAQ"),
    ("heldout30/joss-paper-leafmap.docx", "academic paper with references (JOSS)"),
)
# Round 32, made after the rules' fixes up to RULES_VERSION 49 by tools/make_heldout_docs.py
# --set 32 from PyPI sdists only (nbgrader 0.9.5, glances 4.3.1, vdirsyncer 0.19.3, lmfit 1.3.2,
# pywavelets 1.8.0 with its JOSS paper), none used by an earlier set, pinned; 7 texts of about
# 35,500 words, chosen for the genres past rounds lacked (a grading tool's guide for
# instructors, users' manuals for a system monitor and a calendar synchroniser, a code of
# conduct with its report handling manual, a fitting guide for scientists, one changelog, an
# academic paper) and written down in the tool before the rules were run on any; developer
# documentation (lmfit) under a sixth. Every finding judged blind (round "heldout-32") by an
# engineer who did not read the rules, on main at RULES_VERSION 49: 7 findings in 35,485 words
# (0.20 per 1,000), keep 71.4 %, wrong 0 %. Noise: lmfit's empty "Confidence Interval
# Functions" section (in the source two autofunction directives the build does not render);
# "behaviour" in PyWavelets' code of conduct, the same -our/-or mix already raised on "honour".
# Kept: "TODO: partial credit." left in nbgrader's guide; "Testing the assignment assignment";
# a 68-word sentence with a nested parenthetical and ";)" in lmfit's FAQ; "organise" against
# "recognize" and "honour" against "honored" within the code of conduct. No findings on
# Glances, vdirsyncer, the release notes or the paper: a quiet round, so its keep rate rests on
# few findings.
HELDOUT_32 = (
    ("heldout32/nbgrader-users-guide.docx", "grading tool's user guide and FAQ (instructors)"),
    ("heldout32/glances-quickstart-anatomy.docx",
     "system monitor's manual, one page per panel (users, administrators)"),
    ("heldout32/vdirsyncer-manual.docx",
     "calendar and contacts synchroniser's manual, storage format (people syncing their own)"),
    ("heldout32/lmfit-fitting-guide.docx", "curve-fitting guide (scientists, developer-facing)"),
    ("heldout32/pywavelets-conduct.docx",
     "community guidelines, code of conduct, report handling manual"),
    ("heldout32/pywavelets-release-notes.docx", "release notes 1.0.0 to 1.8.0 (changelog)"),
    ("heldout32/joss-paper-pywavelets.docx", "academic paper with references (JOSS)"),
)
# Round 31, made on RULES_VERSION 49 by tools/make_heldout_docs.py --set 31 from Debian
# bookworm packages only (kpat, kgoldrunner, kajongg, kblackbox, ksudoku 4:22.12.3-1, grass-doc
# 8.2.1-1, maxima-doc 5.46.0-11), none used by an earlier set, pinned; 7 texts of about 37,600
# words, chosen for the genres past rounds lacked (games' rules and manuals for players, a GIS's
# introductions for scientists, an academic's tutorial for a computer algebra system) and
# written down in the tool before the rules were run on any; no developer documentation. Every
# finding judged blind (round "heldout-31") by an engineer who did not read the rules, on main
# at RULES_VERSION 49: 20 findings in 37,604 words (0.53 per 1,000), keep 60.0 %, wrong 0 %.
# Wrong: none. Noise: five further comments on a spelling family already raised in the GRASS
# introductions (centre/center three more times, one of them the imagery page repeating the
# raster page's paragraph word for word; neighbour/neighbor once more); three undefined-acronym
# findings on the field's vocabulary for GIS readers (ZSTD, whose list entry follows in the same
# section beside ZLIB, LZ4 and BZIP2, never expanded; DBF, a file format the driver is named
# after; the group of GIS, DEM, EPSG, SRTM, DCELL...); a 97-word acknowledgement in
# KGoldrunner's credits. Kept: four doubled words ("the the" in Kajongg's handbook, "to to",
# "a a", "with with" in GRASS's); -our/-or (Kajongg), -re/-er and -our/-or (GRASS) and
# labelled/labeled (Rand's Maxima tutorial) mixes; "all 2147483647 deals" in KPatience's handbook
# beside "the first 32,000 deals"; sentences of 76 words (KGoldrunner's hints, a list of six
# tricks), 71 (GRASS's -w flag, with a stray capital after a semicolon) and 62 (GRASS's 3D raster
# terminology, two sentences run together by a missing full stop). No findings on KBlackBox's
# or KSudoku's handbooks.
HELDOUT_31 = (
    ("heldout31/kpat-handbook.docx", "card games' rules and a game's manual (players)"),
    ("heldout31/kgoldrunner-handbook.docx", "arcade game's manual (players)"),
    ("heldout31/kajongg-handbook.docx", "Mah Jongg rules and a program's manual (players)"),
    ("heldout31/kblackbox-handbook.docx", "puzzle game's rules and manual (players)"),
    ("heldout31/ksudoku-handbook.docx", "puzzle game's rules and manual (players)"),
    ("heldout31/grass-gis-introductions.docx", "GIS user's introductions (scientists)"),
    ("heldout31/maxima-introduction-rand.docx",
     "academic's tutorial for a computer algebra system"),
)
# Round 33, made on RULES_VERSION 50 (main after rounds 31 and 32) by tools/make_heldout_docs.py
# --set 33 from Debian bookworm packages only (skrooge-common 2.29.0-1, labplot-data 2.9.0-1,
# kmplot, kwordquiz, kbruch 4:22.12.3-1, r-doc-html 4.2.2.20221110-2), none used by an earlier
# set, pinned; 6 texts of about 44,900 words, chosen for the genres past rounds lacked (users'
# handbooks of a personal-finance manager, a scientific plotting program, a function plotter, a
# flash-card program and a fractions trainer, for households, scientists, pupils and teachers;
# a language definition in prose) and written down in the tool before the rules were run on
# any; developer documentation (the R Language Definition) under a quarter. Every finding
# judged blind (round "heldout-33") by an engineer who did not read the rules, on main at
# RULES_VERSION 50: 14 findings in 44,888 words (0.31 per 1,000), keep 64.3 %, wrong 0 %.
# Wrong: none. Noise: four further
# comments on a spelling mix already raised in the same document ("signalled" a second time in
# the R Language Definition; "behaviour" twice more in Skrooge's handbook; "Interpolation
# (nearest neighbor)" in LabPlot's, an item of its list of methods named as the US-English
# interface names it, after "favorite" was raised); EADS in Skrooge's "if you have EADS shares",
# a company's name used as an example. Kept: a bare "FIXME: something is missing here" as the
# whole of the R Language Definition's "5.2 Inheritance"; three LabPlot sections that read only
# "Coming soon ..." (Import/Export, Tools, 2D Plotting); -ll-/-l- (signalled against modeling,
# labeling) and -our/-or mixes (Skrooge's behaviour against colors, LabPlot's favorite against
# colour); QML in Skrooge's dashboard option for household users; GSL used in LabPlot's function
# sections long before "GNU Scientific Library (GSL)" in its closing questions. No findings on
# the KmPlot, KWordQuiz or KBruch handbooks: a quiet round, its keep rate resting on few findings.
HELDOUT_33 = (
    ("heldout33/skrooge-handbook.docx", "personal-finance manager's handbook (households)"),
    ("heldout33/labplot-handbook.docx",
     "scientific plotting and data analysis program's handbook (scientists, students)"),
    ("heldout33/kmplot-handbook.docx", "function plotter's handbook (pupils, teachers)"),
    ("heldout33/kwordquiz-handbook.docx", "flash-card program's handbook (learners, teachers)"),
    ("heldout33/kbruch-handbook.docx", "fractions trainer's handbook (schoolchildren)"),
    ("heldout33/r-language-definition.docx",
     "language definition in prose (R programmers, developer-facing)"),
)
# Round 34, made after the rules' fixes up to RULES_VERSION 50 by tools/make_heldout_docs.py
# --set 34 from PyPI sdists only (sunpy 6.0.3, mesa 3.1.1), none used by an earlier set,
# pinned; 5 texts of about 36,500 words, chosen for the genres past rounds lacked (scientific
# explanations of solar coordinates for physicists, a tutorial for scientists, a community's
# newcomer and review process, agent-based models described for social scientists, a code of
# conduct) and written down in the tool before the rules were run on any; developer
# documentation (Mesa's migration guide, SunPy's maintainer workflow) well under a third. Every
# finding judged blind (round "heldout-34") by an engineer who did not read the rules, on main
# at RULES_VERSION 50: 15 findings in 36,535 words (0.41 per 1,000), keep 93.3 %, wrong 0 %.
# Wrong: none. Noise: a second "visualisation" in Mesa's migration guide, the -ise/-ize mix
# already raised on the opening caption. Kept: ten doubled words, each in the source (SunPy's
# tutorial: "and and", "of of", "to to" and four "the the"; its community pages: "more more",
# "the the reviewer" and "using a a Mediawiki-like syntax", the second "a" the start of a link's
# text); "visualisation" against 45 "visualization" in Mesa's guide; "labeled" against
# "modeller"/"modelling" in Mesa's contributing guide; "summarises" against "organization" in
# SunPy's newcomers' guide; a 62-word squash rule with three parentheticals in SunPy's
# maintainer workflow. No findings on SunPy's topic guides (6,400 words of scientific prose, its
# formulae and sessions as code). Not raised, for the record: "aimed at a UK readers" and
# "a particular a region of interest" (grammar the rules do not look for).
HELDOUT_34 = (
    ("heldout34/sunpy-topic-guides.docx",
     "scientific topic guides: solar coordinates, time-series metadata (solar physicists)"),
    ("heldout34/sunpy-tutorial.docx", "library tutorial for scientists (solar physicists)"),
    ("heldout34/sunpy-community-process.docx",
     "newcomers' guide, review procedure, maintainer workflow, documentation guide (community)"),
    ("heldout34/mesa-guide-and-models.docx",
     "agent-based modelling guide and model descriptions (social scientists, developer-facing)"),
    ("heldout34/mesa-conduct-contributing.docx", "code of conduct, contributing guide"),
)
# Round 35, made on the rules of main after round 34 by tools/make_heldout_docs.py --set 35 from
# Debian bookworm packages only (fontforge-doc 1:20230101~dfsg-1.1~deb12u1, ledger 3.3.0-3,
# gnugo 3.8-11), none used by an earlier set, pinned; 5 texts of about 36,800 words, chosen for
# the genres past rounds lacked (a font editor's tutorial for type designers, its author's essay
# on the program's history, a double-entry accounting manual for people keeping their own books,
# a Go program's guide for players) and written down in the tool before the rules were run on
# any; developer documentation (GNU Go's engine overview) about a tenth. Every finding judged
# blind (round "heldout-35") by an engineer who did not read the rules: 8 findings in 36,849
# words (0.22 per 1,000), keep 75 %, wrong 25 %, noise 0 %. Wrong: two placeholders, a button's
# label in the house style for buttons ("press the [Add Subtable] button" in FontForge's
# kerning section) and a word mentioned as the code's convention ("putting the word FIXME in
# comments to denote known bugs", under the heading "4.6.4 FIXME"). Kept: three sentences of
# 61-67 words in FontForge's tutorial (six steps chained in one instruction; two with
# parentheticals holding comma splices, one with the slip "if the one of the two stems"); SGF
# and GMP used in GNU Go's guide (copyrights, CGoban set-up) before "Smart Game Format (SGF)"
# and "Go Modem Protocol (GMP)" are spelled out sections later; "criticise" against
# "optimization", "behavior", "Initialize" in the same guide. No findings on Ledger's
# 10,900 words (its journal examples as code) or on FontForge's history essay. Not raised, for
# the record: "The preceeding options" (GNU Go), a misspelling the rules do not look for.
HELDOUT_35 = (
    ("heldout35/fontforge-tutorial.docx", "font editor's tutorial (type designers)"),
    ("heldout35/fontforge-history.docx", "personal essay on a program's history"),
    ("heldout35/ledger-manual-accounting.docx",
     "double-entry accounting manual: introduction, tutorial, principles (people keeping books)"),
    ("heldout35/gnugo-introduction-user-guide.docx",
     "Go-playing program's introduction and user guide (Go players)"),
    ("heldout35/gnugo-engine-overview.docx",
     "Go engine's overview in prose (developer-facing)"),
)
# Round 36, made on the rules after round 34 by tools/make_heldout_docs.py --set 36 from PyPI
# sdists only (stingray 2.3.2, borgmatic 2.1.10, jupyterhub 6.1.1, astroplan 0.10.1, urlwatch
# 2.29), none used by an earlier set, pinned; 6 texts of about 35,500 words, chosen for the
# genres past rounds lacked (two versions of an academic paper, a backup tool's how-to guides
# for people who back up their own machines, an FAQ for institutions deciding to deploy a
# service, an observing-planning guide for astronomers, a web page watcher's manual) and
# written down in the tool before the rules were run on any; developer documentation
# (urlwatch's filters) under a third. Every finding judged blind (round "heldout-36") by an
# engineer who did not read the rules, on main after the merge of judge34: 10 findings in
# 35,525 words (0.28 per 1,000), keep 60.0 %, wrong 20.0 %.
# Wrong: two authors' initials in the Stingray 2 paper's acknowledgements taken for undefined
# abbreviations ("DH is supported by …", "GM acknowledges financial support …": Daniela
# Huppenkothen and Guglielmo Mastroserio of the byline, the JOSS convention). Noise: IERS in
# astroplan's "see What are the IERS tables and how do I update them?", a cross-reference to the
# question that spells it out (for astronomers, who know it); a 74-word sentence in the 2019
# Stingray paper, long only by four citations and three spelled-out telescopes in a plain list.
# Kept: three doubled words in the source (borgmatic's "if you'd like to to get", JupyterHub's
# "part of the the JupyterHub logs" and "via the the ZeroMQ protocol"); urlwatch's e-mail/email
# mix in prose ("e-mail reporter" against "You can send email via …"); astroplan's "UTC
# timezone" against "Hawaii time zone"; a 66-word sentence in its IERS answer joined by "and
# since". A quiet round: no findings at all on most of borgmatic's 10,000 words, and the keep
# rate rests on ten findings.
HELDOUT_36 = (
    ("heldout36/joss-paper-stingray.docx", "academic paper (JOSS, X-ray astronomers)"),
    ("heldout36/joss-paper-stingray-v1.docx", "academic paper (JOSS, X-ray astronomers)"),
    ("heldout36/borgmatic-how-to-guides.docx",
     "backup tool's how-to guides (people who back up their own machines)"),
    ("heldout36/jupyterhub-institutional-faq-concepts.docx",
     "institutional FAQ and concepts (decision makers, administrators)"),
    ("heldout36/astroplan-observing-guide.docx",
     "observing-planning guide and tutorials (astronomers)"),
    ("heldout36/urlwatch-manual.docx",
     "web page watcher's manual (people who run it themselves, developer-facing)"),
)
# Round 37, made on the rules of main after round 36 by tools/make_heldout_docs.py --set 37 from
# Debian bookworm packages only (claws-mail-doc 4.1.1-2, homebank-data 5.6.2-1, gnuplot-doc
# 5.4.4+dfsg1-2, drgeo-doc 1.5-7.1, gm-assistant-doc 1.2.4-1), none used by an earlier set,
# pinned; 6 texts of about 46,200 words, chosen for the genres past rounds lacked (users' manuals
# for people who do not program: an e-mail program, household accounts, a geometry program for
# pupils and teachers, a game master's assistant for role-playing games; a plotting program's
# prose manual for scientists) and written down in the tool before the rules were run on any.
# Every finding judged blind (round "heldout-37") by an engineer who did not read the rules, on
# main after the merge of judge36: 12 findings in 46,198 words (0.26 per 1,000), keep 66.7 %,
# wrong 33.3 %, no noise. Wrong: names from the program's screens taken for faults, twice as
# placeholders (HomeBank's buttons "[Add & Keep] and [Add]", its Exchange rate field "1 XXX ="
# with a generic currency code) and once as a spelling variant (Claws Mail's menu 'use the
# "Color label" submenu', in a sentence whose prose says "colour label"); gnuplot's title
# "Gnuplot" as an empty section (LaTeX2HTML's top node, whose chapters follow at the same level
# once the build drops its contents list). Kept: Dr. Geo's "visualize", "center" and "color" in a
# manual that writes customisation, centre and colour; a lone "behaviour" in gnuplot's and in
# HomeBank's American prose; HomeBank's "it it not displayed" (for "it is"); sentences of 97
# words (gnuplot's five coordinate systems in one, a list) and 63 ("Everytime you are about to
# add a new transfer, ... this dialog will popup"). No findings on HomeBank's usage guide or
# GM-Assistant's guide. Not raised, for the record: Dr. Geo's empty "Creating a DGS" and "More
# about DGS" sections, the build's "DR. GEOGuile Script" (a lost space) and gnuplot's
# LaTeX2HTML residue "Each 4#4system5#5".
HELDOUT_37 = (
    ("heldout37/claws-mail-user-manual.docx", "e-mail program's user manual with FAQ (its users)"),
    ("heldout37/homebank-usage-guide.docx",
     "household-accounts program's usage guide and glossary (households)"),
    ("heldout37/homebank-windows-dialogs.docx",
     "household-accounts program's windows and dialogs reference (households)"),
    ("heldout37/gnuplot-introduction-concepts.docx",
     "plotting program's manual, introduction and concepts (scientists, students)"),
    ("heldout37/drgeo-users-manual.docx",
     "interactive geometry program's manual (pupils, teachers)"),
    ("heldout37/gm-assistant-user-guide.docx",
     "role-playing game master's assistant's user guide (game masters)"),
)
# Round 38, made on the rules of main after round 36 by tools/make_heldout_docs.py --set 38 from
# PyPI sdists only (psychopy 2026.2.5, ultranest 4.6.3, astropy 8.0.2, hendrics 8.5.1, photutils
# 3.0.0, mdanalysis 2.11.0), none used by an earlier set, pinned; 8 texts of about 44,800 words,
# chosen for the genres past rounds lacked (demo experiments' descriptions for experimenters who
# build studies without code, essays on a sampling method, a project's vision and policies,
# command-line tutorials, a methods guide and a FAQ for astronomers) and written down in the tool
# before the rules were run on any; developer documentation (cosmology, MDAnalysis) about a third.
# Every finding judged blind (round "heldout-38") by an engineer who did not read the rules, on
# main after the merge of the rules' latest fixes: 19 findings in 44,843 words (0.42 per 1,000),
# keep 84.2 %, wrong 10.5 %.
# Wrong: BART in PsychoPy's BART demo, taken as defined only in its References, when the heading
# just above the text is "Balloon Analogue Risk Task (BART)" (a definition in a heading not
# seen); MDAnalysis's "Currently implemented transformations" called empty, where the source has
# a toctree of four pages the conversion dropped. Noise: WMAP in the cosmology guide ("the WMAP
# and Planck satellite data"), known to every reader of it. Kept: four doubled words in the
# source (HENDRICS's "pickle format format", MDAnalysis's "not used in in", and Astropy's
# glossary rendering ":term:`python:file-like object` object" as "file-like object object" in
# both file-like entries); five "TBD" stubs in HENDRICS's AGN, reverberation and variability
# tutorials; -ise/-ize and behaviour/behavior mixes (PsychoPy's "customization" among
# "randomise", "initialise"; UltraNest's "optimize" beside "realisation"; Astropy's and
# MDAnalysis's behaviour/behavior on one page each); three sentences of 61-74 words (FITS FAQ's
# mmap explanation, two in Astropy's vision). No findings on photutils' 12,900 words.
HELDOUT_38 = (
    ("heldout38/psychopy-builder-demo-readmes.docx",
     "demo experiments' descriptions and how-tos (experimenters without code)"),
    ("heldout38/ultranest-method-issues.docx",
     "essays on a sampling method and its pitfalls (scientists, near-academic)"),
    ("heldout38/astropy-vision-policies-known-issues.docx",
     "project vision, health and support policies, known issues, glossary (users, community)"),
    ("heldout38/hendrics-tutorials.docx", "command-line tutorials (X-ray astronomers)"),
    ("heldout38/photutils-photometry-guide.docx",
     "photometry methods guide with code (astronomers, developer-facing)"),
    ("heldout38/astropy-fits-faq.docx", "FITS file FAQ (astronomers)"),
    ("heldout38/astropy-cosmology-guide.docx", "cosmology library guide (developer-facing)"),
    ("heldout38/mdanalysis-selections-transformations.docx",
     "selection language and transformations (simulation scientists, developer-facing)"),
)
# Round 39, made on the rules of main after round 37 by tools/make_heldout_docs.py --set 39 from
# Debian bookworm packages only (solfege-doc 3.23.4-11, angband-data 1:3.5.1-2.5, lynx-common
# 2.9.0dev.12-1, calcurse 4.7.1-1, newsboat 2.21-1.5, texlive-base 2022.20230122-3), none used by an
# earlier set, pinned; 6 texts of about 55,700 words, chosen for the genres past rounds lacked
# (users' manuals for people who do not program: an ear-training program, a roguelike game's
# guide, a text web browser's guide, a calendar program's manual, a feed reader's FAQ) and written
# down in the tool before the rules were run on any; developer documentation (the e-TeX reference,
# from a 1995 conference paper) under a tenth. Every finding judged blind (round "heldout-39") on
# main after the merge of the rules' latest fixes: 27 findings in 55,664 words (0.49 per 1,000),
# keep 77.8 %, wrong 3.7 %.
# Wrong: Lynx's "displayed as a row of underscores the length of the entry field: _______." taken
# for a blank to fill in, where it shows what the browser draws. Noise: Angband's "about ten
# percent" in its narrative walk-through against "+10%" in the stat tables; Angband's depth
# "level 99 (4950')" in the game's feet notation (like "2000'"), not a count; "many many thanks"
# in calcurse's thanks, a deliberate doubling; an 83-word sentence in Angband whose run-on is a
# quoted joke; a 62-word Lynx sentence of three plain clauses. Kept: five typos (Solfege's "select
# select", Angband's "the the", calcurse's "this this", "accomodate" in Newsboat's FAQ, "ammount"
# in Angband: 2 misspellings, 3 doubled words); spelling mixes (Angband's armor/armour,
# flavor/flavour; Solfege's "recognized" among "recognise", "memorise"; Lynx's e-mail/email,
# on-line/online, "cancelled" among "labeled", "traveled"; calcurse's on-line/online); Angband's
# "10000 game turns" beside "30,000 gold pieces"; nine long sentences (three in the e-TeX
# reference of 83-120 words, calcurse's five-key menu in one 77-word sentence, Lynx's forms,
# frames, bookmarks, cookies and colour options, 62-89 words). Missed, seen in passing: Solfege's
# "exerises", "avalable" and "front the default front page" (for "from").
HELDOUT_39 = (
    ("heldout39/solfege-user-manual.docx",
     "ear-training program's user manual with music theory (music students, teachers)"),
    ("heldout39/angband-players-guide.docx", "roguelike game's guide (players)"),
    ("heldout39/lynx-users-guide.docx", "text-mode web browser's users guide (users)"),
    ("heldout39/calcurse-manual.docx", "calendar and to-do program's manual (users)"),
    ("heldout39/newsboat-faq.docx", "feed reader's FAQ (users)"),
    ("heldout39/etex-short-reference.docx",
     "TeX extension's reference from a conference paper (TeX users, developer-facing)"),
)
# Round 40, made on the rules of main after round 38 (with round 39 merged) by
# tools/make_heldout_docs.py --set 40 from PyPI sdists only (jupyter_book 2.1.7, thonny 5.0.1,
# dynesty 3.1.0, metpy 1.7.1, xclim 0.62.0, dust_extinction 1.7, ndcube 2.4.2, xrtpy 0.5.1), none
# used by an earlier set, pinned; 8 texts of about 44,700 words (45,800 by python-docx with the
# tables), chosen for the genres past rounds lacked (a publishing guide for academic authors, a
# learning environment's help for beginners, essays on nested sampling, a meteorology library's
# guide, roadmap and code of conduct, a climate-science library's explanations, three JOSS
# papers) and written down in the tool before the rules were run on any; developer documentation
# (MetPy's contributing and infrastructure guides) under a fifth. Every finding judged blind
# (round "heldout-40") on main after the merge of judge39: 16 findings in 44,727 words (0.36 per
# 1,000), keep 81.2 %, noise 18.8 %, no wrong.
# Noise: CCD in ndcube's paper ("taken sequentially with a CCD camera"), known to every reader of
# an astronomy paper; "e-mail" in MetPy's code of conduct, the Contributor Covenant's adopted
# wording against "email" in its own pages; a 61-word sentence in dynesty of two parallel
# clauses ("the importance ... for estimating the posterior is ..., while the importance ... for
# estimating the evidence is ..."). Kept: seven doubled words in the sources (dynesty's "the the"
# three times, "main main", "of of"; MetPy's "and and"; Jupyter Book's "is is"); "publically" in
# Jupyter Book; spelling mixes (Jupyter Book's "organise" among -ize and its behaviour/behavior
# two and two, MetPy's "labelling" beside "labeled", xclim's "data sets" beside "datasets"); a
# 65-word conditional in dynesty's FAQ. No findings on Thonny's help, nor on the dust_extinction
# and XRTpy papers. Not raised, for the record: the build's residue of Sphinx roles
# (":cite:cts:`grenier_assessment_2013`" in xclim, ":ref:`Citations`" and "~dynesty.utils" in
# dynesty) and Jupyter Book's "The extensions and design of MyST is inspired by".
HELDOUT_40 = (
    ("heldout40/jupyter-book-user-guide.docx",
     "publishing guide for books and articles in MyST Markdown (academic authors)"),
    ("heldout40/thonny-help.docx",
     "learning environment's help pages (beginners learning to program)"),
    ("heldout40/dynesty-nested-sampling-essays.docx",
     "essays on nested sampling with FAQ (scientists, near-academic)"),
    ("heldout40/metpy-guide-roadmap-conduct.docx",
     "meteorology library's guide, roadmap, contributing guide and code of conduct "
     "(meteorologists, community; partly developer-facing)"),
    ("heldout40/xclim-explanation-methods.docx",
     "climate-indices library's explanations and methods (climate scientists)"),
    ("heldout40/joss-paper-dust-extinction.docx", "JOSS paper on interstellar dust (academic)"),
    ("heldout40/joss-paper-ndcube.docx",
     "JOSS paper on N-dimensional astronomical data (academic)"),
    ("heldout40/joss-paper-xrtpy.docx", "JOSS paper on a solar X-ray telescope (academic)"),
)
# Round 42, made on the rules of main after round 40 (3f70452) by tools/make_heldout_docs.py
# --set 42 from PyPI sdists only (tedana 26.0.3, hoki 1.7.1, einsteinpy 0.5.0, climlab 0.9.2,
# nicotine_plus 3.3.11, gramps 6.0.8, hyperspy 2.5.0), none used by an earlier set, pinned; 8
# texts of about 45,900 words (47,400 by python-docx with the tables), chosen for the genres past
# rounds lacked (a neuroimaging method explained to its users with its roadmap and code of
# conduct, an astrophysics paper, a general-relativity primer, a climate model's description, a
# protocol specification in prose, a genealogy program's manual page, a microscopy toolkit's
# machine-learning and big-data chapters, an essay on coding with AI) and written down in the
# tool before the rules were run on any; developer documentation (the Soulseek protocol, the AI
# essay) under a third. Every finding judged blind (round "heldout-42"): 24 findings in 45,912
# words (0.52 per 1,000), keep 70.8 %, noise 16.7 %, wrong 12.5 %.
# Wrong: "we're in in the distributed network" in the Soulseek protocol, twice (DistribBranchRoot
# and BranchRoot): "the branch we're in" + "in the distributed network" is grammatical, a
# preposition ending a relative clause followed by one opening a phrase; HyperSpy's "Learning
# resources" called empty, where the source has a sphinx-design grid of cards that the build
# dropped (a converter artefact, not the author's). Noise: "(coming soon)" in climlab's release
# history, an old version's note about future internals; "HII" in hoki's paper ("the HII regions
# in NGC 300"), astronomers' notation for ionised hydrogen, not an acronym to spell out; "EBMs" in
# climlab's release history, for climate modellers and archival; HyperSpy's "analyzing", which
# fits the guide's majority -ize and repeats the British/American mix already raised on
# "minimising". Kept: six misspellings (tedana's "intial" and "agressive", climlab's "refered" and
# "seperately", HyperSpy's "documention" and "perfomed"); two doubled words in tedana ("a change in
# in ΔR*2", "will close when when"); spelling mixes (tedana's "data set" against "dataset" and
# "behaviour" beside "behavior" in one FAQ answer; HyperSpy's "minimising" in an -ize guide and
# "a randomly data set" against "dataset" 52 times; hoki's "customize" in a British paper;
# climlab's "modelled" beside "modeling"); "ICA" before it is spelled out in tedana and "DAG"
# before "Directed Acyclic Graph (DAG)" in HyperSpy; a 62-word HyperSpy sentence whose two ways
# are split by a 15-word parenthesis. No findings on EinsteinPy's primer, Gramps' manual page or
# the AI essay. Missed, seen in passing: the word missing from HyperSpy's "a randomly data set"
# (raised only as a spelling mix).
HELDOUT_42 = (
    ("heldout42/tedana-multi-echo-guide.docx",
     "multi-echo fMRI method's guide, FAQ, roadmap and code of conduct (neuroscientists)"),
    ("heldout42/joss-paper-hoki.docx", "JOSS paper on stellar population synthesis (academic)"),
    ("heldout42/einsteinpy-gr-primer-guide.docx",
     "primer on general relativity with a user guide and code of conduct (physics students)"),
    ("heldout42/climlab-models-architecture.docx",
     "climate model's description and architecture (students, teachers)"),
    ("heldout42/nicotine-soulseek-protocol.docx",
     "file-sharing program's README and protocol specification (users; developer-facing)"),
    ("heldout42/gramps-manual-page.docx", "genealogy program's manual page (users)"),
    ("heldout42/hyperspy-mva-big-data.docx",
     "microscopy toolkit's machine-learning and big-data chapters (materials scientists)"),
    ("heldout42/hyperspy-coding-with-ai.docx", "essay on coding with AI (developer-facing)"),
)
# Round 41, made on the rules of main after round 39 (with round 40 merged) by
# tools/make_heldout_docs.py --set 41 from Debian bookworm packages only (warzone2100-data 4.3.3-3,
# texlive-base 2022.20230122-3, wxmaxima 22.12.0-1, kalzium-data, step, ksirk and konquest
# 4:22.12.3-1), pinned; 8 texts of about 45,300 words (46,300 by python-docx with the tables),
# chosen for the genres past rounds lacked (a strategy game's quick start guide, the TeX Live
# guide with its history, a computer-algebra front end's manual, science-education handbooks for
# pupils, board-game handbooks, one by a non-native author) and written down in the tool before
# the rules were run on any; no developer documentation. Every finding judged blind (round
# "heldout-41"): 11 findings in 45,343 words (0.24 per 1,000), keep 63.6 %, noise 18.2 %,
# wrong 18.2 %.
# Wrong: "neighbours" in KsirK's skin-editor handbook, the <literal> key of the skin's country
# file, set against the prose's "neighbors"; "25,000,000 reals" in the TeX Live guide, set
# against "142120 bytes" in pdfTeX's output and a setting's "default value is 600000", neither a
# house style. Noise: EPS in the TeX Live guide (a format every TeX user knows; its expansion is in
# the 2010 release history); KsirK's empty "Questions and Answers", true of the built file only
# (KDE's bug-reporting boilerplate entities, which the build drops, and an FAQ commented out).
# Kept: wxMaxima's "It it"; spelling mixes (wxMaxima's "behavior" beside "colour" twice, Warzone
# 2100's "behaviour" and "centre" in an otherwise American guide, the TeX Live guide's "on-line"
# beside "online"); Warzone's "CB towers" met in 7.3, explained only in 15.3; a 61-word sentence
# in KsirK listing a dialog's choices. No findings on the Kalzium, Step and Konquest handbooks.
# Missed, seen in passing: KsirK's skin editor's "the map of the skins's world" and "coded colors
# that allows one", wxMaxima's "The command in a code cell are executed".
HELDOUT_41 = (
    ("heldout41/warzone2100-quick-start-guide.docx",
     "real-time strategy game's quick start guide (players)"),
    ("heldout41/texlive-guide.docx",
     "TeX distribution's guide to installing and using it, with its history (TeX users)"),
    ("heldout41/wxmaxima-user-manual.docx",
     "computer-algebra front end's user manual (students, scientists)"),
    ("heldout41/kalzium-handbook.docx",
     "periodic-table program's handbook (chemistry pupils, teachers)"),
    ("heldout41/step-handbook.docx", "physics simulator's handbook with tutorials (pupils)"),
    ("heldout41/ksirk-handbook.docx", "world-domination board game's handbook (players)"),
    ("heldout41/ksirk-skin-editor-handbook.docx",
     "board game's guide to drawing its maps (players making skins)"),
    ("heldout41/konquest-handbook.docx", "space-conquest board game's handbook (players)"),
)
# Round 44, made on the rules of main after round 42 (ef9dc65) by tools/make_heldout_docs.py
# --set 44 from PyPI sdists only (roundup 2.6.0, nibabel 5.4.2, nilearn 0.14.1), none used by an
# earlier set, pinned; 7 texts of about 51,100 words (51,900 by python-docx with the tables),
# chosen for the genres past rounds lacked (an issue tracker's user guide for the people who file
# issues, its original design essay, its design specification in prose, brain-image formats and
# DICOM explained for neuroscientists, a project's governance and its enhancement proposals,
# neuroimaging statistics and machine learning explained with a glossary) and written down in the
# tool before the rules were run on any; developer documentation (Roundup's design spec, the BIAPs)
# under a third. Every finding judged blind (round "heldout-44"): 20 findings in 51,052 words
# (0.39 per 1,000), keep 65.0 %, noise 10.0 %, wrong 25.0 %.
# Wrong, all undefined-acronym: three in verbatim quotations of the DICOM standard in NiBabel's
# DICOM introduction ("The VR of the private identification code shall be LO", PS 3.5; "a SOP
# Instance related to a DICOM IOD", PS 3.10, which the author quotes as "the following complicated
# and confusing statement" the page will explain), so IOD and SOP on one quoted sentence; DIMSE,
# defined in the flagged sentence itself ("called the DICOM Message Service Element or DIMSE");
# FPR, the glossary's headword "FPR correction" followed at once by "False positive rate
# correction.". Noise: Nilearn's "MNI" (the standard template, for fMRI readers, in its glossary)
# and "ICA" (in the linked chapter title "Extracting functional brain networks: ICA and related").
# Kept: three doubled words (Roundup's "is is received" and "are are grouped", BIAP 1's "call to
# to"); the "TODO: replace the Interface Specifications with links to the pydoc" left in Roundup's
# spec; spelling mixes (Roundup's user guide "reset email sent to your primary E-mail address",
# "customisation" among -ize forms, "time zone" then "timezone" in one paragraph; its spec's newer
# "email" against "e-mail"; NiBabel's "uninitialised" beside "behavior", and "dataset" against
# "data set" inside its DICOM page); GLM, which Nilearn's GLM chapter never spells out; an 82-word
# sentence in Roundup's essay and a 71-word one in Nilearn's GLM introduction. No findings on
# NiBabel's governance and roadmap. Missed, seen in passing: Roundup's overview "Roundup is an
# issue-tracking system called which will manage" (its name dropped), NiBabel's "A DICOM data set
# is a ordered list", "a particular IOP" (for IOD) and "section A.4 in PD 3.3" (for PS 3.3),
# Nilearn's "A introduction tutorial to fMRI decoding".
HELDOUT_44 = (
    ("heldout44/roundup-user-guide.docx",
     "issue tracker's user guide, FAQ, features and glossary (people filing issues)"),
    ("heldout44/roundup-design-essay.docx",
     "issue tracker's design essay for a competition (essay, design rationale)"),
    ("heldout44/roundup-design-spec.docx",
     "issue tracker's design specification in prose (developer-facing)"),
    ("heldout44/nibabel-images-dicom.docx",
     "brain-image formats, orientation conventions and DICOM explained (neuroscientists)"),
    ("heldout44/nibabel-governance-roadmap.docx",
     "library's governance, core-developer guide and roadmap (governance)"),
    ("heldout44/nibabel-enhancement-proposals.docx",
     "library's enhancement proposals (design proposals, developer-facing)"),
    ("heldout44/nilearn-method-explanations.docx",
     "neuroimaging statistics and machine-learning methods explained, with a glossary "
     "(neuroscientists)"),
)
# Round 43, made on the rules of main after round 41 (with main merged before judging) by
# tools/make_heldout_docs.py --set 43 from Debian bookworm packages only (denemo-doc 2.6.18-1,
# bibletime-data 3.0.3-3, stellarium-data 0.22.2-1), pinned; 6 texts of about 54,400 words,
# chosen for the genres past rounds lacked (a music-notation editor's manual for composers, a
# Bible-study program's handbook and a Bible-study guide for lay readers, essays on cultural
# astronomy by several authors and an ethnoastronomy paper with footnotes) and written down in
# the tool before the rules were run on any; no developer documentation. Every finding judged
# blind (round "heldout-43"): 26 findings in 54,432 words (0.48 per 1,000), keep 69.2 %, noise
# 15.4 %, wrong 15.4 %.
# Wrong: three overlong-sentence findings in the Lokono paper (one of them a group of seven),
# each a run of short sentences joined across footnote markers set right after the full stop
# ("...for over 500 years.[2] This contact ...", "...if looked at.[5] For instance ..."): no
# sentence of theirs passes 60 words once split there; the HowTo's title-page byline "Bob
# Harman" (DocBook's <h3 class="author">, a heading in the .docx) taken for an empty section.
# Noise: "colour" (Kamilaroi essay) against "behavior" (Tukano essay) and "neighbourhood"
# (Egyptian Dendera, which also writes "colours") against "honor" (Mongolian): mixes across
# separate authors' essays that the compilation joins, each essay consistent; two readable
# sentences of 62 and 65 words in the Maya and Northern Andes essays.
# Kept: Denemo's "continous", "seach", "not not issued" (inverting the sense), "customised"
# among "customized", two long instructions of 75-79 words; the Lokono paper's "torch torch";
# the Kamilaroi essay's "cemetary"; BibleTime's "behaviour" among "behavior", the HowTo's
# "realised" among "memorize" and "5,000" against its table's "5000"; the Almagest essay's
# "1,000 stars" against "1500 years"; the Mongolian essay's "symbolises"/"symbolizes"; five
# run-on or parenthesis-laden sentences of 62-87 words in the Americas essays.
# Missed, seen in passing: Denemo's "re-bar the movment", the Lokono paper's "gathering of wild
# plant" and "kept tracking him down at night and shoot him".
HELDOUT_43 = (
    ("heldout43/denemo-user-manual.docx",
     "music-notation editor's user manual (composers, copyists)"),
    ("heldout43/bibletime-handbook.docx", "Bible-study program's handbook (lay readers)"),
    ("heldout43/bibletime-biblestudy-howto.docx",
     "guide to studying the Bible, essays and worksheets (lay readers)"),
    ("heldout43/stellarium-lokono-sky-culture.docx",
     "ethnoastronomy paper with references (academic)"),
    ("heldout43/stellarium-old-world-sky-cultures.docx",
     "essays on Old-World sky cultures with sources (general readers)"),
    ("heldout43/stellarium-americas-pacific-sky-cultures.docx",
     "essays on sky cultures of the Americas and Pacific (general readers)"),
)
# Round 45, made on the rules of main after round 44 (with main merged before judging) by
# tools/make_heldout_docs.py --set 45 from Debian bookworm packages only (groff 1.22.4-10,
# units 2.22-2), pinned; 4 texts of 32,254 words, chosen for the genres past rounds lacked (a
# typesetting guide for writers with its glossary of typographic terms, a letter-writing
# tutorial, a diagram-drawing language taught to document authors, a scientific unit converter's
# user manual) and written down in the tool before the rules were run on any; no developer
# documentation. Every finding judged blind (round "heldout-45"): 7 findings in 32,254 words
# (0.22 per 1,000), keep 28.6 %, noise 0 %, wrong 71.4 %.
# Wrong: three on mom's "Default letter style" table, which the build flattened into one
# paragraph (a converter fault, not the rules': "Font roman roman" and "Footers* yes yes" are
# rows' two columns, and the whole table read as one overlong "sentence"); "'m/s s/day' is
# equivalent to 'm / s s / day'" in the units manual (a doubled word inside a quoted unit
# expression); PIC's "Alternative spellings are colour, colored, coloured, and outlined" (keyword
# spellings mentioned, not used). Kept: two sentences of about 70 words (mom's philosophy on
# hanging bottom margins, the units manual's history of the US survey foot). No findings on
# most of the PIC tutorial and units manual's prose. Missed, seen in passing: none looked for.
HELDOUT_45 = (
    ("heldout45/mom-typesetting-guide.docx",
     "typesetting package's introduction, typographic glossary and usage guide (writers)"),
    ("heldout45/mom-letters-tutorial.docx", "tutorial on writing business letters (writers)"),
    ("heldout45/groff-pic-tutorial.docx",
     "tutorial on a diagram-drawing language for documents, examples as code (document authors)"),
    ("heldout45/units-manual.docx",
     "unit converter's user manual: conversions, unit systems, defining units (scientists)"),
)
# Round 46, made on the rules of main after round 44 (d5e223a, main merged before judging: already
# up to date) by tools/make_heldout_docs.py --set 46 from PyPI sdists only (poppy 1.1.2, pysr
# 2.7.2, sbi 0.27.0, scanpy 1.11.5), none used by an earlier set, pinned; 6 texts of about 31,000
# words (31,700 by python-docx with the tables), chosen for the genres past rounds lacked (an
# optics simulator's explanations of its physics and numerics for astronomers, a code of conduct,
# a research group's enhancement-proposal process with one design proposal, a first-person tuning
# guide for scientists, one changelog) and written down in the tool before the rules were run on
# any; developer documentation (PySR's options and examples, Scanpy's developer guide) under a
# third. Every finding judged blind (round "heldout-46"): 9 findings in 30,976 words (0.29 per
# 1,000), keep 44.4 %, noise 55.6 %, wrong 0 %.
# Wrong: none.
# Noise: "organise, analyse, visualise" in the blockquote of MUON's own self-description in
# Scanpy's ecosystem list (a third party's quoted blurb); "The familiar FFT algorithm" in POPPY's
# overview, for optics readers, spelled out on a later page; two repeats of "accomodate" in
# POPPY's old 0.9.0 and 0.3.1 release notes after the 1.0.2 one was flagged; a readable 62-word
# sentence on Soummer et al. (2007) in POPPY's FFT-optimisation introduction.
# Kept: sbi's "maintainance", Scanpy's "After installing installing e.g. Miniconda", POPPY
# 1.0.2's "accomodate", and a 61-word sentence listing three parameters of a basis factory
# function without an "and" (better a list). No findings on POPPY's code of conduct or on PySR's
# 7,700 words. Missed, seen in passing: MUON's "it's associated data structure", PySR's
# "talk less frequently to eachother". The converter leaves Sphinx's "~poppy.OpticalElement"
# tildes and PySR's "[^1]" footnote markers in the text; no finding fell on them.
HELDOUT_46 = (
    ("heldout46/poppy-optics-explanations.docx",
     "optics simulator's explanations of its physics and numerics (astronomers, optical "
     "engineers)"),
    ("heldout46/poppy-conduct-contributing.docx",
     "project's code of conduct and contributing guide (charter)"),
    ("heldout46/poppy-release-notes.docx", "optics simulator's release notes (changelog)"),
    ("heldout46/pysr-tuning-options-examples.docx",
     "symbolic-regression tool's first-person tuning guide, options and examples "
     "(developer-facing)"),
    ("heldout46/sbi-proposals-faq.docx",
     "research software's enhancement-proposal process, a design proposal and FAQ (process, "
     "rationale)"),
    ("heldout46/scanpy-usage-community-dev.docx",
     "single-cell toolkit's usage principles, community pages and developer guide (partly "
     "developer-facing)"),
)
# Round 47, made on the rules of main after round 46 (0eeb9b3, main merged before judging: already
# up to date) by tools/make_heldout_docs.py --set 47 from Debian packages only (parley-data,
# kgeography-data and kmahjongg 22.12.3, gddrescue 1.27, r-doc-html 4.2.2.20221110-2), none used
# by an earlier set, pinned; 5 texts of 31,716 words, chosen for user manuals for non-programmers
# (a vocabulary trainer's, a geography quiz's and a mahjongg game's KDE handbooks, a data-recovery
# tool's manual) and a science package's prose manual (R Installation and Administration,
# chapters 1 and 3-9), written down in the tool before the rules were run on any; developer-facing
# text (parts of the R manual) under a third. Every finding judged blind (round "heldout-47"):
# 4 findings in 31,716 words (0.13 per 1,000), keep 75 %, noise 0 %, wrong 25 %.
# Wrong: one overlong-sentence in R's localization section, "...into English.41 Two other
# examples: ..." read as one 63-word sentence: footnote 41's marker (a superscript in the manual)
# sits after the full stop in the converted text and the splitter did not cut there; the real
# sentences have 19 and 44 words.
# Noise: none.
# Kept: R's "build tools from the the 'MSYS2' project", ddrescue's "but may be overriden", and
# ddrescue's 76-word sentence on copying a failing CD-ROM with several drives.
# No findings on the three KDE handbooks (9,654 words). Missed, seen in passing: none (a doubled-
# word scan of the texts found only the one flagged; nothing else looked for).
HELDOUT_47 = (
    ("heldout47/parley-handbook.docx",
     "vocabulary trainer's handbook for language learners and teachers (user manual)"),
    ("heldout47/kgeography-handbook.docx",
     "geography quiz's handbook for schoolchildren and teachers (user manual)"),
    ("heldout47/kmahjongg-handbook.docx",
     "mahjongg solitaire game's rules and settings (game manual)"),
    ("heldout47/ddrescue-manual.docx",
     "data-recovery tool's manual with worked examples and warnings (user manual, command line)"),
    ("heldout47/r-installation-administration.docx",
     "statistics system's installation and administration manual, chapters 1 and 3-9 "
     "(administrators, partly developer-facing)"),
)
# Round 48, made on the rules of main after round 46 (0eeb9b3; main merged before judging, at
# e28f2ea) by tools/make_heldout_docs.py --set 48 from PyPI sdists only (py_pde 0.59.0, bilby
# 2.8.2, pandera 0.35.0), none used by an earlier set, pinned; 8 texts of about 30,000 words
# (30,119 by the bench), chosen for the genres past rounds lacked (a JOSS paper, scientific
# explanations and a Bayesian-inference tutorial with equations for researchers, architecture
# decision records, a code of conduct and citation policies) and written down in the tool before
# the rules were run on any; developer documentation (py-pde's advanced usage, pandera's schema
# guides) about a third. Every finding judged blind (round "heldout-48"): 5 findings in 30,119
# words (0.17 per 1,000), keep 100 %, noise 0 %, wrong 0 %.
# Wrong: none. Noise: none.
# Kept: py-pde's "a more advanced Runge-Kutta scheme scheme" (a link text followed by the same
# word) and pandera's "errors to to give an overview"; bilby's "how to visualise results" in pages
# otherwise in Oxford -ize spelling, its "initialised to None" beside "initialize" in the same
# guides, and "labeled" on the samplers page beside "labelled" on the hyperparameters page.
# No findings on the JOSS paper, py-pde's advanced usage and community pages or pandera's
# decision records and code of conduct. Missed, seen in passing (the rules are quiet, not only
# right): bilby's "avertised under two possible names", "interferomer data", "was bug prone, and
# lead to unexpected behaviour", "use these to initialize a the cycle", "In practise, we
# implement" (noun) and "there already exists many ways". The converter keeps MyST's `% comment`
# lines and a badge's continued :alt: line out (set 48's filter); bilby's equations come out as
# linear text, and no finding fell on them.
HELDOUT_48 = (
    ("heldout48/joss-paper-py-pde.docx",
     "JOSS paper on a package for partial differential equations (academic)"),
    ("heldout48/py-pde-getting-started-mathematics.docx",
     "PDE solver's introduction, mathematical basics and performance notes (scientists)"),
    ("heldout48/py-pde-advanced-usage.docx",
     "PDE solver's advanced usage, code-heavy (developer-facing)"),
    ("heldout48/py-pde-citing-conduct-contributing.docx",
     "citation policy, code of conduct and contributing guide (charter, process)"),
    ("heldout48/bilby-parameter-estimation-guides.docx",
     "Bayesian parameter-estimation tutorial and samplers' guides with equations (scientists)"),
    ("heldout48/bilby-output-gw-citing-faq.docx",
     "inference library's outputs, gravitational-wave priors and data, citing, FAQ "
     "(researchers' manual)"),
    ("heldout48/pandera-decision-records-conduct.docx",
     "architecture decision records and a code of conduct (design rationale, charter)"),
    ("heldout48/pandera-schemas-models.docx",
     "data-validation library's overview and schema guides (developer-facing)"),
)
# Round 49, made on the rules of main after round 48 (5b4f200; main merged before judging, still
# at 5b4f200) by tools/make_heldout_docs.py --set 49 from Debian bookworm packages only (kalarm,
# korganizer, gwenview, kjumpingcube, rocs, cantor 4:22.12.3-1, knights 22.12.3-1), none used by
# an earlier set, pinned; 7 KDE handbooks of about 45,000 words (44,237 by the bench), chosen
# for user manuals written for people who do not program (office, graphics, a chess program, a
# board game, education) and written down in the tool before the rules were run on any; only
# Rocs' scripting examples lean to developers. Every finding judged blind (round "heldout-49"):
# 8 findings in 44,237 words (0.18 per 1,000), keep 87.5 %, noise 0 %, wrong 12.5 %.
# Wrong (1): undefined-acronym on Knights' "set by the World Chess Federation - FIDE": the
# English name comes right before the acronym, joined by a dash, which the rule does not read as
# a definition (it wants the later "World Chess Federation (FIDE)"). Noise: none.
# Kept: spelling variants KAlarm's "canceled" beside "cancelled" (and "Cancelation" beside
# "late-cancellation"), its one "acknowledgement" beside four "acknowledgment", KOrganizer's one
# "e-mail" beside 41 "email", KJumpingCube's "center"/"centre" (once each, in an otherwise
# American handbook); overlong sentences that are lists run into prose (KJumpingCube's four
# animation options, 79 words; KOrganizer's three ways to browse, 80 words; Gwenview's full-screen
# buttons, 63 words, marginal). No findings on Rocs and Cantor. Missed, seen in passing: Rocs'
# "Top left in the box, your found the following action icons" and "a whiteboard at that nodes
# and edges can be placed".
HELDOUT_49 = (
    ("heldout49/kalarm-handbook.docx",
     "reminder program's long handbook with preferences and FAQ (office users' manual)"),
    ("heldout49/korganizer-handbook.docx",
     "calendar and to-do manager's handbook with a menu reference (office users' manual)"),
    ("heldout49/gwenview-handbook.docx", "image viewer's handbook (graphics users' manual)"),
    ("heldout49/knights-handbook.docx", "chess program's handbook (game manual)"),
    ("heldout49/kjumpingcube-handbook.docx", "board game's rules and strategy (game manual)"),
    ("heldout49/rocs-handbook.docx",
     "graph-theory teaching tool's handbook with script examples (education, partly code)"),
    ("heldout49/cantor-handbook.docx",
     "mathematics worksheet program's handbook (education, science users)"),
)
# Round 50, made on the rules of main after round 48 (5b4f200; main merged before judging: already
# up to date) by tools/make_heldout_docs.py --set 50 from PyPI sdists only (brian2 2.9.0, simpy
# 4.1.2, black 26.10.1), none used by an earlier set, pinned; 7 texts of 48,172 words (by the
# bench), chosen for the genres past rounds lacked (a spiking-network simulator's user guide for
# neuroscientists, a design defence and a project history written as essays, a code formatter's
# style rationale, a contributors' triage and release process and two codes of conduct) and
# written down in the tool before the rules were run on any; developer documentation (SimPy's
# topical guides, parts of Brian's computation chapter) about a quarter. Every finding judged
# blind (round "heldout-50"): 19 findings in 48,172 words (0.39 per 1,000), keep 84 %, noise
# 11 %, wrong 5 %.
# Wrong: one thin-section, Brian's "Standard install" reported empty: the source section is a
# `.. tabs::` directive (conda and pip tabs with the install commands) that set 28's
# reStructuredText reader drops; an artefact of the build, not of the author's text.
# Noise: two spelling-variants set against text the author would not harmonise: SimPy's tutorial
# "is modeled with processes" (consistent with its own "modeled"/"modeling") counted against the
# "modelling"/"signalling"/"cancelling" of the dated 2004-2006 version history, and Brian's
# British "behaviour" (all three of the project's own uses) against the six "behavior" of the
# adopted Contributor Covenant.
# Kept: SimPy's "the the class attributes" and "way to to add classes", Brian's "compatiblity";
# spelling-variants "recognise" and "behaviour" in Black's otherwise -ize/-or style document,
# "judgment"/"judgement" in Black's contributors' guide, "modelling"/"modeling" in Brian's user
# guide, SimPy's "behaviour" beside "behavior" in one section, "help you modelling" beside
# "modeled" in the Containers section (also ungrammatical) and "realise" in -ize guides; six
# overlong sentences (63-92 words), among them Brian's 82-word "flooring division Note that ..."
# where the source lacks a full stop, and a 66-word one with "it make sense".
# Missed, seen in passing (no rule for them): SimPy's "the resolution of you clock" and "Alice and
# Bob have birthday on the same day", Brian's "not just an matter of interpretation" and "it make
# sense" (flagged only for length); a doubled-word scan of the texts found nothing else.
HELDOUT_50 = (
    ("heldout50/brian2-user-guide-models.docx",
     "neural simulator's user guide on models, equations, units, integration and recording "
     "(scientists)"),
    ("heldout50/brian2-synapses-computation.docx",
     "neural simulator's user guide on synapses and code generation (scientists, partly "
     "developer-facing)"),
    ("heldout50/brian2-introduction-conduct.docx",
     "neural simulator's installation, support, compatibility and known issues, code of "
     "conduct (user's introduction, charter)"),
    ("heldout50/simpy-design-history-intro.docx",
     "simulation library's defence of its design, history, release process and tutorial "
     "(essays, rationale)"),
    ("heldout50/simpy-topical-guides.docx",
     "simulation library's topical guides, code-heavy (developer-facing)"),
    ("heldout50/black-code-style-faq.docx",
     "code formatter's style rationale and FAQ (essay, rationale)"),
    ("heldout50/black-contributing-triage-conduct.docx",
     "code formatter's contributing, triage and release process, code of conduct (process, "
     "charter)"),
)
# Round 51, made on the rules of main after round 48 (5b4f200; main merged before judging, already
# up to date; main at 2039d68, with a96a1ac's acronym change, merged after: the same 6
# findings) by tools/make_heldout_docs.py --set 51 from Debian bookworm packages only (gnuastro
# 0.19-1+b2, ntpsec-doc 1.2.2+dfsg1-1+deb12u1, fonts-sil-gentiumplus 6.101-1, lua5.2-doc 5.2.4-3),
# none used by an earlier set, pinned; 5 texts of about 47,000 words (46,252 by the bench), chosen
# for prose that is not an application's handbook (a science manual's introduction, manifesto and
# tutorial, a protocol designer's essays on its algorithms, essays on leap seconds, rollover and
# history with a conformance statement, a typeface's documentation, a language specification) and
# written down in the tool before the rules were run on any; developer documentation (the Lua
# manual) about a fifth. Every finding judged blind (round "heldout-51"): 6 findings in 46,252
# words (0.13 per 1,000), keep 66.7 %, noise 0 %, wrong 33.3 %.
# Wrong: repeated-word on Lua's "Both and and or use short-cut evaluation" (the operator's name,
# bold in the source and the .docx, before the word "and"); undefined-acronym on gnuastro's
# 'CDELT*' (a quoted FITS keyword explained in the same sentence as "Coordinate DELTa"; the "later
# definition" is "rotation ('PC' or 'CD' keywords) and scales ('CDELT')", a gloss, not a spelling
# out). Noise: none.
# Kept: NTPsec's "1-per-second pulses pulses"; "5 PPM" in Loop Dynamics one section before "one
# part per million (PPM)"; gnuastro's one "four data sets" among 16 "dataset(s)"; Gentium's one
# "website" beside four "web site".
# No findings on most pages: the rules are quiet here. Missed, seen in passing (a doubled-word scan
# only): none; the scan also shows Lua's "And and AND are two different, valid names", which the
# rule rightly left alone. The NTPsec pages' related-links and contents sections go, so their
# headings start at "2." or "3." (as numbered in the source).
HELDOUT_51 = (
    ("heldout51/gnuastro-introduction-tutorial.docx",
     "astronomy toolkit's introduction, manifesto and first tutorial (science manual, prose "
     "with shell sessions)"),
    ("heldout51/ntpsec-how-ntp-works.docx",
     "time protocol's essays on its algorithms by its designer (technical explanation)"),
    ("heldout51/ntpsec-leap-seconds-rollover-history.docx",
     "essays on leap seconds, smearing, rollover and NTP's history; a conformance statement "
     "(report, specification)"),
    ("heldout51/gentium-documentation.docx",
     "typeface's about, design, history, FAQ and version pages (typography, general readers)"),
    ("heldout51/lua-5.2-reference-manual-language.docx",
     "language reference manual, chapters 1-3 (specification in prose, developer-facing)"),
)
# Round 52, made on the rules of main after round 51 (bb3399a; main merged before judging, already
# up to date) by tools/make_heldout_docs.py --set 52 from Debian bookworm packages only (dolphin,
# konqueror, kmail, kgpg, khangman, all 4:22.12.3-1), none used by an earlier set, pinned; 5 KDE
# handbooks for people who do not program (a file manager, a file manager and web browser, an
# email client's getting-started, usage, FAQ and troubleshooting chapters, an encryption front
# end, a children's word game), 49,578 words (48,918 by the bench), written down in the tool
# before the rules were run on any. Every finding judged blind (round "heldout-52"): 6 findings in
# 48,918 words (0.12 per 1,000), keep 83.3 %, noise 0 %, wrong 16.7 %.
# Wrong: spelling-variant on KMail's "E-mail address", the account wizard's field label
# (<guilabel>, beside "Full name:" and "Password"), quoted as the program shows it.
# Noise: none.
# Kept: two overlong sentences that pack a procedure into one (Konqueror's 65-word "Navigate to the
# folder ... or ... or ..." on pasting, KMail's 71-word "If you receive emails from a trusted
# source ..."); Konqueror's one "behaviour" among 65 "-or", its one prose "e-mail" against
# "email", and "website(s)" three times against "web site" five.
# No findings at all on Dolphin, KGpg and KHangMan: the rules are quiet on these handbooks. Missed,
# seen in passing (a doubled-word scan only): none; the scan's two hits are UI labels ("Set
# Reply-To To", "Type of Document Document..."), which the rule rightly left alone.
HELDOUT_52 = (
    ("heldout52/dolphin-handbook.docx",
     "file manager's handbook: views, panels, search, settings (user manual, desktop users)"),
    ("heldout52/konqueror-handbook.docx",
     "file manager and web browser's handbook with its FAQ (user manual, desktop users)"),
    ("heldout52/kmail-handbook.docx",
     "email client's handbook: getting started, using it, FAQ, troubleshooting (user manual, "
     "office users)"),
    ("heldout52/kgpg-handbook.docx",
     "encryption front end's handbook: keys, signing, editor (user manual, non-specialists)"),
    ("heldout52/khangman-handbook.docx",
     "word-guessing game's handbook (game manual, children, parents and teachers)"),
)
# Round 53, made on the rules of main after round 51 (bb3399a; main merged before judging, already
# up to date) by tools/make_heldout_docs.py --set 53 from PyPI sdists only (gammapy 2.1,
# spectral_cube 0.7.0), neither used by an earlier set, pinned; 6 texts of about 42,700 words
# (41,764 by the bench), chosen for academic and governance prose (a science collaboration's
# proposals on its process, roadmaps, release cycle and authorship policy; its design and
# statistics proposals argued as essays; its user guide's explanations of fit statistics and
# instrument responses for astronomers; a radio-astronomy cube library's guide) and written down
# in the tool before the rules were run on any; developer documentation (the design PIGs, part of
# the cube guide) near a third. Every finding judged blind (round "heldout-53"): 15 findings in
# 41,764 words (0.36 per 1,000), keep 80.0 %, noise 20.0 %, wrong 0 %.
# Wrong: none.
# Noise: two spelling-variants counted across separate PIGs by different authors built into one
# file: PIG 5's "summarizing" (its own text -ize: "optimize") against the -ise of PIGs 1, 3, 18
# and 24, and PIG 14's lone "optimisation" against the -ize of PIGs 9 and 27; undefined-acronym
# on "MCMC" in PIG 14's abstract ("the standard technique in MCMC Bayesian analyses"), spelled out
# only in another proposal (PIG 27) and a standard term for these readers.
# Kept: five doubled words ("by by regularizing", "the the intensity-weighted velocity", "look at
# at the APE template", "the the Fermi-LAT Science Tools", "the PIG and and will be"); "intro
# here (TBC)" left in the accepted PIG 27; a 71-word run-on in the WSTAT section where the source
# lacks a full stop after the math ("mean value α, μbkg In the ON region ..."); spelling-variants
# "visualisation" in PIG 8 (otherwise -ize), "data sets" beside "datasets" in one sentence of the
# cube guide, one "modelling" among eight "modeling", "parameterisation" and "renormalize" in the
# user guide's -ise/-ize mix.
# Missed, seen in passing (a doubled-word scan only): "As a function of of true energy and offset
# angle" (two IRF headings) and PIG 24's "even if the The Gammapy project is independent".
HELDOUT_53 = (
    ("heldout53/gammapy-pigs-process-governance.docx",
     "gamma-ray astronomy project's proposals on its process, roadmaps, releases and authorship "
     "policy (governance)"),
    ("heldout53/gammapy-pigs-design.docx",
     "gamma-ray astronomy project's design proposals on analysis code, models, datasets and "
     "interface (design rationale, developer-facing)"),
    ("heldout53/gammapy-pigs-statistics.docx",
     "gamma-ray astronomy project's proposals on event sampling, uncertainties, priors and "
     "nested sampling (scientific design essays)"),
    ("heldout53/gammapy-guide-statistics-irf.docx",
     "gamma-ray astronomy user guide on statistics, instrument responses and the DL3 format "
     "(scientific explanation)"),
    ("heldout53/gammapy-guide-analysis.docx",
     "gamma-ray astronomy user guide on datasets, makers, modelling and estimators (scientists' "
     "user guide)"),
    ("heldout53/spectral-cube-user-guide.docx",
     "radio astronomy data-cube library's user guide, code-heavy (scientists, partly "
     "developer-facing)"),
)
# Round 54, made on the rules of main after round 51 (bb3399a; main merged before judging, then
# again at c5395f5 with the new a-or-an rule: the same 14 findings) by tools/make_heldout_docs.py
# --set 54 from Debian bookworm packages only (jargon-text 4.4.7-4.1, chrony 4.3-2+deb12u3, apt-doc
# 2.6.2, nano 7.2-1+deb12u1), none used by an earlier set, pinned; 5 texts of about 40,000 words
# (39,152 by the bench), chosen for prose that is not an application's handbook (the Jargon File's
# essays on hacker language and writing style, its folklore, portrait and annotated bibliography;
# a time server's FAQ; APT's user's guides; a text editor's FAQ) and written down in the tool
# before the rules were run on any; no developer documentation. Every finding judged blind (round
# "heldout-54"): 14 findings in 39,152 words (0.36 per 1,000), keep 64.3 %, noise 35.7 %, wrong 0 %.
# Wrong: none.
# Noise: undefined-acronym on chrony's hardware terms for administrators wiring a PPS signal, "DCD
# pin", "GPIO pin", "some NICs have for PTP" (glossed later as a network device's clock) and "A GPS
# or other GNSS receiver" (the phrase says what it is); thin-section on "Part I. Introduction", a
# part title followed at once by its first chapter (the build puts parts and chapters at one level).
# Kept: the Jargon File's "tendancy"; its one "online" among seven "on-line", its one "realises" in
# an -ize text, its one "fueled" beside "labelled", "modelled", "travelling"; chrony's one
# "prioritize" among "synchronise", "minimise", "initialise", and its "HW-specific" in prose that
# writes "hardware"; nano's one "e-mail" among four "email"; two overlong sentences (76 words with
# two long asides on mail quoting; chrony's 74-word run of five "if" conditions).
# No findings at all on APT's guides. Missed, seen in passing (no rule for them): chrony's headings
# "How should chronyd be configuration with gpsd?" and "Should be a leap smear enabled on NTP
# server?", its "connected to the Internet only for few minutes", and the Jargon File's
# "Hofstadter's Göodel, Escher, Bach" (the book's title is spelled "Gödel" a few lines above).
HELDOUT_54 = (
    ("heldout54/jargon-file-introduction.docx",
     "the Jargon File's welcome and chapters on hacker slang, writing and speech style "
     "(essays on language, general readers)"),
    ("heldout54/jargon-file-appendices.docx",
     "the Jargon File's folklore, portrait of the hacker and annotated bibliography "
     "(anecdotes, sociological sketch, book reviews)"),
    ("heldout54/chrony-faq.docx",
     "time server's FAQ for administrators, configuration lines as code (FAQ)"),
    ("heldout54/apt-users-guide-offline.docx",
     "package tool's user's guide and offline-use guide (end users' tool guide)"),
    ("heldout54/nano-faq.docx",
     "text editor's FAQ with its history and naming (FAQ, general readers)"),
)
# Round 55, made on the rules of main at 4a3d436 (main merged before judging: already up to date)
# by tools/make_heldout_docs.py --set 55 from Debian bookworm packages only (evolution-common
# 3.46.4-2+deb12u1, kleopatra, juk and akregator 4:22.12.3-1), none used by an earlier set, pinned;
# 5 user manuals for people who do not program, about 47,000 words (45,465 by the bench): an
# email client's help in two parts (mail; calendars, contacts, tasks, import, backup), a
# certificate manager's, a music player's and a feed reader's handbooks, written down in the
# tool before the rules were run on any; no developer documentation. Every finding judged blind
# (round "heldout-55"): 4 findings in 45,465 words (0.09 per 1,000), keep 100 %, noise 0 %,
# wrong 0 %.
# Wrong: none. Noise: none.
# Kept: Evolution's one "organiser" among seven "organizer" on the same topic; its one "e-mail"
# against 53 "email"; Kleopatra's one -ise verb "specialised" among "customize", "synchronize",
# "initialize"; a 68-word sentence on free/busy information with two "only if" conditions, an
# aside and a menu path.
# No findings at all on Evolution's 16,000 words of mail help, JuK or Akregator. Missed, seen in
# passing (no rule for them): Kleopatra's "It is a good advise to use a place" and "different
# from you key pair", "keys sizes"; Evolution's "There are several ways how to organize your
# contacts" and "addressbooks" beside "address books".
HELDOUT_55 = (
    ("heldout55/evolution-help-mail.docx",
     "email client's help, its mail pages (office users' guide, GNOME Mallard)"),
    ("heldout55/evolution-help-calendar-contacts.docx",
     "office suite's help on calendars, contacts, tasks, import and backup (office users' guide)"),
    ("heldout55/kleopatra-handbook.docx",
     "certificate manager's handbook for people who are not cryptographers (end users' guide)"),
    ("heldout55/juk-handbook.docx",
     "music player and tagger's handbook (desktop users' guide)"),
    ("heldout55/akregator-handbook.docx",
     "feed reader's handbook with its FAQ (desktop users' guide)"),
)
# Round 56, made on the rules of main after round 54 (4a3d436; main merged before judging: already
# up to date, then again at ca13f68 with round 55: the same 7 findings) by
# tools/make_heldout_docs.py --set 56 from PyPI sdists only (specutils 2.4.0,
# regions 0.12, reproject 0.21.0, cf_xarray 0.11.3, iminuit 2.33.0), none used by an earlier set,
# pinned; 6 texts of about 41,400 words (40,350 by the bench), chosen for academic prose
# (scientific user guides for astronomers on spectra, sky regions and reprojection, a climate-data
# conventions guide with its roadmap and changelog, a fitting tool's history, statistics FAQ and
# benchmark report; the sdists probed for a JOSS paper.md shipped none) and written down in the
# tool before the rules were run on any; developer pages kept to contributing and release pages.
# Every finding judged blind (round "heldout-56"): 7 findings in 40,350 words (0.17 per 1,000),
# keep 85.7 %, noise 14.3 %, wrong 0 %.
# Wrong: none.
# Noise: thin-section on regions' "Region File Format Limitations", whose only content is a toctree
# to the DS9 and FITS limitation pages that follow in the document at the same level (the build
# drops the links; the author's page is not empty).
# Kept: two doubled words ("per spectral spectral axis unit", "in the the call"), cf_xarray's
# "documention", iminuit's about page writing "minimiser", "minimise", "optimiser" against
# "minimize" 15 times in its FAQ and benchmark, reproject's one-sentence "Non-celestial
# images/data" page promising support "in future releases", and a 61-word specutils sentence that
# splits at "but".
# Missed, seen in passing (no rule for them): specutils' "you many also refer to" and "These
# objects contains logic", iminuit's "only designed to handle box constrains" and "Using strategy
# 0 seem safe to use". Prose in Sphinx plot:: directives is dropped by the build with their code.
HELDOUT_56 = (
    ("heldout56/specutils-guide-spectra.docx",
     "astronomical spectroscopy library's guide to spectra, collections, cubes and regions "
     "(scientists' user guide, code-heavy)"),
    ("heldout56/specutils-analysis-fitting.docx",
     "the same guide's analysis, fitting and manipulation methods with a contributing page "
     "(scientists' user guide, code-heavy)"),
    ("heldout56/regions-overview-user-guide.docx",
     "sky regions library's overview and user guide for astronomers, with its release pages "
     "(scientists' user guide)"),
    ("heldout56/reproject-documentation.docx",
     "astronomical image reprojection and mosaicking guide with performance advice "
     "(scientists' user guide)"),
    ("heldout56/cf-xarray-user-guide-roadmap.docx",
     "climate-data CF conventions guide with a roadmap essay and a changelog (scientists' "
     "user guide, MyST)"),
    ("heldout56/iminuit-about-faq-benchmark.docx",
     "fitting tool's history, statistics FAQ and benchmark report (academic FAQ and report)"),
)
# Round 57, made on the rules of main after round 54 (4a3d436; main merged again at ca13f68 before
# the last bench run, no rule changed: the same 6 findings) by tools/make_heldout_docs.py --set 57
# from Debian bookworm packages only (cryptsetup 2:2.6.1-4~deb12u2, bogofilter-common 1.2.5-1+b2,
# r-cran-emmeans 1.8.4-1+dfsg-1), none used by an earlier set, pinned; 6 texts of about 42,000
# words (40,496 by the bench), chosen for prose that is not an application's handbook (a
# disk-encryption FAQ for anyone encrypting a disk, in two parts, the second long argued answers
# on passphrases, attacks and header backups; a spam filter's FAQ and its statistical tuning
# guide; a statistics package's FAQs and explanations of marginal means, intervals and
# comparisons, from its R Markdown sources with the R chunks as code) and written down in the
# tool before the rules were run on any; developer documentation none (emmeans' vignettes are for
# analysts who use R). Every finding judged blind (round "heldout-57"): 6 findings in 40,496
# words (0.15 per 1,000), keep 66.7 %, noise 0 %, wrong 33.3 %.
# Wrong: number-format on "only one `percent` value, its average" (emmeans' basics): `percent` is
# the pigs data's predictor, a code span in the source, not a percentage to write in figures;
# overlong-sentence on 65 "words" that are two sentences, "...on a practical scale.[^2] An effect
# can be...": a Pandoc footnote mark after the full stop (left as text by the build) hid the
# sentence end.
# Noise: none.
# Kept: cryptsetup's "If you use this for an device"; emmeans' "with the quadratic model, the the
# trends are curved"; bogofilter's two "email" against four "e-mail" in the FAQ's prose; its
# tuning guide's "(over 5000 spams and 5000 nonspams)" against "about 5,000" and "both over
# 5,000" in the next section.
# No findings at all on the cryptsetup FAQ's 7,700 words of general questions and setup. Missed,
# seen in passing (no rule for them): emmeans' "This is turn can happen when" (for "in turn").
HELDOUT_57 = (
    ("heldout57/cryptsetup-faq-general-setup.docx",
     "disk-encryption FAQ: general questions, setup, problems, troubleshooting (FAQ, anyone "
     "encrypting a disk)"),
    ("heldout57/cryptsetup-faq-security-backup.docx",
     "disk-encryption FAQ: security aspects, backup and data recovery (argued answers, "
     "essay-like)"),
    ("heldout57/bogofilter-faq.docx", "spam filter's FAQ (people sorting their own mail)"),
    ("heldout57/bogofilter-tuning-howto.docx",
     "Bayesian spam filter's tuning guide (users, statistical explanation)"),
    ("heldout57/emmeans-faqs-basics.docx",
     "statistics package's FAQs and basics of marginal means, R code as code (analysts)"),
    ("heldout57/emmeans-intervals-comparisons.docx",
     "statistics package's explanations of intervals, comparisons, interactions (analysts)"),
)
# Round 58, made on the rules of main after round 57 (main merged at 027662c before judging) by
# tools/make_heldout_docs.py --set 58 from Debian bookworm packages only (konversation-data
# 22.12.3-1, kwave 22.12.3-1, kphotoalbum 5.9.1-1, palapeli-data 4:22.12.3-1, ktouch-data
# 4:22.12.3-1), none used by an earlier set, pinned; 5 KDE handbooks of about 46,000 words
# (45,433 by the bench), chosen for user manuals written for people who do not program (an IRC
# client, a sound editor with its audio basics and script command reference, a photo organiser,
# a jigsaw game, a typing tutor), read by set 52's reading of KDE's DocBook, and written down in
# the tool before the rules were run on any; developer documentation none. Every finding judged
# blind (round "heldout-58"): 11 findings in 45,433 words (0.24 per 1,000), keep 81.8 %, noise
# 9.1 %, wrong 9.1 %.
# Wrong: thin-section on KPhotoAlbum's "Credits and License": the DocBook chapter holds
# "&underFDL; &underGPL;" (KDE's licence paragraphs), which the build leaves empty, so the
# section is empty only in the built file (a build artefact, not the author's).
# Noise: number-format on Palapeli's "a 1440 by 900 screen" against "10,000 piece puzzle": a
# screen resolution, never written with a separator.
# Kept: Kwave's "SDI, MDI or Tab mode" in the Introduction and "OSS"/"ALSA" in Recording, all
# spelled out only in later sections (4); its two 63-word "Otherwise the left/right border of
# the new selection will be ..." sentences in the command reference; its one "favourite" against
# six -or spellings; "like for example Ogg/Vorbis, FLAC and so on"; KPhotoAlbum's "has an
# viewer".
# No findings at all on the Konversation (9,800 words) and KTouch (4,400 words) handbooks.
HELDOUT_58 = (
    ("heldout58/konversation-handbook.docx",
     "IRC chat client's handbook with its FAQ (desktop users' manual)"),
    ("heldout58/kwave-handbook.docx",
     "sound editor's handbook with audio basics and a command reference (users who record "
     "and cut audio)"),
    ("heldout58/kphotoalbum-handbook.docx",
     "photo organiser's handbook (photographers' user manual)"),
    ("heldout58/palapeli-handbook.docx", "jigsaw puzzle game's manual (players)"),
    ("heldout58/ktouch-handbook.docx",
     "typing tutor's handbook (learners and teachers, education)"),
)
# Round 59, made on the rules of main after round 57 (main merged at e878bce before judging, again
# at cef1599 before the last bench run: the same 7 findings) by
# tools/make_heldout_docs.py --set 59 from PyPI sdists only (scvi_tools 1.4.2, pyspeckit 1.0.4,
# uncertainties 3.2.3, linearmodels 7.1, anndata 0.12.19), none used by an earlier set, pinned;
# 7 texts of about 44,000 words (43,238 by the bench), chosen for academic prose (the sdists
# probed for a JOSS paper.md shipped none): a single-cell modelling package's background on
# variational inference and its model pages written as methods sections (with their maths left
# as TeX), a spectroscopic toolkit's guide for astronomers, an error-propagation package's user
# and technical guides, an econometrics package's introductions to IV, panel and asset-pricing
# models with its panel FAQ, and a data format's specification in prose (the one developer
# text), written down in the tool before the rules were run on any. Every finding judged blind
# (round "heldout-59"): 7 findings in 43,238 words (0.16 per 1,000), keep 85.7 %, noise 0 %,
# wrong 14.3 %.
# Wrong: undefined-acronym on scVI's "the observed UMI counts": the "later spelling-out" it cites,
# "a paired matrix of protein abundance (UMI counts)" in totalVI, is a gloss, not UMI's
# expansion (unique molecular identifier), so its advice to move the definition is false.
# Noise: none.
# Kept: uncertainties' "40 of the the functions"; anndata's "zellkonverter zellkonverter provides"
# (link text then the name again); scANVI's and MethylANVI's "the cells present in the data
# sets" against "datasets" everywhere else in the model pages; ResolVI's one "modelled" against
# "modeled"; linearmodels' asset-pricing "estimated using regressions as a SUR" with SUR spelled
# out only in the system-models page.
# No findings at all on scvi-tools' background and FAQ (3,400 words) or pyspeckit's guide (3,400
# words). The maths left as TeX ($x_{ng}$, \begin{align}) and the footnote marks ([^ref1]) drew
# no findings.
HELDOUT_59 = (
    ("heldout59/scvi-tools-background-faq.docx",
     "single-cell modelling package's background on variational inference, differential "
     "expression and transfer learning, with its FAQ (methods prose with maths, MyST)"),
    ("heldout59/scvi-tools-models-scvi-stereoscope.docx",
     "single-cell models' generative processes, inference and tasks, scVI to Stereoscope "
     "(academic methods sections, MyST)"),
    ("heldout59/scvi-tools-models-mrvi-tangram.docx",
     "single-cell models' generative processes, inference and tasks, MrVI to Tangram "
     "(academic methods sections, MyST)"),
    ("heldout59/pyspeckit-guide.docx",
     "spectroscopic toolkit's guide for astronomers, CLASS and IRAF users (scientists' user "
     "guide)"),
    ("heldout59/uncertainties-user-technical-guide.docx",
     "error-propagation package's user, NumPy, formatting and technical guides (scientists' "
     "user guide and method essay)"),
    ("heldout59/linearmodels-iv-panel-introductions.docx",
     "econometrics package's introductions to IV, panel and asset-pricing models with a panel "
     "FAQ (academic explanation with maths)"),
    ("heldout59/anndata-format-concatenation.docx",
     "data format's on-disk specification, concatenation and interoperability pages "
     "(specification in prose, developer documentation)"),
)
# Round 60, made on the rules of main after round 57 (main 027662c merged before judging, again at
# e878bce before the last bench run: the same 13 findings) by tools/make_heldout_docs.py --set 60
# from Debian bookworm packages only (fetchmail 6.4.37-1, lzip 1.23-5, lziprecover 1.23-5,
# openttd 13.0-2), none used by an earlier set, pinned; 7 texts of
# 45,062 words by the bench, chosen for prose that is not an application's handbook (a mail
# retriever's FAQ for its users in two parts, written over twenty years by ESR and his successors,
# with contributors' reports quoted; its maintainer's design notes on the program he inherited, its
# feature history and to-do list; a compressor's manual with its quality essay and its file
# format specified in prose, and its data-recovery companion's manual with worked repairs, in
# info; a game's README and multiplayer guide, and its report of the bugs it will not fix) and
# written down in the tool before the rules were run on any; developer documentation none. Every
# finding judged blind (round "heldout-60"): 13 findings in 45,062 words (0.29 per 1,000), keep
# 53.8 %, noise 15.4 %, wrong 30.8 %.
# Wrong: placeholder on "It is therefore a sort of a TODO document" (the word names the kind of
# document); repeated-word on "TCP timestamps are turned on on my Linux boxes" ("turned on" + "on
# my boxes"); repeated-word on "literal literal" in lzip's coding-sequence table (its columns
# "0 + byte | literal | literal byte" run together by the info build); spelling-variant on
# "restores normal behaviour" inside Brian Boutel's report, which the FAQ quotes ("Brian Boutel
# writes:"), against the FAQ's own "behavior".
# Noise: undefined-acronym on "the 32-bit CRC" in lzip's introduction (a standard term for the
# manual's readers, expanded later in the file format; the "spelled out" place the finding cites,
# "trailer contents (CRC, data size, member size)", is a list, not a definition); repeated-word on
# "because is is not allowing" in the same quoted report (a typo whose fix is "[it] is", not
# dropping a word).
# Kept: "occuring"; "reports that the the mail.geocities.com", "sent back the the server";
# OpenTTD's one "optimisation" against "optimized" twice (with "colours": -ize and -our); three
# overlong sentences (lziprecover's 63-word "If you used bzip2, and if ..., and if ..., then",
# OpenTTD's 63-word server tip, the FAQ's 82-word "The reason for the truncation ...").
# No findings at all on most of the FAQ's first part (one in 5,706 words). Missed, seen in passing
# (no rule for them): lzip's "gzip won't be able to find neither the header CRC" (double negative).
HELDOUT_60 = (
    ("heldout60/fetchmail-faq-general-configuration.docx",
     "mail retriever's FAQ: general, build, grammar and configuration questions (FAQ, users)"),
    ("heldout60/fetchmail-faq-servers-troubleshooting.docx",
     "mail retriever's FAQ: MTAs, servers, ISPs, errors, lost and mangled mail (FAQ, users)"),
    ("heldout60/fetchmail-design-notes-features-todo.docx",
     "maintainer's design notes, feature history and to-do list (report, essay)"),
    ("heldout60/lzip-manual.docx",
     "compressor's manual with a quality essay and its file format in prose (info, users)"),
    ("heldout60/lziprecover-manual.docx",
     "data-recovery tool's manual with worked repairs (info, users)"),
    ("heldout60/openttd-readme-multiplayer.docx",
     "game's README and multiplayer guide (long README, players)"),
    ("heldout60/openttd-known-bugs.docx", "game's report of known bugs it will not fix (report)"),
)
# Round heldout-61, on the rules of main after round 60 (merged before judging), from Debian
# bookworm packages only (krusader 2:2.8.0-1, evince-common 43.1-2+deb12u1, shotwell-common
# 0.30.17-1, kolf 4:22.12.3-1), none used by an earlier set, pinned; 4 texts of 41,737 words by
# the bench, chosen for help written for people who do not program (a twin-panel file manager's
# KDE handbook with its tools, a document viewer's and a photo manager's GNOME help in Mallard, a
# miniature-golf game's manual) and written down in the tool before the rules were run on any;
# developer documentation none. Every finding judged blind (round "heldout-61"): 13 findings in
# 41,737 words (0.31 per 1,000), keep 92.3 %, noise 0 %, wrong 7.7 %.
# Wrong: placeholder on Krusader's search dialog, "a file which is bigger than XXX bytes ...,
# smaller than XXX bytes or ... bigger than XXX but smaller than YYY" (XXX and YYY stand for the
# size the user types; nothing is missing).
# Kept: "an new action" (Krusader), "location in in the Preferences window" (Shotwell), "right-click
# on the photos an select" (Shotwell: a real slip, but "an" for "and", so the suggested "a" is the
# wrong fix); Krusader's 71-word Totals Label item, whose source repeats "Totals Label: selecting or
# deselecting files will change the"; spelling-variant on Evince's one "colour" against "color" two
# paragraphs before, and on Krusader's mixes: "favour"/"favourite"/"behaviour" against -or 51 times,
# "synchroniser" against the tool's "Synchronizer", "centre" against "center" (its count inflated:
# the editor settings' paragraph is built twice), "sub-folder", "sub-menu", "wild cards" and "check
# box" against "subfolder", "submenu", "wildcards", "checkbox".
# Nothing at all on the Kolf handbook (2,788 words) and one finding in Evince's help.
HELDOUT_61 = (
    ("heldout61/krusader-handbook.docx",
     "twin-panel file manager's handbook: interface, functions and tools (KDE handbook, users)"),
    ("heldout61/evince-help.docx", "document viewer's help pages (GNOME Mallard help, users)"),
    ("heldout61/shotwell-help.docx", "photo manager's help pages (GNOME Mallard help, users)"),
    ("heldout61/kolf-handbook.docx", "miniature-golf game's manual (KDE handbook, players)"),
)
# Round heldout-62, on the rules of main after round 61 (merged before judging), from Debian
# bookworm packages only (kid3-qt 3.9.3-1, calligraplan 1:3.3.0-2, pitivi 2022.06-1+b1,
# gthumb-data 3:3.12.2-3, gnote 43.1-1, brasero-common 3.12.3-2), none used by an earlier set,
# pinned; 6 texts of 44,214 words by the bench, chosen for handbooks written for people who do not
# program (an audio tagger's handbook in DocBook HTML, a project planner's KDE handbook, a video
# editor's, an image viewer's, a note-taking program's and a disc burner's GNOME help in Mallard)
# and written down in the tool before the rules were run on any; developer documentation only
# Kid3's command-line and scripting chapters. Every finding judged blind (round "heldout-62"):
# 9 findings in 44,214 words (0.20 per 1,000), keep 66.7 %, noise 22.2 %, wrong 11.1 %.
# Wrong: undefined-acronym on Calligra Plan's "independent of the WBS and RBS", inside the
# glossary's "Cost Breakdown structure" entry, with "RBS: Resource Breakdown Structure" an entry
# of the same glossary a few lines on (a glossary's cross-reference).
# Noise: undefined-acronym on Plan's "PERT distribution" in the introduction's feature list (a
# standard term for project managers, spelled out in the next chapter's glossary) and on Pitivi's
# "some HD camcorders" (a household word; the help's pages are read one at a time).
# Kept: "packages containing containing gstreamer plugins" (Pitivi); gThumb's shipped "TODO:
# further documentation is needed here."; Kid3's 69-word sentence on "track title.mp3" file names
# with two nested parenthetical asides; spelling-variant on Kid3's "web site" against "websites",
# gThumb's one "behaviour" against "colors", Gnote's one "check box" against "checkbox" six times.
# Nothing at all on Brasero's help (2,226 words); missed in passing: gThumb's "shades of grey"
# beside "colors" (grey/gray is no -our/-or pair the rule knows).
HELDOUT_62 = (
    ("heldout62/kid3-handbook.docx",
     "audio tagger's handbook with its command-line and scripting chapters (DocBook HTML, users)"),
    ("heldout62/calligraplan-handbook.docx",
     "office suite's project planner's handbook (KDE handbook, project managers)"),
    ("heldout62/pitivi-help.docx", "video editor's help pages (GNOME Mallard help, users)"),
    ("heldout62/gthumb-help.docx", "image viewer and organiser's help (GNOME Mallard help, users)"),
    ("heldout62/gnote-help.docx", "note-taking program's help (GNOME Mallard help, users)"),
    ("heldout62/brasero-help.docx", "disc burner's help pages (GNOME Mallard help, users)"),
)

# Round heldout-66, on the rules of main after round 64 (merged before judging), from PyPI sdists
# only (statsmodels 0.14.4, deap 1.4.1, gwpy 3.0.10, pint 0.24.4, pydicom 3.0.1, nengo 4.0.0,
# pyvo 1.5.2), none used by an earlier set, pinned; 7 texts of 58,377 words by the bench, chosen
# for academic prose (statistical methods, evolutionary computation, gravitational-wave data,
# physical units, medical imaging files, a brain-modelling toolkit's history as an essay, the
# Virtual Observatory) and written down in the tool before the rules were run on any; developer
# material (DEAP's, Pint's and pydicom's API walk-throughs) kept to parts that explain methods.
# Every finding judged blind (round "heldout-66"): 24 findings in 58,377 words (0.41 per 1,000),
# keep 75.0 %, noise 20.8 %, wrong 4.2 %.
# Wrong: undefined-acronym on PyVO's "Simple Line Access (SLAP) -- finding data about spectral
# lines", which is the definition itself (in a list with "Simple Spectral Access (SSA)"), not
# taken as one because the expansion leaves out "Protocol".
# Noise: undefined-acronym on DICOM value-representation codes, identifiers pointing at the VR
# table ("may be OB or OW", "uses a VR of OB" again in the same section, "For DS we can use a
# str"), on "SOP Class UID" (an official element name, quoted), and on DEAP's "Loosely typed GP"
# six paragraphs under the page title "Genetic Programming".
# Kept: "presense" (statsmodels), "Similary" (GWpy), "conversion rate rate" (Pint), "for the the
# following transfer syntaxes" (pydicom), "the the hazard" (statsmodels), "look for for resources"
# and "a explanation" (PyVO); spelling-variant on DEAP's "flavors" (beside "behaviour",
# "neighbouring"), Pint's one "behavior" against five "behaviour", Nengo's "modelling" against
# "modelers", statsmodels' "modeling"/"modelling" three each and "dataset"/"data set" (both in one
# paragraph), GWpy's "data set" against "dataset", pydicom's one "synchronised"; a 61-word
# sentence in PyVO (which also has "PyVO accept"); undefined-acronym on PyVO's "SSAP for spectra"
# (the introduction says SSA), "by UCD" (never spelled out; the cited "later definition" is only
# the parameter name "UCD (ucd)") and pydicom's "any DICOM IOD" (expanded only in the waveforms
# tutorial).
# Missed, seen in passing: GWpy's "extends the functionaity of" and "creating a (almost)
# publication-ready figure", PyVO's "This is may be useful", DEAP's "a phenomena known in GP",
# Nengo's "and the create a simulator based on that model" (then). GWpy's unresolved substitutions
# ("|GWOSC|_", from its conf.py) raised nothing.
# Re-run after merging main with rounds 65 and 67 (f625e60): the same 24 findings.
HELDOUT_66 = (
    ("heldout66/statsmodels-statistical-guide.docx",
     "statistical methods explained to analysts: regression, GLM, mixed models, survival, "
     "contingency tables, missing data, FAQ (academic)"),
    ("heldout66/deap-evolutionary-tutorials.docx",
     "evolutionary computation framework's tutorials for researchers (academic, part developer)"),
    ("heldout66/gwpy-gravitational-wave-guide.docx",
     "gravitational-wave data guide for physicists: time series, spectra, segments (academic)"),
    ("heldout66/pint-units-guide.docx",
     "physical units and quantities explained to scientists (academic, part developer)"),
    ("heldout66/pydicom-tutorials-guides.docx",
     "medical imaging files explained to researchers: tutorials, glossary, best practice "
     "(academic, part developer)"),
    ("heldout66/nengo-history-guide.docx",
     "brain-modelling toolkit's history as an essay, then its guide (essay, academic)"),
    ("heldout66/pyvo-virtual-observatory.docx",
     "the Virtual Observatory's data access and registry explained to astronomers (academic)"),
)

# Round heldout-64, on the rules of main after round 61 (merged before judging), from Debian
# bookworm packages only (privoxy 3.0.34-1, gap-doc 4.12.1-2, libwayland-doc 1.21.0-1), none used
# by an earlier set, pinned; 5 texts of 45,025 words by the bench, chosen for prose that is not an
# application's handbook (a web-privacy proxy's FAQ for a general audience in two parts, a
# computer algebra system's tutorial book in two parts, a display protocol's architecture and
# wire format in prose) and written down in the tool before the rules were run on any; developer
# documentation one text of five (Wayland, 6,578 words). Every finding judged blind (round
# "heldout-64"): 14 findings in 45,025 words (0.31 per 1,000), keep 71.4 %, noise 14.3 %,
# wrong 14.3 %.
# Wrong: two overlong sentences in the GAP tutorial that are two sentences each, the full stop
# after a one-letter variable not taken as a sentence end ("over a field with zero element z.
# Structure constants can be entered ...", 64 counted for about 50; "for all possible i. More
# generally the number of partitions ...", 64 counted for about 29).
# Noise: undefined-acronym on Wayland's "toolkits like GTK+ and Qt" (a toolkit's name nobody
# spells out, and the sentence says what it is) and on "Fortran compilers and VRML browsers" (a
# passing quip about old technology).
# Kept: "the the actions chapter" (Privoxy), "told the compositor to to use" (Wayland), "those of a
# another proxy" (Privoxy: real, but the fix is dropping "a", not "an"); overlong sentences in
# Privoxy (75 words on the proxy's address with two long parentheticals) and Wayland (69 words,
# two lists and two parentheticals); spelling-variant on "web site(s)" against "website(s)" in
# both parts of the FAQ, "behaviour" against "behavior" in both parts, and GAP's "online help"
# against "on-line help" twice.
# Re-run after merging main's new agreement rule (7e962d1): no new finding on this set.
# Nothing at all on GAP's chapters 1-3 but the "online" variant (11,352 words, mostly sessions
# kept as code). Missed, seen in passing (no rule caught them): Privoxy's heading "crashes when
# visitting certain websites", "how a web sites can find out who you are" and "(and don't be
# able to load websites ...)".
# Round heldout-69, on the rules of main after round 66 (merged before judging), from PyPI sdists
# only (ephem 4.2.1, sktime 1.2.0, bambi 0.17.2, zfit 0.28.0, mpmath 1.4.1, mido 1.3.3), none used
# by an earlier set, pinned; 8 texts of 58,290 words by the bench, chosen for academic prose and
# governance texts (PyEphem's tutorial, essays and quick reference for amateur astronomers,
# sktime's charter, code of conduct, glossary and getting started, Bambi's governance, zfit's
# fitting tutorials for physicists, mpmath's guide to arbitrary precision) and written down in
# the tool before the rules were run on any; developer documentation one text of eight (Mido's
# MIDI guide, 7,718 words). Every finding judged blind (round "heldout-69"): 25 findings in
# 58,290 words (0.43 per 1,000), keep 80.0 %, noise 8.0 %, wrong 12.0 %.
# Wrong: number-format on Ephem's "Jupiter is about 3,100 light-seconds" (the prose writes
# "6,300 kilometers" and "25,800 years" too; the "no separator" side is "1010 mB" pressures,
# years and code output); thin-section on zfit's "Available Prior Distributions" (its
# jupyter-execute cell was dropped by the reader, the author's section has content); an
# overlong sentence in mpmath that is two ("for any input interval v. Put differently, ...":
# the full stop after a one-letter variable not taken as a sentence end, as in round 64).
# Noise: undefined-acronym on zfit's "a library for HEP-like plots" (the readers' own field,
# spelled out later on the Loss page) and Ephem's 65-word eclipse sentence whose count is
# swollen by its arithmetic ("0.52'' + 0.48 = 1.00'' wide on one side ...").
# Kept: repeated words "the The Alan Turing Institute" twice and "the The Turing Way", "be be"
# (sktime), "of of" (mpmath), "a a loss minimum" (zfit), "ticks per per quarter note" (Mido);
# a-or-an "a analytical" (zfit), "ensure an that every contributor" (sktime), "an socket" and
# "An full example" (Mido); "incomming" (zfit), "aquire" (Ephem); zfit's "TODO: the sample
# below is not correct"; spelling-variant on sktime's "event modelling(time-to-event modeling"
# (one line), its charter's "scrutinize"/"formalize" beside "organisation"/"recognising" and
# "favorite" beside "behaviour", Ephem's "timezone" after "time zone" in the next sentence, and
# zfit's "minimiser"/"optimisation" beside "minimizer"; Ephem's 70-word aberration sentence.
# Nothing on Bambi's governance (3,887 words) and one finding on sktime's glossary.
# Re-run after merging main with round 70 and its repeated-word change (8c8cc5a): the same 25
# findings.
HELDOUT_69 = (
    ("heldout69/ephem-tutorial-essays.docx",
     "astronomy library's tutorial and essays on coordinates, rising and setting, Newton's "
     "method, for amateur astronomers (academic, tutorial)"),
    ("heldout69/ephem-quick-reference.docx",
     "the same library's quick reference, dates, angles, coordinates, as prose (reference)"),
    ("heldout69/sktime-governance-conduct.docx",
     "scientific community's governance, code of conduct, mentoring and funding (governance)"),
    ("heldout69/sktime-glossary-getting-started.docx",
     "time-series machine learning explained to scientists: getting started, glossary, related "
     "software, roadmap (academic, glossary)"),
    ("heldout69/bambi-governance.docx",
     "Bayesian modelling project's governance, code of conduct, contributing guide (governance)"),
    ("heldout69/zfit-fitting-tutorials.docx",
     "model fitting in particle physics explained to physicists: tutorials (academic, part "
     "developer)"),
    ("heldout69/mpmath-precision-guide.docx",
     "arbitrary-precision arithmetic explained to mathematicians: basics, contexts, precision, "
     "matrices, identification (academic)"),
    ("heldout69/mido-midi-guide.docx",
     "MIDI library's guide: messages, files, ports, glossary (developer)"),
)

HELDOUT_64 = (
    ("heldout64/privoxy-faq-general-configuration.docx",
     "web-privacy proxy's FAQ: general, installation and configuration questions (FAQ, public)"),
    ("heldout64/privoxy-faq-misc-troubleshooting.docx",
     "web-privacy proxy's FAQ: miscellaneous, troubleshooting and contact (FAQ, public)"),
    ("heldout64/gap-tutorial-session-lists.docx",
     "computer algebra system's tutorial: preface, first session, lists (book, mathematicians)"),
    ("heldout64/gap-tutorial-functions-groups-algebras.docx",
     "computer algebra system's tutorial: functions, groups, vector spaces (book, mathematicians)"),
    ("heldout64/wayland-architecture-protocol.docx",
     "display protocol's architecture and wire format in prose (specification, developers)"),
)

# Round heldout-63, on the rules of main after round 61 (merged before judging; re-run after merging
# round 62's rule changes: the same 11 findings), from PyPI sdists only (pyNN 0.13.0, neo 0.14.6,
# synphot 1.8.0, ginga 7.5.0, ccdproc 2.5.1), none used by an earlier set, pinned; 6 texts of 42,356
# words by the bench, chosen for academic prose (guides for neuroscientists and astronomers, with
# formulae and two governance pages, and an image viewer's manual for its users) and written down in
# the tool before the rules were run on any; developer documentation under a third (Neo's raw I/O
# and file-format pages).
# Every finding judged blind (round "heldout-63"): 11 findings in 42,356 words (0.26 per 1,000),
# keep 81.8 %, noise 18.2 %, wrong 0 %.
# Noise: undefined-acronym on synphot's "akin to IRAF SYNPHOT bandpar task" (the legacy software
# every reader knows, never spelled out; the "later definition" cited is only the heading
# "Bandpass RMS Band Width (IRAF)") and on "including count/OBMAG" (a unit name among VEGAMAG,
# PHOTLAM, FLAM, explained in the unit list nine paragraphs on).
# Kept: "convienient" (PyNN), "familar" (synphot), "centered on a outlying pixel" (ccdproc), "if
# there is a active canvas" and "Ginga will will update" (Ginga); spelling-variant on Neo's
# "standardised" (its pages mix -ise and -ize, one paragraph has "minimise" and "minimize"), PyNN's
# "parameterisations were not standardized" and Ginga's one "tool bar" against "toolbar";
# undefined-acronym on ccdproc's "onto another WCS" in its overview (true: the guide spells out
# "World Coordinate System (WCS)" only near its end, though the finding points at "image with
# coordinate information (WCS)" instead).
# Missed, seen in passing: ccdproc's "The underlying functionality is proved by the reproject
# project" (provided) and "set to a astropy.wcs.WCS object"; PyNN's "Initialising" beside
# "initialize" and "parameterizations" not flagged.
HELDOUT_63 = (
    ("heldout63/pynn-users-guide-networks.docx",
     "neuronal-network simulator language's guide: networks, neurons, connections (academic)"),
    ("heldout63/pynn-parameters-parallel-governance.docx",
     "the same guide's parameters, parallel runs, publications, roadmap and governance "
     "(academic, governance)"),
    ("heldout63/neo-read-share-rawio-governance.docx",
     "electrophysiology data model's guide: reading, sharing, raw I/O, governance "
     "(academic, part developer)"),
    ("heldout63/synphot-overview-formulae.docx",
     "synthetic photometry explained to astronomers, with its formulae (academic)"),
    ("heldout63/ginga-manual.docx", "astronomical image viewer's manual (user manual)"),
    ("heldout63/ccdproc-reduction-guide.docx",
     "CCD image reduction explained to observers (academic, user guide)"),
)
# Round heldout-65, on the rules of main after round 64 (merged before judging, with main's new
# agreement rule), from Debian bookworm packages only (libreoffice-help-en-us 4:7.4.7-1+deb12u14,
# orca 43.1-1, gnome-chess 1:43.1-1, gnome-mines 1:40.1-1, gnome-sudoku 1:43.1-1), none used by an
# earlier set, pinned; 7 texts of 54,348 words by the bench, chosen for help written for people who
# do not program (an office suite's word-processor, presentation and drawing how-to guides, a
# screen reader's help for blind and low-vision users, three games' help) and written down in the
# tool before the rules were run on any; no developer documentation.
# Every finding judged blind (round "heldout-65"): 1 finding in 54,348 words (0.02 per 1,000),
# keep 100 %, noise 0 %, wrong 0 %.
# Kept: spelling-variant on Orca's "check box" (5 times) against "checkbox" (60), once in one
# paragraph ("The Enable speech check box controls ... uncheck this checkbox").
# Nothing at all on LibreOffice's 38,202 words of how-to pages (short, heavily edited task
# steps) nor on the three games' help. Missed, seen in passing: LibreOffice's "check box" against
# "checkbox" in both the Writer M-Z (17 and 10) and the Impress/Draw guides (15 and 9), on one
# Writer page together ("choose the Protect check box" then "choose the With password
# checkbox"): the rule flagged the 5-against-60 split in Orca but not these nearer splits; a
# 60-word printing sentence in Writer's guide ("If you have a printer that only has single-sided
# printing capability, ... with the "Back pages / left pages / even pages" option marked."),
# one sentence of plain steps that an editor might still split.
HELDOUT_65 = (
    ("heldout65/libreoffice-writer-guide-a-l.docx",
     "office suite's word processor how-to guides, A to L (offline help HTML, users)"),
    ("heldout65/libreoffice-writer-guide-m-z.docx",
     "office suite's word processor how-to guides, M to Z (offline help HTML, users)"),
    ("heldout65/libreoffice-impress-draw-guide.docx",
     "office suite's presentation and drawing how-to guides (offline help HTML, users)"),
    ("heldout65/orca-help.docx",
     "screen reader's help for blind and low-vision users (GNOME Mallard help, users)"),
    ("heldout65/gnome-chess-help.docx", "chess game's help (GNOME Mallard help, players)"),
    ("heldout65/gnome-mines-help.docx", "minesweeper game's help (GNOME Mallard help, players)"),
    ("heldout65/gnome-sudoku-help.docx", "sudoku game's help (GNOME Mallard help, players)"),
)

# Round heldout-67, on the rules of main after round 64 (merged before judging), from Debian
# bookworm packages only (r-cran-rstanarm 2.21.3-2, r-cran-effectsize 0.8.3+dfsg-1, r-cran-tidyr
# 1.3.0-1, ghostscript-doc 10.0.0~dfsg-11+deb12u9), none used by an earlier set, pinned; 5 texts of
# 65,558 words by the bench, chosen for prose that is not an application's handbook (a Bayesian
# regression package's essays and case studies in two parts, an effect-size statistics primer, the
# Tidy data essay, a PostScript/PDF interpreter's manual for command-line users; R Markdown with
# its R code as code, Sphinx HTML) and written down in the tool before the rules were run on any;
# developer documentation under a third (tidyr's pivoting and rectangling guides).
# Every finding judged blind (round "heldout-67"): 22 findings in 65,558 words (0.34 per 1,000),
# keep 86.4 %, noise 13.6 %, wrong 0 %.
# Noise: spelling-variant on rstanarm's "dataset" against "data set" twice (the introduction
# writes "dataset" throughout, the continuous-outcome vignette too; the "data set"s are in the
# pooling, MRP and A/B-testing vignettes by other authors: separate pages, each consistent with
# itself); undefined-acronym on "Bayesian estimation is performed via MCMC" (glmer vignette; the
# field's household term, spelled out only in a later vignette of the built document).
# Kept: eight doubled words ("according the the option" in Ghostscript, where the fix is "according
# to the", "come with with NO WARRANTY", "A similar problem problem", "in the the Stan language",
# "levels with with less data", "a a fixed", "the the high consumer indicator", "for the the two
# groups"); "psuedo" (three times) and "occurence"; spelling-variant on Ghostscript's "realising"
# and "colours" (its -ize and -or dominate), the Tidy data essay's "standardized" beside
# "organise"/"normalisation" and "modelling" beside "labeled" (the essay is otherwise British, so
# "labelled" may be the better fix), the MRP vignette's "colour" beside its own "color", and
# tidyr's rectangling "data set" against "dataset" 78 times; overlong sentences of 69 (Ghostscript's
# two conditionals joined by a semicolon), 63 and 61 words (parentheticals mid-comparison or a
# two-clause aside in parentheses).
# Nothing at all on effectsize's vignettes (6,787 words); the LaTeX math left raw in the R
# Markdown prose drew no finding. Missed, seen in passing: "thoughout this vignette" (MRP), "He we
# show a few of the possible displays" (continuous), "XML Paper Specfication" (Ghostscript), and
# the run-on "This also helps with the levels we don't observe at all it will use information ..."
# (MRP).
HELDOUT_67 = (
    ("heldout67/rstanarm-pooling-priors.docx",
     "Bayesian regression package's introduction, priors guide and pooling essay (academic, "
     "statistics)"),
    ("heldout67/rstanarm-abtesting-mrp-multilevel.docx",
     "the same package's A/B testing, MRP, multilevel and continuous-outcome vignettes "
     "(academic, statistics)"),
    ("heldout67/effectsize-vignettes.docx",
     "effect-size package's statistics primer: indices, interpretation, conversions (academic)"),
    ("heldout67/tidyr-tidy-data-pivot-rectangle.docx",
     "the Tidy data essay with tidyr's pivoting and rectangling guides (essay, part developer)"),
    ("heldout67/ghostscript-readme-use.docx",
     "PostScript/PDF interpreter's introduction and user manual (manual, command-line users)"),
)
# Round heldout-68, on the rules of main after round 67 (merged before judging), from Debian
# bookworm packages only (xfig-doc 1:3.2.8b-2, keepassxc 2.7.4+dfsg.1-2, gnushogi 1.4.2-7,
# gedit-common 44.2-1, eog 43.2-1+deb12u1), none used by an earlier set, pinned; 7 texts of 60,527
# words by the bench, chosen for handbooks written for people who do not program (a drawing
# program's users manual in two parts, a password manager's getting started guide and user guide,
# a Japanese chess program's manual with the game's rules, a text editor's and an image viewer's
# help; hand-written HTML, Asciidoctor HTML, Texinfo HTML, Mallard) and written down in the tool
# before the rules were run on any; developer documentation under a third (KeePassXC's
# command-line chapter, Xfig's FAQ on building).
# Every finding judged blind (round "heldout-68"): 39 findings in 60,527 words (0.64 per 1,000),
# keep 66.7 %, noise 15.4 %, wrong 17.9 %.
# Wrong: undefined-acronym on list entries that define themselves after a dash in Eye of GNOME's
# formats ("RAS - Sun Raster", "PNM - Portable Anymap ...", "ICO - Windows Icon"), on Xfig's
# "ERD (Chen's model of Entity Relations)" glossed in its parenthesis, and on "BEVEL", Xfig's
# join-style name in capitals like its modes (ROTATE, POLYLINE); placeholder on gedit's generic
# menu path "Preferences ▸ Plugins ▸ [Name of Plugin]"; overlong-sentence on two Shogi sentences
# counted as one across the emoticon ("... come through :-) In fact, ...").
# Noise: KeePassXC's pasted GPL warranty disclaimer (104 words) at the top of both guides;
# GIMP as a program's name (Xfig, Eye of GNOME) and PPM as the toolkit's name in "from the PPM
# Toolkit"; spelling-variant on Xfig's "labeled" against one "labelled" and one "labelling" in
# a manual American throughout ("color" 100 times, -ize): the split is real but the flagged
# form is the one to keep.
# Kept: nine doubled words ("pop up up" in three File-panel entries, "be be", "the the" twice,
# "or or", "to to", "as if is is a BOX"); seven misspellings ("Developement" three times,
# "resouce", "exisiting", "explicitely", "paramters", "acheived", "verison"); "a avoided" (a
# stray "a", not "an") and "for a instance"; spelling-variant on "cancelling" against four
# "canceled", "behaviour" in an -or manual, "e-mail" against four "email", "drop-down" and
# "dropdown" minorities, "web sites" against twelve "website"; TOTP used in Getting Started's
# feature list before its definition; a 62-word Xfig sentence with two parentheticals.
# Missed, seen in passing: "immediiately" beside the flagged "the the" (Xfig Snap Menu), "will
# treated as if" (a missing "be"), "popup" used as a verb ("will popup a panel"), KeePassXC's
# Getting Started "drop-down" twice against "dropdown" once, and the stray capitals the
# disclaimer's conversion left ("party Who modifies", "general, Special, incidental").
HELDOUT_68 = (
    ("heldout68/xfig-manual-drawing-editing.docx",
     "drawing program's users manual: drawing, editing, attributes, layers (HTML, users)"),
    ("heldout68/xfig-manual-menus-printing-faq.docx",
     "the same manual's menus, settings, printing, LaTeX chapter and FAQ (HTML, users)"),
    ("heldout68/keepassxc-getting-started.docx",
     "password manager's getting started guide (Asciidoctor HTML, users)"),
    ("heldout68/keepassxc-user-guide.docx",
     "password manager's user guide with its command-line tool (Asciidoctor HTML, users)"),
    ("heldout68/gnushogi-manual.docx",
     "Japanese chess program's manual with the game's rules and history (Texinfo HTML, players)"),
    ("heldout68/gedit-help.docx", "text editor's help (GNOME Mallard help, users)"),
    ("heldout68/eog-help.docx", "image viewer's help (GNOME Mallard help, users)"),
)
# Round heldout-70, on the rules of main after round 67 (merged before judging), from Debian
# bookworm packages only (afdko-doc 3.6.2+dfsg1-1, dosbox 0.74-3-4+b1, zsh-doc 5.9-4, bind9-doc
# 1:9.18.49-1~deb12u3), none used by an earlier set, pinned; 6 texts of 58,656 words by the
# bench, chosen for prose that is not an application's handbook (Adobe's OpenType Feature File
# Specification in two parts, a font toolkit's overview and compiler guide, an emulator's README
# for players, the Z shell FAQ, BIND's introduction to the DNS; Markdown, plain text, YODL and
# Sphinx HTML) and written down in the tool before the rules were run on any; developer
# documentation under a third (the zsh FAQ).
# Every finding judged blind (round "heldout-70"): 17 findings in 58,656 words (0.29 per 1,000),
# keep 52.9 %, noise 29.4 %, wrong 17.6 %.
# Wrong: two overlong-sentence findings in DOSBox's README that are the build's, not the
# author's: its dash lists of troubleshooting steps (99 and 111 words, one grouped finding) and
# its indented "mount d f:\ -t cdrom ..." option lines (104 words) are run into one paragraph by
# the plain-text converter; repeated-word on "d d" in the glyph sequence "“a d d”" of a
# contextual-rule example in the feature file spec.
# Noise: zsh's "(Or `color xterm', if you're reading this in black and white.)" under "coloured
# prompts on my colour xterm" (a deliberate joke on the spellings); GSUB in "the GPOS and GSUB
# layout tables" (OpenType table tags, GPOS beside it not flagged) and DNSSEC first met as a
# chapter's name in BIND's list of chapters (the field's household term); overlong sentences of
# 65 words that are mostly anchor coordinates (feature file spec 4.f) and of 61 words in a
# parallel "if ... that A, that B, and that C, then DNSSEC is the only solution" (BIND).
# Kept: four doubled words ("glyphs in in a list fonts", "it must be be present", "it is is
# referred to", and "the default default lookup-inheriting behavior", meant but reading as a
# typo); TSIG never expanded in BIND's introduction; spelling-variant on zsh's
# "deinitialization" against its "initialisation"/"customising", its one "e-mail" against six
# "email", and DOSBox's "behaviour" beside "behavior"; a 71-word sentence with a long
# parenthetical in zsh FAQ 3.2.
# Missed, seen in passing: "This is can be a problem on Windows 10" (DOSBox), "a list fonts"
# (same finding's sentence, AFDKO), and the swapped coordinates of feature file spec 4.f
# ("<anchor 400 300>" then "the point x = 300, y = 400"), which no rule could see.
HELDOUT_70 = (
    ("heldout70/opentype-feature-file-spec-1-5.docx",
     "OpenType feature file specification, sections 1-5 (specification in prose, type designers)"),
    ("heldout70/opentype-feature-file-spec-6-11.docx",
     "the same specification, sections 6-11 with its revision history (specification in prose)"),
    ("heldout70/afdko-overview-makeotf-guide.docx",
     "font toolkit's overview and compiler user guide (manual, font developers)"),
    ("heldout70/dosbox-readme.docx", "DOS emulator's README with its FAQ (plain text, players)"),
    ("heldout70/zsh-faq.docx",
     "Z shell FAQ (argued answers, shell users; developer documentation)"),
    ("heldout70/bind9-arm-introduction-dns.docx",
     "name server manual's introduction to the DNS (explanatory prose, administrators)"),
)
# Round heldout-71, on the rules of main after round 70 (main merged before judging, with round
# 73's repeated-word fix), from Debian bookworm packages only (tellico-doc 3.4.6-1, dia-common
# 0.97.3+git20220525-5, openshot-qt-doc 2.6.1+dfsg1-3, gtypist 2.9.5-3+b1, seahorse 43.0-1,
# epiphany-browser-data 43.1-1, gnome-boxes 43.2-1, totem-common 43.0-2), none used by an
# earlier set, pinned; 8 help texts of 49,731 words by the bench (51,015 by python-docx), chosen
# for people who do not program (a collection manager's KDE handbook, a diagram editor's DocBook
# manual, a video editor's Sphinx guide, a typing tutor's Texinfo manual, four GNOME Mallard
# helps: a key manager, a web browser, a virtual machine manager, a video player) and written
# down in the tool before the rules were run on any.
# Every finding judged blind (round "heldout-71"): 15 findings in 49,731 words (0.30 per 1,000),
# keep 80.0 %, noise 0.0 %, wrong 20.0 %.
# Wrong: all three thin-section findings: OpenShot's "Screenshot" section, whose content is its
# screenshot (an image paragraph the rule does not count); Dia's "12.2. Command line manual",
# a page that only leads to the man page the set left out; GNOME Web's "Open a new tab", made
# wholly of XIncludes of browse-web.page that the Mallard converter does not follow (the last
# two are the build's, the first the rule's).
# Noise: none.
# Kept: "An mechanical engineer" and "a ellipse"; "programatically" and "suport"; Dia's
# "behaviour", "recognised" and "centre" against an American manual (the last two from its
# British-written custom-shape chapter); Tellico's "behaviour" against -or and "web site"
# against "website"; GNU Typist's "color" against its "colour"; GNOME Web's "webpage" against
# "web page" (5 to 7); ER used in Dia's Quickstart long before "Entity Relations (ER)".
# Missed, seen in passing (Dia): the misspelt headings "Extented Attributes" and "Grouping
# Objecs", and the author's note "- ToDo update for 0.97: property change wor..." left in
# "New in this version", which placeholder let through.
HELDOUT_71 = (
    ("heldout71/tellico-handbook.docx",
     "collection manager's handbook, all but its developers' chapter (KDE DocBook, users)"),
    ("heldout71/dia-manual.docx",
     "diagram editor's manual with its custom-shape chapter (DocBook HTML, users)"),
    ("heldout71/openshot-user-guide.docx", "video editor's user guide (Sphinx HTML, users)"),
    ("heldout71/gtypist-manual.docx",
     "typing tutor's manual for learners and lesson writers (Texinfo HTML, users)"),
    ("heldout71/seahorse-help.docx",
     "password and encryption-key manager's help (GNOME Mallard help, users)"),
    ("heldout71/epiphany-help.docx", "web browser's help (GNOME Mallard help, users)"),
    ("heldout71/gnome-boxes-help.docx",
     "virtual machine manager's help (GNOME Mallard help, users)"),
    ("heldout71/totem-help.docx", "video player's help (GNOME Mallard help, users)"),
)

# Round heldout-72, on the rules of main after round 70 (merged before judging), from PyPI sdists
# only (specreduce 1.9.0, gwcs 1.0.3, naima 0.10.4, astrodendro 0.3.1, tslearn 0.10.0, skypy
# 0.5.5, kikuchipy 0.13.1, aplpy 2.2.1), none used by an earlier set, pinned; 8 texts of 50,940
# words by the bench, chosen for academic prose and governance (astronomers' guides to spectral
# reduction with its glossary, world coordinate systems, radiative models, dendrograms and image
# plotting; a time-series machine-learning guide; a cosmology package's design records and code
# of conduct; a microscopy project's code of conduct and report handling manual with its list of
# applications; reStructuredText and Markdown) and written down in the tool before the rules were
# run on any; developer documentation under a third (gwcs).
# Every finding judged blind (round "heldout-72"): 27 findings in 50,940 words (0.53 per 1,000),
# keep 66.7 %, noise 22.2 %, wrong 11.1 %. All three wrong and four of the six noise findings are
# undefined-acronym (2 kept of 9).
# Wrong: undefined-acronym on MATLAB, a product's name ("MTEX: MATLAB toolbox for ..."); on MCMC
# in naima's first sentence, which spells it out itself ("perform MCMC fitting ... using emcee,
# an affine-invariant ensemble sampler for Markov Chain Monte Carlo": the expansion not as
# "(MCMC)"); on IFU inside specreduce's glossary entry "Data cube" when the same glossary defines
# it in its own entry "IFU: Integral Field Unit" a few entries below.
# Noise: WCS ("a WCS solution") and GWCS (the gwcs package's name) used before specreduce's
# glossary expands them, household terms for astronomers; SEM ("crystal defects in an SEM") in a
# related-projects list for microscopists; EBSD inside a cited paper's title in kikuchipy's list
# of applications (the field's own name); "within one percent" against figures that are only in
# the changelog ("10%") and a data-format field ("68% CL"); "datasets" in an old release's Bug
# Fixes against two "data set" also in old release notes.
# Kept: three misspellings ("strenght", "accomodate", "accesible"); two doubled words ("from the
# The COordinated Molecular Probe ... Survey", "and the the mask is cleared"); spelling-variant
# on "visualisation", "behaviour" and "centre" in specreduce's American guide, "marginalised" in
# naima's -ize guide, "organise" beside "recognize" in kikuchipy's code of conduct, and four
# data set/dataset splits (gwcs in one paragraph, astrodendro's one "data set" against 12
# "dataset", kikuchipy's Open datasets section, tslearn's 12 against 13 across pages); DTW and
# ASDF used pages before "Dynamic Time Warping (DTW)" and "Advanced Scientific Data Format
# (ASDF)"; two overlong sentences ending in parentheticals (naima's Crab Nebula model, 64 words;
# gwcs's ASDF note, 71 words).
# Missed, seen in passing: "an GWCS object" and "in that languages" (in the flagged 71-word gwcs
# sentence), "visa versa" (gwcs), the heading "Synchroton Self Compton" (naima, beside the flagged
# "strenght"), "the initial parameter vectori p0" (naima).
HELDOUT_72 = (
    ("heldout72/specreduce-spectroscopy-guide.docx",
     "spectroscopic data reduction guide with its glossary and terms (astronomers, academic)"),
    ("heldout72/gwcs-user-guide.docx",
     "world coordinate system library's user guide (astronomers; developer documentation)"),
    ("heldout72/naima-radiative-models.docx",
     "gamma-ray radiative models and MCMC fitting guide (high-energy astrophysicists, academic)"),
    ("heldout72/astrodendro-dendrograms.docx",
     "dendrograms of astronomical data: algorithm, use, plotting, catalogues (astronomers)"),
    ("heldout72/tslearn-user-guide.docx",
     "time-series machine-learning user guide with its references (scientists, academic)"),
    ("heldout72/skypy-design-conduct.docx",
     "cosmology simulation package's docs, architecture decision records and code of conduct"),
    ("heldout72/kikuchipy-conduct-applications.docx",
     "code of conduct and report handling manual, with applications (governance, materials "
     "science)"),
    ("heldout72/aplpy-image-plotting.docx",
     "plotting astronomical images: quick start, reference, how-tos (astronomers, user guide)"),
)

# Round heldout-73, on the rules of main after round 70 (merged before judging), from Debian
# bookworm packages only (exim4-doc-html 4.96-1, aspell-doc 0.60.8-4, r-cran-brms 2.18.0-1), none
# used by an earlier set, pinned; 6 texts of 55,768 words by the bench, chosen for prose that is
# not an application's handbook (Exim's specification in prose in two parts and its filtering
# specification for users, Aspell's manual for end users, brms's methods vignettes in two parts;
# XSLT HTML, Texinfo HTML, R Markdown) and written down in the tool before the rules were run on
# any; developer documentation under a third (brms's custom families and threading vignettes).
# Every finding judged blind (round "heldout-73"): 11 findings in 55,768 words (0.20 per 1,000),
# keep 81.8 %, noise 9.1 %, wrong 9.1 %.
# Wrong: repeated-word on "sub-conditions connected by and or or" (Exim filter spec), where "and"
# and "or" are the filter language's operators named as words.
# Noise: a 62-word brms sentence that is four short parallel clauses, one per parameter of the
# Wiener diffusion model ("$\alpha$ describes ..., $\tau$ describes ..."), mostly math.
# Kept: five typos found as doubled words or wrong articles in Aspell ("parse a a tag", "@code and
# and", "that is is possible", "can be be added") and brms ("an varying intercept"); "go ahead an
# specify" in brms, a real typo whose fix is "and", not the article "a" the message offers;
# Exim's one "initialising" against its -ize (Oxford) spelling; a 78-word Exim sentence chaining
# "even if ..., unless ..., in which case ..." and a 61-word brms list of six requirements with
# two parenthetical conditions.
# Missed, seen in passing (Aspell): "The exact files to used are specified", "addding the line",
# "it will looks for soundslikes", "than the Texinfo filter will ignore" (then), "the curses
# library that support wide characters", and "an UTF-8 terminal" / "an UTF-8 document", which
# a-or-an let through; (brms) "likely an overkill", "an introduction on how to".
HELDOUT_73 = (
    ("heldout73/exim-spec-intro-delivery-security.docx",
     "mail server's specification: introduction, delivery, security (specification in prose)"),
    ("heldout73/exim-spec-message-smtp-processing.docx",
     "the same specification on message and SMTP processing (specification in prose)"),
    ("heldout73/exim-filter-specification.docx",
     "mail server's filtering specification for users writing filters (specification, users)"),
    ("heldout73/aspell-manual-users.docx",
     "spell checker's manual, chapters 1-5 (Texinfo HTML, end users)"),
    ("heldout73/brms-distreg-nonlinear-multivariate-families.docx",
     "Bayesian modelling package's methods vignettes (R Markdown, applied scientists)"),
    ("heldout73/brms-missings-phylogenetics-custom-threading.docx",
     "the same package's vignettes on missing data, phylogenetics, custom families, threading"),
)
# Round heldout-74, on the rules of main after round 72 (merged before judging), from Debian
# bookworm packages only (stella 6.7+dfsg-1, kaddressbook 4:22.12.3-1, konsole
# 4:22.12.3-1+deb12u1, khelpcenter 4:22.12.3-1, ktimetracker 4:5.0.1-3, gnome-calculator
# 1:43.0.1-2, file-roller 43.0-1, simple-scan 42.5-2, cheese-common 43.0-1, baobab 43.0-1), none
# used by an earlier set, pinned; 8 texts of 55,180 words by the bench, all handbooks for people
# who do not program (an Atari emulator's user guide in HTML; KDE's Fundamentals and the
# KAddressBook, Konsole and KTimeTracker handbooks in KDE DocBook; GNOME Calculator's, File
# Roller's and Simple Scan's/Cheese's/Baobab's helps in Mallard), written down in the tool before
# the rules were run on any. Every finding judged blind (round "heldout-74"): 11 findings in
# 55,180 words (0.20 per 1,000), keep 72.7 %, noise 18.2 %, wrong 9.1 %.
# Wrong: repeated-word on "version version Return 's version." (KTimeTracker's D-Bus reference),
# the refentry's title and refname run together by the converter (which also lost the
# &ktimetracker; entity there), not words the authors doubled.
# Noise: overlong-sentence on the GNU GPL's clause 2c, appended verbatim to Stella's guide (a
# licence nobody edits); number-format on "the percentage symbol resolves to one percent of the
# value" (GNOME Calculator), words that explain what the % sign means, where "1%" would be
# circular.
# Kept: six spelling variants, each a true split in one handbook: "e-mail" 3 against "email" 24
# (KAddressBook), Konsole's one "behaviour" against 18 -or, "web site" against "website" (KDE
# Fundamentals), "Sub-folders" next to "subfolder" in one paragraph (Baobab), Stella's 9 -our
# ("behaviour", "colours") in a 37 -or guide, "datasets" against "data sets" (KAddressBook); the
# typos "begining" (Konsole) and "functionality to to the actual keys" (Stella).
# Missed, seen in passing: "a way that an external program can gracefully shutdown" (shut down,
# KTimeTracker); "Moves to the next search instance ." (space before the stop, Konsole).
HELDOUT_74 = (
    ("heldout74/stella-user-guide.docx",
     "Atari 2600 emulator's user guide for players, key tables kept (HTML, game manual)"),
    ("heldout74/kde-fundamentals.docx",
     "the KDE desktop's basics for new users: help, tasks, interface, configuration (handbook)"),
    ("heldout74/kaddressbook-handbook.docx",
     "address book's handbook for desktop users (KDE DocBook, office)"),
    ("heldout74/konsole-handbook.docx",
     "terminal's handbook for desktop users: menus, profiles, options (KDE DocBook)"),
    ("heldout74/ktimetracker-handbook.docx",
     "time tracker's handbook for freelancers (KDE DocBook, office)"),
    ("heldout74/gnome-calculator-help.docx",
     "calculator's help: modes, functions, number bases (Mallard, end users)"),
    ("heldout74/file-roller-help.docx",
     "archive manager's help (Mallard, end users)"),
    ("heldout74/gnome-scan-webcam-disk-help.docx",
     "scanner's, webcam booth's and disk-usage analyser's helps in one document (Mallard)"),
)

# Round heldout-75, on the rules of main after round 72 (merged before judging), from PyPI sdists
# only (crowsetta 5.1.2, fmriprep 25.2.7, pint_pulsar 1.1.8, ravenpy 0.21.0, pyuvsim 1.4.2,
# pyradiosky 1.1.2, sep 1.4.1), none used by an earlier set, pinned; 9 texts of 50,159 words by
# the bench, chosen for academic prose (a bioacoustics library's tutorial and how-tos, a
# neuroimaging pipeline's methods and outputs, pulsar timing explained, a radio interferometry
# simulator's guide and comparison memo, a radio sky model tutorial, an aperture-photometry guide,
# two JOSS papers with their BibTeX) and governance (RavenPy's code of conduct with its hydrology
# guide; MyST Markdown, reStructuredText, Markdown) and written down in the tool before the rules
# were run on any; developer documentation under a third (pyuvsim's developer notes, PINT's coding
# style inside its explanations).
# Every finding judged blind (round "heldout-75"): 18 findings in 50,159 words (0.36 per 1,000),
# keep 66.7 %, noise 27.8 %, wrong 5.6 %. All four undefined-acronym findings are noise.
# Wrong: thin-section on PINT's "Parameters" heading, whose body is a ".. paramtable::" directive
# (a table of the model's parameters) that the build cannot render: empty only in the .docx.
# Noise: undefined-acronym on BIDS and HCP in fMRIPrep (the field's standard and the Human
# Connectome Project, first met in names: "BIDS Derivatives", "the HCP Pipelines"), on MPI first
# met inside "Open MPI" and "MS-MPI" and on SLURM in a parenthetical (pyuvsim; cluster users'
# household names, expanded later); placeholder on "(TODO)" as a status in pyuvsim's README feature
# checklist ("Time domain sources (TODO)" beside "(Lunar observatory complete)").
# Kept: misspellings "ommitted" (crowsetta) and "presense" (SEP, right after "The presence");
# doubled words "of the the first" (crowsetta) and "included on on a SkyModel" (pyradiosky);
# spelling-variant on "Edge behaviour" and "unmodelled" in PINT's American text, "data sets"
# against 23 "datasets" (crowsetta) and "datasets" against two "data set" (PINT); four overlong
# sentences: crowsetta's 63 words across a semicolon, PINT's 75-word coding-style advice with two
# parentheticals, fMRIPrep's 66-word motion-parameter arithmetic in a trailing parenthetical,
# PINT's 93-word "where M is ..., ϵ is ..., F is ..." after an equation, with an unclosed
# parenthesis.
# Missed, seen in passing: "then we then do the fit" and "these can need to be adjusted" (PINT),
# "Here's we use the cat command" (the flagged "the the" sentence) and "a tool to working with
# annotations" (crowsetta), "if the calculation an be decomposed" and "2 to four cpus" (pyuvsim),
# "fMRIPRep" beside "fMRIPrep" (fMRIPrep), and SLURM's expansion given wrongly as "Simple Linux
# Utility Resource Manager" (pyuvsim).
HELDOUT_75 = (
    ("heldout75/crowsetta-annotation-guide.docx",
     "bioacoustics annotation library's tutorial, how-tos and formats (researchers, MyST)"),
    ("heldout75/fmriprep-methods-outputs.docx",
     "neuroimaging pipeline's methods, outputs, spaces, usage and FAQ (scientists, academic)"),
    ("heldout75/pint-pulsar-timing-explained.docx",
     "pulsar timing explained: time scales, models, solar wind, workflow (astronomers, academic)"),
    ("heldout75/ravenpy-hydrology-guide-conduct.docx",
     "hydrological modelling guide with its code of conduct (hydrologists; governance)"),
    ("heldout75/pyuvsim-simulation-guide.docx",
     "radio interferometry simulator's README, comparison memo, usage, developer notes"),
    ("heldout75/pyradiosky-tutorial.docx",
     "radio sky model package's tutorial (radio astronomers, user guide)"),
    ("heldout75/joss-paper-pyradiosky.docx", "JOSS paper with its references (academic)"),
    ("heldout75/joss-paper-sep.docx", "JOSS paper with its references (academic)"),
    ("heldout75/sep-photometry-guide.docx",
     "aperture photometry and matched filtering guide (astronomers, academic)"),
)

# Round heldout-76, on the rules of main after round 73 (merged before judging), from Debian
# bookworm packages only (texlive-binaries 2022.20220321.62855-5.1+deb12u2, r-cran-loo 2.5.1-1,
# r-cran-bayesplot 1.10.0-4, golang-1.19-doc 1.19.8-2, fish-common 3.6.0-3.1+deb12u1), none used
# by an earlier set, pinned; 6 texts of 54,803 words by the bench, chosen for prose that is not an
# application's handbook (the Dvips manual, loo's cross-validation essays in two parts,
# bayesplot's diagnostics guide, the Go memory model, fish's FAQ and design essay; info, R
# Markdown, HTML, Sphinx HTML) and written down in the tool before the rules were run on any;
# developer documentation under a third (the Go memory model and fish's pages, which drew none).
# Every finding judged blind (round "heldout-76"): 13 findings in 54,803 words (0.24 per 1,000),
# keep 76.9 %, noise 7.7 %, wrong 15.4 %.
# Wrong: spelling-variant on "found in the datasets R package", the name of R's package, not a
# spelling of "data set"; overlong-sentence on dvips's option summary ("-a* Conserve memory, not
# time -A Print only odd (TeX) pages ..."), a two-column table the info reader ran into one prose
# paragraph (a converter artefact, but the rule has no way to see a list of options as no sentence).
# Noise: a 61-word loo sentence counted with its math ($t + 1, t+2, \ldots$) that reads as one line
# of thought.
# Kept: four typos as doubled words or wrong articles ("in in the yrep simulations", "the held out
# out observation", "an ligature operation", "an left bracket"), "paramters"; GF, PK and MCMC used
# in an opening chapter while the text spells them out only later; "a large data set" against
# "dataset" three times; a 64-word dvips sentence on the papersize command's three parameters.
HELDOUT_76 = (
    ("heldout76/dvips-manual.docx",
     "TeX's DVI-to-PostScript driver manual: paper, figures, fonts, colour (info, typesetters)"),
    ("heldout76/loo-elpd-example-weights-large-data.docx",
     "cross-validation methods vignettes: elpd, example, model weights, large data (academic)"),
    ("heldout76/loo-lfo-non-factorized-moment-matching.docx",
     "the same package's vignettes on leave-future-out, non-factorized models, moment matching"),
    ("heldout76/bayesplot-diagnostics-ppcs-draws.docx",
     "visual MCMC diagnostics and posterior predictive checks guide (R Markdown, scientists)"),
    ("heldout76/go-memory-model.docx",
     "a programming language's memory model (specification in prose, developers)"),
    ("heldout76/fish-faq-design-bash-users.docx",
     "a shell's FAQ, design essay and guide for bash users (Sphinx HTML, users)"),
)
# Round heldout-77, on the rules of main after round 76 (main merged before judging, RULES_VERSION
# 93), from Debian bookworm packages only (kile-doc 4:2.9.93-2, gnome-terminal-data 3.46.8-1,
# gnome-system-monitor 42.0-2, gbrainy 1:2.4.6-1, kreversi/kmines/kbounce/klines/kfourinline
# 4:22.12.3-1, k3b-data 22.12.3-1, kdenlive-data 22.12.3-2+deb12u2, kiten 4:22.12.3-1), none
# used by an earlier set, pinned; 6 texts of 37,003 words (36,066 by the bench), chosen for
# handbooks written for people who do not program (a LaTeX editor for writers, a terminal's and
# a system monitor's help, a brain-teaser game, five games, a disc burner, a video editor and a
# Japanese dictionary; KDE DocBook and Mallard) and written down in the tool before the rules
# were run on any; no developer documentation.
# Every finding judged blind (round "heldout-77"): 4 findings in 36,066 words (0.11 per 1,000),
# keep 75.0 %, noise 25.0 %, wrong 0 %.
# Wrong: none.
# Noise: System Monitor's 62-word sentence on memory maps flagged a second time, on the help's
# other page that repeats it word for word (a duplicate of the first comment).
# Kept: "the neededpkgs enviroment" in Kile's prose; the same 62-word list of a memory map's four
# uses; Kdenlive's 61-word sentence with a comma splice ("(the settings are saved though), this
# is e.g. useful ...").
# Silent where it might have spoken: nothing on Kile's "LATEX"/"TEX" (its logo entities read as
# capitals by the converter), rightly.
HELDOUT_77 = (
    ("heldout77/kile-handbook.docx",
     "a LaTeX editor's handbook for authors of papers and theses (KDE DocBook, end users)"),
    ("heldout77/gnome-terminal-help.docx",
     "a terminal's desktop help: tabs, profiles, preferences, shortcuts (Mallard, end users)"),
    ("heldout77/gnome-system-monitor-help.docx",
     "a system monitor's help: processes, resources, file systems (Mallard, end users)"),
    ("heldout77/gbrainy-help.docx", "a brain-teaser game's help (Mallard, players)"),
    ("heldout77/kde-games-handbooks.docx",
     "five games' handbooks: KReversi, KMines, KBounce, KLines, KFourInLine (KDE DocBook, "
     "players)"),
    ("heldout77/k3b-kdenlive-kiten-handbooks.docx",
     "a disc burner's, a video editor's and a Japanese dictionary's short handbooks (KDE DocBook)"),
)

# Round heldout-78, on the rules of main after round 76 (merged before judging), from PyPI sdists
# only (rst2pdf 0.105, pesummary 1.8.1, weasyprint 70.0, fiasco 0.6.2, drms 0.9.0, pybids 0.22.0,
# arviz 0.23.4, lenstronomy 1.14.2, aiapy 0.10.2), none used by an earlier set, pinned; 9 texts of
# 34,800 words by the bench (35,665 by python-docx), chosen for academic and scientific prose
# (gravitational-wave results, atomic physics, solar data, neuroimaging, lens modelling), a user
# manual for document authors (rst2pdf) and governance (ArviZ's code of conduct and governance note;
# reStructuredText and MyST Markdown) and written down in the tool before the rules were run on any;
# developer documentation under a third (WeasyPrint's guide, lenstronomy's contributing guide).
# Every finding judged blind (round "heldout-78"): 11 findings in 34,800 words (0.32 per 1,000),
# keep 63.6 %, noise 9.1 %, wrong 27.3 %.
# Wrong: repeated-word three times on rst2pdf's smart-quotes section, where "--" (dash dash) and
# "---" (dash dash dash) spell out the typed characters on purpose.
# Noise: spelling-variant "behaviour" in ArviZ's CONTRIBUTING against "behavior" in the adopted
# Contributor Covenant: two files of different origin, one occurrence each.
# Kept: "seperate" and "stored stored" (PESummary), "you many also" and "in the the list"
# (rst2pdf); spelling-variant "visualise" in PESummary's -ize/-ise mix (8 to 5), "customisation"
# and "behaviour" in rst2pdf's American manual.
HELDOUT_78 = (
    ("heldout78/rst2pdf-manual.docx",
     "user manual for authors turning reStructuredText into PDF: styles, fonts, layout"),
    ("heldout78/pesummary-gravitational-wave-results.docx",
     "gravitational-wave parameter-estimation results package's guides (astronomers, academic)"),
    ("heldout78/weasyprint-user-guide.docx",
     "HTML/CSS to PDF user guide: first steps, use cases, going further (developers)"),
    ("heldout78/fiasco-atomic-physics-guides.docx",
     "atomic physics database guides: quick start, how-tos, topic guides (academic)"),
    ("heldout78/drms-jsoc-tutorial.docx",
     "solar observatory data export system's introduction and tutorial (solar physicists)"),
    ("heldout78/pybids-neuroimaging-guide.docx",
     "brain imaging data structure library's guide and tutorials (researchers, MyST)"),
    ("heldout78/arviz-governance-conduct.docx",
     "Bayesian analysis project's governance note, code of conduct, contributing (governance)"),
    ("heldout78/lenstronomy-readme-contributing.docx",
     "lens-modelling package's README, installation and contributing guide (astronomers)"),
    ("heldout78/aiapy-preparing-data.docx",
     "solar imager data package's overview and data-preparation guide (solar physicists)"),
)

# Round heldout-79, on the rules of main after round 76 (merged before judging), from Debian
# bookworm packages only (wget 1.21.3-1+deb12u1, diffutils-doc 1:3.8-4, texlive-latex-base-doc
# 2022.20230122-3), none used by an earlier set, pinned; 4 texts of 37,061 words by the bench,
# chosen for prose that is not an application's handbook (the whole Wget manual, two parts of
# "Comparing and Merging Files" on comparison and on patches, the LaTeX Project's READMEs; info,
# Texinfo HTML, Markdown) and written down in the tool before the rules were run on any.
# Every finding judged blind (round "heldout-79"): 6 findings in 37,061 words (0.16 per 1,000),
# keep 33.3 %, noise 50.0 %, wrong 16.7 %. The diffutils chapters (9,525 words) drew none.
# Wrong: thin-section on Wget's "Appendix A Copying this manual", which holds the GFDL in the
# manual; the set's info reader leaves the licence node out (a converter artefact).
# Noise: "colour" in oberdiek's file list against "color" in the graphics README (separate
# READMEs by different maintainers, "color" being the package's name); CTAN in a README for TeX
# users, with a cited "definition" that is only a path ("CTAN: macros/latex/contrib/geometry");
# "really really wish to turn off the robot exclusion", deliberate colloquial emphasis.
# Kept: "websites" against "web site" seven times; a 64-word robots sentence ending in a
# capitalised parenthesis "(This task of converting Info files ...)" that should stand alone.
HELDOUT_79 = (
    ("heldout79/wget-manual.docx",
     "a downloader's whole manual for end users: options, recursion, examples (info)"),
    ("heldout79/diffutils-comparison.docx",
     "a file-comparison manual on what a comparison is, future projects (Texinfo HTML, users)"),
    ("heldout79/diffutils-patches.docx",
     "the same manual on making, merging and applying patches: advice in prose"),
    ("heldout79/latex-project-readmes.docx",
     "a typesetting project's READMEs of its kernel and bundles (Markdown, TeX users)"),
)
# Round heldout-80, on the rules of main after round 79 (merged before judging), from Debian
# bookworm packages only (34 packages: killbots, kbreakout, bovo, kapman, katomic, knetwalk,
# ksquares, granatier, picmi, kdiamond, kblocks, kalgebra-common, klettres-data, blinken,
# artikulate, kmouth, kmag, kcalc, ark, filelight, kwalletmanager, knotes, kget, kdf,
# dragonplayer 4:22.12.3-1 or +deb12u1, minuet-data, elisa 22.12.3-1, iagno, lightsoff,
# quadrapassel, swell-foop, hitori, gnome-robots, gnome-nibbles), none used by an earlier set,
# pinned; 4 bundles of 39,547 words by the bench (40,359 by python-docx), chosen for help written
# for people who do not program (games, education programs, desktop utilities; KDE DocBook and
# Mallard) and written down in the tool before the rules were run on any.
# Every finding judged blind (round "heldout-80"): 13 findings in 39,547 words (0.33 per 1,000),
# keep 61.5 %, noise 23.1 %, wrong 15.4 %.
# Wrong: repeated-word "whole whole" in Minuet's quoted scale pattern "whole whole half whole
# whole whole half"; thin-section on Lights Off's "Video Demonstration", whose only content is a
# <media type="video"> the Mallard reader drops (conversion).
# Noise: three cross-handbook inconsistencies that exist only because the set bundles separate
# handbooks into one file: "1000 points" (KBreakout) against another game's "10,000", "behaviour"
# (Kapman, consistent in itself) against other games' "behavior", "checkbox" (Ark, consistent in
# itself) against other utilities' "check box".
# Kept: "usefull" (KNetWalk), "completly" and "an bomb" (Granatier), "an chosen" (KMagnifier),
# "an data" (KDiskFree); "vaporisation" once against "vaporizer" about fifteen times in Killbots;
# "tool bar" against "toolbar" inside KMouth's handbook; KMagnifier's 63-word sentence listing
# three kinds of user after a colon.
HELDOUT_80 = (
    ("heldout80/kde-arcade-puzzle-handbooks.docx",
     "eleven KDE arcade and puzzle games' handbooks: rules, strategies, settings (KDE DocBook, "
     "players)"),
    ("heldout80/gnome-games-help.docx",
     "seven GNOME games' help: how to play, rules, preferences (Mallard, players)"),
    ("heldout80/kde-education-handbooks.docx",
     "five KDE education programs' handbooks: a graphing calculator, letters, memory, "
     "pronunciation and ear training (KDE DocBook, learners and teachers)"),
    ("heldout80/kde-utilities-handbooks.docx",
     "eleven KDE desktop utilities' handbooks: speech aid, magnifier, calculator, archiver, "
     "disk usage, wallet, notes, downloads, media players (KDE DocBook, end users)"),
)

# Round heldout-81, on the rules of main after round 79 (merged before judging), from PyPI sdists
# only (yt 4.4.2, spacepy 0.7.0, halotools 0.9.5), none used by an earlier set, pinned; 6 texts of
# 36,005 words by the bench (37,117 by python-docx), chosen for academic prose (a case study
# reproducing a published space-physics paper, galaxy-halo models with their equations and
# derivations), a Python primer and user guide for astronomers and an essay on a major version
# (reStructuredText) and written down in the tool before the rules were run on any; no developer
# documentation. The set's reader sets SpacePy's and halotools' default role as code (`~a.B` as
# B), their math's {\rm X} as \mathrm{X}, and a :ref:'s title without its ``code`` marks, so that
# none of these comes from the conversion.
# Every finding judged blind (round "heldout-81"): 10 findings in 36,005 words (0.28 per 1,000),
# keep 100 %, noise 0 %, wrong 0 %. yt's Python primer and halotools' model pages drew none.
# Wrong: none. Noise: none.
# Kept: six repeated words, four source typos ("have have" and "see the `the documentation`" in
# yt, "The the readepochs docstring" and "based on the / the existing color" in SpacePy) and two
# that Sphinx renders too, a :ref: title after a word it repeats ("using the The Configuration",
# "The galprop_dtypes_to_allocate mechanism mechanism"); "behaviour" once against "behavior" in
# yt's essay; "data set" once against "dataset" in SpacePy's pages; the empty section "Updating
# to yt 4.0 from Old Versions (and going back)", underlined as its would-be subsections; SpacePy's
# 74-word sentence on irbempy with a 35-word parenthesis defining pitch angle.
# Silent where it might have spoken: nothing on HOD, CLF (halotools) and SPH (yt), undefined but
# standard for the cosmologists and astrophysicists they address, rightly.
HELDOUT_81 = (
    ("heldout81/yt-introduction-help-faq.docx",
     "astrophysics analysis toolkit's introduction, history, help and FAQ (astronomers)"),
    ("heldout81/yt-python-introduction.docx",
     "the same toolkit's brief introduction to Python for scientists (tutorial)"),
    ("heldout81/yt-4-differences-units.docx",
     "the same toolkit's essay on what changed in version 4, and its units guide"),
    ("heldout81/spacepy-case-study-quickstart.docx",
     "space-physics library's case study reproducing a published paper, quick start, tips"),
    ("heldout81/halotools-overview-models.docx",
     "galaxy-halo modelling package's overview and its models' descriptions (academic)"),
    ("heldout81/halotools-source-notes.docx",
     "the same package's notes on the NFW profile and HOD mocks, with derivations (academic)"),
)

# Round heldout-82, on the rules of main after round 79 (merged before judging), from Debian
# bookworm packages only (gettext-doc 0.21-12, coreutils 9.1-1), none used by an earlier set,
# pinned; 9 texts of 39,598 words by the bench (40,230 by python-docx, 6,306 of them a table of
# packages kept as code), chosen for prose that is not an application's handbook (gettext's
# introduction, essays on translators' and maintainers' work, PO format, history with readings
# and FAQ; coreutils' software-tools essay, date syntax and file permissions; texi2html HTML,
# plain HTML, info) and written down in the tool before the rules were run on any.
# Every finding judged blind (round "heldout-82"): 7 findings in 39,598 words (0.18 per 1,000),
# keep 71.4 %, noise 14.3 %, wrong 14.3 %. The FAQ, the introduction and the three coreutils
# chapters (18,410 words) drew none.
# Wrong: overlong-sentence on the PO format, counting two sentences as one across a footnote call
# ("right after msgid.(2) It was not really necessary ..."): 25 and 37 words.
# Noise: a 61-word sentence of gettext's history that reads in order and ends in a colon list.
# Kept: "see see section", "It it included" (for "It is"), "have to to use" (all three in the
# source); a FIXME left in the translator's view ("FIXME: I don't know whether KBabel ...");
# a 66-word sentence listing a maintainer's three duties.
# Silent where it might have spoken: "presenting an history of the Translation Project".
HELDOUT_82 = (
    ("heldout82/gettext-introduction-users-view.docx",
     "a translation project's introduction and the user's view of locales (texi2html, users)"),
    ("heldout82/gettext-po-format.docx",
     "a translation file format specified in prose with samples (specification)"),
    ("heldout82/gettext-translators-view.docx",
     "an essay on translation teams, their organisation and information flow (essay)"),
    ("heldout82/gettext-maintainers-view.docx",
     "advice to a package's maintainer on integrating translations (developers)"),
    ("heldout82/gettext-concluding-remarks.docx",
     "a program's history, notes on a translation project, related readings (report)"),
    ("heldout82/gettext-faq.docx", "a translation tool's FAQ for users and translators (FAQ)"),
    ("heldout82/coreutils-software-toolbox.docx",
     "an essay on the software tools philosophy with pipelines (info, essay)"),
    ("heldout82/coreutils-date-input-formats.docx",
     "a date syntax specified in prose (info, specification)"),
    ("heldout82/coreutils-file-permissions.docx",
     "file permissions and modes explained to users (info, explanation)"),
)
# Round heldout-83, on the rules of main after round 82 (merged before judging), from Debian
# bookworm packages only (qalculate-gtk 4.5.1-1, viking 1.10-2, rhythmbox-data 3.4.6-2,
# glabels-data 3.4.1-4, kshisen, kigo, kiriki, kspaceduel, ksnakeduel, klickety, knavalbattle
# 4:22.12.3-1), none used by an earlier set, pinned; 5 texts of 57,751 words by the bench (58,654
# by python-docx), handbooks for people who do not program (a desktop calculator's manual in
# DocBook HTML, a GPS map program's and a music player's manuals in DocBook XML, a label
# designer's Mallard help, seven KDE games' handbooks in one document), written down in the tool
# before the rules were run on any.
# Every finding judged blind (round "heldout-83"): 35 findings in 57,751 words (0.61 per 1,000),
# keep 91.4 %, noise 8.6 %, wrong 0 %.
# Noise: spelling-variant flagging the standard "address book" in gLabels' help, where the
# majority "addressbook" echoes Evolution's label "Data from default Evolution addressbook";
# spelling-variant on Klickety's only "sub-menu" against "submenu" in another game's handbook
# bundled into the same document by the set; passive-voice on Viking's "then the preference can
# be set to specify the exact location" (the reader, obviously) in a sentence whose real fault,
# "If is not installed", went unflagged.
# Kept: eight "the the"/"directly directly" typos in Qalculate's and Viking's sources; nine
# misspellings in Viking and Qalculate ("minumum", "alot", "curiousity", "precendence",
# "seperately", "seperate", "choosen", "begining", "supercede"); four article slips ("an
# portable", "a overview", "a area", and "an shift", really "and shift": the fix offered is
# wrong but the spot is); "you many wish"; -ise/-ize and -our/-or mixes (Qalculate's
# "recognised" and "behaviour", Viking's "minimise" and one "colors" against 23 "colours",
# Klickety's "colour"); Viking's one "time stamp" against 29 "timestamp" and its "1000 points"
# against "10,000"; DAAP and SRTM used before they are spelled out, for lay readers; a 61-word
# Qalculate sentence ending in a parenthesised example.
# Silent where it might have spoken: Qalculate's "read precsion", "intrepeted", "alterted" and
# "fine-tuned used the priority"; Viking's "compatibile", "propriety binary" (proprietary),
# "OSM Cache Layput" and "If is not installed". The glabels help and the games (15,464 words)
# drew three findings, one of them kept.
HELDOUT_83 = (
    ("heldout83/qalculate-manual.docx",
     "a scientific desktop calculator's manual for its users (DocBook HTML, user manual)"),
    ("heldout83/viking-manual.docx",
     "a GPS data and map program's manual for walkers and cyclists (geography, user manual)"),
    ("heldout83/rhythmbox-manual.docx", "a music player's manual (DocBook XML, user manual)"),
    ("heldout83/glabels-help.docx",
     "a label and business-card designer's help with merge examples (office, Mallard)"),
    ("heldout83/kde-board-card-arcade-handbooks.docx",
     "seven KDE board, dice and arcade games' handbooks: rules, strategies (games)"),
)

# Round heldout-84, on the rules of main after round 82 (merged before judging), from PyPI sdists
# only (qsiprep 26.1.1, petprep 0.0.10, sdcflows 2.16.0, mriqc 24.0.2, baseband 4.3.0, ctapipe
# 0.28.0), none used by an earlier set, pinned; 10 texts of 42,552 words by the bench (43,276 by
# python-docx; short of 50,000, the time box ran out), chosen for academic writing first
# (neuroimaging pipelines' methods, a distortion-correction methods essay, user guides and FAQ for
# scientists, a data-sharing agreement, VLBI baseband formats in prose and their tutorials, a
# gamma-ray pipeline's user guide and two design proposals; reStructuredText, citations shown as
# their keys in brackets) and written down in the tool before the rules were run on any.
# Every finding judged blind (round "heldout-84"): 17 findings in 42,552 words (0.40 per 1,000),
# keep 70.6 %, noise 23.5 %, wrong 5.9 %. QSIPrep's data and outputs page drew none.
# Wrong: overlong-sentence on SDCFlows' fieldmap-less sentence, over the document's own 65 words
# only because the conversion spells out :abbr:`EPI (echo-planar imaging)` twice (conversion).
# Noise: PET (twice, in PETPrep's own pages) and BIDS (in a BIDS App's FAQ), known to every reader;
# -ise in CEP-001 ("realise", "organisations", "summarising"), consistent on its own page, counted
# against -ize pages this set joined to it.
# Kept: five "the the"/"at at" typos (Baseband's DADA, GUPPI and Mark 4 pages, MRIQC's README,
# CEP-001); "an reference implementation", "a optional header"; "neighbours" in American
# QSIPrep; HMC and TAC used sections before they are spelled out; a 66-word motion-expansion
# sentence with a 20-word arithmetic parenthesis and a 61-word one packing three SDC decisions.
# Silent where it might have spoken: nothing on "is divided in two steps" (SDCFlows).
HELDOUT_84 = (
    ("heldout84/qsiprep-methods.docx",
     "diffusion-MRI pipeline's methods: preprocessing, anatomy, distortion correction (academic)"),
    ("heldout84/qsiprep-data-outputs.docx",
     "the same pipeline's input data and outputs, with quality-control advice (scientists)"),
    ("heldout84/qsiprep-running-troubleshooting.docx",
     "the same pipeline's running, troubleshooting and upgrading pages (user guide)"),
    ("heldout84/petprep-workflows-spaces.docx",
     "PET pipeline's workflows and standard spaces (academic methods)"),
    ("heldout84/petprep-faq-outputs.docx", "the same pipeline's FAQ and outputs (FAQ, user guide)"),
    ("heldout84/sdcflows-methods.docx",
     "fieldmap distortion correction's theory with equations and references (academic)"),
    ("heldout84/mriqc-reports-dsa.docx",
     "MRI quality tool's introduction, reports' guides for raters, data sharing agreement"),
    ("heldout84/baseband-tutorials.docx",
     "radio astronomy baseband data library's tutorials and glossary (tutorial)"),
    ("heldout84/baseband-formats.docx",
     "VLBI and pulsar baseband file formats described in prose (specification)"),
    ("heldout84/ctapipe-user-guide-ceps.docx",
     "gamma-ray observatory pipeline's user guide and accepted design proposals"),
)

# Round heldout-85, on the rules of main after round 82 (merged before judging), from Debian
# bookworm packages only (ada-reference-manual-2012 1:2020.1commit85143dcb-4, freetype2-doc
# 2.12.1+dfsg-5+deb12u4, dar-docs 2.7.8-2, r-cran-data.table 1.14.8+dfsg-1), none used by an
# earlier set, pinned; 6 documents of 54,122 words by the bench (55,656 by python-docx), chosen
# for prose that is not an application's handbook (the Ada 2012 standard's forewords,
# introduction and general clauses; FreeType's glyph conventions essay with its FAQ; dar's FAQ,
# its essay on backup practice with its limits and a mini-howto, and its benchmark report;
# data.table's FAQ; ARM_Form, plain and docutils HTML, R Markdown) and written down in the tool
# before the rules were run on any. One finding came from the conversion and was fixed before
# judging (a thin-section on "FreeType FAQ", a title this set had put at the level of the FAQ's
# parts; they now sit under it) and is not counted.
# Every finding judged blind (round "heldout-85"): 47 findings in 54,122 words (0.87 per 1,000),
# keep 78.7 %, noise 14.9 %, wrong 6.4 %. dar's three texts, by a non-native writer, drew 37.
# Wrong (3): repeated-word on Ada's "wide and wide wide characters" (Wide_Wide_Character) and on
# the comment template's "!keywords keywords related to topic" (a field name, then its italic
# placeholder); passive-voice on "the rules of the language require that program variables be
# explicitly declared" (a subjunctive describing the rules, not an ownerless recommendation).
# Noise (7): "really really bad" and "much much faster" (deliberate emphasis); "colour" in the
# FreeType FAQ against one "color" in the separately written essay bundled before it; 61-, 65-
# and 67-word sentences that read easily (an example in parentheses, one idea after a colon, a
# parallel /1, /2, /3 enumeration); an 83-word sentence in the 1983 acknowledgements.
# Kept (37): fifteen misspellings ("developement", "occured", "lastest", "completness",
# "existance", "independant", "comand", "occurence", "transfered" twice, "accesible",
# "explicitely", "accomodate", "perfomance", "goverment"); nine wrong articles ("a older",
# "a extrapolation", "a empty", "a average", "a active", "an corrupted", "an given", and "an
# could", "an put" where "an" is a typo for "and"); "There is several reasons"; "the the host
# key", "ask to to so"; "Synchronisation" in the -ize mini-howto; data.table's "optimize" beside
# "realises"/"minimised"; eight tangled sentences of 63 to 124 words.
# Silent where it might have spoken: "mecanism", "presure", "limitatons", "provisionned",
# "fetchs", "investement", "robusness", "espetially", "recipies", "Famillies", "denpending",
# "encrytion", "targetted"; "which would acts", "the reduces storage space".
HELDOUT_85 = (
    ("heldout85/ada-2012-rm-introduction-general.docx",
     "an international standard's forewords, introduction and general clauses (standard)"),
    ("heldout85/freetype-glyph-conventions-faq.docx",
     "a typography essay on glyph conventions with a font library's FAQ (essay, FAQ)"),
    ("heldout85/dar-faq.docx", "a backup tool's FAQ for end users, by a non-native writer (FAQ)"),
    ("heldout85/dar-backup-practice.docx",
     "an essay on good backup practice, a list of limits and a mini-howto (essay, how-to)"),
    ("heldout85/dar-benchmark.docx", "a report benchmarking backup tools, with tables (report)"),
    ("heldout85/datatable-faq.docx", "a data-analysis package's FAQ with R code (FAQ)"),
)
# Round heldout-86, on the rules of main after round 85 (merged before judging), from Debian
# bookworm packages only (mate-user-guide 1.26.0-1, texstudio-doc 4.3.1+ds-2, five-or-more,
# gnome-mahjongg, gnome-taquin, gnome-tetravex, four-in-a-row, gnome-clocks, polari, deja-dup,
# gnome-music, gnome-photos, gnome-logs), none used by an earlier set, pinned; 4 documents of
# 58,553 words by the bench (59,869 by python-docx), chosen for handbooks written for people who
# do not program (MATE's desktop user guide in DocBook 5, read by set 23's reader once its
# namespace is taken off; TeXstudio's manual for people who write in LaTeX, its scripting API
# and format references cut; eleven GNOME games' and desktop programs' Mallard helps in two
# bundles) and written down in the tool before the rules were run on any. The conversion was
# compared with the sources at every finding; none came from it.
# Every finding judged blind (round "heldout-86"): 19 findings in 58,553 words (0.32 per 1,000),
# keep 94.7 %, noise 0 %, wrong 5.3 %. TeXstudio's manual, by a non-native writer, drew 11.
# Wrong (1): placeholder on TeXstudio's "a comment with a "% TODO" or "%todo"" (the marker the
# todo-comment feature looks for, described, not a missing value).
# Kept (18): eight wrong articles ("an text executable", "a image", "a arbitrary", "a input"
# and "an checkin" in one sentence, "a opened", "a item", "a own"); four repeated words ("be
# be", "can can", "simulate the / the middle" across a line break, and "The The Desktop
# background", where a cross-reference renders its section's title "The Desktop" after "The");
# six spelling inconsistencies ("behaviour" against "behavior" 8 times, "tool bar" against
# "toolbar" 19 times, "organised" against -ize 65 times, "sub-menu" against "submenu" 26 times,
# "favourite" beside the "Favorites" tab in one sentence, "favourable" beside "color" on one
# Four-in-a-row page).
# Silent where it might have spoken (seen while checking the findings, not surveyed): TeXstudio's
# "Do not use then at Options" (them), "the editors code-folding capability" (editor's),
# "doubleclicking", "usecase".
HELDOUT_86 = (
    ("heldout86/mate-user-guide.docx",
     "a desktop's user guide: skills, sessions, panels, menus, file manager, preferences"),
    ("heldout86/texstudio-manual.docx",
     "a LaTeX editor's manual for people who write theses and papers (user manual)"),
    ("heldout86/gnome-games-help.docx",
     "five GNOME puzzle and board games' help: rules, strategies, settings (game help)"),
    ("heldout86/gnome-apps-help.docx",
     "six GNOME desktop programs' help: clocks, chat, backup, music, photos, logs"),
)

# Round heldout-87, on the rules of main after round 85 (merged before judging), from PyPI sdists
# only (patsy 0.5.6, numpydoc 1.8.0, structlog 26.1.0, coverage 7.6.1, dipy 1.7.0), none used by an
# earlier set, pinned; 8 documents of 48,071 words by the bench (47,761 by python-docx), chosen for
# academic prose (Patsy's guide to model formulas, splines and stateful transforms; DIPY's
# diffusion-MRI theory pages, FAQ and glossary), a scientist's user guide (DIPY's command-line
# workflows), a standard (numpydoc's docstring format) and two developer guides (structlog's
# essays and guide, coverage.py's explanations), read by set 28's reStructuredText/MyST reader and
# written down in the tool before the rules were run on any. Two conversion faults were fixed for
# this set only: DIPY's inline $math$ (its Sphinx extension's) had lost its backslashes, and
# structlog's hidden doctest set-up, Mermaid source and glossary terms ran into the prose; neither
# had drawn a finding. Patsy's rows of pictures still show as their names ("|a| |b| |a:b|").
# Every finding judged blind (round "heldout-87"): 6 findings in 48,071 words (0.12 per 1,000),
# keep 100 %, noise 0 %, wrong 0 %.
# Kept (6): "the the log levels" (structlog), "like for for class instances" (numpydoc), "which one
# this is may vary" (Patsy), "programatically" (Patsy), "data set" once against "dataset" 19 times
# (DIPY's workflows), "time stamps" once against "timestamp" 9 times (structlog).
# Silent where it might have spoken: "B is a effectively a rank 1 tensor" (DIPY's b-and-q page),
# a 64-word sentence in DIPY's registration workflow listing three file arguments and the
# transform's format. (structlog's "takes an collections.abc.Iterable" is the reader's: Sphinx
# shows {class}`~collections.abc.Iterable` as "an Iterable".)
HELDOUT_87 = (
    ("heldout87/patsy-guide.docx",
     "statistical model formulas explained: overview, quickstart, R comparison (academic)"),
    ("heldout87/patsy-splines-transforms.docx",
     "the same library's splines, stateful transforms and expert model specification (academic)"),
    ("heldout87/numpydoc-standard.docx",
     "the NumPy docstring standard, its validation and installation (specification)"),
    ("heldout87/structlog-essays-guide.docx",
     "a logging library's essays (why, best practices) and user guide (developer docs)"),
    ("heldout87/structlog-recipes-performance.docx",
     "the same library's recipes, performance, testing and glossary (developer docs)"),
    ("heldout87/coverage-explanations.docx",
     "a coverage tool's FAQ, how it works, branch coverage, exclusions (developer docs)"),
    ("heldout87/dipy-theory-faq.docx",
     "diffusion MRI's mathematics: b and q, B matrix, spherical harmonics, FAQ (academic)"),
    ("heldout87/dipy-workflows.docx",
     "the same project's command-line workflow guides for scientists (user guide)"),
)

# Round heldout-88, on the rules of main after round 85 (merged before judging), from Debian
# bookworm packages only (gri-html-doc 2.12.27-1.1, ncurses-doc 6.4-4), none used by an earlier
# set, pinned; 5 documents of 51,450 words by the bench (53,111 by python-docx), chosen for prose
# that is not an application's handbook (a scientist's manual of the Gri graphing language, cut
# by chapters into its tutorial and plots, its programming and environment chapters, and its
# Emacs mode, version history, installation and bug notes; Gri's FAQ; ncurses' Hacker's Guide
# with its 6.4 announcement: HTML through LibreOffice, Gri's navigation banners left out, its
# grey example tables as code) and written down in the tool before the rules were run on any.
# No finding came from the conversion.
# Every finding judged blind (round "heldout-88"): 19 findings in 51,450 words (0.37 per 1,000),
# keep 78.9 %, noise 21.1 %, wrong 0 %.
# Wrong (0).
# Noise (4): "online" in the ncurses announcement against "on-line" in the separately written
# Hacker's Guide bundled before it; "website" once in a 2001 release note against "web site" once
# elsewhere (archival history); "fonts, etc etc." (deliberate, conversational); a 75-word
# sentence that reads easily (an instruction, two parenthesised examples, a clause after ";").
# Kept (15): six "see see" before cross-references (the author's "see" plus the one Gri's HTML
# puts before each reference), "found by by", "into the the first synonym", "on one line line";
# "a opening curly brace", "This is a akin to" (the fix drops the article); "occured"; three
# "colour(s)" in a manual that otherwise writes "color", one in a section headed "Colour of ink".
# Silent where it might have spoken: "benefit from this site in may ways".
HELDOUT_88 = (
    ("heldout88/gri-manual-introduction-plots.docx",
     "a scientist's manual of a graphing language: introduction, plots, examples (manual)"),
    ("heldout88/gri-manual-programming-environment.docx",
     "the same manual on programming in the language and its environment (manual)"),
    ("heldout88/gri-manual-emacs-history-installation.docx",
     "the same manual's Emacs mode, version history, installation and bugs (manual, history)"),
    ("heldout88/gri-faq.docx", "the graphing language's FAQ for its users (FAQ)"),
    ("heldout88/ncurses-hackers-guide-announce.docx",
     "a library's hacker's guide and release announcement (essay, report; developer)"),
)
# Round heldout-89, on the rules of main after round 88 (merged before judging), from Debian
# bookworm packages only (luminance-hdr, tuxguitar, kaffeine, kmix, kbackup, kcharselect, krdc,
# skanlite, gcompris-qt-data, kdeconnect, plasma-desktop-data, kinfocenter, systemsettings,
# plasma-workspace-data, kmenuedit, gucharmap, tali, gnome-klotski), none used by an earlier set,
# pinned; 6 documents of 42,234 words by the bench (43,167 by python-docx), all handbooks for
# people who do not program (an HDR photography manual, a guitar tablature editor's help, three
# bundles of KDE handbooks, three GNOME DocBook manuals), written down in the tool before the
# rules were run on any. TuxGuitar's menu (a layout table) and the sections its authors commented
# out are left out, and Luminance HDR's console --help (monospaced ODF paragraphs) made code, so
# no finding came from the conversion.
# Every finding judged blind (round "heldout-89"): 29 findings in 42,234 words (0.69 per 1,000),
# keep 75.9 %, noise 17.2 %, wrong 6.9 %.
# Wrong (2), both misread grammar: verb-after-modal on "the colors that are out of gamut, that is
# cannot be reproduced" ("that is" = "i.e.", a comma missing, not two verbs); repeated-word on
# "what is going on on your system" (phrasal verb "going on" + "on your system").
# Noise (5): undefined-acronym on VNG and AHD, used two paragraphs above the same page's list that
# explains them (the raw-conversion dialog's option names); spelling-variant across handbooks we
# bundled ("web site" in KDE Connect/GCompris boilerplate against Skanlite's "website";
# Skanlite's one "behaviour" against KMix's "Behavior" menu labels and KRDC's text); a 62-word
# sentence built as "a complex one:" and three parallel parts (first, second, third peak).
# Kept (22): ten misspellings in TuxGuitar and Luminance HDR ("seperate", "seperated",
# "oposite", "ocasion", "oscilate", "refered", "usefull", "aditional", "perfomed", "Similary"
# in KRDC); "an new HDR file", "a information panel"; "can contains"; "more then one standard";
# "light adaptation adaptation" (doubled in the source); seven spelling variants inside one
# handbook (TuxGuitar's color/colour and its one "synchronisation" among ten -ize; Klipper's
# "synchronisation" beside its "behavior"; Luminance HDR's "visualisation" beside
# "visualization", "artefacts" beside "artifacts", "behaviour" against "color" 46 times; KRDC's
# "checkbox" twice and "check box" once).
# Silent where it might have spoken: TuxGuitar's "tunning" (twice, for "tuning") and "based on
# it's theory"; Luminance HDR's "splitted", "The resulted LDR image", "a large contrast than".
HELDOUT_89 = (
    ("heldout89/luminance-hdr-manual.docx",
     "an HDR photography program's manual for photographers (user manual)"),
    ("heldout89/tuxguitar-help.docx",
     "a guitar tablature editor's help for musicians (user manual)"),
    ("heldout89/kde-media-remote-scan-education-handbooks.docx",
     "KDE handbooks of a media player, mixer, backup, scanner, children's suite (user manual)"),
    ("heldout89/kde-plasma-desktop-settings-handbooks.docx",
     "KDE Plasma's desktop handbook and its settings modules (user manual)"),
    ("heldout89/kde-workspace-appearance-handbooks.docx",
     "KDE System Settings, Klipper, menu editor and appearance modules (user manual)"),
    ("heldout89/gnome-charmap-tali-klotski-manuals.docx",
     "GNOME manuals of a character map and two games (user manual, game rules)"),
)
# Round heldout-90, on the rules of main after round 88 (merged before judging), from PyPI sdists
# only (fipy 4.0.3, shapely 2.0.6, hmmlearn 0.3.3), none used by an earlier set, pinned; 6
# documents of 36,602 words by the bench (37,381 by python-docx; short of 40,000, the time box
# ran out), chosen for academic and governance prose (FiPy's guide for materials scientists, its
# finite-volume background and design essay, its project pages and AI policy, its changelog;
# Shapely's user manual, a third of the words, developer documentation; hmmlearn's tutorial and
# GMM-HMM note: reStructuredText through set 28's reader) and written down in the tool before
# the rules were run on any. No finding came from the conversion.
# Every finding judged blind (round "heldout-90"): 4 findings in 36,602 words (0.11 per 1,000),
# keep 75.0 %, noise 25.0 %, wrong 0 %.
# Wrong (0).
# Noise (1): a 62-word "sentence" in the changelog that is ten nested sub-items of one pull
# request, run into it by docutils because the source has no blank line before the nested list
# (archival; the fix is the markup).
# Kept (3): "by by" (hmmlearn's GMM-HMM note), "sparse sparse" (FiPy's solvers page), one
# "initialised" in Shapely's -ize manual.
# Silent on the numerical and governance pages (8,278 words) entirely.
HELDOUT_90 = (
    ("heldout90/fipy-user-guide.docx",
     "a PDE solver's guide for materials scientists: usage, installation, solvers, FAQ (manual)"),
    ("heldout90/fipy-numerical-design.docx",
     "the same project's finite-volume background, design essay and glossary (academic)"),
    ("heldout90/fipy-project-governance.docx",
     "the same project's README, administrata, guidelines, AI policy, credits (governance)"),
    ("heldout90/fipy-changelog.docx", "the same project's change log since 2005 (changelog)"),
    ("heldout90/shapely-manual.docx",
     "a planar geometry library's user manual and migration guide (manual; developer)"),
    ("heldout90/hmmlearn-tutorial.docx",
     "hidden Markov models: a library's tutorial and its GMM-HMM note (academic tutorial)"),
)

# Round heldout-91, on the rules of main after round 88 (merged before judging), from Debian
# bookworm packages only (cfi-en 3.0-10.2, png-definitive-guide 20060430-4, libcurl4-doc
# 7.88.1-10+deb12u15), none used by an earlier set, pinned; 6 documents of 41,859 words by
# the bench (41,687 by python-docx), chosen for prose that is not an application's handbook
# (Linus Walleij's essay
# "Copyright Does Not Exist" on hacker culture, in its translator's English, cut in two; Greg
# Roelofs' "PNG: The Definitive Guide", its preface with the format's history, and its chapter
# on gamma and colour; curl's governance, history, security and release policies, and its HTTP
# scripting tutorial: HTML through LibreOffice, Markdown through set 12's reader) and written
# down in the tool before the rules were run on any. Conversion faults fixed for this set only
# before judging: the essay's one-cell layout table (unwrapped), its navigation and titles, the
# PNG book's bars and blank padding, curl's underlined (Setext) headings that the Markdown
# reader ran into the text. No finding came from the conversion.
# Every finding judged blind (round "heldout-91"): 15 findings in 41,859 words (0.36 per
# 1,000), keep 33.3 %, noise 60.0 %, wrong 6.7 %.
# Wrong (1): "MNG" called never defined where the same sentence gives it ("Chapter 12,
# "Multiple-Image Network Graphics", is a brief look at PNG's multi-image cousin, MNG"), and
# 7.3 again ("Called Multiple-image Network Graphics, the MNG format").
# Noise (9): seven undefined acronyms that are names or terms of art clear from context: "QZ"
# ("the QZ Computer Center in Stockholm"), "KOM" (its conferencing program), "VAX" and "DEC"
# (a product line and a brand, the company named in full before), "IFF" ("the Amiga IFF
# format"), "YUV" (a colour encoding), "ICC profiles" in the acknowledgments, "VRML" inside a
# quoted chapter title; a 91-word acknowledgments sentence of thanks; "2,400 USD" in the
# bug-bounty page against "4000 visits" in the separately written history.
# Kept (5): "perfromed", "an national hacker culture", "## Redirects" left empty above two
# same-level headings that belong under it, a 92-word sentence running four reasons inline,
# and two long essay sentences (68 and 61 words).
# Silent where it might have spoken: nothing noticed in the parts read.
HELDOUT_91 = (
    ("heldout91/cfi-hackers-grass-roots.docx",
     "a book on hacker culture: preface, title page, hackers' history (essay, translated)"),
    ("heldout91/cfi-net-attitudes-female-hackers.docx",
     "the same book on net-attitudes, technocracy, democracy and female hackers (essay)"),
    ("heldout91/png-guide-preface-history.docx",
     "a book on an image format: its preface and the format's history (book, report)"),
    ("heldout91/png-guide-gamma-color.docx",
     "the same book on gamma correction and precision colour (science in prose)"),
    ("heldout91/curl-governance-policies.docx",
     "a network tool's governance, history, security and release policies (governance)"),
    ("heldout91/curl-art-of-http-scripting.docx",
     "the same project's tutorial on scripting HTTP requests (tutorial; developer)"),
)
# Round heldout-92, on the rules of main after round 91 (merged before judging: already up to
# date), from Debian bookworm packages only (pluma-common 1.26.0-1+deb12u1, engrampa-common
# 1.26.0-1+deb12u2, eom-common 1.26.0-2, mate-utils-common 1.26.0-1+deb12u1, mate-terminal-common
# 1.26.0-2, mate-system-monitor-common 1.26.0-1, atril-common 1.26.0-2+deb12u4, mate-calc-common
# 1.26.0-1), none used by an earlier set, pinned; 5 documents of 31,769 words by the bench (32,836
# by python-docx), chosen for the MATE desktop's help written for people who do not program (a
# text editor, an archive manager and image viewer, four utilities, a terminal and system monitor,
# in DocBook XML; a document viewer and a calculator, in Mallard) and written down in the tool
# before the rules were run on any. Conversion fault fixed for this set only before judging: four
# manuals are DocBook 5 (namespaced, xml:id, titles inside <info>), which set 23's reader read as
# empty; made DocBook 4 first. One finding still came from the conversion (the manual titles put
# back as headings at their sections' level). Every finding judged blind (round "heldout-92"): 7
# findings in 31,769 words (0.22 per 1,000), keep 28.6 %, noise 57.1 %, wrong 14.3 %. The Pluma
# manual and the four utilities' manuals drew no finding at all. Wrong (1): conversion: "Eye of
# MATE Manual" called an empty section: the title the converter adds, at the level of the manual's
# own first sections. Noise (4): "PKZIP" ("created with PKZIP or WinZip", a program's name),
# "EXIF" (camera metadata as users meet it), "PPM" (in "Portable Anymap from the PPM Toolkit", a
# toolkit's name); "one percent" where the calculator's help explains what the % sign means, and
# "1%" would be circular. Kept (2): "colours"/"colors" mixed in MATE Terminal's Colours section
# ("Use colours from system theme ... to use the colors"), and "colour"/"color" across two of
# Atril's annotation pages. Silent where it might have spoken: nothing noticed in the parts read
# (the manuals are plain, edited prose).
HELDOUT_92 = (
    ("heldout92/pluma-manual.docx",
     "a desktop text editor's manual for users: files, editing, preferences, plugins (handbook)"),
    ("heldout92/engrampa-eom-manuals.docx",
     "an archive manager's and an image viewer's manuals for users (handbook)"),
    ("heldout92/mate-utilities-manuals.docx",
     "four desktop utilities' manuals: dictionary, disk usage, file search, log viewer (handbook)"),
    ("heldout92/mate-terminal-system-monitor-manuals.docx",
     "a terminal emulator's and a system monitor's manuals for users (handbook)"),
    ("heldout92/atril-mate-calc-help.docx",
     "a document viewer's and a calculator's topic-based help for users (help, FAQ)"),
)
# Round heldout-93: seven texts from four PyPI sdists (pydov 4.0.0's user guide and advanced
# pages, the Flemish subsoil database's guide for geologists; stravalib 2.6.0's getting-started
# guide for athletes and its code of conduct and contributing pages; tidynamics 1.1.2's
# documentation and JOSS paper; radio-beam 0.3.10's guide: reStructuredText and MyST Markdown
# through set 28's reader, the JOSS paper through set 24's) and written down in the tool before
# the rules were run on any. Conversion faults fixed for this set only before judging:
# stravalib's Mermaid source, tab sets (`::: {tab-item}`) and card rules (`^^^`) printed raw,
# tidynamics' :cite: roles printed raw (now the alpha labels Sphinx prints), radio-beam's
# default-role API names printed with their `~` paths (now literals).
# Every finding judged blind (round "heldout-93"): 13 findings in 32,106 words (0.40 per
# 1,000), keep 61.5 %, noise 7.7 %, wrong 30.8 %.
# Wrong (4): two from the conversion, "Contents:" (pydov) and "Getting started" (radio-beam)
# called empty where Sphinx prints their toctrees as lists of links the reader drops; a
# Markdown link written into a .rst page ("at [your account's settings.](https://...)") called
# an unfilled template placeholder (the spot is broken, the finding misnames it); "grasland", a
# Dutch example value in a csv-table of the DOV database's fields.
# Noise (1): "PAC" expanded only later, under a heading that glosses it ("Proxy
# autoconfiguration via PAC").
# Kept (8): "intial", "an tradeoff", "should exists", "and and", "a a consequence" (for "as a
# consequence"), and three spelling-variant mixes (pydov's "behaviour"/"organisation" against
# "favor", "honor" and "optimize"; "recognise" against "customize").
# Silent where it might have spoken: "radio-beam provides a tools for", "Here ou will learn",
# "our _main_ branch us always stable", "makes is feasible to analyze", and a second raw
# Markdown link in the same .rst paragraph ("[Learn more about rate limits here.](...)").
HELDOUT_93 = (    ("heldout93/pydov-user-guide.docx",
     "a government subsoil database's user guide for geologists: queries, fields (user guide)"),
    ("heldout93/pydov-advanced-topics.docx",
     "the same guide's caching, performance, hooks, logs, proxies and endpoints (user guide)"),
    ("heldout93/stravalib-get-started.docx",
     "a pyOpenSci package's guide for athletes fetching their Strava data (user guide, tutorial)"),
    ("heldout93/stravalib-community.docx",
     "the same project's code of conduct and contributing pages (governance; developer)"),
    ("heldout93/tidynamics-docs.docx",
     "a physics package's explanation of the Fast Correlation Algorithm (academic)"),
    ("heldout93/tidynamics-joss-paper.docx",
     "the same package's JOSS paper with its references (academic paper)"),
    ("heldout93/radio-beam-guide.docx",
     "a radio-astronomy package's guide to telescope beams and common beams (science manual)"),
)

# Round heldout-94, on the rules of main after round 91 (merged before judging), from Debian
# bookworm packages only (nco 5.1.4-1+deb12u1, abcmidi 20230208+ds1-1), none used by an earlier
# set, pinned; 5 documents of 35,080 words by the bench (35,326 by python-docx), chosen for prose
# that is not an application's handbook (the NCO User Guide for climate scientists, its foreword,
# introduction and contributing chapter, its essay on operator strategies, its quick start and
# CMIP5/CCSM research examples: Texinfo single-page HTML cut by chapter through LibreOffice; the
# abc music notation guide for abc2midi, and abcMIDI's README and history: text through
# _text_docx, abc tunes indented as code, only underlined titles as headings) and written down
# in the tool before the rules were run on any.
# Every finding judged blind (round "heldout-94"): 25 findings in 35,080 words (0.71 per 1,000),
# keep 76.0 %, noise 8.0 %, wrong 16.0 %.
# Wrong (4), all but one from the conversion: three "overlong sentences" that are tables or
# listings run together by the text reader (the key-signature table "7 sharps: C# A#m G#Mix
# D#Dor ...", the General MIDI drum map "35 Acoustic Bass Drum 59 Ride Cymbal 2 ...", midi2abc's
# usage block "-xa extract anacrusis ..."), which are unindented or unevenly indented in the
# source; "NCO" in the Foreword called undefined where the cut left out the Top node ("The netCDF
# Operators, or NCO, are ...") and the Summary right after spells it out ("NCO, which stands for
# netCDF Operators"), not only section 5.2 as the finding says.
# Noise (2): "NCO" in the strategies chapter (an excerpt of a guide that defines its own name
# before it) and "MIDI" in abcMIDI's title line for musicians.
# Kept (19): ten repeated words, most doubled across a line break in the source ("are are",
# "this this", "version version", "support support", three "the the", two "of of", "as as"),
# six misspellings ("embarassment", "complie", "espcially", "maintainance", "equicalent",
# "beggining"), "an new application", "e-mail" beside "email" twice in one section, and a
# 122-word sentence defining six memory quantities inline.
# Silent where it might have spoken: the climate examples (6,418 words, mostly commands) drew
# no finding at all.
HELDOUT_94 = (
    ("heldout94/nco-foreword-introduction.docx",
     "a climate-data toolkit's guide: foreword, summary, introduction, contributing (report)"),
    ("heldout94/nco-operator-strategies.docx",
     "the same guide's essay on operator strategies, large data and performance (essay)"),
    ("heldout94/nco-climate-examples.docx",
     "the same guide's quick start and CMIP5/CCSM research workflows (science tutorial)"),
    ("heldout94/abc-guide-abc2midi.docx",
     "a music notation language explained to musicians with its extensions (specification)"),
    ("heldout94/abcmidi-readme-history.docx",
     "the same package's README and history of changes (README for end users)"),
)
OUTSIDE = {f"heldout{n}/": Path(os.environ.get(f"MARGIN_HELDOUT{n}", f"/tmp/margin-heldout{n}"))
           for n in (4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                     24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
                     41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56,
                     57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73,
                     74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92,
                     93, 94)}


def _outside(docs: tuple[tuple[str, str], ...], n: int) -> tuple[tuple[str, str], ...]:
    """The set if its documents are built, else () with a note saying how to build them."""
    if all(_path(rel).is_file() for rel, _ in docs):
        return docs
    print(f"heldout-{n} left out: run tools/make_heldout_docs.py --set {n}", file=sys.stderr)
    return ()


def _path(rel: str) -> Path:
    prefix = rel.split("/", 1)[0] + "/"
    if prefix in OUTSIDE:
        return OUTSIDE[prefix] / rel[len(prefix):]
    return CORPUS / rel


HELDOUT_4 = _outside(HELDOUT_4, 4)
HELDOUT_5 = _outside(HELDOUT_5, 5)
HELDOUT_6 = _outside(HELDOUT_6, 6)
HELDOUT_7 = _outside(HELDOUT_7, 7)
HELDOUT_8 = _outside(HELDOUT_8, 8)
HELDOUT_9 = _outside(HELDOUT_9, 9)
HELDOUT_11 = _outside(HELDOUT_11, 11)
HELDOUT_12A = _outside(HELDOUT_12A, 12)
HELDOUT_12B = _outside(HELDOUT_12B, 12)
HELDOUT_13 = _outside(HELDOUT_13, 13)
HELDOUT_14 = _outside(HELDOUT_14, 14)
HELDOUT_15 = _outside(HELDOUT_15, 15)
HELDOUT_16 = _outside(HELDOUT_16, 16)
HELDOUT_17 = _outside(HELDOUT_17, 17)
HELDOUT_18 = _outside(HELDOUT_18, 18)
HELDOUT_19 = _outside(HELDOUT_19, 19)
HELDOUT_20 = _outside(HELDOUT_20, 20)
HELDOUT_21 = _outside(HELDOUT_21, 21)
HELDOUT_22 = _outside(HELDOUT_22, 22)
HELDOUT_23 = _outside(HELDOUT_23, 23)
HELDOUT_24 = _outside(HELDOUT_24, 24)
HELDOUT_25 = _outside(HELDOUT_25, 25)
HELDOUT_26 = _outside(HELDOUT_26, 26)
HELDOUT_27 = _outside(HELDOUT_27, 27)
HELDOUT_28 = _outside(HELDOUT_28, 28)
HELDOUT_29 = _outside(HELDOUT_29, 29)
HELDOUT_30 = _outside(HELDOUT_30, 30)
HELDOUT_31 = _outside(HELDOUT_31, 31)
HELDOUT_32 = _outside(HELDOUT_32, 32)
HELDOUT_33 = _outside(HELDOUT_33, 33)
HELDOUT_34 = _outside(HELDOUT_34, 34)
HELDOUT_35 = _outside(HELDOUT_35, 35)
HELDOUT_36 = _outside(HELDOUT_36, 36)
HELDOUT_37 = _outside(HELDOUT_37, 37)
HELDOUT_38 = _outside(HELDOUT_38, 38)
HELDOUT_39 = _outside(HELDOUT_39, 39)
HELDOUT_40 = _outside(HELDOUT_40, 40)
HELDOUT_41 = _outside(HELDOUT_41, 41)
HELDOUT_42 = _outside(HELDOUT_42, 42)
HELDOUT_43 = _outside(HELDOUT_43, 43)
HELDOUT_44 = _outside(HELDOUT_44, 44)
HELDOUT_45 = _outside(HELDOUT_45, 45)
HELDOUT_46 = _outside(HELDOUT_46, 46)
HELDOUT_47 = _outside(HELDOUT_47, 47)
HELDOUT_48 = _outside(HELDOUT_48, 48)
HELDOUT_49 = _outside(HELDOUT_49, 49)
HELDOUT_50 = _outside(HELDOUT_50, 50)
HELDOUT_51 = _outside(HELDOUT_51, 51)
HELDOUT_52 = _outside(HELDOUT_52, 52)
HELDOUT_53 = _outside(HELDOUT_53, 53)
HELDOUT_54 = _outside(HELDOUT_54, 54)
HELDOUT_55 = _outside(HELDOUT_55, 55)
HELDOUT_56 = _outside(HELDOUT_56, 56)
HELDOUT_57 = _outside(HELDOUT_57, 57)
HELDOUT_58 = _outside(HELDOUT_58, 58)
HELDOUT_59 = _outside(HELDOUT_59, 59)
HELDOUT_60 = _outside(HELDOUT_60, 60)
HELDOUT_61 = _outside(HELDOUT_61, 61)
HELDOUT_62 = _outside(HELDOUT_62, 62)
HELDOUT_63 = _outside(HELDOUT_63, 63)
HELDOUT_64 = _outside(HELDOUT_64, 64)
HELDOUT_66 = _outside(HELDOUT_66, 66)
HELDOUT_65 = _outside(HELDOUT_65, 65)
HELDOUT_67 = _outside(HELDOUT_67, 67)
HELDOUT_68 = _outside(HELDOUT_68, 68)
HELDOUT_69 = _outside(HELDOUT_69, 69)
HELDOUT_70 = _outside(HELDOUT_70, 70)
HELDOUT_71 = _outside(HELDOUT_71, 71)
HELDOUT_72 = _outside(HELDOUT_72, 72)
HELDOUT_73 = _outside(HELDOUT_73, 73)
HELDOUT_74 = _outside(HELDOUT_74, 74)
HELDOUT_75 = _outside(HELDOUT_75, 75)
HELDOUT_76 = _outside(HELDOUT_76, 76)
HELDOUT_77 = _outside(HELDOUT_77, 77)
HELDOUT_78 = _outside(HELDOUT_78, 78)
HELDOUT_79 = _outside(HELDOUT_79, 79)
HELDOUT_80 = _outside(HELDOUT_80, 80)
HELDOUT_81 = _outside(HELDOUT_81, 81)
HELDOUT_82 = _outside(HELDOUT_82, 82)
HELDOUT_83 = _outside(HELDOUT_83, 83)
HELDOUT_84 = _outside(HELDOUT_84, 84)
HELDOUT_85 = _outside(HELDOUT_85, 85)
HELDOUT_86 = _outside(HELDOUT_86, 86)
HELDOUT_87 = _outside(HELDOUT_87, 87)
HELDOUT_88 = _outside(HELDOUT_88, 88)
HELDOUT_89 = _outside(HELDOUT_89, 89)
HELDOUT_90 = _outside(HELDOUT_90, 90)
HELDOUT_91 = _outside(HELDOUT_91, 91)
HELDOUT_92 = _outside(HELDOUT_92, 92)
HELDOUT_93 = _outside(HELDOUT_93, 93)
HELDOUT_94 = _outside(HELDOUT_94, 94)
DOCUMENTS: tuple[tuple[str, str], ...] = (TUNING + HELDOUT_1 + HELDOUT_2 + HELDOUT_3
                                          + HELDOUT_4 + HELDOUT_5 + HELDOUT_6 + HELDOUT_7
                                          + HELDOUT_8 + HELDOUT_9 + HELDOUT_10
                                          + HELDOUT_11 + HELDOUT_12A + HELDOUT_12B
                                          + HELDOUT_13 + HELDOUT_14 + HELDOUT_15
                                          + HELDOUT_16 + HELDOUT_17 + HELDOUT_18
                                          + HELDOUT_19 + HELDOUT_20 + HELDOUT_21
                                          + HELDOUT_22 + HELDOUT_23 + HELDOUT_24
                                          + HELDOUT_25 + HELDOUT_26 + HELDOUT_27
                                          + HELDOUT_28 + HELDOUT_29 + HELDOUT_30
                                          + HELDOUT_31 + HELDOUT_32 + HELDOUT_33
                                          + HELDOUT_34 + HELDOUT_35 + HELDOUT_36
                                          + HELDOUT_37 + HELDOUT_38 + HELDOUT_39
                                          + HELDOUT_40 + HELDOUT_41 + HELDOUT_42
                                          + HELDOUT_43 + HELDOUT_44 + HELDOUT_45
                                          + HELDOUT_46 + HELDOUT_47 + HELDOUT_48
                                          + HELDOUT_49 + HELDOUT_50 + HELDOUT_51
                                          + HELDOUT_52 + HELDOUT_53 + HELDOUT_54
                                          + HELDOUT_55 + HELDOUT_56 + HELDOUT_57
                                          + HELDOUT_58 + HELDOUT_59
                                          + HELDOUT_60 + HELDOUT_61 + HELDOUT_62
                                          + HELDOUT_63 + HELDOUT_64 + HELDOUT_65
                                          + HELDOUT_66 + HELDOUT_67 + HELDOUT_68
                                          + HELDOUT_69 + HELDOUT_70 + HELDOUT_71
                                          + HELDOUT_72 + HELDOUT_73 + HELDOUT_74
                                          + HELDOUT_75 + HELDOUT_76 + HELDOUT_77
                                          + HELDOUT_78 + HELDOUT_79 + HELDOUT_80
                                          + HELDOUT_81 + HELDOUT_82 + HELDOUT_83 + HELDOUT_84
                                          + HELDOUT_85 + HELDOUT_86 + HELDOUT_87
                                          + HELDOUT_88 + HELDOUT_89 + HELDOUT_90 + HELDOUT_91
                                          + HELDOUT_92 + HELDOUT_93 + HELDOUT_94)
# Document sets reported separately, so generalisation shows apart from tuning.
ROUNDS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("tuning (rounds before, after)", TUNING),
    ("heldout-1", HELDOUT_1),
    ("heldout-2", HELDOUT_2),
    ("heldout-3", HELDOUT_3),
    ("heldout-4", HELDOUT_4),
    ("heldout-5", HELDOUT_5),
    ("heldout-6", HELDOUT_6),
    ("heldout-7", HELDOUT_7),
    ("heldout-8", HELDOUT_8),
    ("heldout-9", HELDOUT_9),
    ("heldout-10", HELDOUT_10),
    ("heldout-11", HELDOUT_11),
    ("heldout-12a", HELDOUT_12A),
    ("heldout-12b", HELDOUT_12B),
    ("heldout-13", HELDOUT_13),
    ("heldout-14", HELDOUT_14),
    ("heldout-15", HELDOUT_15),
    ("heldout-16", HELDOUT_16),
    ("heldout-17", HELDOUT_17),
    ("heldout-18", HELDOUT_18),
    ("heldout-19", HELDOUT_19),
    ("heldout-20", HELDOUT_20),
    ("heldout-21", HELDOUT_21),
    ("heldout-22", HELDOUT_22),
    ("heldout-23", HELDOUT_23),
    ("heldout-24", HELDOUT_24),
    ("heldout-25", HELDOUT_25),
    ("heldout-26", HELDOUT_26),
    ("heldout-27", HELDOUT_27),
    ("heldout-28", HELDOUT_28),
    ("heldout-29", HELDOUT_29),
    ("heldout-30", HELDOUT_30),
    ("heldout-31", HELDOUT_31),
    ("heldout-32", HELDOUT_32),
    ("heldout-33", HELDOUT_33),
    ("heldout-34", HELDOUT_34),
    ("heldout-35", HELDOUT_35),
    ("heldout-36", HELDOUT_36),
    ("heldout-37", HELDOUT_37),
    ("heldout-38", HELDOUT_38),
    ("heldout-39", HELDOUT_39),
    ("heldout-40", HELDOUT_40),
    ("heldout-41", HELDOUT_41),
    ("heldout-42", HELDOUT_42),
    ("heldout-43", HELDOUT_43),
    ("heldout-44", HELDOUT_44),
    ("heldout-45", HELDOUT_45),
    ("heldout-46", HELDOUT_46),
    ("heldout-47", HELDOUT_47),
    ("heldout-48", HELDOUT_48),
    ("heldout-49", HELDOUT_49),
    ("heldout-50", HELDOUT_50),
    ("heldout-51", HELDOUT_51),
    ("heldout-52", HELDOUT_52),
    ("heldout-53", HELDOUT_53),
    ("heldout-54", HELDOUT_54),
    ("heldout-55", HELDOUT_55),
    ("heldout-56", HELDOUT_56),
    ("heldout-57", HELDOUT_57),
    ("heldout-58", HELDOUT_58),
    ("heldout-59", HELDOUT_59),
    ("heldout-60", HELDOUT_60),
    ("heldout-61", HELDOUT_61),
    ("heldout-62", HELDOUT_62),
    ("heldout-63", HELDOUT_63),
    ("heldout-64", HELDOUT_64),
    ("heldout-66", HELDOUT_66),
    ("heldout-65", HELDOUT_65),
    ("heldout-67", HELDOUT_67),
    ("heldout-68", HELDOUT_68),
    ("heldout-69", HELDOUT_69),
    ("heldout-70", HELDOUT_70),
    ("heldout-71", HELDOUT_71),
    ("heldout-72", HELDOUT_72),
    ("heldout-73", HELDOUT_73),
    ("heldout-74", HELDOUT_74),
    ("heldout-75", HELDOUT_75),
    ("heldout-76", HELDOUT_76),
    ("heldout-77", HELDOUT_77),
    ("heldout-78", HELDOUT_78),
    ("heldout-79", HELDOUT_79),
    ("heldout-80", HELDOUT_80),
    ("heldout-81", HELDOUT_81),
    ("heldout-82", HELDOUT_82),
    ("heldout-83", HELDOUT_83),
    ("heldout-84", HELDOUT_84),
    ("heldout-85", HELDOUT_85),
    ("heldout-86", HELDOUT_86),
    ("heldout-87", HELDOUT_87),
    ("heldout-88", HELDOUT_88),
    ("heldout-89", HELDOUT_89),
    ("heldout-90", HELDOUT_90),
    ("heldout-91", HELDOUT_91),
    ("heldout-92", HELDOUT_92),
    ("heldout-93", HELDOUT_93),
    ("heldout-94", HELDOUT_94),
)
VERDICTS = ("keep", "noise", "wrong")
CONTEXT = 40  # characters of the paragraph kept on each side of the quote


def _norm(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Produced:
    doc: str
    section: str
    rule: str
    quote: str
    before: str
    after: str
    group: bool  # one finding for several occurrences
    issue: str
    # How many findings before it in the document look the same (rule, quote, context):
    # two checkpoints "never addressed" have no quote, and are judged one by one.
    nth: int = 0

    def record(self) -> dict:
        return {"doc": self.doc, "section": self.section, "rule": self.rule,
                "quote": self.quote, "before": self.before, "after": self.after,
                "group": self.group, "issue": self.issue}


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """The paragraph's text around [start, end): robust to section boundaries moving."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = _norm(text[max(line_start, start - CONTEXT):start])
    after = _norm(text[end:min(line_end, end + CONTEXT)])
    return before, after


def review_document(rel: str) -> tuple[list[Produced], int, float]:
    """Every finding of the built-in reviewer on one corpus document, its words, seconds."""
    framework = find_framework("General writing quality")
    doc = load(str(_path(rel)))
    started = time.perf_counter()
    provider = LocalProvider.for_document(doc)
    out: list[Produced] = []
    seen: Counter[tuple] = Counter()
    words = 0
    for section in doc.walk():
        if not section.reviewable:  # a table of contents: never analysed, as in the app
            continue
        words += count_words(section.text)
        parts = split_parts(section)
        base = 0
        for n, part in enumerate(parts, 1):
            base = section.text.find(part, base)
            request = AnalysisRequest(section.id, section.title, part, framework, doc.title,
                                      n, len(parts))
            for rf in provider.review(request, CancelToken()):
                f = rf.finding
                if f.anchored and f.start is not None and f.end is not None:
                    before, after = _context(section.text, base + f.start, base + f.end)
                else:  # about the section as a whole: its title says where
                    before, after = _norm(section.title), ""
                group = len(getattr(f, "quotes", ()) or ()) > 1
                key = (rf.rule, _norm(f.quote), before, after, group)
                out.append(Produced(rel, section.title, rf.rule, _norm(f.quote), before, after,
                                    group, f.issue, seen[key]))
                seen[key] += 1
            base += len(part)
    return out, words, time.perf_counter() - started


def load_judgements(path: Path = JUDGEMENTS) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _compatible(a: str, b: str, suffix: bool) -> bool:
    """Context cut shorter on one side (a section boundary moved) still matches."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 12:
        return False
    return long_.endswith(short) if suffix else long_.startswith(short)


class Judged:
    """The judgements, looked up by document, rule and quote, then by context."""

    def __init__(self, judgements: list[dict]) -> None:
        self._by_key: dict[tuple, list[dict]] = defaultdict(list)
        for j in judgements:
            key = (j["doc"], j["rule"], _norm(j["quote"]), bool(j.get("group")))
            if j.get("supersedes"):
                # The rule now says something else at the same place (one acronym's own
                # finding where a list of them was): the new judgement replaces the old
                # round's, which stays in the file as that round's record.
                self._by_key[key] = [o for o in self._by_key[key] if not (
                    o["round"] == j["supersedes"] and o["before"] == j["before"]
                    and o["after"] == j["after"])]
            self._by_key[key].append(j)

    def find(self, p: Produced) -> dict | None:
        candidates = self._by_key.get((p.doc, p.rule, p.quote, p.group), [])
        same = [j for j in candidates if j["before"] == p.before and j["after"] == p.after]
        if same:
            return same[min(p.nth, len(same) - 1)]
        for j in candidates:
            if _compatible(j["before"], p.before, True) and _compatible(j["after"], p.after,
                                                                        False):
                return j
        return None


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def _rule_table(results: dict[str, tuple[list[Produced], int, float]], judged: Judged,
                docs: tuple[tuple[str, str], ...], title: str) -> Counter:
    """Per rule and overall: findings, per 1,000 words, keep / noise / wrong rates."""
    per_rule: dict[str, Counter] = defaultdict(Counter)
    words = sum(results[rel][1] for rel, _ in docs)
    for rel, _ in docs:
        for p in results[rel][0]:
            j = judged.find(p)
            c = per_rule[p.rule]
            c["findings"] += 1
            c[j["verdict"] if j else "unjudged"] += 1
    print(f"\n{title}: {len(docs)} documents, {words} words")
    print(f"{'rule':22} {'finds':>6} {'/1kw':>5} {'judged':>6} {'keep':>6} {'noise':>6} "
          f"{'wrong':>6} {'unjudged':>8}")
    overall: Counter = Counter()
    weighted_keep = weighted_wrong = weighted_n = 0.0
    for rule in sorted(per_rule):
        c = per_rule[rule]
        n = sum(c[v] for v in VERDICTS)
        overall.update(c)
        print(f"{rule:22} {c['findings']:6d} {1000 * c['findings'] / words:5.2f} {n:6d} "
              f"{_pct(c['keep'], n)} {_pct(c['noise'], n)} {_pct(c['wrong'], n)} "
              f"{c['unjudged']:8d}")
        if n:
            weighted_keep += c["findings"] * c["keep"] / n
            weighted_wrong += c["findings"] * c["wrong"] / n
            weighted_n += c["findings"]
    n = sum(overall[v] for v in VERDICTS)
    print(f"{'overall (as sampled)':22} {overall['findings']:6d} "
          f"{1000 * overall['findings'] / max(words, 1):5.2f} {n:6d} "
          f"{_pct(overall['keep'], n)} {_pct(overall['noise'], n)} "
          f"{_pct(overall['wrong'], n)} {overall['unjudged']:8d}")
    if weighted_n:
        print(f"{'overall (by rule size)':22} {'':6} {'':5} {'':6} "
              f"{100 * weighted_keep / weighted_n:5.1f}% {'':6} "
              f"{100 * weighted_wrong / weighted_n:5.1f}%")
    overall["words"] = words
    return overall


def report(results: dict[str, tuple[list[Produced], int, float]], judged: Judged) -> None:
    round_of = {rel: name.split()[0] for name, docs in ROUNDS for rel, _ in docs}
    print(f"{'document':58} {'set':11} {'genre':24} {'words':>7} {'finds':>6} {'/1kw':>5} "
          f"{'s':>5}")
    for rel, genre in DOCUMENTS:
        found, words, seconds = results[rel]
        name = rel if len(rel) <= 58 else "\u2026" + rel[-57:]
        print(f"{name:58} {round_of[rel][:11]:11} {genre[:24]:24} {words:7d} {len(found):6d} "
              f"{1000 * len(found) / max(words, 1):5.2f} {seconds:5.2f}")
    for title, docs in ROUNDS:
        if docs:
            _rule_table(results, judged, docs, title)
    overall = _rule_table(results, judged, DOCUMENTS, "all documents")
    hb_found, hb_words, hb_seconds = results[HANDBOOK]
    print(f"\nhandbook: {len(hb_found)} findings in {hb_words} words = "
          f"{1000 * len(hb_found) / hb_words:.2f} per 1,000 words (target <= 4); "
          f"built-in reviewer {hb_seconds:.2f} s (index + every section)")
    print(f"all {len(results)} documents: {overall['findings']} findings in "
          f"{overall['words']} words = {1000 * overall['findings'] / overall['words']:.2f} "
          "per 1,000 words")
    unjudged = [p for rel, _ in DOCUMENTS for p in results[rel][0] if judged.find(p) is None]
    if unjudged:
        print(f"\nunjudged ({len(unjudged)}): judge them before the rates above mean anything")
        for p in unjudged:
            where = p.doc if len(p.doc) <= 40 else "\u2026" + p.doc[-39:]
            print(f"  {where} | {p.rule} | {p.quote[:50]!r} | {p.before[-30:]!r}")


def sample(results: dict[str, tuple[list[Produced], int, float]], judged: Judged, size: int,
           seed: int) -> Iterator[Produced]:
    """Unjudged findings, round-robin over (rule, document) cells, random within each."""
    rng = random.Random(seed)
    cells: dict[tuple[str, str], list[Produced]] = defaultdict(list)
    for found, _, _ in results.values():
        for p in found:
            if judged.find(p) is None:
                cells[(p.rule, p.doc)].append(p)
    for items in cells.values():
        rng.shuffle(items)
    order = sorted(cells)
    rng.shuffle(order)
    taken = 0
    while taken < size and any(cells.values()):
        for key in order:
            if cells[key] and taken < size:
                yield cells[key].pop()
                taken += 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", type=int, default=0, help="write N unjudged findings to --out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--doc", help="sample only this corpus document")
    ap.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"needs the shared corpus at {CORPUS}", file=sys.stderr)
        return 2
    results = {rel: review_document(rel) for rel, _ in DOCUMENTS}
    judged = Judged(load_judgements(args.judgements))
    if args.sample:
        if args.doc:
            results = {args.doc: results[args.doc]}
        if args.out is None:
            ap.error("--sample needs --out")
        with args.out.open("w", encoding="utf-8") as fh:
            for p in sample(results, judged, args.sample, args.seed):
                fh.write(json.dumps(p.record(), ensure_ascii=False) + "\n")
        return 0
    report(results, judged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
