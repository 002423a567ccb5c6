"""loaders.unwrap: a copy hard-wrapped at a fixed width loads as the same document, with nothing set
aside; real line breaks (headings, 附件, signatures, dates, indented paragraphs) stay breaks."""

from __future__ import annotations

import pytest

from graph.model import EdgeType
from loaders.outline import parse_outline
from loaders.pipeline import load_bytes
from loaders.reading import read_bytes
from loaders.unwrap import join_wrapped_lines
from conftest import ROOT, shared_path

UNWRAPPED = """某某市人民政府办公室关于推进数字经济高质量发展的实施意见
某政办发〔2024〕12号
各区县人民政府，市政府各部门：
为贯彻落实《某某省人民政府关于加快推进数字经济高质量发展的若干意见》，推动全市数字经济做强做优做大，结合本市实际，提出如下意见。
一、加强数字基础设施和新型算力网络体系建设
（一）加快建设新型网络设施。推进千兆光网和第五代移动通信网络建设，到2025年实现重点场所全覆盖。（市通信管理办公室牵头，市发展改革委配合）
（二）完善算力设施布局。依据《中华人民共和国数据安全法》，统筹建设城市算力中心，支持企业参与数据中心建设运营，提升算力供给能力。（市发展改革委牵头）
二、推动产业数字化转型
（一）实施制造业数字化改造。鼓励工业企业开展智能化改造，支持平台企业为中小企业提供低成本解决方案。（市经济和信息化局牵头）
附件：重点任务分工表
某某市人民政府办公室
2024年3月1日"""

# The same text broken every 20 characters (a closing mark stays on its line), mid-title, mid-《》 and
# mid-heading, as a fixed-width view saves it.
WRAPPED = """某某市人民政府办公室关于推进数字经济高质
量发展的实施意见
某政办发〔2024〕12号
各区县人民政府，市政府各部门：
为贯彻落实《某某省人民政府关于加快推进数
字经济高质量发展的若干意见》，推动全市数
字经济做强做优做大，结合本市实际，提出如
下意见。
一、加强数字基础设施和新型算力网络体系建
设
（一）加快建设新型网络设施。推进千兆光网
和第五代移动通信网络建设，到2025年实
现重点场所全覆盖。（市通信管理办公室牵头，
市发展改革委配合）
（二）完善算力设施布局。依据《中华人民共
和国数据安全法》，统筹建设城市算力中心，
支持企业参与数据中心建设运营，提升算力供
给能力。（市发展改革委牵头）
二、推动产业数字化转型
（一）实施制造业数字化改造。鼓励工业企业
开展智能化改造，支持平台企业为中小企业提
供低成本解决方案。（市经济和信息化局牵头）
附件：重点任务分工表
某某市人民政府办公室
2024年3月1日"""


def _outline(text: str):
    source = read_bytes(text.encode("utf-8"), "意见.txt")
    return parse_outline(source.text, list(source.set_aside))


def _edges(text: str, edge_type: EdgeType) -> list[tuple[str, str, str]]:
    graph = load_bytes(text.encode("utf-8"), "意见.txt")
    return sorted((graph.node(e.source).name, graph.node(e.target).name, e.attrs.get("role", ""))
                  for e in graph.edges_of(edge_type))


def test_the_wrap_breaks_go_and_the_real_breaks_stay():
    assert join_wrapped_lines(WRAPPED) == UNWRAPPED
    assert join_wrapped_lines(WRAPPED.replace("\n", "\r\n")) == UNWRAPPED


def test_a_wrapped_copy_loses_no_text_and_keeps_its_outline():
    wrapped, unwrapped = _outline(WRAPPED), _outline(UNWRAPPED)
    assert wrapped.excluded == [] and unwrapped.excluded == []
    assert wrapped.title == unwrapped.title == "关于推进数字经济高质量发展的实施意见"
    blocks = [(b.kind, b.number, b.title, b.text) for b in wrapped.blocks]
    assert blocks == [(b.kind, b.number, b.title, b.text) for b in unwrapped.blocks]
    assert ("part", 1, "加强数字基础设施和新型算力网络体系建设") in [b[:3] for b in blocks]


@pytest.mark.parametrize("edge_type", [EdgeType.ASSIGNED_TO, EdgeType.CITES, EdgeType.IMPLEMENTS])
def test_a_wrapped_copy_keeps_assignments_and_citations(edge_type):
    edges = _edges(WRAPPED, edge_type)
    assert edges and edges == _edges(UNWRAPPED, edge_type)


def test_a_full_line_is_joined_only_to_a_line_that_continues_it():
    text = ("　　各地要结合实际抓好贯彻落实，建立工作\n"
            "台账，明确责任分工，定期调度推进情况（市\n"
            "发展改革委牵头，各区县人民政府负责落实）\n"
            "　　本意见自印发之日起施行，由市发展改革\n"
            "委负责解释，有效期至二〇二六年十二月三十\n"
            "一日（市发展改革委、市财政局、市商务局）\n"
            "1.加快建设新型网络设施，推进千兆光网建设\n"
            "附件：重点任务分工表\n"
            "某某市发展和改革委员会某某市财政局某某市\n"
            "2024年3月1日")
    assert join_wrapped_lines(text).split("\n") == [
        "　　各地要结合实际抓好贯彻落实，建立工作台账，明确责任分工，定期调度推进情况（市发展改革委牵头，"
        "各区县人民政府负责落实）",
        "　　本意见自印发之日起施行，由市发展改革委负责解释，有效期至二〇二六年十二月三十一日（市发展改革委、"
        "市财政局、市商务局）",
        "1.加快建设新型网络设施，推进千兆光网建设",
        "附件：重点任务分工表",
        "某某市发展和改革委员会某某市财政局某某市",
        "2024年3月1日",
    ]


def test_a_word_broken_at_the_margin_is_whole_again_and_a_broken_space_stays():
    lines = ["推进平台企业参与国际标准制定，支持企业在A", "PP应用领域开展合作，鼓励企业参加open ",
             "source社区建设，推进开源生态体系建设", "二、保障措施"]
    assert join_wrapped_lines("\n".join(lines)) == ("推进平台企业参与国际标准制定，支持企业在APP应用领域开展合作，"
                                                   "鼓励企业参加open source社区建设，推进开源生态体系建设\n二、保障措施")


TABLE = """序号  任务名称                    责任单位
1     建设新型网络设施            市通信管理办公室
2     完善算力设施布局            市发展改革委员会
3     实施制造业数字化改造        市经济和信息化局"""


@pytest.mark.parametrize("text", [TABLE, UNWRAPPED], ids=["fixed-width table", "one line a paragraph"])
def test_text_that_is_not_wrapped_comes_back_unchanged(text):
    assert join_wrapped_lines(text) == text


def test_real_documents_that_are_not_wrapped_come_back_unchanged():
    paths = [ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt",
             *sorted(shared_path("corpus", "excerpts").glob("*.txt"))]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert join_wrapped_lines(text) == text, path.name
