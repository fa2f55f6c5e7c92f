"""The rights register page: ``page`` holds the page (counts per kind) and registers it; ``importing``
the import tab (file preview, column mapping, progress, report); ``screening`` the mark, claim and label
screening tabs.

``load_pages`` imports ``page``, which registers the page; this module imports nothing (walking the
packages of the code base loads no Qt).
"""
