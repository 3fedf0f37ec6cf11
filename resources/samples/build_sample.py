"""Build the sample document a new user sees first.

Run:  python resources/samples/build_sample.py [OUTPUT.docx]

Writes ``Margin sample - incident investigation.docx`` next to this script (or to
OUTPUT). The output is byte-for-byte reproducible: core properties use fixed
values and the zip entries get a fixed timestamp, so rebuilding it produces no
diff unless the text changes.

The report is deliberately imperfect. It is credible and specific, but carries the
kinds of problems a reviewer (and the built-in rule-based reviewer) should find:
overlong sentences, passive voice, vague words, acronyms used before they are
defined or never defined, a repeated word, TODO/TBD placeholders, a one-line
section, inconsistent spellings and number formats, a duration in the summary that
contradicts the timeline, and a recommendation with no owner. The list of planted
flaws lives in PLANTED_FLAWS below; tests of the offline reviewer can use it.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt, RGBColor

OUTPUT_NAME = "Margin sample - incident investigation.docx"
TITLE = "Investigation Report: Payment Service Outage of 14 March"
AUTHOR = "Priya Natarajan"
FIXED_TIME = dt.datetime(2024, 3, 21, 9, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2024, 3, 21, 9, 0, 0)

# Deliberate flaws: (section title, kind, exact text that shows it).
PLANTED_FLAWS: list[tuple[str, str, str]] = [
    ("Summary", "duration does not add up", "The outage lasted 47 minutes"),
    ("Summary", "acronym before definition", "our PSP"),
    ("Summary", "acronym before definition", "This RCA"),
    ("Summary", "overlong sentence", "Although an automated alert fired at 09:41"),
    ("Summary", "number format", "1,200"),
    ("Summary", "number format", "5%"),
    ("Background", "vague word", "Various downstream services"),
    ("Background", "acronym before definition", "The checkout SLO"),
    ("Background", "spelling variant", "organisation"),
    ("Timeline", "spelling variant", "e-mail"),
    ("Timeline", "timezone not converted / out of order", "11:21"),
    ("Technical", "overlong sentence", "With only four connections per pod"),
    ("Technical", "vague word", "significantly worse"),
    ("Technical", "passive voice", "The rollback was initiated"),
    ("Technical", "vague word", "Some dashboards"),
    ("Process", "undefined acronym", "CAB"),
    ("Process", "passive voice", "The change was approved"),
    ("Process", "repeated word", "the the"),
    ("Process", "blame language", "should have checked the value more carefully"),
    ("Process", "spelling variant", "email list"),
    ("Process", "passive voice", "the alert was acknowledged"),
    ("Process", "vague word", "a significant amount of time"),
    ("Impact", "number format", "1200 customers"),
    ("Impact", "number format", "five percent"),
    ("Impact", "vague word", "Some customers were charged twice"),
    ("Impact", "placeholder", "TODO"),
    ("Impact", "personal data", "Mrs Alison Greaves"),
    ("Recommendations", "spelling variant", "organization"),
    ("Recommendations", "overlong sentence", "We considered also recommending"),
    ("Recommendations", "vague word", "as soon as possible"),
    ("Recommendations", "vague recommendation", "Improve monitoring"),
    ("Recommendations", "recommendation with no owner", "exponential backoff"),
    ("Actions and owners", "placeholder", "TBD"),
    ("Actions and owners", "claim contradicted by table", "Each recommendation has an owner"),
    ("Lessons learned", "thin section", "To be added after the review meeting."),
]


def _t(text: str) -> str:
    """Collapse the source's line wrapping into one line of prose."""
    return " ".join(text.split())


FRONT_MATTER = [
    "Prepared by: Priya Natarajan, Site Reliability Engineering (SRE)",
    "Reviewed by: Marcus Lindqvist, Head of Payments Engineering",
    "Date: 21 March 2024",
    "Incident reference: INC-2024-031 (Severity 1)",
    "Status: Draft v0.3 for review by the Engineering Leadership Group. "
    "Internal: do not forward outside Kestrel Home.",
]

