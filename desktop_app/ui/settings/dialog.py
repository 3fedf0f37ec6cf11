"""Settings: which reviewer, AWS profile and models, tuning, prices, Test connection.

Credentials stay in the AWS configuration: the dialog lists profiles, it never
asks for keys. Slow things (listing profiles imports boto3; Test connection
calls AWS) run on the window's JobRunner, so the dialog never freezes.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from html import escape
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ai.config import DEFAULT_MODELS, BedrockConfig
from desktop_app.ai.prices import DEFAULT_PRICES, Price
from desktop_app.ui.common.tab_order import tab_chain
from desktop_app.ui.common.theme import error_style, theme
from desktop_app.ui.settings.quota_table import QuotaPage
from desktop_app.ui.settings.store import ReviewPrefs
from desktop_app.workers.jobs import Job, JobRunner

CONTEXT_LABELS = (("auto", "Automatic (by the document's size)"),
                  ("whole", "Whole document"), ("related", "Related passages"),
                  ("section", "This section only"))

PROVIDERS = (
    ("auto", "Automatic — Amazon Bedrock when AWS credentials are found"),
    ("bedrock", "Amazon Bedrock"),
    ("local", "Built-in reviewer (offline rules)"),
)
REGIONS = ("", "us-east-1", "us-east-2", "us-west-2", "ca-central-1", "eu-central-1",
           "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "ap-northeast-1",
           "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "sa-east-1")
DEFAULT_CHAIN = "(default credential chain)"
_TEST_TIMEOUT = 15.0  # seconds per call of Test connection


def _alive(method: Callable[..., None]) -> Callable[..., None]:
    """For job callbacks: a result that arrives after the dialog is gone is dropped."""

    @functools.wraps(method)
    def wrapper(self: QDialog, *args: Any) -> None:
        if shiboken6.isValid(self):
            method(self, *args)

    return wrapper


def _line_edit(combo: QComboBox) -> QLineEdit:
    edit = combo.lineEdit()
    assert edit is not None, "an editable combo box has a line edit"
    return edit


def aws_profiles() -> list[str]:
    """Profiles from the AWS config and credentials files, SSO profiles included."""
    import boto3  # lazily: it costs ~150 ms

    return sorted(boto3.session.Session().available_profiles)


def run_connection_test(config: BedrockConfig) -> list[str]:
    from desktop_app.ai import connection  # looked up at call time: tests replace it

    return connection.test_connection(config)


def list_account_models(config: BedrockConfig) -> list[str]:
    from desktop_app.ai import connection

    return connection.list_models(config)


class SettingsDialog(QDialog):
    prefs_accepted = Signal(object)  # ReviewPrefs, already validated
    test_finished = Signal(list)  # the result lines shown (for tests and scripts)

    def __init__(self, prefs: ReviewPrefs, runner: JobRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self._prefs = prefs
        self._runner = runner
        self._serial = 0
        self.result_prefs: ReviewPrefs | None = None

        tabs = QTabWidget()
        tabs.addTab(self._reviewer_tab(), "Reviewer")
        tabs.addTab(self._review_tab(), "Re&view")
        tabs.addTab(self._prices_tab(), "Prices")
        self.quota_page = QuotaPage()
        tabs.addTab(self.quota_page, "&Quotas")
        self.tabs = tabs

        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Each page top to bottom (Qt skips the pages not shown), then OK, Cancel.
        tab_chain(tabs.tabBar(), self.provider, self.profile, self.region, self.endpoint,
                  self.models, self.models_default, self.models_fetch, self.concurrency,
                  self.temperature, self.max_tokens, self.timeout, self.test_button,
                  self.test_output, self.min_confidence, self.frameworks_dir,
                  self.frameworks_browse, self.context, self.consistency, self.ask_above,
                  self.prices, self.price_add, self.price_remove,
                  self.price_reset, self.quota_page.table,
                  buttons.button(QDialogButtonBox.StandardButton.Ok),
                  buttons.button(QDialogButtonBox.StandardButton.Cancel))
        self.resize(680, 620)
        self._load(prefs)
        self._fill_profiles()

    # -- building -----------------------------------------------------------------

    def _reviewer_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.provider = QComboBox()
        self.provider.setObjectName("providerChoice")
        for key, label in PROVIDERS:
            self.provider.addItem(label, key)
        form.addRow("&Reviewer:", self.provider)

        self.profile = QComboBox()
        self.profile.setObjectName("awsProfile")
        self.profile.setEditable(True)
        _line_edit(self.profile).setPlaceholderText(DEFAULT_CHAIN)
        self.profile.setToolTip("A profile from ~/.aws/config or ~/.aws/credentials "
                                "(SSO profiles included). Empty: the default credential chain.")
        form.addRow("AWS &profile:", self.profile)

        self.region = QComboBox()
        self.region.setObjectName("awsRegion")
        self.region.setEditable(True)
        self.region.addItems(list(REGIONS))
        _line_edit(self.region).setPlaceholderText("the profile's region")
        form.addRow("Re&gion:", self.region)

        self.endpoint = QLineEdit()
        self.endpoint.setObjectName("endpointUrl")
        self.endpoint.setPlaceholderText("optional — e.g. a VPC endpoint; empty: AWS default")
        form.addRow("&Endpoint URL:", self.endpoint)

        self.models = QPlainTextEdit()
        self.models.setObjectName("modelChain")
        self.models.setPlaceholderText("one model or inference-profile id per line")
        self.models.setTabChangesFocus(True)
        self.models.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.models_default = QPushButton("&Defaults")
        self.models_default.clicked.connect(
            lambda: self.models.setPlainText("\n".join(DEFAULT_MODELS)))
        self.models_fetch = QPushButton("From my &account…")
        self.models_fetch.setToolTip("List the models and inference profiles this account "
                                     "can call in the region, to add one to the chain")
        self.models_fetch.clicked.connect(self._fetch_models)
        model_buttons = QVBoxLayout()
        model_buttons.addWidget(self.models_default)
        model_buttons.addWidget(self.models_fetch)
        model_buttons.addStretch(1)
        model_row = QHBoxLayout()
        model_row.addWidget(self.models, 1)
        model_row.addLayout(model_buttons)
        form.addRow("&Model chain:", model_row)
        chain_label = form.labelForField(model_row)
        if isinstance(chain_label, QLabel):
            chain_label.setBuddy(self.models)  # a layout has no buddy of its own
        self.models.setAccessibleName("Model chain")
        hint = QLabel("The first model answers; the next ones are fallbacks, in order.")
        hint.setEnabled(False)  # greyed: a hint, not a field
        hint.setWordWrap(True)
        form.addRow("", hint)

        self.concurrency = QSpinBox()
        self.concurrency.setObjectName("concurrency")
        self.concurrency.setRange(1, 256)
        self.concurrency.setSuffix(" requests at once")
        self.concurrency.setToolTip("A cap: Margin paces requests to your account's quota. "
                                    "Long answers need more at once (quota x answer time).")
        form.addRow("Co&ncurrency:", self.concurrency)
        self.temperature = QDoubleSpinBox()
        self.temperature.setObjectName("temperature")
        self.temperature.setRange(0.0, 1.0)
        self.temperature.setSingleStep(0.05)
        self.temperature.setDecimals(2)
        form.addRow("&Temperature:", self.temperature)
        self.max_tokens = QSpinBox()
        self.max_tokens.setObjectName("maxTokens")
        self.max_tokens.setRange(256, 64_000)
        self.max_tokens.setSingleStep(512)
        form.addRow("Max to&kens:", self.max_tokens)
        self.timeout = QSpinBox()
        self.timeout.setObjectName("timeout")
        self.timeout.setRange(5, 900)
        self.timeout.setSuffix(" s")
        self.timeout.setToolTip("How long to wait for a model's answer before trying again")
        form.addRow("T&imeout:", self.timeout)

        self.test_button = QPushButton("Te&st connection")
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.test_output = QTextBrowser()
        self.test_output.setObjectName("testOutput")
        self.test_output.setOpenLinks(False)
        self.test_output.setPlaceholderText(
            "Test connection checks who you are signed in as (STS) and whether each model "
            "of the chain answers. It sends a few tokens per model.")
        self.test_output.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.test_output.setAccessibleName("Connection test results")
        test_row = QVBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        test_row.addWidget(self.test_output)
        form.addRow("", test_row)
        return page

    def _review_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.min_confidence = QSpinBox()
        self.min_confidence.setObjectName("minConfidence")
        self.min_confidence.setRange(0, 100)
        self.min_confidence.setSingleStep(5)
        self.min_confidence.setSuffix(" %")
        self.min_confidence.setToolTip("Findings the reviewer is less sure of are hidden")
        form.addRow("Minimum con&fidence:", self.min_confidence)
        self.frameworks_dir = QLineEdit()
        self.frameworks_dir.setObjectName("frameworksDir")
        self.frameworks_dir.setPlaceholderText("none — only the built-in frameworks")
        self.frameworks_browse = browse = QPushButton("C&hoose…")
        browse.clicked.connect(self._choose_frameworks_dir)
        row = QHBoxLayout()
        row.addWidget(self.frameworks_dir, 1)
        row.addWidget(browse)
        form.addRow("Frameworks fol&der:", row)
        folder_label = form.labelForField(row)
        if isinstance(folder_label, QLabel):
            folder_label.setBuddy(self.frameworks_dir)
        self.frameworks_dir.setAccessibleName("Frameworks folder")
        browse.setAccessibleName("Choose the frameworks folder")
        note = QLabel("Your own review frameworks: one .toml file each (name, and "
                      "[[checkpoints]] with id, title and look_for). They appear in the "
                      "framework list of the toolbar.")
        note.setWordWrap(True)
        form.addRow("", note)
        # The document as a whole (Amazon Bedrock).
        self.context = QComboBox()
        self.context.setObjectName("contextChoice")
        for value, label in CONTEXT_LABELS:
            self.context.addItem(label, value)
        self.context.setToolTip(
            "What each section request carries of the rest of the document: the whole text "
            "(read from Bedrock's prompt cache after the first request), the passages most "
            "related to the section, or nothing. Automatic: the whole document when it is "
            "small enough, else the related passages.")
        form.addRow("Conte&xt:", self.context)
        self.consistency = QCheckBox("Check &consistency after Analyse All")
        self.consistency.setObjectName("consistencyAfterAll")
        self.consistency.setToolTip(
            "After Analyse All, the model checks the sections' key facts against each other "
            "(figures, times, owners, terms): a few requests more. The built-in cross-section "
            "checks always run; they cost nothing.")
        form.addRow("", self.consistency)
        self.ask_above = QDoubleSpinBox()
        self.ask_above.setObjectName("askAboveUsd")
        self.ask_above.setRange(0.0, 10_000.0)
        self.ask_above.setDecimals(2)
        self.ask_above.setSingleStep(1.0)
        self.ask_above.setPrefix("$ ")
        self.ask_above.setSpecialValueText("always")
        self.ask_above.setToolTip("Analyse All with Amazon Bedrock shows the estimated tokens "
                                  "and cost first when it would cost more than this")
        form.addRow("Ask &before Analyse All above:", self.ask_above)
        for widget, name in ((self.context, "Context"),
                             (self.consistency, "Check consistency after Analyse All"),
                             (self.ask_above, "Ask before Analyse All above")):
            widget.setAccessibleName(name)
        return page

    def _prices_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel("Estimated prices in USD per million tokens, used for the cost "
                       "estimate. Check them against your AWS pricing; a model without a "
                       "price shows no cost.")
        intro.setWordWrap(True)
        self.prices = QTableWidget(0, 4)
        self.prices.setObjectName("priceTable")
        self.prices.setHorizontalHeaderLabels(["Model id", "Input", "Output", "Cache read"])
        header = self.prices.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.prices.verticalHeader().hide()
        self.prices.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.prices.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.prices.setSortingEnabled(False)
        self.prices.setAccessibleName("Prices per million tokens")
        self.price_add = add = QPushButton("&Add")
        add.clicked.connect(self._add_price_row)
        self.price_remove = remove = QPushButton("Remo&ve")
        remove.clicked.connect(self._remove_price_rows)
        self.price_reset = reset = QPushButton("Reset to &defaults")
        reset.clicked.connect(lambda: self._set_prices(DEFAULT_PRICES))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(reset)
        layout.addWidget(intro)
        layout.addWidget(self.prices, 1)
        layout.addLayout(buttons)
        return page

    # -- values -------------------------------------------------------------------

    def _load(self, prefs: ReviewPrefs) -> None:
        c = prefs.bedrock
        self.provider.setCurrentIndex(max(0, self.provider.findData(prefs.provider)))
        self.profile.setEditText(c.profile or "")
        self.region.setEditText(c.region or "")
        self.endpoint.setText(c.endpoint_url or "")
        self.models.setPlainText("\n".join(c.models))
        self.concurrency.setValue(c.max_concurrency)
        self.temperature.setValue(c.temperature)
        self.max_tokens.setValue(c.max_tokens)
        self.timeout.setValue(round(c.read_timeout))
        self.min_confidence.setValue(round(prefs.min_confidence * 100))
        self.frameworks_dir.setText(prefs.frameworks_dir)
        self.context.setCurrentIndex(max(0, self.context.findData(prefs.context)))
        self.consistency.setChecked(prefs.consistency)
        self.ask_above.setValue(prefs.ask_above_usd)
        self._set_prices(c.prices)
        self.quota_page.set_quotas(list(c.models), c.quotas)

    def _set_prices(self, prices: dict[str, Price]) -> None:
        self.prices.setRowCount(0)
        chain = self._prefs.bedrock.models
        # The models in use first, in chain order; then the rest by id.
        order = sorted(prices, key=lambda m: (m not in chain, chain.index(m) if m in chain
                                              else 0, m))
        for model in order:
            self._add_price_row(model, prices[model])

    def _add_price_row(self, model: str = "", price: Price = (0.0, 0.0, 0.0)) -> None:
        row = self.prices.rowCount()
        self.prices.insertRow(row)
        self.prices.setItem(row, 0, QTableWidgetItem(model))
        for col, value in enumerate(price, start=1):
            item = QTableWidgetItem(f"{value:g}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.prices.setItem(row, col, item)
        if not model:
            self.prices.scrollToBottom()
            self.prices.editItem(self.prices.item(row, 0))  # type: ignore[arg-type]  # set above

    def _remove_price_rows(self) -> None:
        rows = sorted({i.row() for i in self.prices.selectedIndexes()}, reverse=True)
        for row in rows:
            self.prices.removeRow(row)

    def _price_table(self) -> dict[str, Price]:
        table: dict[str, Price] = {}
        for row in range(self.prices.rowCount()):
            first = self.prices.item(row, 0)
            model = (first.text() if first is not None else "").strip()
            if not model:
                continue
            values = []
            for col in (1, 2, 3):
                item = self.prices.item(row, col)
                text = item.text().strip().replace(",", ".") if item else "0"
                try:
                    value = float(text or 0)
                except ValueError:
                    raise ValueError(f"the price for {model} is not a number: {text!r}") from None
                if value < 0:
                    raise ValueError(f"the price for {model} is negative")
                values.append(value)
            table[model] = (values[0], values[1], values[2])
        return table

    def _bedrock_config(self) -> BedrockConfig:
        """The Bedrock settings as entered; ValueError says what is wrong."""
        models = [m.strip() for m in self.models.toPlainText().splitlines() if m.strip()]
        fields: dict[str, Any] = dict(
            profile=self.profile.currentText().strip() or None,
            region=self.region.currentText().strip() or None,
            endpoint_url=self.endpoint.text().strip() or None,
            models=models,
            max_concurrency=self.concurrency.value(),
            temperature=round(self.temperature.value(), 2),
            max_tokens=self.max_tokens.value(),
            read_timeout=float(self.timeout.value()),
            prices=self._price_table(),
            quotas=self.quota_page.quotas(),
        )
        url = fields["endpoint_url"]
        if url and not url.startswith(("https://", "http://")):
            raise ValueError("the endpoint URL must start with https:// (or http://)")
        # Keep what the dialog does not show (retries, backoff, ...) as it was.
        return dataclasses.replace(self._prefs.bedrock, **fields)

    def prefs(self) -> ReviewPrefs:
        """The settings as entered; ValueError says what is wrong."""
        return dataclasses.replace(
            self._prefs,
            provider=self.provider.currentData(),
            bedrock=self._bedrock_config(),
            min_confidence=self.min_confidence.value() / 100,
            frameworks_dir=self.frameworks_dir.text().strip(),
            context=self.context.currentData(),
            consistency=self.consistency.isChecked(),
            ask_above_usd=self.ask_above.value(),
        )

    def accept(self) -> None:
        try:
            prefs = self.prefs()
        except ValueError as err:
            self._show_error(str(err))
            return
        self.result_prefs = prefs
        self.prefs_accepted.emit(prefs)
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error.setText(message[:1].upper() + message[1:] + ".")
        self.error.show()

    def _choose_frameworks_dir(self) -> None:
        start = self.frameworks_dir.text() or ""
        folder = QFileDialog.getExistingDirectory(self, "Frameworks folder", start)
        if folder:
            self.frameworks_dir.setText(folder)

    # -- background work ------------------------------------------------------------

    def _start(self, fn: Any, *args: Any, done: Any, failed: Any) -> None:
        job = Job(fn, *args)
        job.signals.finished.connect(done)
        job.signals.failed.connect(failed)
        self._runner.start(job)

    def _fill_profiles(self) -> None:
        self._start(aws_profiles, done=self._on_profiles, failed=self._on_profiles_failed)

    @_alive
    def _on_profiles(self, profiles: list[str]) -> None:
        current = self.profile.currentText()
        self.profile.clear()
        self.profile.addItem("")  # the default credential chain
        self.profile.addItems(profiles)
        self.profile.setEditText(current)

    @_alive
    def _on_profiles_failed(self, exc: BaseException) -> None:
        self.profile.setToolTip(f"Could not read the AWS profiles: {exc}")

    def test_connection(self) -> None:
        try:
            config = self._bedrock_config()
        except ValueError as err:
            self._show_test([f"Cannot start: {err}"])
            return
        # A few tokens per model: no need to wait as long as for a review, and
        # a hung endpoint must not hold up closing the window for minutes.
        config = dataclasses.replace(config, read_timeout=min(config.read_timeout, _TEST_TIMEOUT),
                                     connect_timeout=min(config.connect_timeout, 5.0))
        self._serial += 1
        serial = self._serial
        self.test_button.setEnabled(False)
        self.test_button.setText("Testing…")
        self.test_output.setHtml("<p>Contacting AWS…</p>")
        self._start(run_connection_test, config,
                    done=lambda lines: self._on_test(serial, lines),
                    failed=lambda exc: self._on_test(
                        serial, [f"Test failed: {exc or type(exc).__name__}"]))

    @_alive
    def _on_test(self, serial: int, lines: list[str]) -> None:
        if serial != self._serial:
            return
        self.test_button.setEnabled(True)
        self.test_button.setText("Te&st connection")
        self._show_test(lines)

    def _show_test(self, lines: list[str]) -> None:
        html = []
        for line in lines:
            ok = line.startswith("Signed in") or line.endswith(": OK")
            info = line.startswith("Region:")
            colours = theme().colours()
            mark, colour = (("✓", colours.accepted) if ok else ("·", "") if info
                            else ("✗", colours.error))
            style = f' style="color:{colour};"' if colour else ""
            html.append(f'<p style="margin-bottom:4px;"><b{style}>{mark}</b> {escape(line)}</p>')
        self.test_output.setHtml("".join(html))
        self.test_finished.emit(list(lines))

    def _fetch_models(self) -> None:
        try:
            config = self._bedrock_config()
        except ValueError as err:
            self._show_error(str(err))
            return
        self.models_fetch.setEnabled(False)
        self.models_fetch.setText("Listing…")
        self._start(list_account_models, config, done=self._on_models,
                    failed=self._on_models_failed)

    @_alive
    def _on_models(self, models: list[str]) -> None:
        self.models_fetch.setEnabled(True)
        self.models_fetch.setText("From my &account…")
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if not models:
            menu.addAction("No models found in this region").setEnabled(False)
        for model in models:
            menu.addAction(model).triggered.connect(
                lambda _=False, m=model: self._append_model(m))
        menu.popup(self.models_fetch.mapToGlobal(self.models_fetch.rect().bottomLeft()))

    @_alive
    def _on_models_failed(self, exc: BaseException) -> None:
        self.models_fetch.setEnabled(True)
        self.models_fetch.setText("From my &account…")
        message = getattr(exc, "message", "") or str(exc) or type(exc).__name__
        self._show_test([f"Cannot list models: {message}"])

    def _append_model(self, model: str) -> None:
        current = [m.strip() for m in self.models.toPlainText().splitlines() if m.strip()]
        if model not in current:
            self.models.setPlainText("\n".join([*current, model]))
