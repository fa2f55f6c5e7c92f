"""Deterministic demo rights register: trademarks and patents for a demo store.

The case demo (``qcy_workstation.cases.demo``) fills cases and consultations; without a register the
register page and screening show nothing. This writes register rows that look real (Chinese and Latin
marks, Nice classes and similar groups from the shipped table, owners, statuses; patents with valid CN
numbers and claim 1 texts) and plants look-alikes of the case demo's marks and patents, so screening a
demo case finds something. The rows go through :func:`~qcy_workstation.precheck.register.import_register`
(a generated CSV file), so validation and the stored screening keys are exactly an import's.
The same ``seed`` always gives the same rows.
"""

from __future__ import annotations

import csv
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qcy_workstation.cases.demo import FORMS, INDUSTRIES, MARKS, NICE, PATENT_TITLES, PLACES, STEMS
from qcy_workstation.cases.validation import patent_check_char
from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck.common import load_data
from qcy_workstation.precheck.register import import_register

if TYPE_CHECKING:
    from qcy_workstation.db.store import Store

Progress = Callable[[int, int], Any]

# Look-alikes of every case-demo mark (sound, shape, traditional form, script change), planted first.
LOOK_ALIKES: dict[str, tuple[str, ...]] = {
    "秦韵": ("秦运", "秦韻", "QINYUN"), "长安号": ("長安号", "长安豪"), "丝路源": ("丝路园", "絲路源"),
    "汉唐坊": ("漢唐坊", "汉堂坊"), "终南山": ("終南山", "中南山"), "秦之味": ("秦知味", "秦滋味"),
    "雁塔": ("燕塔", "鴈塔"), "QINYUN": ("QIN YUN", "QINYUNE"), "XIANFENG": ("XIANFENGE", "XIAN FENG"),
    "骊山红": ("驪山红", "丽山红"), "太白雪": ("泰白雪", "太白雪花"), "三秦源": ("三琴源", "叁秦源"),
    "锐芯": ("瑞芯", "銳芯"), "星河智造": ("星河智选", "星禾智造"), "蓝田玉润": ("兰田玉润", "藍田玉潤"),
    "SILKROAD": ("SILK-ROAD", "SILKRODE"), "华光": ("華光", "桦光"), "渭水": ("卫水", "渭水源"),
    "秦岭农夫": ("秦岭農夫", "秦领农夫"), "老秦人": ("老秦仁", "老琴人"),
}
BRAND_CHARS = ("秦华长安丝路汉唐三泾渭终南骊太白雁塔鼎瑞丰启明博睿天和恒源金桥凯达星河蓝田北斗云帆智谷锐芯翔宇创宏图"
               "精海纳亿联澜舟卓越兴隆福寿康宁嘉禾美佳乐欣悦盛世鑫鸿泰富贵吉祥顺意方圆雅韵香味源坊记号阁堂")
BRAND_SUFFIXES = ("", "", "", "坊", "源", "记", "号", "牌", "阁", "堂", "居", "园", "优品", "食品", "科技")
LATIN_ONSETS = ("b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "qu", "r", "s", "t", "v", "w", "x", "z",
                "ch", "sh", "st", "tr", "br", "gl")
LATIN_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y")
LATIN_CODAS = ("", "", "n", "r", "s", "x", "l", "m", "ng", "tt")
TM_STATUSES = (("注册", 70), ("已注册", 8), ("续展注册", 6), ("申请中", 7), ("初审公告", 3), ("无效", 3), ("已注销", 3))
PATENT_STATUSES = (("有效", 70), ("专利权维持", 10), ("审中", 8), ("未缴年费终止", 8), ("期限届满", 4))

