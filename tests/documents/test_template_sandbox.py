"""A staff-edited DOCX template cannot run code (issue 12 item 2): its placeholders render in Jinja2's
sandbox; a template that reaches for Python internals is refused with a clear error and nothing runs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from qcy_workstation.documents.builders import build_document
from qcy_workstation.documents.docx_renderer import render_docx
from qcy_workstation.errors import ValidationError


def _template(folder: Path, body: str) -> Path:
    d = docx.Document()
    d.add_paragraph(body)
    path = folder / "guidance.zh.docx"
    d.save(str(path))
    return path


def test_a_template_that_reaches_for_os_is_refused_and_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    _template(tmp_path, "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}")
    content = build_document("guidance", None, lang="zh", options={"topic": "evidence"})
    for cached in (True, False):
        with pytest.raises(ValidationError) as e:
            render_docx(content, template_dir=tmp_path, cached=cached)
        assert e.value.field == "template" and "guidance.zh.docx" in e.value.message
    assert not marker.exists()


def test_an_ordinary_staff_template_still_renders(tmp_path: Path) -> None:
    _template(tmp_path, "{{ title }} · {{ number }}")
    content = build_document("guidance", None, lang="zh", options={"topic": "evidence"})
    out = render_docx(content, template_dir=tmp_path)
    text = "\n".join(p.text for p in docx.Document(__import__("io").BytesIO(out)).paragraphs)
    assert content.title in text


def test_a_template_folder_is_checked_when_it_is_installed(tmp_path: Path, store_url: str, store, capsys) -> None:  # type: ignore[no-untyped-def]
    """Setting template_dir on a shared store: a hostile or broken template is refused before any desk uses it."""
    import json

    from qcy_workstation.cases.settings import SettingsService
    from qcy_workstation.cli import main

    hostile, typo, good = tmp_path / "hostile", tmp_path / "typo", tmp_path / "good"
    for folder in (hostile, typo, good):
        folder.mkdir()
    _template(hostile, "{{ cycler.__init__.__globals__.os.system('id') }}")
    _template(typo, "{{ titel }}")  # a variable the documents do not provide
    _template(good, "{{ title }} · {{ number }}")
    for folder, words in ((hostile, "outside its placeholders"), (typo, "titel")):
        code = main(["store", "--db", store_url, "--json", "settings", f"template_dir={folder}"])
        err = json.loads(capsys.readouterr().err)
        assert code == 1 and err["reason"] == "template.invalid" and words in err["message"], err
        assert "template_dir" not in SettingsService(store).get().extra  # nothing stored
    assert main(["store", "--db", store_url, "settings", f"template_dir={good}"]) == 0
    assert SettingsService(store).get().extra["template_dir"] == str(good)
