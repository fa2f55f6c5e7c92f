"""Referrals (issue 17 item 1): the workstation as the bridge to partner bodies.

A directory of partner bodies (``models.PartnerBody``; a starter list for Shaanxi/Xi'an in
``data/bodies_shaanxi.json``), referrals of a case or a consultation to one of them with the body's reference
number, follow-up dates counted in Chinese working days (``cases.deadlines``, the calendar of case deadlines),
the outcome and the documents received back (stored as evidence of the case). ``service.ReferralService`` is
the one entry point the CLI and the desktop client call; ``letter`` builds the referral letter for the
documents renderers; ``figures`` counts referrals for the statistics.
"""
