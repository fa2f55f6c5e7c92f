"""The infringement pre-check page: ``page`` holds the tabbed page and registers it; ``patent``,
``trademark``, ``gi`` and ``trade_secret`` each show one IP type, ``saved`` the results saved on a case,
and ``common`` what they (and the rights register's screening tabs) share.

``load_pages`` imports ``page``, which registers the page; this module imports nothing (walking the
packages of the code base loads no Qt).
"""
