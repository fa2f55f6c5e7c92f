"""Expert-panel conflict check benchmark (issue 17 item 2): the conflict check of a whole expert pool against
one case's parties, as the convene dialog runs it when it opens, against a naive baseline in the same run.

* ``ExpertService.conflicts(case)``: each active expert's name and affiliation normalised and scored against
  the case's two party keys (stored at intake), the scorer and threshold of the intake conflict check.
* naive baseline: the intake check itself reused per expert (``CaseService.conflict_check`` with the expert's
  name, then with their affiliation, over every party of the store), keeping the hits on this case.

Both must find the same experts. Target: the convene dialog opens within 200 ms with a 1,000-expert pool.

    .venv/bin/python benchmarks/bench_experts.py [--cases 2000] [--experts 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from qcy_workstation.cases.demo import seed_demo
from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.store import open_store
from qcy_workstation.experts.models import Expert
from qcy_workstation.experts.service import ExpertService

UNIVERSITIES = ["西安交通大学", "西北工业大学", "西安电子科技大学", "西北大学", "陕西师范大学", "长安大学",
                "西北农林科技大学", "西安理工大学", "西北政法大学", "专利审查协作中心"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--experts", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-experts-"))
    store = open_store(folder / "store.sqlite")
    seed_demo(store, cases=args.cases, consultations=0, seed=2026, staff="张三")
    number = CaseService(store, "张三").create(NewCase(
        title="通信专利侵权", ip_type="patent", applicant=PartyInput("西安秦川通信科技有限公司"),
        opponent=PartyInput("咸阳华信电子有限公司"))).number
    with store.write() as s:  # the pool written in one go: its building is not what is measured
        for i in range(args.experts):
            affiliation = "陕西秦川通信科技集团有限公司" if i % 250 == 7 else UNIVERSITIES[i % len(UNIVERSITIES)]
            s.add(Expert(name=f"专家{i:04d}", field="通信技术", affiliation=affiliation, created_by="bench"))
    experts = ExpertService(store, "张三")
    cases = CaseService(store, "张三")
    pool = experts.list_experts()

    def ours() -> set[int]:
        return {h.expert_id for h in experts.conflicts(number)}

    def naive() -> set[int]:
        found = set()
        for e in pool:
            for text in (e.name, e.affiliation):
                if any(h.case_number == number for h in cases.conflict_check(text)):
                    found.add(e.id)
        return found

    assert ours() == naive(), "the two ways disagree"
    timings: dict[str, list[float]] = {"ours": [], "naive": []}
    for _ in range(args.runs):
        for name, fn in (("ours", ours), ("naive", naive)):
            t0 = time.perf_counter()
            fn()
            timings[name].append((time.perf_counter() - t0) * 1000)
    mine, base = statistics.median(timings["ours"]), statistics.median(timings["naive"])
    print(f"{platform.system()} {platform.release()} {platform.machine()}, Python {sys.version.split()[0]}")
    print(f"pool {args.experts} experts, store {args.cases + 1} cases, {len(ours())} in conflict with the case")
    print(f"ExpertService.conflicts: median {mine:.1f} ms over {args.runs} runs")
    print(f"naive (intake check per expert): median {base:.1f} ms ({base / mine:.0f}x)")
    print("target <= 200 ms:", "met" if mine <= 200 else "NOT met")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
