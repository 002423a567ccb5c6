"""The gold scorer: literal gold files and hand-built graphs in, literal scores out."""

from __future__ import annotations

import pytest

from graph.model import Document, Label, Node, PolicyGraph
from loaders.evaluate import Score, evaluate, evaluate_folder, format_folder, main, pick_document
from loaders.gold import article_numbers, chapter_keys, gold_sets, heading_keys, norm, norm_joined
from loaders.markdown_gold import cn_number, law_gold_from_markdown, markdown_to_plain

DOC = "doc:test"


@pytest.mark.parametrize("text, expected", [
    (" 总 则 ", "总则"),
    ("第一章\u3000总则", "第一章总则"),
    ("行动计划（2020—2022）（征求意见稿）", "行动计划(2020-2022)(征求意见稿)"),
    ("行动计划(2020-2022)", "行动计划(2020-2022)"),
    ("盐政办发〔2023〕6号", "盐政办发〔2023〕6号"),  # 〔〕 is the normalised form, not folded to []
    ("盐政办发[2023]6号", "盐政办发[2023]6号"),
    ("ＡＢＣ１２３", "ABC123"),
    (None, ""),
])
def test_norm_folds_whitespace_width_and_dashes_only(text, expected):
    assert norm(text) == expected


@pytest.mark.parametrize("a, b, equal", [
    (["各区人民政府", "市政府各委、办、局"], "各区人民政府，市政府各委、办、局：", True),
    (["济源示范区", "航空港区管委会"], ["济源示范区、航空港区管委会"], True),
    (["各区人民政府"], ["各区人民政府", "市政府各委、办、局"], False),
])
def test_addressees_match_however_they_are_split(a, b, equal):
    assert (norm_joined(a) == norm_joined(b)) is equal


def test_heading_depth_follows_order_and_level():
    headings = [
        {"level": "part", "number": 1, "title": "总体要求"},
        {"level": "item", "number": 1, "title": "指导思想"},
        {"level": "part", "number": 2, "title": "主要举措"},
        {"level": "section", "number": 1, "title": "增强动能"},
        {"level": "measure", "number": 1, "title": "支持创新"},
        {"level": "item", "number": 1, "title": "研发"},  # （1） under a measure
        {"level": "measure", "number": 2, "title": "模式创新"},
        {"level": "part", "number": 3, "title": "组织实施"},
        {"level": "item", "number": 1, "title": "强化领导"},
    ]
    assert heading_keys(headings) == {
        (1, 1, "总体要求"), (2, 1, "指导思想"), (1, 2, "主要举措"), (2, 1, "增强动能"), (3, 1, "支持创新"),
        (4, 1, "研发"), (3, 2, "模式创新"), (1, 3, "组织实施"), (2, 1, "强化领导")}


def test_measures_directly_under_a_part_sit_at_depth_two():
    assert heading_keys([{"level": "part", "number": 2, "title": "任务"},
                         {"level": "measure", "number": 1, "title": "甲"}]) == {(1, 2, "任务"), (2, 1, "甲")}


@pytest.mark.parametrize("spec, expected", [
    ([[1, 3]], {1, 2, 3}),
    ([[1, 2], 5, [7, 8]], {1, 2, 5, 7, 8}),
    ([], set()),
    (None, set()),
])
def test_article_numbers_from_ranges_and_singles(spec, expected):
    assert article_numbers(spec) == expected


def test_chapter_keys_with_sections_and_books():
    chapters = [
        {"number": 1, "title": "总 则"},
        {"number": 2, "title": "经营者", "sections": [{"number": 1, "title": "一般规定"},
                                                     {"number": 2, "title": "平台经营者"}]},
        {"level": "book", "number": 1, "title": "总则编", "chapters": [{"number": 3, "title": "法人"}]},
    ]
    assert chapter_keys(chapters) == (
        {("chapter", 1, "总则"), ("chapter", 2, "经营者"), ("book", 1, "总则编"), ("chapter", 3, "法人")},
        {(2, 1, "一般规定"), (2, 2, "平台经营者")})


def test_gold_sets_score_only_annotated_fields_and_null_means_none():
    gold = {"title": "关于X的意见", "number": None, "issuers": ["甲市人民政府办公厅"], "date": "2023-02-01",
            "headings": [{"level": "part", "number": 1, "title": "总体要求"}], "articles": [[1, 2]]}
    assert gold_sets(gold) == {"title": {"关于X的意见"}, "number": set(), "issuers": {"甲市人民政府办公厅"},
                               "date": {"2023-02-01"}, "headings": {(1, 1, "总体要求")}, "articles": {1, 2}}


def test_an_unquoted_yaml_date_reads_as_iso():
    import datetime

    assert gold_sets({"date": datetime.date(2023, 1, 31)}) == {"date": {"2023-01-31"}}


