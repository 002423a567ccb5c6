"""Laws and regulations of the shared corpus: every chapter, section and article, from the .md and
from a plain-text copy without Markdown marks. Expected counts come from an independent reading of
the Markdown (its ## and ### headings and its paragraphs opening with 第X条)."""

from __future__ import annotations

import re

import pytest
from conftest import shared_path

from graph.model import EdgeType, Label
from loaders import load_paths

CN = "一二三四五六七八九十百千零〇两"
LAWS = ["anti-monopoly-law-2022", "anti-unfair-competition-law-2019", "business-environment-regulation-2019",
        "data-security-law-2021", "e-commerce-law-2018", "shanghai-business-environment-regulation-2024",
        "yunfu-business-environment-regulation-2023", "zhejiang-digital-economy-regulation-2020"]


def expected_structure(markdown: str) -> tuple[list[str], list[str], int]:
    """(chapter headings, section headings, article count) read straight from the Markdown."""
    chapters = [re.sub(r"\s", "", h) for h in re.findall(r"^## (.+)$", markdown, re.M)]
    sections = [re.sub(r"\s", "", h) for h in re.findall(r"^### (.+)$", markdown, re.M)]
    articles = len(re.findall(rf"^第[{CN}]+条", markdown, re.M))
    return chapters, sections, articles


def plain_copy(markdown: str) -> str:
    """What a plain-text copy of the law looks like: no #, no comment marker."""
    text = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    return re.sub(r"^#+\s*", "", text, flags=re.M)


def heading(node) -> str:
    unit = "章" if node.label is Label.CHAPTER else "节"
    return f"第{node.attrs['number']}{unit}{node.attrs['title']}"


def numbered(headings: list[str]) -> list[str]:
    from loaders.outline import cn_to_int

    out = []
    for h in headings:
        m = re.match(rf"第([{CN}]+)([章节])(.*)", h)
        out.append(f"第{cn_to_int(m.group(1))}{m.group(2)}{m.group(3)}")
    return out


@pytest.fixture(scope="module", params=LAWS)
def law(request, tmp_path_factory):
    path = shared_path("corpus", f"{request.param}.md")
    markdown = path.read_text(encoding="utf-8")
    txt = tmp_path_factory.mktemp("plain") / f"{request.param}.txt"
    txt.write_text(plain_copy(markdown), encoding="utf-8")
    return markdown, path, txt


@pytest.mark.parametrize("copy", ["md", "txt"])
def test_every_chapter_section_and_article(law, copy):
    markdown, md_path, txt_path = law
    graph = load_paths([md_path if copy == "md" else txt_path])
    chapters, sections, articles = expected_structure(markdown)
    assert [heading(n) for n in graph.nodes_of(Label.CHAPTER)] == numbered(chapters)
    assert [heading(n) for n in graph.nodes_of(Label.SECTION)] == numbered(sections)
    numbers = [n.attrs["number"] for n in graph.nodes_of(Label.ARTICLE)]
    assert numbers == list(range(1, articles + 1))  # every article, none extra, in order
    assert graph.excluded == ()  # nothing of a law is set aside


def test_articles_keep_their_clauses_and_hang_off_their_chapter(law):
    markdown, md_path, _ = law
    graph = load_paths([md_path])
    doc = graph.documents[0].id
    parents = {e.target: e.source for e in graph.edges_of(EdgeType.HAS_ARTICLE)}
    first = graph.node(f"{doc}/article:1")
    assert first.name == "第一条" and first.attrs["text"].startswith(("为了", "为", "本"))
    expected_parent = f"{doc}/chapter:1" if graph.nodes_of(Label.CHAPTER) else doc
    assert parents[first.id] == expected_parent
    # an article with numbered items (项) keeps them in its text
    with_items = [n for n in graph.nodes_of(Label.ARTICLE) if "（一）" in n.attrs["text"]]
    assert bool(with_items) == bool(re.search(r"^[（(]一[）)]", markdown, re.M))
    assert all("（二）" in n.attrs["text"] for n in with_items)


