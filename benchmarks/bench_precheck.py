"""Pre-check benchmark: register import, trademark screening vs a difflib baseline, patent screening,
claim-vs-product charting. Prints its figures (and JSON with --json).

    .venv/bin/python benchmarks/bench_precheck.py --size 1000000          # the issue's full run
    .venv/bin/python benchmarks/bench_precheck.py --size 50000 --patents 2000   # while developing

Targets (issue 4): screening one mark against 1,000,000 register marks median <= 0.5 s and >= 20x faster
than a difflib baseline in the same run; import of 1,000,000 marks <= 120 s; one claim against 10,000
register patents <= 2 s; one claim against one product <= 50 ms.
Pre-check 2 (issue 9, with the meaning layer): one claim against one product <= 300 ms warm including
embeddings; model load <= 2 s; one claim against 10,000 register patents <= 2 s; register import of 10,000
patents with vectors <= 60 s. The naive baseline for the comparison is the same engine with the meaning layer
switched off (words and tables only), timed in the same run.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import heapq
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CJK_POOL = ("华为星巴克小米联想海尔美的格力康师傅雪碧红牛娃哈哈旺仔大白兔长城熊猫金龙鱼同仁堂全聚德狗不理乐天优品佳源恒达鑫盛"
            "宝隆泰昌福瑞祥丰顺安康利嘉兴盛德汇通泰和永合信诚博远鸿达金银玉龙凤飞天星月阳光明亮华美雅韵秦唐汉宋秦川长安"
            "丝路渭水骊山华山终南太白延河宝塔黄陵洛川周至眉县富平临潼蓝田户县高陵阎良杨凌咸阳宝鸡铜川渭南商洛安康汉中榆林")
SYL = ["ba", "be", "bo", "ka", "ke", "ko", "la", "le", "li", "lo", "ma", "me", "mi", "na", "ne", "no", "ra", "re", "ri",
       "sa", "se", "so", "ta", "te", "ti", "to", "va", "vi", "za", "zo", "den", "ter", "lan", "son", "mar", "kin", "tex"]
TARGETS = [("乔丹", "25"), ("QIAODAN", "25"), ("康帅傅", "30"), ("星巴克咖啡", "43"), ("ADIDOS", "25"), ("耐克", "25")]
QUERIES = [("乔丹", "25"), ("康师傅", "30"), ("星巴克", "43"), ("ADIDAS", "25"), ("NIKE", "25"), ("华美秦川", "35"),
           ("宝隆", "9"), ("LANSON", "3"), ("丝路明珠", "29"), ("长安星月", "41"), ("KOLAMAR", "12"), ("鸿达", "7")]


def gen_trademarks(path: Path, n: int, seed: int, offset: int = 0) -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["注册号", "商标名称", "注册人", "国际分类", "类似群", "商标状态"])
        for i in range(n):
            if i < len(TARGETS) and not offset:
                mark, cls = TARGETS[i]
            else:
                r = rnd.random()
                if r < 0.7:
                    mark = "".join(rnd.choice(CJK_POOL) for _ in range(rnd.randint(2, 4)))
                elif r < 0.95:
                    mark = "".join(rnd.choice(SYL) for _ in range(rnd.randint(2, 4))).upper()
                else:
                    mark = "".join(rnd.choice(CJK_POOL) for _ in range(2)) + "".join(rnd.choice(SYL) for _ in range(2)).upper()
                cls = ",".join(str(c) for c in sorted(rnd.sample(range(1, 46), rnd.randint(1, 3))))
            w.writerow([str(10_000_000 + offset + i), mark, f"企业{i % 50000}", cls, "", "注册"])


FEATURES = {
    "保温杯": ["杯体为双层不锈钢结构", "杯盖内设有复位弹簧", "杯盖上设有硅胶密封圈", "杯体底部设有防滑垫", "杯盖设有温度显示屏",
             "杯体内胆为真空夹层", "杯盖通过螺纹与杯体连接", "杯体外侧设有提手"],
    "自拍杆": ["伸缩杆为多节铝合金管", "手柄上设有蓝牙遥控按键", "手机夹持装置通过球形万向节与伸缩杆连接", "手柄内设有电池",
             "伸缩杆末端设有三脚架", "手机夹持装置设有弹簧夹紧机构", "手柄上设有补光灯"],
    "豆浆机": ["机头下部设有电机", "电机轴上安装有粉碎刀片", "杯体内设有加热器", "杯体内壁设有扰流筋", "机头上设有控制面板",
             "杯体底部设有温度传感器", "机头内设有防溢电极"],
    "智能锁": ["锁体内设有锁舌", "电机驱动锁舌伸缩", "控制电路板上设有定位模块", "控制电路板上设有无线通信模块", "锁体上设有太阳能电池板",
             "锁体内设有蓄电池", "锁体上设有蜂鸣器"],
    "空气净化器": ["壳体内设有风机", "风机前方设有滤网", "滤网为高效颗粒过滤网", "壳体上设有空气质量传感器", "壳体顶部设有出风口",
               "壳体底部设有万向轮", "控制器根据空气质量调节风机转速"],
}


def gen_patents(path: Path, n: int, seed: int) -> None:
    sys.path.insert(0, str(ROOT))
    from qcy_workstation.cases.validation import patent_check_char

    rnd = random.Random(seed)
    subjects = list(FEATURES)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["专利号", "专利名称", "专利权人", "权利要求书"])
        for i in range(n):
            subj = rnd.choice(subjects)
            feats = rnd.sample(FEATURES[subj], rnd.randint(3, 5))
            claims = f"1. 一种{subj}，包括{feats[0]}，其特征在于：" + "；".join(f"所述{f}" for f in feats[1:]) + "。"
            body = f"2021{rnd.choice('12')}{i:07d}"
            w.writerow([f"ZL{body}.{patent_check_char(body)}", subj, f"企业{i % 3000}", claims])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=1_000_000, help="register trademarks (default 1,000,000)")
    ap.add_argument("--patents", type=int, default=10_000, help="register patents (default 10,000)")
    ap.add_argument("--queries", type=int, default=12, help="screening queries timed")
    ap.add_argument("--baseline-queries", type=int, default=3, help="difflib baseline queries (slow)")
    ap.add_argument("--workers", type=int, default=None, help="key-computation processes (default: 2)")
    ap.add_argument("--dir", help="work folder (default: a temporary one, removed at the end)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--skip-trademarks", action="store_true", help="patents, comparisons and model load only")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from qcy_workstation.db.store import open_store
    from qcy_workstation.precheck.register import import_register
    from qcy_workstation.precheck.screening import screen_trademark, trademark_index
    from qcy_workstation.precheck.text import normalise_mark

    tmp = tempfile.TemporaryDirectory() if not a.dir else None
    work = Path(a.dir or tmp.name)  # type: ignore[union-attr]
    work.mkdir(parents=True, exist_ok=True)
    fig: dict[str, object] = {"machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
                              "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "size": a.size, "patents": a.patents}

    def say(msg: str) -> None:
        if not a.json:
            print(msg, flush=True)

    # the meaning layer's model load, in a fresh process (what a desk pays once, off the GUI thread)
    import subprocess

    out = subprocess.run([sys.executable, "-c", "import time; t=time.perf_counter(); "
                          "from qcy_workstation.precheck import semantic; semantic.warm_up(); "
                          "print(time.perf_counter()-t)"], capture_output=True, text=True, cwd=ROOT, check=True)
    fig["model_load_s"] = round(float(out.stdout.strip()), 2)
    say(f"meaning layer model load (fresh process, import + weights + first sentence): {fig['model_load_s']} s "
        "(target <= 2 s)")
    db = work / "bench.sqlite"
    if a.skip_trademarks:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        store = open_store(db)
        return _patents(a, work, store, fig, say, tmp)
    tm_csv = work / "trademarks.csv"
    t = time.perf_counter()
    gen_trademarks(tm_csv, a.size, a.seed)
    say(f"generated {a.size:,} marks in {time.perf_counter() - t:.1f}s")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = open_store(db)
    t = time.perf_counter()
    rep = import_register(store, tm_csv, kind="trademark", workers=a.workers, actor="bench")
    fig["import_seconds"] = round(time.perf_counter() - t, 1)
    say(f"import: {rep.imported:,} marks in {fig['import_seconds']}s (target <= 120 s for 1,000,000); bad rows {len(rep.bad_rows)}")

    t = time.perf_counter()
    idx = trademark_index(store)
    fig["index_build_seconds"] = round(time.perf_counter() - t, 1)
    say(f"screening index built once in {fig['index_build_seconds']}s ({len(idx):,} marks, {len(idx.postings):,} grams)")

    times: list[float] = []
    cpu: list[float] = []
    recall_checks = {"乔丹": "QIAODAN", "康师傅": "康帅傅", "星巴克": "星巴克咖啡", "ADIDAS": "ADIDOS", "NIKE": "耐克"}
    found: dict[str, bool] = {}
    qs = (QUERIES * (a.queries // len(QUERIES) + 1))[: a.queries]
    for mark, cls in qs:
        t, c = time.perf_counter(), time.process_time()
        r = screen_trademark(store, mark, classes=cls, top=20)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        if mark in recall_checks:
            found[mark] = any(h.mark == recall_checks[mark] for h in r.hits[:10])
    fig["screen_median_s"] = round(statistics.median(times), 4)
    fig["screen_p90_s"] = round(sorted(times)[int(0.9 * (len(times) - 1))], 4)
    fig["planted_found_top10"] = f"{sum(found.values())}/{len(found)}"
    fig["screen_cpu_median_s"] = round(statistics.median(cpu), 4)
    say(f"screen one mark: median {fig['screen_median_s'] * 1000:.0f} ms (CPU {fig['screen_cpu_median_s'] * 1000:.0f} ms), "
        f"p90 {fig['screen_p90_s'] * 1000:.0f} ms "
        f"over {len(times)} queries (target median <= 500 ms); planted look-alikes in top 10: {fig['planted_found_top10']}")

    # difflib baseline: the same register (normalised marks in memory), SequenceMatcher.ratio on every mark
    with store.read() as s:
        from sqlalchemy import select

        from qcy_workstation.precheck.models import RegisterTrademark

        norms = list(s.execute(select(RegisterTrademark.norm)).scalars())
    base_times = []
    for mark, _cls in QUERIES[: a.baseline_queries]:
        q = normalise_mark(mark)
        t = time.perf_counter()
        sm = difflib.SequenceMatcher(None, q, autojunk=False)
        scored = []
        for nrm in norms:
            sm.set_seq1(nrm)
            scored.append((sm.ratio(), nrm))
        heapq.nlargest(20, scored)
        base_times.append(time.perf_counter() - t)
    fig["difflib_median_s"] = round(statistics.median(base_times), 3)
    fig["speedup_vs_difflib"] = round(fig["difflib_median_s"] / max(fig["screen_median_s"], 1e-9), 1)  # type: ignore[operator]
    say(f"difflib baseline: median {fig['difflib_median_s']:.2f} s per mark over {len(base_times)} queries "
        f"-> ours is {fig['speedup_vs_difflib']}x faster (target >= 20x)")

    return _patents(a, work, store, fig, say, tmp)


def _patents(a, work, store, fig, say, tmp) -> int:  # type: ignore[no-untyped-def]
    from qcy_workstation.precheck import compare_claim, evaluation
    from qcy_workstation.precheck.register import import_register
    from qcy_workstation.precheck.screening import screen_patent
    from qcy_workstation.precheck.trade_secret import compare_secret

    pat_csv = work / "patents.csv"
    gen_patents(pat_csv, a.patents, a.seed)
    t = time.perf_counter()
    prep = import_register(store, pat_csv, kind="patent", workers=a.workers, actor="bench")
    fig["patent_import_seconds"] = round(time.perf_counter() - t, 1)
    say(f"patent import: {prep.imported:,} with claim-1 vectors in {fig['patent_import_seconds']}s "
        f"(target <= 60 s for 10,000; phases {', '.join(f'{k} {v:.1f}s' for k, v in prep.timings.items())})")
    query = "1. 一种自拍杆，包括伸缩杆和手柄，其特征在于：所述手柄上设有蓝牙遥控按键；所述手机夹持装置通过球形万向节与伸缩杆连接。"
    screen_patent(store, query)  # builds the term index once
    pts = []
    for _ in range(5):
        t = time.perf_counter()
        pr = screen_patent(store, query)
        pts.append(time.perf_counter() - t)
    fig["patent_screen_median_s"] = round(statistics.median(pts), 3)
    say(f"one claim vs {a.patents:,} register patents: median {fig['patent_screen_median_s'] * 1000:.0f} ms "
        f"(target <= 2 s); top hit {pr.hits[0].number if pr.hits else '-'} {pr.hits[0].verdict if pr.hits else ''}")

    items = evaluation.load_patent_set(ROOT / "tests/data/precheck/patent_eval_dev.json")
    compare_claim(items[0].claims, items[0].product)  # warm: segmenter, dictionary, model
    for label, kw in (("meaning layer", {}), ("baseline, meaning off", {"meaning": False})):
        cts = []
        with evaluation.mode(**kw):
            for it in items:
                t = time.perf_counter()
                compare_claim(it.claims, it.product, include_dependents=False)
                cts.append(time.perf_counter() - t)
        key = "claim_vs_product" if not kw else "claim_vs_product_baseline"
        fig[f"{key}_median_ms"] = round(1000 * statistics.median(cts), 1)
        fig[f"{key}_max_ms"] = round(1000 * max(cts), 1)
        say(f"one real claim vs one product ({label}): median {fig[f'{key}_median_ms']} ms, max {fig[f'{key}_max_ms']} ms "
            f"over {len(cts)} pairs of the development set (target <= 300 ms warm with embeddings)")
    pairs = evaluation.load_secret_set(ROOT / "tests/data/precheck/trade_secret_eval_dev.jsonl")
    sts = []
    for p in pairs:
        t = time.perf_counter()
        compare_secret(p.secret, p.suspect)
        sts.append(time.perf_counter() - t)
    fig["trade_secret_pair_median_ms"] = round(1000 * statistics.median(sts), 1)
    say(f"one trade-secret pair: median {fig['trade_secret_pair_median_ms']} ms over {len(sts)} pairs")
    store.close()
    if a.json:
        print(json.dumps(fig, ensure_ascii=False))
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
