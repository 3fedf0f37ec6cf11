"""Ranked retrieval (BM25) and the built-in reviewer's chat answers."""

from __future__ import annotations

import pytest

from desktop_app.ai.bedrock import StreamDelta, StreamEnd
from desktop_app.ai.chat_context import cited_ids
from desktop_app.ai.offline_chat import INTRO, escape_markdown, offline_answer, offline_stream
from desktop_app.ai.provider import Cancelled, CancelToken
from desktop_app.ai.retrieval import Passage, PassageIndex, stem, tokenize
from desktop_app.document import load
from desktop_app.document.model import Document
from tests.conftest import ROOT, corpus_path

SAMPLE = ROOT / "resources" / "samples" / "Margin sample - incident investigation.docx"
HANDBOOK = "unstructured/example-docs__handbook-872p.docx"


@pytest.fixture(scope="module")
def sample() -> Document:
    return load(str(SAMPLE))


def title_of(doc: Document, section_id: str) -> str:
    section = doc.section(section_id)
    assert section is not None
    return section.title


def test_stemming_joins_inflections_and_leaves_short_words_alone():
    assert stem("outages") == stem("outage")
    assert stem("policies") == stem("policy")
    assert stem("configured") == stem("configure") == stem("configuring")
    assert stem("stopped") == stem("stop") and stem("running") == stem("run")
    assert stem("passes") == stem("pass") and stem("called") == stem("call")
    for word in ("status", "analysis", "bus", "is", "was", "process", "40"):
        assert stem(word) == word


def test_tokens_are_lowercase_without_stopwords_and_cjk_is_bigrams():
    assert tokenize("What is THE Root-Cause of the 14 March outage?") == [
        "root", "caus", "14", "march", stem("outage")]
    assert tokenize("根本原因") == ["根本", "本原", "原因"]
    assert tokenize("原") == ["原"]
    assert tokenize("the of and") == []


def test_bm25_prefers_the_rarer_term_and_the_denser_passage():
    passages = [
        Passage("a", "Alpha", "the pump failed and the pump was replaced", 0, 0),
        Passage("b", "Beta", "the valve failed once during the long night shift of the team", 1, 0),
        Passage("c", "Gamma", "nothing relevant here at all today", 2, 0),
    ]
    index = PassageIndex(passages)
    assert [h.section_id for h in index.search("pump", 3)] == ["a"]
    ranked = index.search("pump failed", 3)
    assert ranked[0].section_id == "a" and {h.section_id for h in ranked} == {"a", "b"}
    score, section_id, text = ranked[0]  # hits unpack as (score, section id, text)
    assert section_id == "a" and "pump" in text and score > ranked[1].score
    assert index.search("zebra", 3) == []


def test_search_within_sections_and_without_repeats():
    passages = [Passage("a", "A", "budget approval process", 0, 0),
                Passage("b", "B", "budget approval process", 1, 0),
                Passage("c", "C", "the budget", 2, 0)]
    index = PassageIndex(passages)
    assert [h.section_id for h in index.search("budget approval", 5)] == ["a", "c"]
    assert len(index.search("budget approval", 5, distinct=False)) == 3
    assert [h.section_id for h in index.search("budget", 5, within=["c"])] == ["c"]


def test_cjk_text_is_found_by_bigrams():
    passages = [Passage("ja", "概要", "システムの根本原因は設定の誤りでした。", 0, 0),
                Passage("en", "Summary", "The root cause was a configuration error.", 1, 0)]
    index = PassageIndex(passages)
    assert index.search("根本原因は何ですか", 1)[0].section_id == "ja"
    assert index.search("root cause", 1)[0].section_id == "en"


# The sample is in the repository: these run everywhere.
SAMPLE_QUESTIONS = [
    ("What was the root cause of the outage?", "Root cause"),
    ("How many customers were affected?", "Impact"),
    ("What is a burn rate?", "Appendix: Glossary"),
    ("Who owns the range validation action, and when is it due?", "Actions and owners"),
    ("Why was there no canary deployment for the change?", "Process"),
    ("When did the alert fire?", "Timeline"),
]


