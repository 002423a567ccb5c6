"""The loader's reasons, warnings and errors in the interface language.

The loader writes them as plain English data (it never imports `render`); the patterns in
``data/i18n/messages/loader.yaml`` read them back, so the Chinese interface shows Chinese. In English
the loader's own words are shown. A message no pattern knows is shown as it is.

>>> message("page furniture", "zh"), message("site chrome: 来源", "zh"), message("page furniture", "en")
('版面杂项（页眉、页码等）', '网页框架：来源', 'page furniture')
>>> message("意见.txt: empty file", "zh")
'意见.txt: 空文件'
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from render.i18n import load_yaml

MESSAGES = Path(__file__).resolve().parent.parent / "data" / "i18n" / "messages" / "loader.yaml"


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml(MESSAGES.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(compiled pattern, Chinese template) of every entry, reasons first, then warnings, then errors."""
    return tuple((re.compile(entry["pattern"]), str(entry["zh"]))
                 for kind in ("reasons", "warnings", "errors") for entry in _data().get(kind) or ())


def message(text: str, lang: str) -> str:
    """`text` (a reason, a warning, or ``<file>: <error>``) in `lang`; a file name before ": " stays."""
    if lang != "zh" or not text:
        return text
    found = _translate(text)
    if found is not None:
        return found
    head, sep, rest = text.partition(": ")
    found = _translate(rest) if sep else None
    return f"{head}: {found}" if found is not None else text


def _translate(text: str) -> str | None:
    for pattern, template in patterns():
        if m := pattern.fullmatch(text.strip()):
            words = _data().get("words") or {}
            return template.format(**{k: words.get(v, v) for k, v in m.groupdict().items()})
    return None
