"""The passes over the whole document as one cancellable job: cross-section checks, consistency.

Off the GUI thread, reporting plain data. The built-in cross-section checks
(`ai/crosscheck`: free, deterministic, about a second on the 872-page
handbook) run first and report at once (`pass_done`); then, with Bedrock,
the consistency pass over the sections' key facts (`ai/consistency`), batch
by batch (`progress`). Each pass that breaks is a failure of that pass
(`PassOutcome` with its error), never of the other, and never swallowed: the
review records and shows it. Cancelling stops between batches; what finished
before was already reported.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import Signal

from desktop_app.ai.error_text import internal_error, log_internal
from desktop_app.ai.provider import Cancelled, FailureKind, Provider, ProviderError
from desktop_app.document.model import Document
from desktop_app.review.facts import Fact
from desktop_app.review.frameworks import Framework
from desktop_app.session import CONSISTENCY, RULES, PassOutcome
from desktop_app.workers.jobs import JobBase, JobSignals

log = logging.getLogger(__name__)  # counts and error kinds: never document text


class DocumentCheckSignals(JobSignals):
    pass_done = Signal(object)  # PassOutcome, as each pass ends
    progress = Signal(str)  # what is being checked now, in words


@dataclass(frozen=True, slots=True)
class CheckPlan:
    """What the job runs; copied on the GUI thread (the job never reads the review)."""

    document: Document
    framework: Framework
    rules_inputs: str = ""  # run the cross-section checks ("" : not)
    consistency_inputs: str = ""  # run the consistency pass ("" : not)
    provider: Provider | None = None  # for the consistency pass
    facts: tuple[Fact, ...] = field(default_factory=tuple)

    @property
    def origins(self) -> list[str]:
        return [o for o, inputs in ((RULES, self.rules_inputs),
                                    (CONSISTENCY, self.consistency_inputs)) if inputs]


class DocumentCheckJob(JobBase):
    """`pass_done` per pass; `finished` carries the list of outcomes."""

    signals_class = DocumentCheckSignals
    signals: DocumentCheckSignals

    def __init__(self, plan: CheckPlan) -> None:
        super().__init__()
        self.plan = plan

    def work(self) -> list[PassOutcome]:
        done: list[PassOutcome] = []
        if self.plan.rules_inputs:
            done.append(self._rules())
            self.emit(self.signals.pass_done, done[-1])
        if self.plan.consistency_inputs:
            if self.token.cancelled:
                raise Cancelled()
            done.append(self._consistency())
            self.emit(self.signals.pass_done, done[-1])
        return done

    def _rules(self) -> PassOutcome:
        from desktop_app.ai.crosscheck import check_document

        plan = self.plan
        self.emit(self.signals.progress, "Checking references, acronyms, values and defined "
                                         "terms across sections…")
        try:
            found = check_document(plan.document, plan.framework, self.token)
        except Cancelled:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken check is a failure of its pass
            log_internal(log, "the cross-section checks failed", exc)
            return PassOutcome(RULES, None, ProviderError(FailureKind.INTERNAL,
                                                          internal_error(exc)),
                               inputs=plan.rules_inputs)
        return PassOutcome(RULES, found, inputs=plan.rules_inputs)

    def _consistency(self) -> PassOutcome:
        from desktop_app.ai.consistency import check_document

        plan = self.plan
        sections = len({f.section_id for f in plan.facts})

        def progress(batch: int, batches: int) -> None:
            which = f" (batch {batch} of {batches})" if batches > 1 else ""
            self.emit(self.signals.progress, f"Checking the key facts of {sections} sections "
                                             f"for consistency{which}…")

        try:
            result = check_document(plan.provider, plan.document,  # type: ignore[arg-type]
                                    list(plan.facts), plan.framework, self.token,
                                    progress=progress)
        except Cancelled:
            raise
        except ProviderError as err:
            return PassOutcome(CONSISTENCY, None, err.with_traceback(None), usage=err.usage,
                               model=err.model, inputs=plan.consistency_inputs)
        except Exception as exc:  # noqa: BLE001 - a bug costs this pass, and says so
            log_internal(log, "the consistency pass failed", exc)
            return PassOutcome(CONSISTENCY, None,
                               ProviderError(FailureKind.INTERNAL, internal_error(exc)),
                               inputs=plan.consistency_inputs)
        log.info("consistency pass: %d findings in %d batches", len(result.findings),
                 result.batches)
        return PassOutcome(CONSISTENCY, result.findings, usage=result.usage, model=result.model,
                           inputs=plan.consistency_inputs, batches=result.batches)
