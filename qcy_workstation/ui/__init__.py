"""The desktop client (PySide6). Only this package imports Qt; it calls the core's services."""
