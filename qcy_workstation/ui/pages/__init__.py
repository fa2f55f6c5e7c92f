"""Pages of the main window. Every module here is imported at start and calls ``register_page``."""
