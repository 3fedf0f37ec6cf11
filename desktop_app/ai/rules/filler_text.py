"""Filler text: lorem ipsum (and its hipster cousins) and Word's own sample text. No Qt.

Templates, formatting tests and early drafts fill space with text nobody
wrote: lorem ipsum, or what Word types for `=rand()` ("Video provides a
powerful way to help you prove your point."). The placeholder rule reports
it once per document; every other finding inside it would be about words
nobody will read ("egestas egestas" is not a typo to fix, Word's help text
does not lack a purpose statement), so the review pass drops them.

A paragraph is filler text when it quotes Word's sample text, or when a
quarter or more of its words (and at least four different ones) are the
Latin of lorem ipsum generators. The vocabulary leaves out the words English
shares with it ("in", "at", "est", "et" as in "et al."), so an English
paragraph with a Latin phrase is never filler text.
"""

from __future__ import annotations

import re

# The words of the lorem ipsum generators (lipsum.com's and the classic Cicero
# passage), without those that are also English words or abbreviations.
_LOREM = frozenset("""
    lorem ipsum dolor amet consectetur consectetuer adipiscing adipisci elit sed eiusmod
    tempor incididunt labore dolore aliqua enim minim veniam quis nostrud exercitation
    ullamco laboris nisi aliquip commodo consequat duis aute irure reprehenderit voluptate
    velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat proident
    sunt culpa officia deserunt mollit anim laborum accumsan aenean aliquam aliquet arcu
    auctor augue bibendum blandit condimentum congue conubia convallis cras cubilia
    curabitur cursus dapibus dictum dictumst dignissim donec dui efficitur egestas eget
    eleifend elementum erat eros etiam euismod facilisi facilisis fames faucibus felis
    fermentum feugiat finibus fringilla fusce gravida habitant habitasse hendrerit
    himenaeos hymenaeos iaculis imperdiet inceptos interdum justo lacinia lacus laoreet
    lectus libero ligula litora lobortis luctus maecenas magnis malesuada mattis mauris
    maximus metus molestie mollis morbi nascetur natoque neque netus nibh nisl nostra
    nullam nunc odio orci ornare parturient pellentesque penatibus pharetra phasellus
    placerat platea porttitor posuere potenti praesent pretium primis proin pulvinar
    purus quam quisque rhoncus ridiculus risus rutrum sagittis sapien scelerisque semper
    senectus sociosqu sodales sollicitudin suscipit suspendisse taciti tellus tempus
    tincidunt torquent tortor tristique turpis ullamcorper ultrices ultricies urna
    varius vehicula venenatis vestibulum vitae vivamus viverra volutpat vulputate
""".split())
_SHARE = 0.25
_DISTINCT = 4
_MIN_WORDS = 8

# Word's =rand() paragraphs (Word 2013 and later, then Word 2007-2010): their first
# words are enough, nobody writes them as prose.
WORD_SAMPLE = re.compile(
    r"Video provides a powerful way to help you prove your point"
    r"|To make your document look professionally produced, Word provides"
    r"|Themes and styles also help keep your document coordinated"
    r"|Save time in Word with new buttons that show up where you need them"
    r"|Reading is easier, too, in the new Reading view"
    r"|On the Insert tab, the galleries include items that are designed to coordinate"
    r"|You can easily change the formatting of selected text in the document text"
    r"|To change the overall look of your document, choose new Theme elements"
)
# Where filler text starts: what the placeholder rule reports, once per document.
FILLER_START = re.compile(r"\b[Ll]orem ipsum\b|" + WORD_SAMPLE.pattern)
_WORDS = re.compile(r"[^\W\d_]+")


def is_filler_text(paragraph: str) -> bool:
    """Whether one paragraph (a line of section text) is filler text."""
    if WORD_SAMPLE.search(paragraph):
        return True
    words = _WORDS.findall(paragraph.lower())
    if len(words) < _MIN_WORDS:
        return False
    latin = [w for w in words if w in _LOREM]
    return len(latin) >= _SHARE * len(words) and len(set(latin)) >= _DISTINCT


def filler_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of `text` that is filler text, in order."""
    out = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if is_filler_text(line):
            out.append((start, end))
        start = end + 1
    return out


def filler_words(text: str) -> int:
    """How many of `text`'s words are in filler paragraphs."""
    return sum(len(_WORDS.findall(line)) for line in text.split("\n") if is_filler_text(line))