# Claim elements per case-demo patent title: (apparatus parts or method steps, characterising features).
CLAIM_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "一种猕猴桃分选装置": (("机架", "输送带", "称重传感器", "图像采集单元", "分级出料口", "控制器"),
                    ("所述称重传感器设置于输送带下方", "所述控制器根据重量和图像将果实分配至对应的分级出料口")),
    "一种基于深度学习的工件缺陷检测方法": (("采集工件表面图像", "对图像进行预处理", "将图像输入卷积神经网络", "输出缺陷类别和位置", "标注样本训练模型"),
                              ("所述卷积神经网络采用注意力机制", "所述预处理包括灰度化和直方图均衡")),
    "一种锂电池极片涂布设备": (("放卷机构", "涂布头", "烘箱", "收卷机构", "厚度检测仪", "张力控制单元"),
                     ("所述厚度检测仪位于烘箱出口", "所述张力控制单元根据厚度调节涂布速度")),
    "一种苹果采摘机械手": (("底座", "机械臂", "末端夹持器", "视觉识别模块", "真空吸盘", "驱动电机"),
                   ("所述末端夹持器内设柔性衬垫", "所述视觉识别模块定位果柄位置")),
    "一种高强度铝合金及其制备方法": (("按质量百分比配料", "熔炼铝锭", "加入镁和硅", "均匀化退火", "挤压成型", "时效处理"),
                         ("所述时效处理温度为160至180摄氏度", "所述镁含量为0.8%至1.2%")),
    "一种无人机电池快换结构": (("机身", "电池仓", "电池盒", "卡扣", "弹性件", "导电触点"),
                     ("所述卡扣与弹性件配合锁紧电池盒", "所述导电触点设于电池仓底部")),
    "一种光伏组件清洁机器人": (("行走机构", "清洁滚刷", "喷水组件", "蓄电池", "控制模块", "边缘传感器"),
                     ("所述边缘传感器检测组件边缘并使行走机构转向", "所述清洁滚刷由独立电机驱动")),
    "一种中药提取浓缩装置": (("提取罐", "冷凝器", "浓缩罐", "真空泵", "加热夹套", "过滤器"),
                    ("所述冷凝器的回流管连接提取罐", "所述真空泵使浓缩罐内保持负压")),
    "一种半导体激光器散热模块": (("热沉", "微通道", "冷却液", "导热垫片", "激光芯片", "风扇"),
                      ("所述微通道设于热沉内部", "所述导热垫片位于激光芯片与热沉之间")),
    "一种柿饼烘干房温湿度控制系统": (("烘干房", "温度传感器", "湿度传感器", "热泵", "排湿风机", "控制器"),
                         ("所述控制器根据湿度启停排湿风机", "所述热泵与烘干房循环风道连通")),
    "一种石墨烯导热膜的制备方法": (("制备氧化石墨烯浆料", "涂布成膜", "低温干燥", "高温石墨化", "压延", "裁切"),
                       ("所述高温石墨化温度为2800摄氏度以上", "所述压延压力为20至40兆帕")),
    "一种智能水表计量模块": (("壳体", "计量叶轮", "磁传感器", "微控制器", "无线通信模块", "电池"),
                    ("所述磁传感器检测叶轮转数", "所述无线通信模块采用窄带物联网")),
    "一种钛合金骨科植入物": (("钛合金基体", "多孔涂层", "螺钉孔", "羟基磷灰石层", "锁定结构"),
                    ("所述多孔涂层孔隙率为50%至70%", "所述羟基磷灰石层覆盖多孔涂层")),
    "一种农田土壤墒情监测装置": (("立杆", "土壤水分传感器", "太阳能板", "数据采集器", "无线传输模块", "防护罩"),
                      ("所述土壤水分传感器沿立杆分层布置", "所述数据采集器定时上传数据")),
    "一种面向工业互联网的数据采集网关": (("处理器", "协议转换模块", "边缘计算单元", "以太网接口", "串口", "加密模块"),
                            ("所述协议转换模块支持多种工业总线协议", "所述加密模块对上传数据加密")),
}
TITLE_VARIANTS = ("{t}", "{t}", "{t}", "改进的{t}", "新型{t}", "便携式{t}")
METHOD_VARIANTS = ("{t}", "{t}", "改进的{t}")


@dataclass(frozen=True)
class RegisterDemoResult:
    marks: int
    patents: int
    planted_marks: int
    planted_patents: int
    seconds: float