def test_law_front_matter(law):
    markdown, md_path, _ = law
    policy = load_paths([md_path]).nodes_of(Label.POLICY)[0]
    assert policy.attrs["title"] == re.search(r"^# (.+)$", markdown, re.M).group(1).strip()
    assert policy.attrs["issuers"] and policy.attrs["date"]
    dates = re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", markdown.split("<!-- INFO END -->")[0])
    assert policy.attrs["date"] in {f"{y}-{int(m):02d}-{int(d):02d}" for y, m, d in dates}


def test_entities_are_linked_from_article_bodies():
    graph = load_paths([shared_path("corpus", "e-commerce-law-2018.md")])
    articles = {n.id for n in graph.nodes_of(Label.ARTICLE)}
    assert any(e.source in articles for e in graph.edges_of(EdgeType.INVOLVES))


LAW_TEXT = """中华人民共和国某某法

（2020年1月1日第十三届全国人民代表大会常务委员会第十五次会议通过）

目  录

第一章 总  则

第二章 附  则

第一章 总  则

第一条 为了规范某某活动，制定本法。

第二条 本法所称某某，包括：

（一）甲；

（二）乙。

依照本法第一条规定执行。

第二章 附  则

第三条 本法自2020年6月1日起施行。
"""


def test_table_of_contents_and_clauses_in_a_plain_text_law(tmp_path):
    path = tmp_path / "law.txt"
    path.write_text(LAW_TEXT, encoding="utf-8")
    graph = load_paths([path])
    assert [(n.attrs["number"], n.attrs["title"]) for n in graph.nodes_of(Label.CHAPTER)] == [(1, "总则"), (2, "附则")]
    second = graph.node(f"{graph.documents[0].id}/article:2")
    assert second.attrs["text"].endswith("（二）乙。依照本法第一条规定执行。")
    assert [x.reason for x in graph.excluded] == ["table of contents"] * 3
    policy = graph.nodes_of(Label.POLICY)[0]
    assert (policy.attrs["issuers"], policy.attrs["date"]) == (("全国人民代表大会常务委员会",), "2020-01-01")


def test_a_chapter_heading_missing_from_the_copy_does_not_hide_the_later_ones():
    from loaders import load_text
    from graph.model import Label

    text = ("某某管理条例\n\n第一章 总则\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例适用于本省。\n\n"
            "第三条 县级以上人民政府负责。\n\n第三章 监督管理\n\n第四条 有关部门应当加强监督。\n\n"
            "第四章 附则\n\n第五条 本条例自公布之日起施行。")
    graph = load_text(text)
    assert sorted(n.attrs["number"] for n in graph.nodes_of(Label.CHAPTER)) == [1, 3, 4]
    assert sorted(n.attrs["number"] for n in graph.nodes_of(Label.ARTICLE)) == [1, 2, 3, 4, 5]


def test_a_table_of_contents_without_its_title_is_set_aside_too(tmp_path):
    # Web copies often drop the 目录 line: two chapter headings in a row, then the first again.
    text = ("某某省某某条例\n第一章 总则\n第二章 管理\n第三章 附则\n第一章 总则\n第一条 为了规范管理，制定本条例。\n"
            "第二章 管理\n第二条 县级以上人民政府负责管理工作。\n第三章 附则\n第三条 本条例自2024年1月1日起施行。\n")
    path = tmp_path / "regulation.txt"
    path.write_text(text, encoding="utf-8")
    graph = load_paths([path])
    assert [x.reason for x in graph.excluded] == ["table of contents"] * 3
    chapters = graph.nodes_of(Label.CHAPTER)
    assert [(n.attrs["number"], n.attrs["title"]) for n in chapters] == [(1, "总则"), (2, "管理"), (3, "附则")]
    assert len(graph.nodes_of(Label.ARTICLE)) == 3
