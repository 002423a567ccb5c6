"""Outline parsing: literal documents in, outline out."""

from __future__ import annotations

from loaders.outline import cn_to_int, is_complete, parse_outline, split_issuers
from loaders.reading import normalise


def kinds(outline):
    return [(b.kind, b.number, b.title) for b in outline.blocks if b.kind not in {"title", "notice"}]


def test_chinese_numerals():
    assert [cn_to_int(x) for x in ["一", "九", "十", "十二", "二十", "二十五", "二〇二三", "7"]] == [
        1, 9, 10, 12, 20, 25, 2023, 7]


def test_sentence_completeness():
    assert is_complete("鼓励平台企业创新。")
    assert is_complete("打造“绿色直播间”。”")
    assert not is_complete("参加职工基本养老、")
    assert not is_complete("优")


def test_issuers_split_even_when_spaces_were_normalised_away():
    assert split_issuers("中共浙江省委办公厅浙江省人民政府办公厅") == ["中共浙江省委办公厅", "浙江省人民政府办公厅"]
    assert split_issuers("国务院办公厅") == ["国务院办公厅"]
    assert split_issuers("浙江省人民政府") == ["浙江省人民政府"]


DOC = """
浙江省人民政府办公厅关于印发《关于加强数字贸易的若干意见》的通知
浙政办发[2024]7号
各市、县(市、区)人民政府，省政府直属各单位：
《关于加强数字贸易的若干意见》已经省政府同意，现印发给你们。
浙江省人民政府办公厅
2024年3月5日

关于加强数字贸易的若干意见

为推动数字贸易发展，提出如下意见。

一、总体要求

(一)主要目标。到2030年，建成数字贸易强省。

二、重点任务

(二)支持平台企业出海。鼓励平台企业建设海外仓，推动跨境电子商务发展，支持金融机构提供

（紧接第三版）

本报讯 今年以来，记者走访了多家企业。他们表示订单增长明显。

1.今年一季度，全省出口增长12%。

服务。

(三)完善监管制度。建立跨境数据流动监测机制。

三、组织实施

(四)加强组织领导。建立工作专班。
"""


def test_outline_with_notice_first_bracket_measures_and_interleaved_news():
    outline = parse_outline(normalise(DOC))
    assert outline.title == "关于加强数字贸易的若干意见"
    assert outline.number == "浙政办发〔2024〕7号"  # brackets normalised
    assert outline.issuers == ["浙江省人民政府办公厅"]
    assert outline.date == "2024-03-05"
    assert outline.addressees[0].startswith("各市、县")
    assert outline.target_year == 2030
    assert kinds(outline) == [
        ("preamble", 0, ""),
        ("part", 1, "总体要求"),
        ("item", 1, "主要目标"),
        ("part", 2, "重点任务"),
        ("measure", 2, "支持平台企业出海"),
        ("measure", 3, "完善监管制度"),
        ("part", 3, "组织实施"),
        ("item", 4, "加强组织领导"),
    ]
    measure = outline.of_kind("measure")[0]
    assert measure.text.endswith("支持金融机构提供服务。")  # rejoined across the news
    text = normalise(DOC)
    reasons = {text[s:e]: r for s, e, r in outline.excluded}
    assert reasons["（紧接第三版）"] == "page furniture"
    assert any(t.startswith("本报讯") for t in reasons)
    assert any(t.startswith("1.今年") for t in reasons)  # a numbered list in news is not measure 1


def test_measure_offsets_map_back_to_the_document():
    text = normalise(DOC)
    measure = parse_outline(text).of_kind("measure")[0]
    i = measure.text.index("服务。")
    assert text[measure.doc_offset(i):measure.doc_offset(i) + 3] == "服务。"
    seam_end = measure.doc_offset(i, end=True)  # the same seam, read as the end of a span
    assert text[seam_end - 2:seam_end] == "提供"
    assert text[measure.doc_offset(0):measure.doc_offset(0) + 3] == "（二）"