SUMMARY = [
    _t("""On Thursday 14 March 2024, customers of Kestrel Home were unable to pay for
    orders on the website and in the mobile app. The outage lasted 47 minutes, from the
    first failed payment at 09:18 UTC until card payments were fully restored at 10:52
    UTC. Approximately 1,200 customers saw a payment error at checkout, and 5% of them
    contacted Customer Support."""),
    _t("""The outage was caused by a configuration change to paygate-api, the internal
    service that sends card payments to our PSP. The change reduced the service's
    database connection pool from 60 connections per pod to 4, when the intended value
    was 40. Under normal Thursday morning traffic the pools were exhausted within
    minutes, and paygate-api began rejecting payment requests."""),
    _t("""Although an automated alert fired at 09:41, it was delivered to an e-mail
    distribution list that nobody was actively monitoring rather than to the on-call
    engineer's pager, and as a result the incident was not formally declared until
    10:05, after Customer Support had escalated a sharp rise in complaints, by which
    point the service had already been failing for almost three quarters of an hour."""),
    _t("""This RCA sets out what happened, why it happened and what we will change. It
    makes six recommendations. The most important are validating configuration values
    before they are deployed and routing checkout alerts to the on-call pager."""),
]

BACKGROUND = [
    _t("""Kestrel Home is an online homeware retailer serving customers in the United
    Kingdom and Ireland. Around 80% of orders are placed between 08:00 and 22:00, with
    a weekday peak between 09:00 and 11:00. On a typical Thursday morning the checkout
    handles about 1,450 payment attempts per hour."""),
    _t("""Card payments pass through paygate-api, which validates each request, records
    it in the orders database and forwards it to Corvane Payments, our payment service
    provider (PSP). paygate-api runs as 12 pods on the production Kubernetes cluster.
    Each pod keeps its own pool of database connections, which it opens through the
    PgBouncer connection proxy. Various downstream services, including the order
    ledger (Ledgerline) and the fraud scoring service, depend on paygate-api's
    responses."""),
    _t("""The checkout SLO is 99.9% successful payment authorisations over a rolling
    28-day window, measured at paygate-api. Before this incident the organisation had
    used 18% of the checkout error budget for March."""),
    _t("""On 11 March the Database Platform team began preparing to move the orders
    database behind a new PgBouncer cluster with a limit of 500 client connections.
    Change PLAT-4471 was raised to reduce the paygate-api pool from 60 to 40
    connections per pod, so that its 12 pods (480 connections) would fit within the
    new limit."""),
]

TIMELINE_INTRO = _t("""All times are UTC. Each entry names its source so that it can be
checked; where a source records local time, the time has been converted.""")

TIMELINE = [
    ("08:55", "Change PLAT-4471 merged in platform-config. paygate-api pool size set "
     "to 4 per pod (intended: 40).", "Git history, platform-config"),
    ("09:12", "Rolling deployment of the new paygate-api configuration starts "
     "(12 pods).", "Shipyard deployment log"),
    ("09:18", "First failed payment authorisations. paygate-api returns status 503, "
     "\"no database connection available\".", "paygate-api logs"),
    ("09:24", "Deployment completes; all 12 pods run with the new pool size.",
     "Shipyard deployment log"),
    ("09:31", "Payment error rate reaches 38% of checkout attempts.",
     "Grafana, Checkout overview dashboard"),
    ("09:41", "Checkout SLO burn-rate alert fires and is sent to the payments-alerts "
     "e-mail list.", "Alertmanager history"),
    ("09:52", "Customer Support shift lead reports a rise in payment complaints in "
     "#support-escalations.", "Slack"),
    ("09:58", "Alert e-mail read by a Payments engineer; not escalated.",
     "Interview, 18 March"),
    ("10:05", "Incident declared (Severity 1); on-call engineer paged manually.",
     "Pagerline"),
    ("10:09", "Page acknowledged by the on-call engineer.", "Pagerline"),
    ("11:21", "On-call engineer checks the Corvane status page: no incident reported.",
     "Corvane status page"),
    ("10:26", "Connection pool exhaustion identified from PgBouncer and paygate-api "
     "metrics.", "Slack, #inc-2024-031"),
    ("10:38", "Rollback of PLAT-4471 started.", "Shipyard deployment log"),
    ("10:46", "Rollback complete on all pods; error rate falling.",
     "Shipyard deployment log; Grafana"),
    ("10:52", "Error rate below 1%; payments restored. Incident moved to monitoring.",
     "Grafana, Checkout overview dashboard"),
    ("11:40", "Incident closed.", "Pagerline"),
]

