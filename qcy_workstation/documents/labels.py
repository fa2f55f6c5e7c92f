"""Fixed wording of the documents in Chinese and English (document text, not UI text)."""

from __future__ import annotations

from qcy_workstation.labels import CHANNELS, IP_TYPES

TITLES = {
    "acceptance-notice": {"zh": "知识产权维权援助受理通知书", "en": "Notice of Acceptance of an IP Assistance Request"},
    "non-acceptance-notice": {"zh": "知识产权维权援助不予受理通知书",
                              "en": "Notice of Non-Acceptance of an IP Assistance Request"},
    "consultation-record": {"zh": "知识产权维权援助咨询记录", "en": "Record of IP Assistance Consultations"},
    "advice-letter": {"zh": "知识产权维权援助意见书", "en": "IP Rights-Protection Assistance Advice Letter"},
    "reference-opinion": {"zh": "侵权判定参考意见书", "en": "Infringement Reference Opinion"},
    "early-warning-memo": {"zh": "知识产权预警备忘录", "en": "IP Early-Warning Memorandum"},
    "guidance": {"zh": "知识产权维权指引", "en": "IP Rights-Protection Guidance"},
}

NUMBER_CODES = {
    "acceptance-notice": "SL",
    "non-acceptance-notice": "BSL",
    "consultation-record": "ZX",
    "advice-letter": "YJ",
    "reference-opinion": "CK",
    "early-warning-memo": "YA",
    "guidance": "ZY",
}

DISCLAIMER = {
    "zh": "声明：本文书系知识产权维权援助工作站出具的参考意见，仅供当事企业参考，不构成司法或行政认定；"
          "有关事项以人民法院、行政机关的最终认定为准。",
    "en": "Disclaimer: this document is a reference opinion of the IP rights-protection assistance workstation "
          "for the enterprise's information only; it is not a judicial or administrative determination. "
          "The final decision rests with the courts and administrative authorities.",
}

GUIDANCE_NOTE = {
    "zh": "说明：本指引为一般性信息，供参考，不构成法律意见，亦不构成司法或行政认定；具体事项请咨询本工作站或执业律师。",
    "en": "Note: this guidance is general information for reference; it is not legal advice and not a judicial "
          "or administrative determination. Ask the workstation or a lawyer about your own matter.",
}

# Running text names the right in lower case, and a GI in full.
_IP_TYPE_EN = {code: en.lower() for code, (_zh, en) in IP_TYPES.items()} | {"gi": "geographical indication"}
IP_TYPE_NAMES = {code: {"zh": zh, "en": _IP_TYPE_EN[code]} for code, (zh, _en) in IP_TYPES.items()} | {
    "trade_secret": {"zh": IP_TYPES["trade-secret"][0], "en": _IP_TYPE_EN["trade-secret"]},
    "other": {"zh": "其他", "en": "other"},
    "": {"zh": "未分类", "en": "unspecified"},
}
CHANNEL_NAMES = {code: {"zh": zh, "en": en.lower()} for code, (zh, en) in CHANNELS.items()}

L = {
    "number": {"zh": "文号：", "en": "No. "},
    "page": {"zh": "第 {page} 页 共 {pages} 页", "en": "Page {page} of {pages}"},
    "seal": {"zh": "（盖章）", "en": "(seal)"},
    "handler": {"zh": "经办人：", "en": "Handled by: "},
    "reviewer": {"zh": "审核人：", "en": "Reviewed by: "},
    "case_number": {"zh": "案件编号", "en": "Case number"},
    "applicant": {"zh": "申请人（当事企业）", "en": "Applicant (enterprise)"},
    "opponent": {"zh": "对方当事人", "en": "Other party"},
    "ip_type": {"zh": "权利类型", "en": "Type of right"},
    "received": {"zh": "收到申请日期", "en": "Request received"},
    "rights": {"zh": "涉及的权利", "en": "Rights concerned"},
    "right_kind": {"zh": "类型", "en": "Type"},
    "right_number": {"zh": "号码", "en": "Number"},
    "right_title": {"zh": "名称", "en": "Title"},
    "right_owner": {"zh": "权利人", "en": "Owner"},
    "facts": {"zh": "基本事实", "en": "Facts"},
    "uscc": {"zh": "统一社会信用代码", "en": "Unified social credit code"},
    "address": {"zh": "地址", "en": "Address"},
    "contact": {"zh": "联系人", "en": "Contact"},
    "staff": {"zh": "承办人员", "en": "Case officer"},
    "dear": {"zh": "{name}：", "en": "To {name}:"},
}
