"""Scripts call the pre-check from the command line (contract of issue 4)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from qcy_workstation.cli import main


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def test_trademark_json_has_the_contract_keys(capsys):
    rc = main(["precheck", "trademark", "--mark", "星巴克", "--classes", "30,43", "--other", "上海星巴克",
               "--other-classes", "43", "--json"])
    assert rc == 0
    d = _json(capsys)
    assert {"score", "likely_confusion", "risk", "factors"} <= d.keys() and d["likely_confusion"] is True


def test_patent_from_files_with_claim_number(tmp_path, capsys):
    claims = tmp_path / "claims.txt"
    claims.write_text("1. 一种自拍杆，包括伸缩杆和手柄。\n2. 根据权利要求1所述的自拍杆，其特征在于，所述手柄上设有蓝牙遥控按键。\n",
                      encoding="utf-8")
    product = tmp_path / "product.txt"
    product.write_text("自拍棒有伸缩杆和握把，握把上没有任何按键。", encoding="utf-8")
    assert main(["precheck", "patent", "--claims", str(claims), "--product", str(product), "--json"]) == 0
    assert _json(capsys)["verdict"] == "literal"
    assert main(["precheck", "patent", "--claims", str(claims), "--product", str(product), "--claim", "2", "--json"]) == 0
    d = _json(capsys)
    assert d["verdict"] == "not_infringing" and {"element", "status", "score", "evidence"} <= d["elements"][0].keys()


def test_gi_and_trade_secret(tmp_path, capsys):
    assert main(["precheck", "gi", "--label", "洛川风味苹果", "--region", "甘肃省", "--json"]) == 0
    d = _json(capsys)
    assert d["verdict"] == "misuse" and d["gi"] == "洛川苹果" and d["reason"]
    a, b = tmp_path / "secret.txt", tmp_path / "suspect.txt"
    a.write_text("将聚乙烯醇与淀粉按3:7的比例混合，加入0.5%的甘油作为增塑剂，在85摄氏度下搅拌40分钟。", encoding="utf-8")
    b.write_text("将聚乙烯醇与淀粉按3:7的比例混合，加入0.5%的甘油作为增塑剂，在85摄氏度下搅拌40分钟。", encoding="utf-8")
    assert main(["precheck", "trade-secret", "--secret", str(a), "--suspect", str(b), "--json"]) == 0
    d = _json(capsys)
    assert d["similarity"] == 100 and d["matches"]


def test_batch_writes_one_result_per_line_in_order_and_reports_bad_lines(tmp_path, capsys):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join([
        json.dumps({"mark": "星巴克", "classes": "30,43", "other": "上海星巴克", "other_classes": "43"}, ensure_ascii=False),
        json.dumps({"mark": "长城", "classes": "33", "other": "长城", "other_classes": "9"}, ensure_ascii=False),
        json.dumps({"mark": "X1", "classes": "99", "other": "X2"}),
    ]), encoding="utf-8")
    rc = main(["precheck", "trademark", "--batch", str(f)])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rc == 1 and len(lines) == 3
    assert lines[0]["likely_confusion"] is True and lines[1]["likely_confusion"] is False
    assert lines[2]["error"] == "invalid" and lines[2]["field"] == "classes" and lines[2]["line"] == 3


def test_missing_file_is_an_error_on_stderr(tmp_path, capsys):
    rc = main(["precheck", "patent", "--claims", str(tmp_path / "nope.txt"), "--product", "x", "--json"])
    assert rc == 1
    assert json.loads(capsys.readouterr().err)["field"] == "claims"


def test_real_entry_point_prints_text_with_the_disclaimer_and_never_loads_qt_or_the_store(tmp_path):
    db = tmp_path / "store.sqlite"
    code = (
        "import sys; from qcy_workstation.cli import main; "
        f"rc = main(['precheck', 'gi', '--label', '周至猕猴桃', '--region', '陕西省西安市周至县', '--db', {str(db)!r}]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'; sys.exit(rc)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[2],
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert "参考性预判，非法律认定" in out.stdout and "lawful" in out.stdout
    assert not db.exists()  # a pure computation never opens the store
    out = subprocess.run([sys.executable, "-m", "qcy_workstation", "precheck", "trademark", "--mark", "海尔", "--other",
                          "HAIER", "--classes", "11", "--json"], capture_output=True, text=True,
                         cwd=Path(__file__).parents[2], timeout=60)
    assert out.returncode == 0 and json.loads(out.stdout)["risk"] == "high"


def test_staff_readings_given_on_the_command_line_decide_the_verdict(tmp_path, capsys):
    claims = tmp_path / "claims.txt"
    claims.write_text("1. 一种保温杯，包括杯体和杯盖，其特征在于：所述杯盖内设有复位弹簧。", encoding="utf-8")
    product = tmp_path / "product.txt"
    product.write_text("一种水杯，包括杯体和杯盖。", encoding="utf-8")
    assert main(["precheck", "patent", "--claims", str(claims), "--product", str(product), "--json"]) == 0
    d = _json(capsys)
    assert d["review"] and d["review"][0]["element"] == "所述杯盖内设有复位弹簧"  # silent: to check, not "absent"
    assert main(["precheck", "patent", "--claims", str(claims), "--product", str(product),
                 "--confirm", "所述杯盖内设有复位弹簧=missing", "--json"]) == 0
    d = _json(capsys)
    assert d["verdict"] == "not_infringing" and d["inputs"]["confirmations"][0]["status"] == "missing"
    assert main(["precheck", "patent", "--claims", str(claims), "--product", str(product), "--confirm", "nothing", "--json"]) == 1
    assert json.loads(capsys.readouterr().err)["field"] == "confirm"


def test_binary_files_and_texts_without_a_claim_are_refused_by_name(tmp_path, capsys):
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02\x03" * 50)
    text = tmp_path / "p.txt"
    text.write_text("这款保温杯由杯筒和盖子组成。", encoding="utf-8")
    assert main(["precheck", "patent", "--claims", str(binary), "--product", str(text), "--json"]) == 1
    err = json.loads(capsys.readouterr().err)
    assert err["field"] == "claims" and "not a text file" in err["message"]
    assert main(["precheck", "patent", "--claims", str(text), "--product", str(text), "--json"]) == 1
    err = json.loads(capsys.readouterr().err)
    assert err["field"] == "claims" and "no claim" in err["message"]
    assert main(["precheck", "trade-secret", "--secret", str(text), "--suspect", str(binary), "--json"]) == 1
    assert json.loads(capsys.readouterr().err)["field"] == "suspect"


def test_claims_in_a_word_file_are_read_as_the_desktop_reads_them(tmp_path, capsys):
    """The CLI and the pre-check page share one reader (qcy_workstation.files): a .docx of the claims works in both."""
    import docx

    claims = tmp_path / "claims.docx"
    document = docx.Document()
    document.add_paragraph("1. 一种保温杯，包括杯体和杯盖，其特征在于：所述杯盖内设有复位弹簧。")
    document.save(str(claims))
    product = tmp_path / "product.txt"
    product.write_text("这款保温杯由杯体和杯盖组成，杯盖内装有复位弹簧。", encoding="utf-8")
    assert main(["precheck", "patent", "--claims", str(claims), "--product", str(product), "--json"]) == 0
    assert "保温杯" in _json(capsys)["inputs"]["claims"]


def test_trade_secret_text_lists_each_secret_point(tmp_path, capsys):
    a, b = tmp_path / "secret.txt", tmp_path / "suspect.txt"
    a.write_text("配方：环氧树脂 60份；固化剂 25份；纳米二氧化硅 15份。在 85℃ 下搅拌 30 分钟。", encoding="utf-8")
    b.write_text("Composition: epoxy resin 60%, hardener 25%, nano silica 15%. Stir at 185 °F for half an hour.",
                 encoding="utf-8")
    assert main(["precheck", "trade-secret", "--secret", str(a), "--suspect", str(b)]) == 0
    out = capsys.readouterr().out
    assert "[相同] 配方：环氧树脂 60份" in out and "要件清单" in out