def test_prose_without_outline_warns_and_keeps_text_as_preamble():
    outline = parse_outline(normalise("这是一段没有任何编号结构的说明文字。它只有两句话。"))
    assert any("no outline" in w for w in outline.warnings)
    assert any("title" in w for w in outline.warnings)
    assert [b.kind for b in outline.blocks] == ["preamble"]
    assert outline.excluded == []


RESTARTING = """
关于推进数据要素市场化配置的若干措施

一、总体要求

（一）主要目标。到2026年：
1.数据要素市场体系基本建立。
2.培育数据企业100家。

二、培育数据要素市场

1.建立数据产权制度。推动数据确权。
2.完善数据交易规则。鼓励数据交易机构规范发展。

三、强化数据安全

1.落实数据安全法。督促平台企业履行数据安全保护义务。

四、组织实施

（一）加强组织领导。建立工作专班。
"""


def test_measure_numbers_may_restart_in_each_part_and_sub_points_stay_with_their_item():
    text = normalise(RESTARTING)
    outline = parse_outline(text)
    assert kinds(outline) == [
        ("part", 1, "总体要求"),
        ("item", 1, "主要目标"),
        ("part", 2, "培育数据要素市场"),
        ("measure", 1, "建立数据产权制度"),
        ("measure", 2, "完善数据交易规则"),
        ("part", 3, "强化数据安全"),
        ("measure", 1, "落实数据安全法"),
        ("part", 4, "组织实施"),
        ("item", 1, "加强组织领导"),
    ]
    goal = outline.of_kind("item")[0]
    assert "培育数据企业100家" in goal.text  # the numbered goals belong to the item
    assert outline.excluded == []  # nothing of the policy is set aside
    assert outline.target_year == 2026


def test_a_heading_fused_with_its_text_on_a_web_copy_is_split_after_its_nouns():
    text = ("关于推动某领域发展的实施意见\n\n一、重点领域\n\n"
            "（一）网络货运平台支持网络货运企业规范发展，培育3家以上网络货运平台。\n\n"
            "（二）平台企业要加强自律管理，建立健全平台规则。\n\n"
            "（三）加快发展工业互联网平台，推动企业上云用平台。")
    titles = [b.title for b in parse_outline(text).blocks if b.number and b.kind != "part"]
    assert titles[0] == "网络货运平台"
    assert titles[1].startswith("平台企业要加强自律管理")  # a subject with 要: a sentence, not a heading
    assert titles[2].startswith("加快发展工业互联网平台")  # starts with a verb: no noun heading to split off


def test_articles_of_a_work_rule_numbered_one_two_under_its_chapters():
    text = normalise("某县人民政府工作规则\n第一章 总则\n一、根据有关法律，制定本规则。\n二、县政府工作的准则是依法行政。\n"
                     "（一）坚持民主决策；\n（二）坚持政务公开。\n第二章 组成人员\n三、县政府由县长、副县长组成。\n四、县长主持全面工作。")
    o = parse_outline(text)
    got = [(b.kind, b.number, b.title, o.blocks[b.parent].title) for b in o.of_kind("article")]
    assert got == [("article", 1, "一、", "总则"), ("article", 2, "二、", "总则"),
                   ("article", 3, "三、", "组成人员"), ("article", 4, "四、", "组成人员")]
    assert o.of_kind("article")[1].body == "县政府工作的准则是依法行政。（一）坚持民主决策；（二）坚持政务公开。"


def test_a_list_numbered_one_two_inside_a_numbered_article_stays_its_text():
    text = normalise("某市管理规定\n第一章 总则\n第一条 为规范管理，制定本规定。\n第二条 管理工作由以下机构负责：\n"
                     "一、领导机构。\n二、日常管理机构。\n第三条 本规定自发布之日起施行。")
    o = parse_outline(text)
    assert [b.title for b in o.of_kind("article")] == ["第一条", "第二条", "第三条"]
    assert o.of_kind("article")[1].body == "管理工作由以下机构负责：一、领导机构。二、日常管理机构。"


