"""The desktop client (PySide6). Only this package imports Qt; it calls the core's services.

PySide6 6.12.0 drops references to ``True``/``None`` on every ``emit()``, void call and ``data()`` that
returns None, which aborts CPython < 3.12 after enough calls; pyproject pins PySide6 below 6.12 and
tests/ui/test_qt_refcounts.py and test_ui_app.py fail on any binding that brings the bug back.
"""
