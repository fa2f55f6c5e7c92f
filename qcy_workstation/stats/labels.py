"""Display names (Chinese / English) of the codes the figures are keyed by. Keys stay codes in JSON."""

from __future__ import annotations

IP_TYPES = {"trademark": ("商标", "Trademark"), "patent": ("专利", "Patent"), "gi": ("地理标志", "GI"),
            "trade-secret": ("商业秘密", "Trade secret"), "": ("未注明", "Not stated")}
STATUSES = {"received": ("已收案", "Received"), "accepted": ("已受理", "Accepted"), "declined": ("不予受理", "Declined"),
            "in_progress": ("办理中", "In progress"), "opinion_issued": ("已出具意见", "Opinion issued"),
            "closed": ("已结案", "Closed"), "withdrawn": ("已撤回", "Withdrawn")}
CHANNELS = {"walk-in": ("来访", "Walk-in"), "phone": ("电话", "Phone"), "online": ("网上", "Online"),
            "letter": ("来信", "Letter")}
ASSISTANCE = {"infringement-opinion": ("侵权判定参考意见", "Infringement opinion"),
              "compensation-estimate": ("赔偿估算", "Compensation estimate"),
              "legal-consultation": ("法律咨询", "Legal consultation"),
              "dispute-route": ("维权途径指导", "Dispute route"),
              "early-warning": ("预警分析", "Early warning")}
PROJECT_KINDS = {"rd": ("研发", "R&D"), "trade": ("贸易（出口、展会）", "Trade (exports, exhibitions)"),
                 "investment": ("投资", "Investment"), "tech_transfer": ("技术转移", "Technology transfer")}
SEVERITIES = {"high": ("高", "High"), "medium": ("中", "Medium"), "low": ("低", "Low")}
RISK_STATUSES = {"open": ("待处理", "Open"), "accepted": ("已接受", "Accepted"), "resolved": ("已解决", "Resolved")}
OUTCOMES = {"opinion_issued": ("出具意见", "Opinion issued"), "closed": ("结案", "Closed"),
            "declined": ("不予受理", "Declined"), "withdrawn": ("撤回", "Withdrawn")}

_ALL = (IP_TYPES, STATUSES, CHANNELS, ASSISTANCE, PROJECT_KINDS, SEVERITIES, RISK_STATUSES, OUTCOMES)


def label(code: str, lang: str = "zh", table: dict[str, tuple[str, str]] | None = None) -> str:
    """The display name of ``code`` (looked up in ``table`` or in every table); the code itself if unknown."""
    tables = (table,) if table is not None else _ALL
    for t in tables:
        if code in t:
            return t[code][0 if lang == "zh" else 1]
    return code