def test_a_part_heading_run_on_with_its_first_paragraph_is_still_a_part():
    text = normalise("某省人民政府办公厅关于加强某项工作的通知\n各市人民政府：\n现就有关问题通知如下：\n"
                     "一、充分认识某项工作的重要性。各地要把某项工作摆在首位，采取有效措施。\n"
                     "二、积极引导人才到基层。组织、人事部门每年招聘一批人才。\n三、本通知自印发之日起施行，有效期五年，到期后重新评估后再定。")
    o = parse_outline(text)
    # a numbered point that is a whole sentence is a part too, named by its first sentence
    assert [(b.number, b.title) for b in o.of_kind("part")] == [
        (1, "充分认识某项工作的重要性"), (2, "积极引导人才到基层"), (3, "本通知自印发之日起施行，有效期五年，到期后重新评估后再定")]
    assert o.of_kind("part")[1].body == "积极引导人才到基层。组织、人事部门每年招聘一批人才。"


def test_a_one_two_line_out_of_sequence_or_with_no_sentence_end_is_no_part():
    text = normalise("关于某事的通知\n各单位：\n一、做好准备。各地要早谋划。\n三、本条不在次序中。\n"
                     "二、加强督查，确保各项工作按期落实到位并取得实效并形成长效机制和工作闭环\n二、强化保障。经费列入预算。")
    o = parse_outline(text)
    assert [(b.number, b.title) for b in o.of_kind("part")] == [(1, "做好准备"), (2, "强化保障")]


def test_points_numbered_1_2_right_under_a_general_part_are_its_items():
    text = normalise("关于深化某项改革的实施意见\n一、深化改革的总体要求\n1.指导思想。以改革创新为动力，健全管理体系。\n"
                     "2.目标任务。到2016年基本完成改革任务。\n二、主要任务\n（一）完善制度。建立健全预算制度。")
    o = parse_outline(text)
    assert [(b.number, b.title, o.blocks[b.parent].title) for b in o.of_kind("item")] == [
        (1, "指导思想", "深化改革的总体要求"), (2, "目标任务", "深化改革的总体要求")]
    assert [b.title for b in o.of_kind("measure")] == ["完善制度"]
    assert o.target_year == 2016


def test_a_law_databases_field_labels_are_chrome_and_the_rest_of_the_line_is_the_text():
    text = normalise("某市地方性法规条例\n【题注】（2001年4月29日某市人民代表大会通过）\n【章名】 第一章 总则\n"
                     "第一条 为了规范立法活动，制定本条例。\n【章名】 第二章 附则\n第二条 本条例自2001年8月1日起施行。")
    o = parse_outline(text)
    assert [(b.kind, b.title) for b in o.blocks if b.kind in {"chapter", "article"}] == [
        ("chapter", "总则"), ("article", "第一条"), ("chapter", "附则"), ("article", "第二条")]
    assert [r for s, e, r in o.excluded if text[s:e] == "【章名】"] == ["site chrome: 章名"] * 2
    assert o.date == "2001-04-29"


NO_PARTS = """
关于做好某项工作的通知

各街道办事处，区直各部门：
为做好某项工作，现就有关事项通知如下：
1、加强组织领导。各街道要成立工作专班。（区商务局负责）
2、强化督查考核。
区政府督查室定期通报进展。
3.做好宣传引导。（区委宣传部负责）
"""


def test_measures_numbered_under_the_document_without_parts_are_measures():
    outline = parse_outline(normalise(NO_PARTS))
    assert kinds(outline)[1:] == [("measure", 1, "加强组织领导"), ("measure", 2, "强化督查考核"),
                                  ("measure", 3, "做好宣传引导")]
    second = outline.blocks[-2]
    assert "区政府督查室定期通报进展" in second.text
    assert not any("no outline" in w for w in outline.warnings)


