"""The documents page: ``page`` holds the page and registers it; ``preview`` renders and rasterises a
document on the background runner and shows its pages; ``output`` prints and exports what is shown;
``labels`` names kinds, topics, statuses and the register's columns.

``load_pages`` imports ``page``, which registers the page; this module imports nothing (walking the
packages of the code base loads no Qt).
"""
