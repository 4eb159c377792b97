"""Colours and palettes: light and dark, and one colour per workout phase.

Phase colours come from the Okabe-Ito palette, which stays distinguishable for the
common forms of colour blindness. Text drawn in a phase colour is darkened (light
palette) or lightened (dark palette) until it has at least 4.5:1 contrast with the
background, so the hue stays and the words stay readable.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#8C8C8C",
}

PHASE_BASE = {
    "lead-in": OKABE_ITO["vermillion"],
    "lift": OKABE_ITO["blue"],
    "hold": OKABE_ITO["orange"],
    "lower": OKABE_ITO["bluish_green"],
    "pause": OKABE_ITO["grey"],
    "rest": OKABE_ITO["reddish_purple"],
    "switch": OKABE_ITO["yellow"],
    "done": OKABE_ITO["bluish_green"],
}


class Theme(NamedTuple):  # made before the first paint: cheaper than a dataclass
    dark: bool
    window: str
    base: str
    surface: str  # cards and the sidebar
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str

    def phase_color(self, phase: str) -> QColor:
        """The colour for rings and large shapes (at least 3:1 against the window)."""
        return readable(QColor(PHASE_BASE.get(phase, OKABE_ITO["grey"])), self.window, 3.0)

    def phase_text_color(self, phase: str) -> QColor:
        """The colour for text in the phase's hue (at least 4.5:1 against the window)."""
        return readable(QColor(PHASE_BASE.get(phase, OKABE_ITO["grey"])), self.window, 4.5)

    def phase_tint(self, phase: str) -> QColor:
        """A faint wash of the phase colour for the workout screen's background."""
        base = QColor(PHASE_BASE.get(phase, OKABE_ITO["grey"]))
        return mix(QColor(self.window), base, 0.09 if self.dark else 0.10)


LIGHT = Theme(
    dark=False,
    window="#F6F7F9",
    base="#FFFFFF",
    surface="#ECEEF2",
    text="#1B1D22",
    muted="#5C6370",
    border="#D5D9E0",
    accent="#0067A3",
    accent_text="#FFFFFF",
)
DARK = Theme(
    dark=True,
    window="#17191D",
    base="#202328",
    surface="#111316",
    text="#ECEEF1",
    muted="#A2A9B4",
    border="#343941",
    accent="#4FA8E0",
    accent_text="#0B1620",
)


def relative_luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0-1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def readable(color: QColor, background: str, ratio: float) -> QColor:
    """``color`` darkened or lightened (towards the side away from ``background``)."""
    back = QColor(background)
    target = QColor("#000000") if relative_luminance(back) > 0.4 else QColor("#FFFFFF")
    result = QColor(color)
    step = 0.0
    while contrast(result, back) < ratio and step < 1.0:
        step += 0.05
        result = mix(color, target, step)
    return result


def system_prefers_dark() -> bool:
    from PySide6.QtCore import Qt  # its enums take ~20 ms to build: not before first paint

    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return _initial_palette_dark()


_initial_dark: bool | None = None


def _initial_palette_dark() -> bool:
    """Whether the platform's own palette was dark, read before we replaced it."""
    global _initial_dark
    if _initial_dark is None:
        palette = QGuiApplication.palette()
        _initial_dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return _initial_dark


def theme_for(setting: str, *, ask_desktop: bool = True) -> Theme:
    """The theme for a setting; "system" asks the desktop's colour scheme, or, with
    ``ask_desktop=False`` (the first paint), only the platform's palette."""
    if setting == "dark":
        return DARK
    if setting == "light":
        return LIGHT
    dark = system_prefers_dark() if ask_desktop else _initial_palette_dark()
    return DARK if dark else LIGHT


def make_palette(theme: Theme) -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    text = QColor(theme.text)
    muted = QColor(theme.muted)
    values = {
        roles.Window: theme.window,
        roles.WindowText: theme.text,
        roles.Base: theme.base,
        roles.AlternateBase: theme.surface,
        roles.ToolTipBase: theme.base,
        roles.ToolTipText: theme.text,
        roles.PlaceholderText: theme.muted,
        roles.Text: theme.text,
        roles.Button: theme.base,
        roles.ButtonText: theme.text,
        roles.BrightText: "#FFFFFF",
        roles.Highlight: theme.accent,
        roles.HighlightedText: theme.accent_text,
        roles.Link: theme.accent,
        roles.Light: theme.base,
        roles.Midlight: theme.surface,
        roles.Mid: theme.border,
        roles.Dark: theme.border,
        roles.Shadow: "#000000",
    }
    for role, value in values.items():
        palette.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    faded = mix(muted, QColor(theme.window), 0.35)
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, faded)
    palette.setColor(disabled, roles.Highlight, mix(QColor(theme.accent), text, 0.0))
    return palette


