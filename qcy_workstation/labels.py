"""Display names of the codes the core stores, in Chinese and English: one table per code list, so the
statistics, the exports, the documents and the warning memos name a code the same way.

Each entry is ``code: (zh, en)``; ``en`` is the short, capitalised name of a heading or a table cell
(documents lower-case it in running text). Stored values stay codes; only display goes through here.
"""

from __future__ import annotations

IP_TYPES: dict[str, tuple[str, str]] = {
    "trademark": ("商标", "Trademark"), "patent": ("专利", "Patent"), "gi": ("地理标志", "GI"),
    "trade-secret": ("商业秘密", "Trade secret"),
}
#: ``IP_TYPES`` with the empty code (a consultation or a case that names no type) as "not stated".
IP_TYPES_OR_UNSTATED: dict[str, tuple[str, str]] = {**IP_TYPES, "": ("未注明", "Not stated")}
CASE_STATUSES: dict[str, tuple[str, str]] = {
    "received": ("已收案", "Received"), "accepted": ("已受理", "Accepted"), "declined": ("不予受理", "Declined"),
    "in_progress": ("办理中", "In progress"), "opinion_issued": ("已出具意见", "Opinion issued"),
    "closed": ("已结案", "Closed"), "withdrawn": ("已撤回", "Withdrawn"),
}
CHANNELS: dict[str, tuple[str, str]] = {
    "walk-in": ("来访", "Walk-in"), "phone": ("电话", "Phone"), "online": ("网上", "Online"),
    "letter": ("来信", "Letter"),
}
ASSISTANCE_KINDS: dict[str, tuple[str, str]] = {
    "infringement-opinion": ("侵权判定参考意见", "Infringement opinion"),
    "compensation-estimate": ("赔偿估算", "Compensation estimate"),
    "legal-consultation": ("法律咨询", "Legal consultation"),
    "dispute-route": ("维权途径指导", "Dispute route"),
    "early-warning": ("预警分析", "Early warning"),
}
#: Early-warning projects and risks (the warning memo, the statistics).
PROJECT_KINDS: dict[str, tuple[str, str]] = {
    "rd": ("研发", "R&D"), "trade": ("贸易（出口、展会）", "Trade (exports, exhibitions)"),
    "investment": ("投资", "Investment"), "tech_transfer": ("技术转移", "Technology transfer"),
}
SEVERITIES: dict[str, tuple[str, str]] = {"high": ("高", "High"), "medium": ("中", "Medium"), "low": ("低", "Low")}
PRIORITIES: dict[str, tuple[str, str]] = {
    "low": ("低", "Low"), "normal": ("普通", "Normal"), "high": ("高", "High"), "urgent": ("紧急", "Urgent"),
}


def name(table: dict[str, tuple[str, str]], code: str, lang: str = "zh") -> str:
    """The display name of ``code`` in ``table`` ("zh" or "en"); the code itself when the table lacks it."""
    pair = table.get(code)
    if pair is None:
        return code
    return pair[0] if lang == "zh" else pair[1]