@pytest.mark.parametrize(("question", "title"), SAMPLE_QUESTIONS)
def test_the_right_section_of_the_sample_ranks_first(sample: Document, question: str,
                                                     title: str):
    index = PassageIndex.from_document(sample)
    best = index.search(question, 1)[0]
    assert title_of(sample, best.section_id) == title
    assert title_of(sample, index.rank_sections(question, 1)[0][1]) == title


HANDBOOK_QUESTIONS = [
    ("What is positive pay?", "7. POSITIVE PAY"),
    ("How is the percentage fee calculated and collected?",
     "D. CALCULATION AND COLLECTION OF PERCENTAGE FEE"),
    ("How should funds in a suspense account be handled?", "10. SUSPENSE ACCOUNTS"),
    ("What happens when the debtor does not attend the meeting of creditors?",
     "13. NON-ATTENDANCE BY DEBTORS -"),
    ("May the media record the meeting?", "3. MEDIA AND THIRD-PARTY RECORDING"),
    ("Is the trustee allowed to employ relatives?", "E. RESTRICTIONS ON EMPLOYMENT"),
]


@pytest.fixture(scope="module")
def handbook_index() -> tuple[Document, PassageIndex]:
    doc = load(str(corpus_path(HANDBOOK)))
    return doc, PassageIndex.from_document(doc)


@pytest.mark.corpus
@pytest.mark.parametrize(("question", "title"), HANDBOOK_QUESTIONS)
def test_the_right_section_of_the_872_page_handbook_ranks_first(
        handbook_index: tuple[Document, PassageIndex], question: str, title: str):
    doc, index = handbook_index
    # The handbook repeats its chapters, so a title may name two sections.
    assert title_of(doc, index.search(question, 1)[0].section_id) == title


def test_offline_answer_says_what_it_is_and_quotes_cited_passages(sample: Document):
    text, hits = offline_answer(sample, "What was the root cause of the outage?")
    assert text.startswith(INTRO)
    assert "not a model" in text
    assert hits and cited_ids(text)[0] == hits[0].section_id
    assert title_of(sample, hits[0].section_id) == "Root cause"
    assert "> The root cause was a configuration value entered incorrectly" in text
    for hit in hits:
        assert f"[§ {hit.section_id}]" in text


def test_offline_answer_in_section_scope_searches_only_that_section(sample: Document):
    impact = next(s for s in sample.walk() if s.title == "Impact")
    text, hits = offline_answer(sample, "customers", scope="section", section_id=impact.id)
    assert hits and {h.section_id for h in hits} == {impact.id}
    text, hits = offline_answer(sample, "zebra crossing glossary", scope="section",
                                section_id=impact.id)
    assert hits == [] and "no passage of this section" in text and "not a model" in text
    text, hits = offline_answer(sample, "the of and what")
    assert hits == [] and "no words" in text


def test_offline_stream_yields_the_same_answer_in_pieces(sample: Document):
    question = "What is a burn rate?"
    items = list(offline_stream(sample, question, chunk_chars=30))
    deltas = [i for i in items if isinstance(i, StreamDelta)]
    assert len(deltas) > 5 and isinstance(items[-1], StreamEnd)
    assert "".join(d.text for d in deltas) == items[-1].text == offline_answer(sample,
                                                                              question)[0]
    token = CancelToken()
    stream = offline_stream(sample, question, cancel=token, chunk_chars=10)
    next(stream)
    token.cancel()
    with pytest.raises(Cancelled):
        next(stream)


def test_quoted_document_text_is_not_read_as_markdown_or_as_a_citation():
    assert escape_markdown("a *b* [§ x] <c> | d") == r"a \*b\* \[§ x\] \<c\> \| d"
    assert cited_ids(escape_markdown("see [§ x]")) == []


def test_every_passage_of_a_real_document_has_text(sample: Document):
    index = PassageIndex.from_document(sample)
    assert len(index) > 50
    assert all(p.text.strip() for p in index.passages)
    assert {p.section_id for p in index.passages} == {s.id for s in sample.walk()}