def stylesheet(theme: Theme) -> str:
    t = theme
    hover = mix(QColor(t.base), QColor(t.accent), 0.10).name()
    accent_hover = mix(QColor(t.accent), QColor(t.text), 0.15).name()
    selected = mix(QColor(t.surface), QColor(t.accent), 0.18).name()
    return f"""
QWidget {{ font-size: 14px; }}
QMainWindow, QStackedWidget > QWidget#page {{ background: {t.window}; }}
QFrame#sidebar {{ background: {t.surface}; border-right: 1px solid {t.border}; }}
QLabel#appTitle {{ font-size: 17px; font-weight: 700; padding: 4px 8px 14px 8px; }}
QPushButton#navButton {{
    text-align: left; padding: 10px 14px; border: none; border-radius: 8px;
    background: transparent; font-size: 15px; color: {t.text};
}}
QPushButton#navButton:hover {{ background: {hover}; }}
QPushButton#navButton:checked {{ background: {selected}; font-weight: 700; }}
QFrame#card {{
    background: {t.base}; border: 1px solid {t.border}; border-radius: 12px;
}}
QLabel#pageTitle {{ font-size: 26px; font-weight: 700; }}
QLabel#sectionTitle {{ font-size: 16px; font-weight: 700; margin-top: 6px; }}
QLabel#muted, QLabel#hint {{ color: {t.muted}; }}
QLabel#fieldError {{ color: {"#FF8A80" if t.dark else "#B3261E"}; font-size: 13px; }}
QLabel#chip {{
    background: {t.surface}; border: 1px solid {t.border}; border-radius: 11px;
    padding: 3px 10px; color: {t.text};
}}
QPushButton {{
    padding: 7px 14px; border-radius: 8px; border: 1px solid {t.border};
    background: {t.base}; color: {t.text};
}}
QPushButton:hover {{ background: {hover}; }}
QPushButton:focus {{ border: 2px solid {t.accent}; }}
QPushButton:disabled {{ color: {mix(QColor(t.muted), QColor(t.window), 0.35).name()}; }}
QPushButton#primary {{
    background: {t.accent}; color: {t.accent_text}; border: 1px solid {t.accent};
    font-weight: 700; padding: 10px 22px; font-size: 16px;
}}
QPushButton#primary:hover {{ background: {accent_hover}; }}
QPushButton#primary:focus {{ border: 2px solid {t.text}; }}
QPushButton#control {{ padding: 0px; border-radius: 10px; }}
QPushButton#control:checked {{ background: {selected}; border: 1px solid {t.accent}; }}
QPushButton#control[primary="true"] {{ background: {t.accent}; border: 1px solid {t.accent}; }}
QPushButton#control[primary="true"]:hover {{ background: {accent_hover}; }}
QLabel#keyMain {{ font-size: 17px; font-weight: 600; background: transparent; }}
QLabel#keyHint {{ font-size: 12px; color: {t.muted}; background: transparent; }}
QPushButton#control[primary="true"] QLabel {{ color: {t.accent_text}; }}
QScrollBar:vertical {{ width: 10px; background: transparent; margin: 2px; }}
QScrollBar::handle:vertical {{ background: {t.border}; border-radius: 3px; min-height: 32px; }}
QScrollBar:horizontal {{ height: 10px; background: transparent; margin: 2px; }}
QScrollBar::handle:horizontal {{ background: {t.border}; border-radius: 3px; min-width: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QComboBox QAbstractItemView {{
    background: {t.base}; color: {t.text}; border: 1px solid {t.border};
    selection-background-color: {selected}; selection-color: {t.text};
}}
QCheckBox {{ spacing: 8px; }}
QLineEdit, QPlainTextEdit, QComboBox {{
    padding: 5px 8px; border: 1px solid {t.border}; border-radius: 6px;
    background: {t.base}; color: {t.text};
}}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 2px solid {t.accent}; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 2px solid {"#FF8A80" if t.dark else "#B3261E"};
}}
QListWidget {{
    background: {t.base}; border: 1px solid {t.border}; border-radius: 10px; padding: 4px;
    outline: none;
}}
QListWidget::item {{ padding: 8px 8px; border-radius: 6px; }}
QListWidget::item:selected {{ background: {selected}; color: {t.text}; }}
QTableWidget {{
    background: {t.base}; border: 1px solid {t.border}; border-radius: 8px;
    gridline-color: {t.border};
}}
QHeaderView::section {{
    background: {t.surface}; color: {t.muted}; border: none; padding: 6px;
    font-weight: 600;
}}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QProgressBar {{
    border: none; border-radius: 4px; background: {t.surface}; max-height: 8px;
}}
QProgressBar::chunk {{ border-radius: 4px; background: {t.accent}; }}
QStatusBar {{ color: {t.muted}; }}
QToolTip {{ background: {t.base}; color: {t.text}; border: 1px solid {t.border}; }}
"""


def apply_theme(app: QApplication, setting: str, *, ask_desktop: bool = True) -> Theme:
    _initial_palette_dark()  # remember the platform's palette before replacing it
    theme = theme_for(setting, ask_desktop=ask_desktop)
    app.setPalette(make_palette(theme))
    app.setStyleSheet(stylesheet(theme))
    return theme
