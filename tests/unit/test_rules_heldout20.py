"""Findings of blind round heldout-20 (issue 14), each as a general case with the near
misses the rules must still report (tests that fail before the fix):

- spelling: a spelling the document's own code uses ("color" where the API is getcolor,
  embedded_color, ImageColor) is the word its readers type, not a lapse from its
  British house style; a path's "email" says nothing of e-mail against email;
- placeholders: "more options will be added later" states a plan, it leaves no gap;
- acronyms: "the RabbitMQ (AMQP)" names RabbitMQ's protocol, it does not spell AMQP out."""

from __future__ import annotations

from desktop_app.ai.rules.acronyms import acronym_definitions
from tests.unit.test_local_rules import SPELLS_OUT, quotes

SV, PH, ACR = "spelling-variant", "placeholder", "undefined-acronym"
BRITISH = ("Changes", "The new behaviour is documented. We favour small releases, and the "
                      "default behaviour is kept for old files.")


def test_a_spelling_the_documents_code_uses_is_not_a_lapse():
    text = ("Fonts with embedded color data can be drawn with embedded_color=True, and "
            "getcolor returns the color of a pixel.")
    assert quotes(text, SV, BRITISH) == []
    # near miss: the same sentence without the code's names is a lapse
    assert quotes("Fonts with embedded color data are drawn in full color now.", SV,
                  BRITISH) == ["color"]


def test_a_path_says_nothing_of_e_mail_against_email():
    hyphen = ("Mail", "Send an e-mail to the list. Every e-mail is read, and each e-mail "
                      "gets an answer.")
    text = "Addresses are kept in /etc/email-addresses; write an email to change yours."
    assert quotes(text, SV, hyphen) == ["email"]


def test_options_that_will_be_added_later_are_a_plan_not_a_gap():
    text = ("Keep in mind that more commands and options will be added later, so give "
            "each new option a name that leaves room for the next one.")
    assert quotes(text, PH) == []
    # near misses: the document's own content still to come
    survey = ("The survey covered forty offices in March and April, and every office "
              "answered all twelve of its questions about the new billing process. ")
    for deferred in ("More details will be added later.", "The figures will be added later."):
        assert len(quotes(survey + deferred, PH)) == 1, deferred


def test_a_product_named_before_its_protocol_does_not_define_it():
    assert acronym_definitions("When using the RabbitMQ (AMQP) broker, set the URL.") == []
    assert quotes("When using the RabbitMQ (AMQP) broker, set the URL.", ACR,
                  SPELLS_OUT) == ["AMQP"]
    # near miss: the words before the brackets spell it
    assert [d[0] for d in acronym_definitions(
        "The Advanced Message Queuing Protocol (AMQP) is used.")] == ["AMQP"]
