"""Expert panels (issue 17 item 2): an expert pool and panel meetings on difficult cases.

An expert pool (``models.Expert``: name, field, IPC or Nice classes, affiliation, optional contact, active),
a conflict check of each expert against the case's parties with the party-name normalisation of case intake
(``cases.names``), and panel meetings on a case (``models.ExpertPanel``: date, the experts seated, the
questions, each expert's opinion and hours or fee, the panel's conclusion and dissent). A concluded panel's
conclusion is cited in the reference opinion (``documents.case_sections.panel_section``).
``service.ExpertService`` is the one entry point the CLI and the desktop client call.
"""
