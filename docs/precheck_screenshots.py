"""Pre-check screenshots for the README: a patent chart (a lay listing, one feature stated absent), a trade
secret compared point by point, and a trademark pair with the examiner's factors.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/precheck_screenshots.py zh docs
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/precheck_screenshots.py en docs
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput  # noqa: E402
from qcy_workstation.cases.services import CaseService  # noqa: E402
from qcy_workstation.db.store import open_store  # noqa: E402
from qcy_workstation.ui.app import create_application, install_language  # noqa: E402
from qcy_workstation.ui.context import AppContext, Prefs  # noqa: E402
from qcy_workstation.ui.main_window import MainWindow, load_pages  # noqa: E402

CLAIMS = ("1. 一种保温杯，包括杯体、杯盖和密封圈，其特征在于：所述杯体为双层不锈钢真空结构；所述杯盖上设有透气孔；"
          "所述杯盖内设有温度显示屏；所述密封圈由硅胶制成。")
LISTING = ("【爆款】304不锈钢保温杯，杯身双层抽真空，保温12小时！盖子上开了个小孔用来透气，配食品级硅胶密封圈，不漏水。"
           "盖子是普通盖子，没有温度显示屏。颜色：星空蓝，容量500 ml，包邮。")
SECRET = ("配方（机密）：1. 环氧树脂 60份；2. 固化剂 25份；3. 纳米二氧化硅 15份。\n"
          "工艺：在 85℃ 下搅拌 30 分钟，转速 300 rpm；然后在 1.0 MPa 压力下保压 2 小时。")
SUSPECT = ("Product sheet. Composition: epoxy resin 60%, hardener 25%, nano silica 15%.\n"
           "Stir at 185 °F for half an hour at 300 rpm. Hold under 145 psi for 120 minutes.")


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs")
    suffix = "-en" if lang == "en" else ""
    create_application()
    tmp = Path(tempfile.mkdtemp())
    prefs = Prefs.at(str(tmp / "ui.ini"))
    install_language(lang)
    store = open_store(tmp / "s.sqlite")
    load_pages()
    ctx = AppContext(store, staff="李明", prefs=prefs)
    window = MainWindow(ctx)
    window.install_pages()
    window.resize(1400, 880)
    window.show()

    def settle() -> None:
        ctx.runner.wait_idle(30000)
        QApplication.processEvents()
        QApplication.processEvents()

    case = CaseService(store, actor="李明").create(NewCase(
        title="保温杯实用新型专利侵权", ip_type="patent", applicant=PartyInput(name="西安秦川家居用品有限公司"),
        opponent=PartyInput(name="咸阳某日用品厂"),
        rights=(RightInput(kind="patent", number="ZL202020123456.8", title="一种保温杯", patent_kind="utility_model",
                           claims=CLAIMS),)))
    page = window.go("precheck", case.number)
    settle()
    page.patent.product_edit.setPlainText(LISTING)
    page.patent.run(use_elements=False)
    settle()
    window.grab().save(str(out / f"precheck-patent{suffix}.png"))

    page.tabs.setCurrentWidget(page.trade_secret)
    page.trade_secret.secret.setPlainText(SECRET)
    page.trade_secret.suspect.setPlainText(SUSPECT)
    page.trade_secret.run()
    settle()
    window.grab().save(str(out / f"precheck-trade-secret{suffix}.png"))

    page.tabs.setCurrentWidget(page.trademark)
    tm = page.trademark
    tm.mark.setText("秦韵")
    tm.other.setText("秦韵纳米科技")
    tm.classes.setText("1")
    tm.other_classes.setText("1")
    tm.run()
    settle()
    window.grab().save(str(out / f"precheck-trademark{suffix}.png"))
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
