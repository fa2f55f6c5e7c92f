"""Benchmark: advice letters to PDF and to DOCX, against a naive baseline in the same run.

Targets (issue 5): <= 60 ms per PDF, <= 40 ms per DOCX. The naive baseline re-registers the fonts for
every PDF (TrueType parsing) and re-reads and re-compiles the DOCX template for every document, which is
what a straightforward implementation does.

    .venv/bin/python benchmarks/bench_documents.py            # 1,000 letters, baseline on 100
    .venv/bin/python benchmarks/bench_documents.py --n 200 --baseline 50
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from qcy_workstation.compensation import CompensationInput, Evidence, estimate
from qcy_workstation.documents import CaseData, PartyInfo, RightInfo, WorkstationInfo, build_document
from qcy_workstation.documents.docx_renderer import render_docx
from qcy_workstation.documents.pdf import register_font, render_pdf

SURNAMES = "秦岭渭水长安终南华山汉中宝鸡延安榆林咸阳"


def letters(n: int) -> list:
    """``n`` different advice letters (names, numbers and amounts vary) with a compensation estimate."""
    out = []
    ws = WorkstationInfo()
    for i in range(n):
        a = SURNAMES[i % len(SURNAMES)] + SURNAMES[(i * 7) % len(SURNAMES)]
        est = estimate(CompensationInput(
            right_type="patent", infringement_date=date(2024, 1, 1) ,
            infringer_profit=Evidence.of(100000 + i * 1234, "high"), costs=Evidence.of(20000, "medium"),
            punitive_multiple=Decimal(2), intent_circumstances=("continued_after_notice",),
            seriousness_circumstances=("infringement_as_business",))).to_dict()
        case = CaseData(
            number=f"QCY-2026-{i:05d}", ip_type="patent", applicant=PartyInfo(f"陕西{a}科技有限公司"),
            opponent=PartyInfo(f"西安{a}机械有限公司"),
            rights=[RightInfo("patent", "ZL202010566088.9", "一种猕猴桃自动分拣装置", f"陕西{a}科技有限公司")],
            facts="申请人发现被申请人在展会上展示并销售与其专利技术方案相同的设备。" * 3,
            received_on=date(2026, 11, 2), staff="张三", compensation=est)
        out.append(build_document("advice-letter", case, lang="zh", workstation=ws, issue_date=date(2026, 11, 24),
                                  number=f"QCY-YJ-2026-{i:04d}"))
    return out


def timed(label: str, items: list, fn: Callable) -> list[float]:
    times = []
    for item in items:
        t0 = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - t0) * 1000)
    ms = sorted(times)
    p95 = ms[int(len(ms) * 0.95) - 1]
    print(f"{label:<34} n={len(ms):>5}  mean {statistics.fmean(ms):6.1f} ms  median {statistics.median(ms):6.1f} ms"
          f"  p95 {p95:6.1f} ms  total {sum(ms) / 1000:6.1f} s")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="letters per optimised run")
    parser.add_argument("--baseline", type=int, default=100, help="letters per naive-baseline run")
    args = parser.parse_args(argv)
    print(f"python {platform.python_version()} on {platform.machine()} {platform.system()}; "
          f"{args.n} letters (baseline {args.baseline})")
    t0 = time.perf_counter()
    contents = letters(args.n)
    print(f"build content (incl. estimate)     {(time.perf_counter() - t0) * 1000 / args.n:6.2f} ms per letter")

    register_font()
    render_pdf(contents[0])  # warm-up: first subsetting, imports
    render_docx(contents[0])
    pdf = timed("PDF  (font registered once)", contents, render_pdf)
    docx = timed("DOCX (template cached)", contents, render_docx)

    base = contents[: args.baseline]

    def naive_pdf(content):  # noqa: ANN001, ANN202
        register_font(force=True)
        return render_pdf(content)

    pdf_naive = timed("PDF  naive (re-register fonts)", base, naive_pdf)
    docx_naive = timed("DOCX naive (re-read template)", base, lambda c: render_docx(c, cached=False))

    pdf_mean, docx_mean = statistics.fmean(pdf), statistics.fmean(docx)
    print(f"speed-up PDF  x{statistics.fmean(pdf_naive) / pdf_mean:4.1f}; DOCX x{statistics.fmean(docx_naive) / docx_mean:4.1f}")
    ok = pdf_mean <= 60 and docx_mean <= 40
    print(f"targets: PDF <= 60 ms {'OK' if pdf_mean <= 60 else 'MISSED'}; DOCX <= 40 ms "
          f"{'OK' if docx_mean <= 40 else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