INVESTIGATION_INTRO = _t("""The investigation was carried out between 15 and 20 March
by engineers from SRE and Payments who were not involved in the change or the
response.""")

METHOD = [
    _t("""We followed the company's standard root cause analysis (RCA) process. The
    investigation team reviewed deployment records, the Git history of the
    platform-config repository, paygate-api and PgBouncer logs, Grafana dashboards,
    Alertmanager and Pagerline records, the #inc-2024-031 Slack channel and Customer
    Support tickets."""),
    _t("""We interviewed six people: the engineer who wrote the change, its reviewer,
    the primary and secondary on-call engineers, the Customer Support shift lead and
    the Database Platform lead. Interviews were held on 18 and 19 March, and each
    interviewee agreed the notes of their interview."""),
    _t("""Logs from three of the twelve pods for 09:00 to 09:20 had already rotated out
    and could not be examined. The findings below do not depend on them."""),
]

FINDINGS_INTRO = "Findings are grouped into technical findings and process findings."

TECHNICAL = [
    _t("""The paygate-api values file set maxPoolSize to 4 instead of the intended 40.
    The value is a plain integer in a configuration file, and nothing in the
    deployment pipeline checks it against a sensible range."""),
    _t("""With only four connections per pod, each pod could run at most four database
    transactions at once, and because a payment authorisation holds its connection
    while it waits for the PSP to respond, which normally takes between 300 and 900
    milliseconds, requests queued behind one another as soon as the morning traffic
    arrived and the 2-second connection timeout was quickly exceeded."""),
    _t("""When paygate-api could not obtain a connection it returned status 503 to the
    caller. The website showed a generic payment error. The mobile app retried each
    failed request up to three times with no delay, which roughly tripled the load on
    paygate-api during the incident and made the queueing significantly worse."""),
    _t("""The checkout service level objective (SLO) burn-rate alert behaved as
    designed. It fired at 09:41, when the one-hour burn rate exceeded 14.4 times the
    sustainable rate. The 23 minutes between the first errors and the alert follow from
    the alert's evaluation window and are expected."""),
    _t("""Staging runs two paygate-api pods and receives synthetic traffic of about 20
    requests per minute. At that volume a pool of four connections per pod is enough,
    so the change passed every staging check without errors."""),
    _t("""The rollback was initiated at 10:38 and completed at 10:46. The error rate
    returned to normal by 10:52, once queued retries from the mobile app had
    drained."""),
    _t("""Some dashboards, logs, traces etc. showed the problem clearly from 09:20
    onwards, but nobody was looking at them until the incident was declared."""),
]

PROCESS = [
    _t("""Change PLAT-4471 was classified as a standard change. It therefore did not go
    to the CAB and did not require a canary deployment."""),
    _t("""The change was approved in the platform-config repository four minutes after
    it was opened. The diff contained 14 changed lines across three files, and the
    pool size was on the the last line of the second file. The engineer who wrote the
    change should have checked the value more carefully, and the reviewer should have
    noticed the mistake."""),
    _t("""In January the alert routing for payments moved to a new Alertmanager
    configuration. During that migration, checkout alerts were mapped to the
    payments-alerts email list instead of the Pagerline service. The mapping was not
    noticed because no checkout alert fired between January and 14 March."""),
    _t("""The alert was read at 09:58 by a Payments engineer who had been told that
    PgBouncer work was planned that week, and who took the alert to be part of it.
    Customer Support raised the problem at 09:52 in #support-escalations, a channel
    that engineers read on a best-effort basis. The on-call engineer was paged at
    10:05, and the alert was acknowledged at 10:09."""),
    _t("""Diagnosis took a significant amount of time. The on-call engineer first
    suspected the PSP, because the errors resembled a Corvane outage in November, and
    spent 12 minutes checking its status page and contacting its support desk before
    looking at the connection metrics."""),
]

ROOT_CAUSE = [
    _t("""The root cause was a configuration value entered incorrectly (4 instead of
    40) that reached production without any automated check of its range. A pool of
    four connections cannot serve a pod's normal load, so every pod began to reject
    payments as soon as the new configuration was live."""),
    _t("""A human error of this kind is always possible. It reached customers because
    no part of the pipeline could catch it. The configuration is not validated,
    staging traffic is too light to exhaust a small pool, and the change did not need
    a canary stage."""),
]

