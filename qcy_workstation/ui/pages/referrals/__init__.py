"""Referrals to partner bodies (issue 17 item 1): the case page's Referrals tab (``case_tab``) and the
Referrals page with the directory of bodies (``page``). Imports nothing, so the pages can be walked without Qt."""