def test_chapters_numbered_on_through_the_books_of_a_code():
    # 民事诉讼法, 刑事诉讼法: 第二编 starts at 第三章, not at 第一章 again.
    text = normalise("中华人民共和国某诉讼法\n第一编 总则\n第一章 任务\n第一条 为了保护当事人，制定本法。\n"
                     "第二章 管辖\n第二条 案件由法院管辖。\n第三章 回避\n第三条 审判人员应当回避。\n"
                     "第二编 审判程序\n第四章 第一审程序\n第一节 起诉\n"
                     "第四条 起诉应当符合下列条件。\n第五章 简易程序\n第五条 简单的案件适用本章。")
    o = parse_outline(text)
    chapters = [(b.level, b.number, b.title) for b in o.of_kind("chapter")]
    assert chapters == [("book", 1, "总则"), ("chapter", 1, "任务"), ("chapter", 2, "管辖"), ("chapter", 3, "回避"),
                        ("book", 2, "审判程序"), ("chapter", 4, "第一审程序"), ("chapter", 5, "简易程序")]
    assert [o.blocks[b.parent].title for b in o.of_kind("article")] == ["任务", "管辖", "回避", "起诉", "简易程序"]


def test_chapter_headings_that_start_after_unmarked_chapters_are_still_chapters():
    # Some copies of 条例 print the first chapters' titles bare (no 第X章) and mark only the later ones.
    text = normalise("某省燃气管理条例\n第一条 为加强燃气管理，制定本条例。\n第二条 本条例适用于本省。\n规划与建设\n"
                     "第三条 燃气规划由政府编制。\n第四章 法律责任\n第四条 违反本条例的，依法处罚。\n"
                     "第五章 附则\n第五条 本条例自公布之日起施行。")
    o = parse_outline(text)
    assert [(b.number, b.title) for b in o.of_kind("chapter")] == [(4, "法律责任"), (5, "附则")]
    assert [b.number for b in o.of_kind("article")] == [1, 2, 3, 4, 5]
    assert [o.blocks[b.parent].title for b in o.of_kind("article")[3:]] == ["法律责任", "附则"]


def test_articles_numbered_on_from_an_earlier_act_start_at_their_own_number():
    # 宪法修正案 number their articles on from the last amendment (第十二条 …); an excerpt of a code too.
    text = normalise("中华人民共和国宪法修正案\n1999年3月15日第九届全国人民代表大会第二次会议通过\n"
                     "第十二条 宪法序言第七自然段修改为：“……”。\n第十三条 宪法第五条增加一款。\n"
                     "第十四条 宪法第六条修改为：“……”。")
    assert [b.number for b in parse_outline(text).of_kind("article")] == [12, 13, 14]


def test_articles_quoted_out_of_sequence_in_an_amending_decision_stay_its_text():
    text = normalise("全国人民代表大会常务委员会关于修改某法的决定\n一、将第十条修改为：\n第十条 国家支持某项工作。\n"
                     "二、将第二十条修改为：\n第二十条 违反本法的，依法处罚。\n三、本决定自公布之日起施行。")
    o = parse_outline(text)
    assert o.of_kind("article") == []
    assert [b.number for b in o.of_kind("part")] == [1, 2, 3]


def test_a_table_of_contents_run_onto_one_line_is_set_aside():
    text = normalise("某市人事任免工作条例\n第一章 总则 第二章 任免范围 第三章 附则\n第一章 总 则\n"
                     "第一条 为了规范任免工作，制定本条例。\n第二章 任免范围\n第二条 下列人员由常委会任免。\n"
                     "第三章 附则\n第三条 本条例自公布之日起施行。")
    o = parse_outline(text)
    assert [(b.number, b.title) for b in o.of_kind("chapter")] == [(1, "总则"), (2, "任免范围"), (3, "附则")]
    assert any(reason == "table of contents" and "任免范围" in text[s:e] for s, e, reason in o.excluded)