CONTRIBUTING = [
    _t("""Staging traffic is too low to reveal connection pool exhaustion, so a change
    that fails in production can pass every staging check."""),
    _t("""The standard change classification skipped the canary stage that would have
    exposed the fault to 5% of traffic rather than all of it."""),
    _t("""Checkout alerts went to an e-mail list rather than the pager, which delayed
    the response by at least 24 minutes."""),
    _t("""Mobile app retries without backoff tripled the load and caused duplicate
    charges."""),
    _t("""The first hypothesis, a fault at the PSP, delayed diagnosis by about 12
    minutes."""),
]

IMPACT = [
    _t("""During the 94 minutes of disruption, 1200 customers were unable to complete a
    purchase at the first attempt. Of these, 610 completed their purchase later the
    same day and 590 did not return within seven days. At the average basket value of
    £74, the orders not completed represent about £43,660 in lost revenue."""),
    _t("""Customer Support received 61 contacts about failed payments, about five
    percent of affected customers, against a normal rate of eight an hour. Average
    wait time on the support line rose to 19 minutes."""),
    _t("""Some customers were charged twice, because retries from the mobile app
    reached the PSP after the first request had in fact succeeded. Finance has so far
    identified 37 duplicate charges, all of which have been refunded. TODO: confirm the
    final refund figures with Finance before publishing."""),
    _t("""One customer, Mrs Alison Greaves, complained on social media and the post was
    widely shared. Customer Support has since contacted her directly."""),
    _t("""The outage used 146% of the checkout error budget for March. Under the error
    budget policy, non-urgent releases of paygate-api are frozen until 28 March."""),
]

RECOMMENDATIONS_INTRO = _t("""The recommendations below address the root cause and each
contributing factor. Across the organization, about 40 services keep their settings in
the same kind of configuration file, so recommendations 1 and 3 should be extended to
them once they have been proven on paygate-api.""")

RECOMMENDATIONS = [
    _t("""Add schema validation to the platform-config pipeline so that database pool
    settings outside an agreed range (for paygate-api, 20 to 80 per pod) fail the
    build."""),
    _t("""Route all checkout SLO alerts to the Pagerline on-call service, and send a
    test alert through every paging route each month to confirm that it reaches a
    person."""),
    _t("""Require a canary stage for configuration changes to paygate-api: 5% of
    traffic for 15 minutes, with automatic rollback if the error rate exceeds 1%."""),
    _t("""Increase synthetic traffic in staging to a level that exercises connection
    pooling realistically, as soon as possible."""),
    _t("""Change the mobile app's payment retries to use exponential backoff with
    jitter and an idempotency key, so that a retry can never create a duplicate
    charge."""),
    _t("""Improve monitoring and dashboards for the payment path."""),
]

RECOMMENDATIONS_OUTRO = _t("""We considered also recommending that all configuration
changes to payment services be reclassified as normal changes requiring CAB approval,
but the investigation team concluded, after some discussion with the platform group,
that this would slow down routine work considerably without addressing the underlying
problem, which is that an obviously invalid value could reach production without any
automated check, and so it is not included here.""")

ACTIONS_INTRO = _t("""Each recommendation has an owner and a due date, agreed at the
review meeting on 20 March.""")

ACTIONS = [
    ("1", "Range validation for pool settings in the platform-config pipeline",
     "Tomasz Wierzbicki, Platform", "12 April 2024", "In progress"),
    ("2", "Route checkout alerts to Pagerline; monthly test alert",
     "Priya Natarajan, SRE", "29 March 2024", "In progress"),
    ("3", "Canary stage for paygate-api configuration changes",
     "Dan Okafor, Payments", "30 April 2024", "Not started"),
    ("4", "Representative synthetic traffic in staging",
     "Test Environments team", "TBD", "Not started"),
    ("6", "Payment path dashboards", "SRE", "31 May 2024", "Not started"),
]

LESSONS = "To be added after the review meeting."