def title_claim(title: str) -> str:
    """Claim 1 of the planted register patent of a case-demo patent title (all its elements)."""
    parts, features = CLAIM_PARTS[title]
    if title.endswith("方法"):
        steps = "；".join(f"S{i}：{p}" for i, p in enumerate(parts, start=1))
        return f"1. {title}，包括以下步骤：{steps}；其特征在于：{features[0]}。"
    return f"1. {title}，包括{'、'.join(parts)}，其特征在于：{features[0]}。"


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def _owner(rng: random.Random) -> str:
    place, _ = rng.choice(PLACES)
    return f"{place}{rng.choice(STEMS)}{rng.choice(INDUSTRIES)[0]}{rng.choice(FORMS)}"


def _latin_mark(rng: random.Random) -> str:
    word = "".join(rng.choice(LATIN_ONSETS) + rng.choice(LATIN_VOWELS) for _ in range(rng.choice((1, 2, 2, 3))))
    return (word + rng.choice(LATIN_CODAS)).upper()


def _chinese_mark(rng: random.Random) -> str:
    n = rng.choices((2, 3, 4), (60, 30, 10))[0]
    return "".join(rng.choice(BRAND_CHARS) for _ in range(n)) + rng.choice(BRAND_SUFFIXES)


def _classes_groups(rng: random.Random, groups_by_class: dict[str, list[str]]) -> tuple[str, str]:
    """1-3 Nice classes; where the shipped similar-groups table lists a class, 1-2 of its groups."""
    with_groups = sorted(groups_by_class, key=int)
    classes: list[str] = []
    for _ in range(rng.choices((1, 2, 3), (65, 25, 10))[0]):
        c = rng.choice(with_groups) if rng.random() < 0.6 else str(rng.randrange(1, 46))
        if c not in classes:
            classes.append(c)
    groups: list[str] = []
    for c in classes:
        if c in groups_by_class:
            groups.extend(rng.sample(groups_by_class[c], k=min(len(groups_by_class[c]), rng.choice((1, 1, 2)))))
    return ",".join(classes), ",".join(groups)


def trademark_rows(marks: int, seed: int) -> list[list[str]]:
    """Register trademark rows (reg_no, mark, owner, classes, groups, status): look-alikes of the case
    demo's marks first (on the case demo's classes), then generated marks. Deterministic per ``seed``."""
    rng = random.Random(f"register-trademarks-{seed}")
    groups_by_class: dict[str, list[str]] = {}
    for g in sorted(load_data("similar_groups.json")["groups"]):
        groups_by_class.setdefault(str(int(g[:2])), []).append(g)
    rows: list[list[str]] = []
    used: set[str] = set()

    def reg_no() -> str:
        while True:
            n = str(rng.randrange(1_000_000, 70_000_000))
            if n not in used:
                used.add(n)
                return n

    # every look-alike on each of the case demo's classes (as separate registrations by other owners), so a
    # demo case's mark meets its look-alikes whatever its class; class by class, so a small register has all
    planted = [(nice, alike) for nice in NICE for m in MARKS for alike in LOOK_ALIKES.get(m, ())]
    for (cls, group, _goods), alike in planted[:marks]:
        groups = group if group in groups_by_class.get(cls, ()) else ""
        rows.append([reg_no(), alike, _owner(rng), cls, groups, _pick(rng, TM_STATUSES)])
    while len(rows) < marks:
        mark = _latin_mark(rng) if rng.random() < 0.25 else _chinese_mark(rng)
        classes, groups = _classes_groups(rng, groups_by_class)
        rows.append([reg_no(), mark, _owner(rng), classes, groups, _pick(rng, TM_STATUSES)])
    return rows


