"""The desktop window (PySide6): main window, panels, models and background tasks."""