GLOSSARY = [
    ("Burn rate", "how quickly a service is using its error budget, relative to the "
     "rate that would use it up exactly by the end of the SLO window."),
    ("Canary stage", "releasing a change to a small share of traffic first and "
     "watching for errors before releasing it to everyone."),
    ("Connection pool", "a fixed set of open database connections shared by the "
     "requests in one pod. A request that cannot get a connection waits, then fails."),
    ("Error budget", "the amount of failure the SLO allows: here, 0.1% of payment "
     "attempts over 28 days."),
    ("Idempotency key", "a unique value sent with a payment request so that the PSP "
     "processes repeated requests only once."),
    ("Pagerline", "the paging and on-call scheduling tool used by Engineering."),
    ("PgBouncer", "the connection proxy between our services and their PostgreSQL "
     "databases."),
    ("PSP", "payment service provider; for Kestrel Home, Corvane Payments."),
    ("RCA", "root cause analysis."),
    ("SLO", "service level objective."),
]


def _table(doc, header: tuple[str, ...], rows, widths_pt: tuple[int, ...]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Light Grid Accent 1"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for row in table.rows:
        for cell, width in zip(row.cells, widths_pt, strict=True):
            cell.width = Pt(width)
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(2)
                for run in paragraph.runs:
                    run.font.size = Pt(9.5)


def _set_styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    doc.styles["Title"].font.size = Pt(24)
    for name, size in (("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11.5)):
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        style.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 10)
        style.paragraph_format.space_after = Pt(4)


def _set_properties(doc) -> None:
    props = doc.core_properties
    props.title = TITLE
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.subject = "Incident INC-2024-031"
    props.keywords = "incident, investigation, payments"
    props.comments = "Sample document shipped with Margin. Fictional company and people."
    props.category = "Investigation report"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 3


def build_document():
    doc = Document()
    _set_styles(doc)
    _set_properties(doc)

    doc.add_paragraph(TITLE, style="Title")
    for i, line in enumerate(FRONT_MATTER):
        paragraph = doc.add_paragraph(line)
        last = i == len(FRONT_MATTER) - 1
        paragraph.paragraph_format.space_after = Pt(12 if last else 0)

    doc.add_heading("Summary", level=1)
    for text in SUMMARY:
        doc.add_paragraph(text)

    doc.add_heading("Background", level=1)
    for text in BACKGROUND:
        doc.add_paragraph(text)

    doc.add_heading("Timeline", level=1)
    doc.add_paragraph(TIMELINE_INTRO)
    _table(doc, ("Time (UTC)", "Event", "Source"), TIMELINE, (60, 290, 120))

    doc.add_heading("Investigation", level=1)
    doc.add_paragraph(INVESTIGATION_INTRO)
    doc.add_heading("Method", level=2)
    for text in METHOD:
        doc.add_paragraph(text)
    doc.add_heading("Findings", level=2)
    doc.add_paragraph(FINDINGS_INTRO)
    doc.add_heading("Technical", level=3)
    for text in TECHNICAL:
        doc.add_paragraph(text)
    doc.add_heading("Process", level=3)
    for text in PROCESS:
        doc.add_paragraph(text)

    doc.add_heading("Root cause", level=1)
    for text in ROOT_CAUSE:
        doc.add_paragraph(text)
    doc.add_heading("Contributing factors", level=2)
    for text in CONTRIBUTING:
        doc.add_paragraph(text, style="List Bullet")

    doc.add_heading("Impact", level=1)
    for text in IMPACT:
        doc.add_paragraph(text)

    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph(RECOMMENDATIONS_INTRO)
    for text in RECOMMENDATIONS:
        doc.add_paragraph(text, style="List Number")
    doc.add_paragraph(RECOMMENDATIONS_OUTRO)

    doc.add_heading("Actions and owners", level=1)
    doc.add_paragraph(ACTIONS_INTRO)
    _table(doc, ("Rec.", "Action", "Owner", "Due", "Status"), ACTIONS,
           (34, 200, 120, 70, 60))

    doc.add_heading("Lessons learned", level=1)
    doc.add_paragraph(LESSONS)

    doc.add_heading("Appendix: Glossary", level=1)
    for term, definition in GLOSSARY:
        paragraph = doc.add_paragraph()
        paragraph.add_run(term).bold = True
        paragraph.add_run(": " + definition)
    return doc


def _normalised_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so identical input gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def build(path: Path) -> Path:
    buffer = io.BytesIO()
    build_document().save(buffer)
    path.write_bytes(_normalised_zip(buffer.getvalue()))
    return path


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name(OUTPUT_NAME)
    print(build(target))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
