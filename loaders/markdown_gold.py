"""Expected structure of a law or regulation in the LawRefBook markdown layout, read off its marks,
and a plain-text copy of it without them: together they check the loader on laws nobody annotated
by hand (scripts/law_structure_check.py) and on plain copies (tests/test_corpus_gold.py).

The layout: `# title`, lines on how it was adopted, `<!-- INFO END -->`, then `## 第X编/章` and
`### 第X节` headings (deeper for laws with 编) and paragraphs opening with `第X条`.
"""

from __future__ import annotations

import re

# "－" is OCR's 一 in scanned copies (第三十－条 between 第三十条 and 第三十二条), as loaders.normalise reads it.
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "－": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL = "零〇一－二三四五六七八九两十百千0-9"
HEADING = re.compile(rf"^#{{1,6}}\s*第([{NUMERAL}]+)(编|章|节)\s*(.*?)\s*(?:<!--.*)?$")
ARTICLE = re.compile(rf"^\s*(?:\*\*)?第([{NUMERAL}]+)条(?!之)")
INFO_END = "<!-- INFO END -->"
LEVELS = {"编": "book", "章": "chapter"}


def cn_number(numeral: str) -> int:
    """A Chinese (or Arabic) numeral as an int.

    >>> [cn_number(x) for x in ("十", "十二", "二十", "一百零五", "一千二百六十", "三百", "42", "三十－")]
    [10, 12, 20, 105, 1260, 300, 42, 31]
    """
    if numeral.isdigit():
        return int(numeral)
    total, digit = 0, 0
    for ch in numeral:
        if ch in CN_UNITS:
            total += (digit or 1) * CN_UNITS[ch]
            digit = 0
        else:
            digit = CN_DIGITS[ch]
    return total + digit


def _title(lines: list[str]) -> str:
    first = next((line for line in lines if line.startswith("# ")), "")
    return re.sub(r"<!--.*?-->", "", first[2:]).strip()


def law_gold_from_markdown(text: str) -> dict:
    """A gold annotation (docs/GOLD.md) of a LawRefBook .md, from its heading marks and 第X条
    paragraphs. 第X条之一 articles are left out: their number is not an integer.

    >>> law_gold_from_markdown("# 某法\\n\\n<!-- INFO END -->\\n\\n## 第二章 总 则\\n\\n### 第一节 一般规定\\n\\n"
    ...                        "第十条 甲。\\n\\n第十条之一 乙。\\n\\n依照第五条处理。")
    {'title': '某法', 'chapters': [{'level': 'chapter', 'number': 2, 'title': '总 则', 'sections': [{'number': 1, 'title': '一般规定'}]}], 'articles': [10]}
    """
    lines = text.splitlines()
    body = lines[lines.index(INFO_END) + 1:] if INFO_END in lines else lines
    chapters: list[dict] = []
    articles: list[int] = []
    for line in body:
        heading = HEADING.match(line)
        if heading:
            number, kind, title = cn_number(heading.group(1)), heading.group(2), heading.group(3)
            if kind == "节" and chapters:
                chapters[-1]["sections"].append({"number": number, "title": title})
            elif kind in LEVELS:
                chapters.append({"level": LEVELS[kind], "number": number, "title": title, "sections": []})
            continue
        article = ARTICLE.match(line)
        if article:
            articles.append(cn_number(article.group(1)))
    for chapter in chapters:
        if not chapter["sections"]:
            del chapter["sections"]
    return {"title": _title(lines), "chapters": chapters, "articles": articles}


def markdown_to_plain(text: str) -> str:
    """A plain-text copy of a LawRefBook-style .md: heading marks, the INFO marker and emphasis gone,
    what a user gets by copying the page as text.

    >>> markdown_to_plain("# 某法\\n\\n<!-- INFO END -->\\n\\n## 第一章 总 则\\n\\n**第一条** 为了…")
    '某法\\n\\n\\n第一章 总 则\\n\\n第一条 为了…'
    """
    out = []
    for line in text.splitlines():
        if re.fullmatch(r"\s*<!--.*?-->\s*", line):
            continue
        line = re.sub(r"<!--.*?-->", "", line)
        line = re.sub(r"^\s{0,3}#{1,6}\s*", "", line)
        line = re.sub(r"(\*\*|__|\*)(\S(?:.*?\S)?)\1", r"\2", line)
        out.append(line.rstrip())
    return "\n".join(out)
