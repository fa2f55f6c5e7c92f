"""Plausibility limits of the core in one place, each with the reason it has that value.

Why here: a limit scattered over validators drifts (one form takes a date another refuses). Validators
import these names; tests import them too, so a changed limit moves every check and its test together.
Amount and register limits stay beside their parsers (``compensation.money.MAX_AMOUNT``,
``precheck.register.CSV_CELL_LIMIT``) because each has exactly one reader.
"""

from __future__ import annotations

from datetime import date

# Dates ------------------------------------------------------------------------------------------------

#: The earliest date anything can have happened at the workstation (a case or piece of evidence received,
#: a consultation held, a status change). China's first patent law (Patent Law of the PRC, 1984) took
#: effect on 1985-04-01; CNIPA application numbers start with that year (``validate_patent_number``
#: refuses earlier filing years), and IP rights-protection assistance is younger still. A date before it
#: is a typing slip, like the 0001-01-01 that once became case ``QCY-1-00001``. A store may raise the
#: floor with the setting ``opened_on`` (the day this workstation opened).
EARLIEST_DATE = date(1985, 4, 1)
EARLIEST_DATE_REASON = "the Patent Law of the PRC took effect on 1985-04-01"

#: Latest filing year a CNIPA application number may carry (a typo guard, not a forecast).
LATEST_FILING_YEAR = 2100

#: How far ahead a follow-up may be set: three years, the general limitation period for civil claims
#: (Civil Code of the PRC, Art. 188). A follow-up further out is not one; 2099 is a slip.
FOLLOW_UP_MAX_DAYS = 3 * 366

#: The largest whole number a command-line option takes (ids, --limit, --top, --year...): SQLite integers
#: end at 2**63-1 and a larger value failed in the driver (OverflowError); no count, id or year of the
#: workstation comes near two thousand million.
MAX_CLI_INTEGER = 2_000_000_000

# Text -------------------------------------------------------------------------------------------------

#: One-line fields (titles, names, topics) hold no line breaks, tabs or other control characters: they are
#: printed to terminals, where an escape sequence can rewrite the screen, and into one-line table cells.
#: Besides the C0/C1 controls (Unicode category Cc), the bidirectional overrides and isolates are refused
#: everywhere: they reorder how a line is displayed (CVE-2021-42574, "Trojan Source").
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_SEPARATORS = frozenset("\u2028\u2029\x85")

#: Multi-line fields (facts, summaries, descriptions) may hold these and no other control character.
MULTILINE_ALLOWED = frozenset("\n\r\t")

#: The longest evidence file name kept (the ``evidence.original_name`` column holds 300 characters).
MAX_FILE_NAME = 300

# Files ------------------------------------------------------------------------------------------------

#: A partial file (``.incoming-*`` of an evidence add, ``*.part`` of an issued document) older than this
#: belongs to a run that was killed: an add copying a large file for longer is not plausible on a desk,
#: while a younger one may still be running, so ``store check`` leaves it alone.
STALE_PARTIAL_SECONDS = 3600

#: The largest text file a pre-check reads (claims, product description, secret): the engines refuse more
#: than 200,000 characters, at most 800 KB of UTF-8, so 8 MB is a wrong file (a video, a disk image).
MAX_TEXT_FILE_BYTES = 8 << 20
#: A PDF or Word file read for its text (claims, a brochure): pictures make it far larger than its text.
MAX_DOCUMENT_FILE_BYTES = 64 << 20
#: A ``precheck --batch`` file: one line per comparison; 256 MB is millions of lines, more is a wrong file.
MAX_BATCH_FILE_BYTES = 256 << 20
