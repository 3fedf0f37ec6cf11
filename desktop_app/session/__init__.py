"""The review session both the window and `margin review` drive (no Qt).

    storage = Storage()                                  # one per process
    setup = choose_provider(document, prefs)             # the one place a reviewer is chosen
    session = ReviewSession(document, framework, storage, setup.identity)
    session.status(sid), session.outcome(sid)            # where a section stands, what it holds
    session.record_result(sid, result, source)           # saved, then held
    saved = session.save_answer(sid, result)             # ... or saved on the job's thread
    session.set_decision(fid, "accepted")                # every change saved as it is made
    session.statistics(prices), session.snapshot(...)    # the numbers, what the export writes

The front ends import the store's types from here, never from `store/`.
"""

from desktop_app.review.outcome import SectionOutcome
from desktop_app.review.status import SectionStatus
from desktop_app.session.chat import ChatLog, MessageRef
from desktop_app.session.document_pass import (
    CONSISTENCY,
    PASS_LABELS,
    RULES,
    DocumentPass,
    PassOutcome,
)
from desktop_app.session.document_results import WHOLE_DOCUMENT, is_document_finding
from desktop_app.session.prefs import (
    CONTEXT_CHOICES,
    DEFAULT_FRAMEWORK,
    PROVIDER_CHOICES,
    ReviewPrefs,
)
from desktop_app.session.results import ReviewResults, copy_finding, visible_findings
from desktop_app.session.reviewer import (
    LOCAL_LABEL,
    NoReviewer,
    ProviderFactory,
    ProviderIdentity,
    ProviderSetup,
    choose_provider,
    review_context,
    short_model,
    source_label,
)
from desktop_app.session.session import ReviewSession, RunEstimate, SavedAnswer
from desktop_app.session.storage import Storage
from desktop_app.store.db import StoreError
from desktop_app.store.history import REASONS as EARLIER_REASONS
from desktop_app.store.history import EarlierFinding
from desktop_app.store.review_state import (
    ChatMessage,
    PassRecord,
    ReviewState,
    ReviewStatistics,
    ReviewSummary,
)

__all__ = [
    "CONSISTENCY",
    "CONTEXT_CHOICES",
    "DEFAULT_FRAMEWORK",
    "EARLIER_REASONS",
    "LOCAL_LABEL",
    "PASS_LABELS",
    "PROVIDER_CHOICES",
    "RULES",
    "WHOLE_DOCUMENT",
    "ChatLog",
    "ChatMessage",
    "DocumentPass",
    "EarlierFinding",
    "MessageRef",
    "NoReviewer",
    "PassOutcome",
    "PassRecord",
    "ProviderFactory",
    "ProviderIdentity",
    "ProviderSetup",
    "ReviewPrefs",
    "ReviewResults",
    "ReviewSession",
    "ReviewState",
    "ReviewStatistics",
    "ReviewSummary",
    "RunEstimate",
    "SavedAnswer",
    "SectionOutcome",
    "SectionStatus",
    "Storage",
    "StoreError",
    "choose_provider",
    "copy_finding",
    "is_document_finding",
    "review_context",
    "short_model",
    "source_label",
    "visible_findings",
]
