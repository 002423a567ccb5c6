"""The loader's reasons, warnings and errors in the Chinese interface (`render.messages`)."""

from __future__ import annotations

import re

import pytest
import yaml

from render.messages import MESSAGES, message

DATA = yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))
ENTRIES = [e for kind in ("reasons", "warnings", "errors") for e in DATA[kind]]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["example"][:40])
def test_every_example_reads_in_chinese_and_stays_english_in_english(entry):
    shown = message(entry["example"], "zh")
    english = set(re.findall(r"[A-Za-z]{3,}", shown)) - {"docx", "pdf", "PDF", "txt", "html", "exe", "MB", "utf", "NUL", "doc"}
    assert re.search(r"[\u4e00-\u9fff]", shown) and not english, shown
    assert message(entry["example"], "en") == entry["example"]


@pytest.mark.parametrize("text, zh", [
    ("page furniture", "版面杂项（页眉、页码等）"),
    ("site chrome: 发布时间", "网页框架：发布时间"),
    ("newspaper article (outside the policy outline)", "报纸文章（不属于政策正文）"),
    ("measure 3 (加强监管) ends mid-sentence; no continuation found", "举措 3（加强监管）在句中结束，未找到下文"),
    ("坏文件.exe: unsupported file type .exe (supported: .txt, .md)", "坏文件.exe: 不支持的文件类型 .exe（支持：.txt, .md）"),
    ("a.txt: file is 12 MB, over the 10 MB limit", "a.txt: 文件大小为 12 MB，超过 10 MB 的上限"),
    ("something the patterns do not know", "something the patterns do not know"),
])
def test_messages_in_chinese(text, zh):
    assert message(text, "zh") == zh
