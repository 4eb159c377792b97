"""The phone remote's address in the window: a QR code over a corner of the workout screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from glute_timer.gui.i18n import tr

QUIET_MODULES = 2
"""Light modules around the code (on a white card, phones read two as well as four)."""

CODE_PX = 148
"""The code's side: 4 pixels a module for the usual address (33 modules and the quiet
zone), sharp because whole."""


class QrCode(QWidget):
    """A QR code painted module by module, dark on white, at a whole number of pixels
    per module (sharp at any size)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[bool]] = []
        self.text = ""
        self.setFixedSize(CODE_PX, CODE_PX)

    def set_text(self, text: str) -> None:
        self.text = text
        if text:
            import segno  # only when a remote runs: nothing of it before the first paint

            code = segno.make(text, error="m", micro=False)
            self._rows = [[bool(module) for module in row] for row in code.matrix]
        else:
            self._rows = []
        self.setAccessibleName(tr("QR code of the phone remote's address"))
        self.updateGeometry()
        self.update()

    @property
    def modules(self) -> int:
        return len(self._rows)

    def sizeHint(self) -> QSize:
        return QSize(CODE_PX, CODE_PX)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        count = self.modules + 2 * QUIET_MODULES
        if not self._rows or side < count:
            painter.end()
            return
        scale = side // count
        size = scale * count
        left = (self.width() - size) // 2
        top = (self.height() - size) // 2
        painter.fillRect(QRect(left, top, size, size), QColor("#FFFFFF"))
        dark = QColor("#000000")
        for y, row in enumerate(self._rows):
            for x, module in enumerate(row):
                if module:
                    painter.fillRect(
                        left + (x + QUIET_MODULES) * scale,
                        top + (y + QUIET_MODULES) * scale,
                        scale,
                        scale,
                        dark,
                    )
        painter.end()


class RemotePanel(QFrame):
    """ "Phone remote": the QR code of the page's address, the address, and how many
    phones follow. It lies over a corner of the workout screen; once a phone has joined
    it folds to its title line (Show code opens it again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(4)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetFixedSize)
        title = QLabel(tr("Phone remote"))
        title.setObjectName("sectionTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.code = QrCode()
        self.hint = QLabel(tr("Scan with a phone on the same network"))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setFixedWidth(CODE_PX + 24)
        self.address = QLabel("")
        self.address.setObjectName("muted")
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setWordWrap(True)
        self.address.setFixedWidth(CODE_PX + 24)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAccessibleName(tr("Phone remote address"))
        self.pages = QLabel("")
        self.pages.setObjectName("hint")
        self.pages.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.setAccessibleName(tr("Phones following"))
        self.fold_button = QPushButton(tr("Hide code"))
        self.fold_button.setAccessibleName(tr("Hide or show the QR code"))
        self.fold_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys drive the workout
        self.fold_button.clicked.connect(self.toggle_fold)
        for widget in (self.code, self.hint, self.address, self.pages):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.fold_button)
        self.folded = False
        self._joined = False

    def show_url(self, url: str, where: str) -> None:
        self.code.set_text(url)
        self.hint.setText(tr("Scan with a phone on the same network"))
        self.address.setText(where)
        self.pages.setText("")
        self.pages.hide()
        self.setToolTip(url)
        self._joined = False
        self.fold(False)
        self.show()

    def show_problem(self, text: str) -> None:
        self.code.set_text("")
        self.fold(False)
        self.code.hide()
        self.hint.setText(text)
        self.address.setText("")
        self.setToolTip("")
        self.show()

    def set_pages(self, count: int) -> None:
        """``count`` phones follow the workout now; the first one folds the code away."""
        if count <= 0:
            self.pages.setText("")
        else:
            one, many = tr("1 phone follows"), tr("%n phones follow", "", count)
            self.pages.setText(one if count == 1 else many)
        self.pages.setVisible(count > 0)
        if count > 0 and not self._joined:
            self._joined = True
            self.fold(True)

    def toggle_fold(self) -> None:
        self.fold(not self.folded)

    def fold(self, folded: bool) -> None:
        self.folded = folded
        for widget in (self.code, self.hint, self.address):
            widget.setVisible(not folded and bool(self.code.text or widget is not self.code))
        self.fold_button.setText(tr("Show code") if folded else tr("Hide code"))
        self.adjustSize()
