"""Paints each finding as a card: severity bar, icon and badge, quote, issue, suggestion.

The reviewer's decision shows on the card: an accepted finding carries a green
tick, a rejected one is greyed out with its issue struck through. The text
part is a small QTextDocument per content and width, cached, so fifty
findings lay out and scroll without re-parsing HTML.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop_app.review.findings import Finding
from desktop_app.ui.common.severity import (
    mix,
    severity_colour,
    severity_ink,
    severity_label,
)
from desktop_app.ui.common.theme import theme
from desktop_app.ui.findings.model import (
    EDITED_ROLE,
    FINDING_ROLE,
    PLACES_ROLE,
    confidence_text,
)

AnyIndex = QModelIndex | QPersistentModelIndex

_GAP = 8  # between cards
_SIDE = 8  # card inset from the view's edges
_PAD = 10  # inside a card
_BAR = 5  # the severity bar
_QUOTE_CHARS = 220  # longer quotes are shortened here (the text view shows them whole)
_PLACE_CHARS = 140  # a document-level finding's quotes, one line or two each
_REJECTED_OPACITY = 0.5
_CHIPS = {"accepted": "✓ Accepted", "rejected": "✗ Rejected"}


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class FindingDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        # Keyed by content, not by object: findings are replaced by fresh copies
        # after every decision, and a reused id() must not bring back old text.
        self._docs: dict[tuple[str, int], QTextDocument] = {}
        # A card's HTML by what it shows: Qt asks for a card's size and paints it
        # many times (every scroll, every repaint of the list), and building the
        # HTML (escaping, colours) was most of each call.
        self._html_cache: dict[tuple[object, ...], str] = {}

    def clear_cache(self) -> None:
        self._docs.clear()
        self._html_cache.clear()

    # -- geometry ---------------------------------------------------------------

    def _badge_font(self) -> QFont:
        font = QFont(self._view.font())
        font.setPointSizeF(font.pointSizeF() * 0.82)
        font.setBold(True)
        return font

    def _header_height(self) -> int:
        badge = QFontMetrics(self._badge_font()).height() + 4
        return max(badge, self._view.fontMetrics().height())

    def _text_width(self, total_width: int) -> int:
        return max(80, total_width - 2 * _SIDE - _BAR - 2 * _PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        finding: Finding | None = index.data(FINDING_ROLE)
        width = self._view.viewport().width()
        if finding is None:
            return QSize(width, 0)
        doc = self._document(finding, bool(index.data(EDITED_ROLE)), self._text_width(width),
                             QApplication.palette(self._view), index.data(PLACES_ROLE))
        height = _GAP + _PAD + self._header_height() + 6 + round(doc.size().height()) + _PAD
        return QSize(width, height)

    # -- painting -----------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        finding: Finding | None = index.data(FINDING_ROLE)
        if finding is None:
            return
        # Cards take the usual text-area colours; the list behind them is
        # window-coloured (FindingsPanel), so option.palette's Base is not theirs.
        pal = QApplication.palette(self._view)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = severity_colour(finding.severity)
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        highlight = pal.color(QPalette.ColorRole.Highlight)

        card = QRect(option.rect).adjusted(_SIDE, _GAP, -_SIDE, 0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        decision = finding.decision
        if decision == "rejected":
            painter.setOpacity(_REJECTED_OPACITY)
        fill = mix(base, highlight, 0.10) if selected else base
        border = highlight if selected else mix(text, base, 0.84)
        accepted = QColor(theme().colours().accepted)
        if decision == "accepted" and not selected:
            border = mix(base, accepted, 0.7)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        # The severity bar down the left edge.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        bar = QRectF(card.left() + 1, card.top() + 1, _BAR, card.height() - 2)
        painter.drawRoundedRect(bar, 2, 2)

        left = card.left() + _BAR + _PAD
        top = card.top() + _PAD
        right = card.right() - _PAD
        header_h = self._header_height()

        # Header: the severity's icon (its shape tells it without colour) and
        # badge, the category, the confidence at the right.
        badge_font = self._badge_font()
        painter.setFont(badge_font)
        label = severity_label(finding.severity).upper()
        bfm = QFontMetrics(badge_font)
        side = bfm.height() + 4
        icon_rect = QRect(left, top + (header_h - side) // 2, side, side)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            icon.paint(painter, icon_rect)
        badge = QRect(icon_rect.right() + 5, icon_rect.top(),
                      bfm.horizontalAdvance(label) + 12, side)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(badge), 3, 3)
        painter.setPen(severity_ink(finding.severity))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)

        font = QFont(self._view.font())
        painter.setFont(font)
        fm = QFontMetrics(font)
        conf = "Yours" if finding.source == "user" else confidence_text(finding.confidence)
        conf_w = fm.horizontalAdvance(conf)
        muted = mix(text, base, 0.42)
        painter.setPen(muted)
        header = QRect(left, top, right - left, header_h)
        painter.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, conf)
        chip_w = self._paint_chip(painter, decision, right - conf_w - 8, top, header_h,
                                  badge_font, muted, base, accepted)
        painter.setFont(font)
        category_font = QFont(font)
        category_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(category_font)
        painter.setPen(text)
        cat_rect = QRect(badge.right() + 8, top,
                         right - conf_w - chip_w - 12 - badge.right() - 8, header_h)
        category = QFontMetrics(category_font).elidedText(
            finding.category.capitalize(), Qt.TextElideMode.ElideRight, cat_rect.width())
        painter.drawText(cat_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         category)

        # Body: the cached rich text.
        doc = self._document(finding, bool(index.data(EDITED_ROLE)),
                             self._text_width(option.rect.width()), pal, index.data(PLACES_ROLE))
        painter.translate(left, top + header_h + 6)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette = QPalette(pal)
        ctx.palette.setColor(QPalette.ColorRole.Text, text)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def _paint_chip(self, painter: QPainter, decision: str, right: int, top: int, height: int,
                    font: QFont, muted: QColor, base: QColor, accepted: QColor) -> int:
        """The decision, right-aligned before `right`; returns the width it took."""
        label = _CHIPS.get(decision)
        if label is None:
            return 0
        fm = QFontMetrics(font)
        width = fm.horizontalAdvance(label) + 12
        chip = QRect(right - width, top + (height - fm.height() - 4) // 2, width, fm.height() + 4)
        colour = accepted if decision == "accepted" else muted
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mix(base, colour, 0.16))
        painter.drawRoundedRect(QRectF(chip), 3, 3)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
        return width + 8

    # -- the text ---------------------------------------------------------------

    def _document(self, finding: Finding, edited: bool, width: int,
                  pal: QPalette, places: list | None = None) -> QTextDocument:
        f = finding
        shown = (f.quote, f.anchored, f.quote_original, f.issue, f.decision, f.suggestion,
                 f.rewrite, tuple(f.checkpoints), edited, pal.color(QPalette.ColorRole.Text).rgba(),
                 pal.color(QPalette.ColorRole.Base).rgba(), tuple(places or ()))
        html = self._html_cache.get(shown)
        if html is None:
            if len(self._html_cache) > 400:
                self._html_cache.clear()
            html = self._html_cache[shown] = self._html(finding, edited, pal, places)
        key = (html, width)
        doc = self._docs.get(key)
        if doc is None:
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(self._view.font())
            doc.setHtml(html)
            doc.setTextWidth(width)
            if len(self._docs) > 400:  # widths change while the splitter moves
                self._docs.clear()
            self._docs[key] = doc
        return doc

    def _html(self, f: Finding, edited: bool, pal: QPalette, places: list | None = None) -> str:
        text = pal.color(QPalette.ColorRole.Text)
        base = pal.color(QPalette.ColorRole.Base)
        muted = mix(text, base, 0.42).name()
        colours = theme().colours()
        parts = []
        for place in places or ():  # a document-level finding: each place, its section named
            marker = ""
            if not place.anchored:
                marker = (f' <span style="color:{colours.error}; font-style:normal;">'
                          "— not found in the text</span>")
            if place.changed:
                marker += (f' <span style="color:{muted}; font-style:normal;">'
                           "— section changed since</span>")
            parts.append(f'<p style="margin-bottom:4px; color:{muted};">'
                         f'<span style="font-weight:600;">{escape(_short(place.title, 60))}:'
                         f"</span> <i>“{escape(_short(place.quote, _PLACE_CHARS))}”</i>"
                         f"{marker}</p>")
        if places is None and f.quote.strip():
            marker = ""
            if not f.anchored:
                marker = (f' <span style="color:{colours.error}; font-style:normal;">'
                          "— not found in the text</span>")
            elif f.quote_original:
                marker = (f' <span style="color:{muted}; font-style:normal;">'
                          "— closest passage; the model quoted it differently</span>")
            parts.append(f'<p style="margin-bottom:6px; color:{muted};"><i>“'
                         f"{escape(_short(f.quote, _QUOTE_CHARS))}”</i>{marker}</p>")
        issue = escape(f.issue)
        if f.decision == "rejected":
            issue = f"<s>{issue}</s>"
        if edited:
            issue += f' <span style="color:{muted}; font-size:small;">(edited)</span>'
        parts.append(f'<p style="margin-bottom:6px;">{issue}</p>')
        if f.suggestion.strip():
            parts.append(f'<p style="margin-bottom:4px;"><span style="color:{muted};">'
                         f"Suggestion:</span> {escape(f.suggestion)}</p>")
        if f.rewrite:
            tint = mix(base, QColor(colours.accepted), 0.16).name()
            parts.append(f'<p style="margin-bottom:4px;"><span style="color:{muted};">'
                         f'Rewrite:</span> <span style="background-color:{tint};">'
                         f"{escape(f.rewrite)}</span></p>")
        if f.checkpoints:
            ids = ", ".join(escape(c) for c in f.checkpoints)
            parts.append(f'<p style="color:{muted}; font-size:small;">Checkpoints: {ids}</p>')
        return "".join(parts)
