"""Light and dark themes: a Fusion palette and the window's style sheet, following the system."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from viewer.resources import load_json, resource_path

_ROLES: dict[str, QPalette.ColorRole] = {
    "window": QPalette.ColorRole.Window, "window_text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base, "alternate_base": QPalette.ColorRole.AlternateBase,
    "text": QPalette.ColorRole.Text, "button": QPalette.ColorRole.Button,
    "button_text": QPalette.ColorRole.ButtonText, "highlight": QPalette.ColorRole.Highlight,
    "highlighted_text": QPalette.ColorRole.HighlightedText, "link": QPalette.ColorRole.Link,
    "mid": QPalette.ColorRole.Mid, "dark": QPalette.ColorRole.Dark,
    "placeholder": QPalette.ColorRole.PlaceholderText, "tooltip_base": QPalette.ColorRole.ToolTipBase,
    "tooltip_text": QPalette.ColorRole.ToolTipText,
}


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(mode: str) -> str:
    """'light' or 'dark' for a theme setting ('system' asks the platform)."""
    if mode in ("light", "dark"):
        return mode
    return "dark" if system_is_dark() else "light"


def colors(scheme: str) -> dict[str, str]:
    table = load_json("styles", "palette.json")
    assert isinstance(table, dict)
    return dict(table[scheme])


def palette(scheme: str) -> QPalette:
    pal = QPalette()
    values = colors(scheme)
    for name, role in _ROLES.items():
        pal.setColor(role, QColor(values[name]))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(values["disabled_text"]))
    return pal


def style_sheet(scheme: str) -> str:
    sheet = resource_path("styles", "app.qss").read_text(encoding="utf-8")
    for name, value in colors(scheme).items():
        sheet = sheet.replace("{" + name + "}", value)
    return sheet


def apply_theme(app: QApplication, mode: str) -> str:
    """Apply a theme setting ('system', 'light', 'dark'); returns the scheme in use."""
    scheme = resolve(mode)
    app.setStyle("Fusion")
    app.setPalette(palette(scheme))
    app.setStyleSheet(style_sheet(scheme))
    app.setProperty("csto_scheme", scheme)
    return scheme


def current_scheme() -> str:
    app = QApplication.instance()
    value = app.property("csto_scheme") if app is not None else None
    return value if value in ("light", "dark") else "light"