def _graph(**policy) -> PolicyGraph:
    """A document with two parts, an item, a section with a measure, a chapter with a section and
    three articles (one not in the gold below)."""
    nodes = [
        Node(DOC, Label.POLICY, policy.get("title", "t"), dict(policy)),
        Node(f"{DOC}/part:1", Label.PART, "总体要求", {"number": 1, "title": "总体要求"}),
        Node(f"{DOC}/part:1/item:1", Label.ITEM, "指导思想", {"number": 1, "title": "指导思想"}),
        Node(f"{DOC}/part:2", Label.PART, "主要举措", {"number": 2, "title": "主要举措"}),
        Node(f"{DOC}/part:2/section:1", Label.SECTION, "增强动能", {"number": 1, "title": "增强动能"}),
        Node(f"{DOC}/part:2/section:1/measure:1", Label.MEASURE, "支持创新", {"number": 1, "title": "支持创新"}),
        Node(f"{DOC}/chapter:2", Label.CHAPTER, "经营者", {"number": 2, "title": "经营者", "level": "chapter"}),
        Node(f"{DOC}/chapter:2/section:1", Label.SECTION, "一般规定", {"number": 1, "title": "一般规定"}),
        *[Node(f"{DOC}/article:{i}", Label.ARTICLE, f"第{i}条", {"number": i}) for i in (1, 2, 9)],
        Node("doc:other/part:1", Label.PART, "别的文件", {"number": 1, "title": "别的文件"}),
    ]
    return PolicyGraph(tuple(nodes), (), (Document(DOC, "test.txt", ""),))


def _scores(graph: PolicyGraph, gold: dict) -> dict[str, tuple[int, int, int]]:
    return {s.kind: (s.gold, s.found, s.correct) for s in evaluate(graph, gold)}


def test_front_matter_scores_one_value_each_and_issuers_as_a_set():
    graph = _graph(title="关于X的意见", number="甲政办〔2023〕6号", issuers=["甲市人民政府办公厅", "乙局"],
                   date="2023-02-01", addressees="各区人民政府，市政府各部门")
    gold = {"title": "关于X的意见", "number": "甲政办〔2023〕7号", "issuers": ["甲市人民政府办公厅"],
            "date": "2023-02", "addressees": ["各区人民政府", "市政府各部门"], "validity": "有效"}
    assert _scores(graph, gold) == {"title": (1, 1, 1), "number": (1, 1, 0), "issuers": (1, 2, 1),
                                    "date": (1, 1, 0), "validity": (1, 0, 0), "addressees": (1, 1, 1)}


def test_a_number_found_where_the_gold_says_none_is_wrong():
    assert _scores(_graph(number="国办发〔2019〕38号"), {"number": None}) == {"number": (0, 1, 0)}
    assert _scores(_graph(), {"number": None}) == {"number": (0, 0, 0)}


def test_structure_scores_headings_by_depth_and_chapters_sections_articles():
    gold = {
        "headings": [{"level": "part", "number": 1, "title": "总体要求"},
                     {"level": "item", "number": 1, "title": "指导思想"},
                     {"level": "part", "number": 2, "title": "主要举措"},
                     {"level": "item", "number": 1, "title": "增强动能"},  # an Item or a Section: same depth
                     {"level": "item", "number": 1, "title": "支持创新"}],  # at depth 3 in the graph
        "chapters": [{"number": 2, "title": "经营者", "sections": [{"number": 1, "title": "一般 规定"}]},
                     {"number": 3, "title": "附则"}],
        "articles": [[1, 3]],
    }
    # The policy section part:2/section:1 is one more Section node than the law's gold has.
    assert _scores(_graph(), gold) == {"headings": (5, 5, 4), "chapters": (2, 1, 1), "sections": (1, 2, 1),
                                       "articles": (3, 3, 2)}


def test_an_empty_graph_finds_nothing():
    gold = {"title": "关于X的意见", "articles": [[1, 3]], "measures": {1: "甲"}}
    assert evaluate(PolicyGraph(), gold) == [Score("title", 1, 0, 0), Score("articles", 3, 0, 0),
                                             Score("measures", 1, 0, 0)]


def test_pick_document_prefers_the_source_then_the_title():
    other = Node("doc:b", Label.POLICY, "关于Y的意见", {"title": "关于Y的意见"})
    graph = _graph(title="关于X的意见")
    graph = PolicyGraph(graph.nodes + (other,), (), graph.documents + (Document("doc:b", "b.txt", ""),))
    assert pick_document(graph, {}, "b.txt") == "doc:b"
    assert pick_document(graph, {"title": "关于Y的意见"}) == "doc:b"
    assert pick_document(graph, {"title": "关于Z的意见"}) == DOC
    assert pick_document(PolicyGraph(), {}) is None


