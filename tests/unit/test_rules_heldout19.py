"""Wrong findings of blind round heldout-19 (issue 14), each as a general case with
the near misses the rules must still report (tests that fail before the fix):

- repeated words: a name set as code followed by the noun ("our `decorator`
  decorator") is no word typed twice; nor a letter of a word spelled out ("h e l l o");
- sentences: after a one-letter name, a word that starts sentences and is nobody's
  surname ends the sentence ("... of package B. But if pip starts ...")."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from desktop_app.ai.rules.text import sentences
from tests.unit.test_code_formatting import PROSE, _findings, _rules
from tests.unit.test_local_rules import quotes

pytestmark = pytest.mark.usefixtures("report_like", "acronyms_without_gate")

RW, LONG = "repeated-word", "overlong-sentence"


def _decorator_doc(path: Path, *, code: bool) -> Path:
    d = docx.Document()
    d.add_heading("Decorators", 1)
    d.add_paragraph(PROSE * 2)
    if code:
        d.styles.add_style("Teletype", WD_STYLE_TYPE.CHARACTER).font.name = "Liberation Mono"
    p = d.add_paragraph("Presumably, our ")
    p.add_run("decorator").style = "Teletype" if code else None
    p.add_run(" decorator will be used twice, once by each module that imports it.")
    d.save(path)
    return path


def test_a_name_set_as_code_then_the_noun_is_no_repeated_word(tmp_path: Path):
    found = _findings(_decorator_doc(tmp_path / "code.docx", code=True))
    assert _rules(found, RW, "decorator") == []
    # near miss: the same words typed in prose are a repeat
    found = _findings(_decorator_doc(tmp_path / "prose.docx", code=False))
    assert _rules(found, RW, "decorator") == ["decorator decorator"]


def test_a_word_spelled_out_letter_by_letter_is_no_repeated_word():
    text = ("When we call receive_some we might get hello, or he llo, or h e l l o, or the "
            "bytes may arrive all at once.")
    assert quotes(text, RW) == []
    # near miss: a doubled one-letter article among words
    assert quotes("We moved to a a new office in May.", RW) == ["a a"]


def test_a_sentence_ends_after_a_one_letter_name_before_a_sentence_word():
    text = ("For example, if package A depends on version 1.0 of package B, there is no point "
            "in looking at other versions of package B. But if pip starts to look at the "
            "tree, it fails.")
    assert [s.text[:7] for s in sentences(text)] == ["For exa", "But if "]
    # near misses: initials before a surname, and a list label, end nothing
    assert len(sentences("The paper by J. Smith and A. B. Jones is cited here.")) == 1
    assert len(sentences("a. Add the schema to the release branch.")) == 1


def test_two_sentences_after_a_one_letter_name_are_not_one_overlong_one():
    first = ("For example, if package A depends on version 1.0 of package B and the index "
             "has many releases of every package that it could choose from, there is no "
             "point in looking at any of the other versions of package B.")
    second = (" But if pip starts to look at the dependency tree as a whole it cannot know "
              "that in advance, so it keeps on trying every one of them in turn.")
    assert quotes(first + second, LONG) == []
    # near miss: the same words as one sentence are one overlong sentence
    assert len(quotes(first[:-1] + ", but" + second[4:], LONG)) == 1
