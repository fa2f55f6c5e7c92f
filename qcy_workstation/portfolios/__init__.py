"""Enterprise portfolios (issue 17 item 3): the settled enterprises' own rights and the dates that keep them
alive (renewal windows, annuities, term ends), computed from law held in ``data/right_terms.json``."""