@pytest.mark.parametrize("precision_of, expected", [
    (Score("x", 4, 2, 1), (0.5, 0.25)),
    (Score("x", 0, 0, 0), (1.0, 1.0)),
    (Score("x", 0, 1, 0), (0.0, 1.0)),
])
def test_precision_and_recall(precision_of, expected):
    assert (precision_of.precision, precision_of.recall) == expected


@pytest.mark.parametrize("md, plain", [
    ("# 某某法\n\n2020年 通过\n\n<!-- INFO END -->\n\n## 第一章 总 则", "某某法\n\n2020年 通过\n\n\n第一章 总 则"),
    ("### 第一节 一般规定", "第一节 一般规定"),
    ("**第一条** 为了*规范*，制定本法。", "第一条 为了规范，制定本法。"),
    ("第二条 本法所称#号不是标题。", "第二条 本法所称#号不是标题。"),
])
def test_markdown_to_plain(md, plain):
    assert markdown_to_plain(md) == plain


def test_folder_lists_missing_and_unloadable_documents_and_scores_the_rest(tmp_path, capsys):
    gold_dir, docs = tmp_path / "gold", tmp_path / "docs"
    gold_dir.mkdir()
    (docs / "sub").mkdir(parents=True)
    (gold_dir / "a.yaml").write_text("title: 关于推进甲的意见\n", encoding="utf-8")
    (docs / "sub" / "a.txt").write_text("关于推进甲的意见\n\n一、总体要求\n\n（一）指导思想。加强领导。\n",
                                        encoding="utf-8")
    (gold_dir / "b.yaml").write_text("source: b-copy.txt\ntitle: 乙\n", encoding="utf-8")
    (gold_dir / "c.yaml").write_text("title: 丙\n", encoding="utf-8")
    (docs / "c.txt").write_bytes(b"")
    (gold_dir / "d.yaml").write_text("- not a mapping\n", encoding="utf-8")
    results = {r.gold.name: r for r in evaluate_folder(gold_dir, [docs])}
    assert results["a.yaml"].document == docs / "sub" / "a.txt" and not results["a.yaml"].problem
    assert results["b.yaml"].problem == "no document named b-copy.txt"
    assert results["c.yaml"].problem and results["c.yaml"].scores == (Score("title", 1, 0, 0),)
    assert "mapping" in results["d.yaml"].problem
    table = format_folder(list(results.values()))
    assert "b.yaml: no document named b-copy.txt" in table and "c.txt" in table
    assert main([str(gold_dir), str(docs)]) == 0
    assert "title" in capsys.readouterr().out


def test_folder_form_needs_folders_of_documents(tmp_path, capsys):
    assert main([str(tmp_path), str(tmp_path / "nowhere")]) == 2
    assert "nowhere: not a folder of documents" in capsys.readouterr().err


@pytest.mark.parametrize("numeral, value", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("九十九", 99), ("一百", 100), ("一百零五", 105),
    ("一百一十", 110), ("二百三十四", 234), ("一千二百六十", 1260), ("两千", 2000), ("〇", 0), ("57", 57),
])
def test_cn_number(numeral, value):
    assert cn_number(numeral) == value


def test_law_gold_from_markdown_reads_books_chapters_sections_and_paragraph_articles():
    md = "\n".join([
        "# 某某法 <!-- 注 -->", "", "2020年1月1日 通过", "", "<!-- INFO END -->", "",
        "## 第一编 总则", "", "### 第一章 基本规定", "", "第一条 为了规范，制定本法。", "",
        "第二条 依照本法第一条的规定。", "", "### 第二章 自然人", "", "#### 第一节 民事能力", "",
        "第三条 甲。", "", "第三条之一 乙。", "", "前款规定见第四条。", "", "**第四条** 丙。",
    ])
    assert law_gold_from_markdown(md) == {
        "title": "某某法",
        "chapters": [{"level": "book", "number": 1, "title": "总则"},
                     {"level": "chapter", "number": 1, "title": "基本规定"},
                     {"level": "chapter", "number": 2, "title": "自然人",
                      "sections": [{"number": 1, "title": "民事能力"}]}],
        "articles": [1, 2, 3, 4],
    }


def test_law_gold_without_chapters_or_info_marker():
    assert law_gold_from_markdown("# 某条例\n\n第一条 甲。\n\n第二条 乙。") == {
        "title": "某条例", "chapters": [], "articles": [1, 2]}


def test_outline_nodes_without_a_whole_number_are_not_scored():
    graph = _graph()
    odd = Node(f"{DOC}/article:18-1", Label.ARTICLE, "第十八条之一", {"number": "十八之一"})
    graph = PolicyGraph(graph.nodes + (odd,), (), graph.documents)
    assert _scores(graph, {"articles": [1, 2, 9]}) == {"articles": (3, 3, 3)}