def _claim(rng: random.Random, base: str, title: str) -> str:
    """Claim 1 (and a dependent claim 2) of ``title`` from the elements of the case-demo title ``base``."""
    parts, features = CLAIM_PARTS.get(base, (("主体", "连接件", "控制单元"), ("所述连接件与主体固定连接",)))
    chosen = [p for p in parts if rng.random() < 0.7] or list(parts[:3])
    feature = rng.choice(features)
    extra = rng.choice([f for f in features if f != feature] or features)
    if base.endswith("方法"):
        steps = "；".join(f"S{i}：{p}" for i, p in enumerate(chosen, start=1))
        return f"1. {title}，包括以下步骤：{steps}；其特征在于：{feature}。\n2. 根据权利要求1所述的方法，其特征在于：{extra}。"
    return (f"1. {title}，包括{'、'.join(chosen)}，其特征在于：{feature}。\n"
            f"2. 根据权利要求1所述的{title[2:]}，其特征在于：{extra}。")


def patent_rows(patents: int, seed: int) -> list[list[str]]:
    """Register patent rows (number, title, owner, claims, status): first one patent per case-demo title
    whose claim 1 has all the title's elements (:func:`title_claim`, the planted hit), then generated ones
    (some of the elements, another feature, title variants). Deterministic per ``seed``."""
    rng = random.Random(f"register-patents-{seed}")
    rows: list[list[str]] = []
    used: set[str] = set()

    def number() -> str:
        while True:
            body = f"{rng.randrange(2010, 2026)}{rng.choice('1112')}{rng.randrange(10**7):07d}"
            if body not in used:
                used.add(body)
                return f"ZL{body}.{patent_check_char(body)}"

    for title in PATENT_TITLES[:patents]:
        rows.append([number(), title, _owner(rng), title_claim(title), _pick(rng, PATENT_STATUSES)])
    while len(rows) < patents:
        base = rng.choice(PATENT_TITLES)
        variant = rng.choice(METHOD_VARIANTS if base.endswith("方法") else TITLE_VARIANTS)
        title = "一种" + variant.format(t=base[2:])
        rows.append([number(), title, _owner(rng), _claim(rng, base, title), _pick(rng, PATENT_STATUSES)])
    return rows


def seed_register(store: Store, *, marks: int = 1000, patents: int = 100, seed: int = 2026,
                  progress: Progress | None = None, actor: str = "demo") -> RegisterDemoResult:
    """Write ``marks`` register trademarks and ``patents`` register patents through the register import.

    ``progress(done, total)`` counts both imports together; returning ``False`` stops the running import
    (:class:`~qcy_workstation.cases.evidence.Cancelled`; that import's rows are not stored).
    Rows whose number is already in the register (a second run with the same seed) are not written again.
    """
    import time

    for name, n, cap in (("register_marks", marks, 2_000_000), ("register_patents", patents, 200_000)):
        if not 0 <= n <= cap:
            raise ValidationError(f"must be between 0 and {cap:,}", field=name, value=n)
    t0 = time.perf_counter()
    jobs = [(k, f, rows) for k, f, rows in (
        ("trademark", "demo-register-trademarks.csv",
         [["注册号", "商标名称", "注册人", "国际分类", "类似群", "商标状态"], *trademark_rows(marks, seed)] if marks else []),
        ("patent", "demo-register-patents.csv",
         [["专利号", "专利名称", "专利权人", "权利要求", "法律状态"], *patent_rows(patents, seed)] if patents else []),
    ) if rows]
    imported = {"trademark": 0, "patent": 0}
    with tempfile.TemporaryDirectory(prefix="qcy-demo-register-") as tmp:
        for i, (kind, fname, rows) in enumerate(jobs):
            path = Path(tmp) / fname
            with path.open("w", encoding="utf-8", newline="") as fh:
                csv.writer(fh).writerows(rows)

            def part(done: int, total: int, i: int = i) -> Any:
                return progress(i * 1000 + (1000 * done) // max(1, total), 1000 * len(jobs)) if progress else None

            report = import_register(store, path, kind=kind, actor=actor, progress=part if progress else None)
            imported[kind] = report.imported
    n_tm = min(marks, len(NICE) * sum(len(v) for v in LOOK_ALIKES.values()))
    return RegisterDemoResult(imported["trademark"], imported["patent"], n_tm, min(patents, len(PATENT_TITLES)),
                              time.perf_counter() - t0)
