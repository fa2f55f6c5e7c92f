"""Dialogs of the desktop client, one module per subject (``edit_case``, ``add_right``, ``edit_party``).

Not pages: ``load_pages`` does not import this package; a page imports the dialogs it opens."""
