"""Front matter (GB/T 9704): one literal document per line shape, and what the reader must get."""

from __future__ import annotations

import pytest

from loaders.gbt9704 import MAX_NUMBER_CHARS, chrome_reason, document_number, iso_date
from loaders.normalise import normalise
from loaders.outline import parse_outline

BODY = "\n为推动平台经济发展，提出如下意见。\n一、总体要求\n（一）主要目标。到2027年，建成平台经济强省。"

# (document, expected fields); documents are written as they are printed or copied from web pages.
CASES = [
    # title over three lines under the issuer, number below the title
    ("河南省人民政府办公厅\n关于加快平台经济\n健康发展的\n实施意见\n豫政办〔2022〕53号" + BODY,
     {"title": "关于加快平台经济健康发展的实施意见", "issuers": ["河南省人民政府办公厅"],
      "number": "豫政办〔2022〕53号", "kind": "意见"}),
    # issuer prefix on the title line is split off; [2023] brackets and a missing 号
    ("国家发展改革委等部门关于推动平台经济规范健康持续发展的若干意见\n发改高技[2021]1872" + BODY,
     {"title": "关于推动平台经济规范健康持续发展的若干意见", "issuers": ["国家发展改革委"],
      "number": "发改高技〔2021〕1872号"}),
    # joint issuers two to a line with their spacing lost; (2023) brackets; 签发人
    ("中共浙江省委办公厅 浙江省人民政府办公厅\n浙委办发(2023)5号 签发人：王某\n关于加强数字政府建设的意见" + BODY,
     {"issuers": ["中共浙江省委办公厅", "浙江省人民政府办公厅"], "number": "浙委办发〔2023〕5号"}),
    # suffixes kept: (试行) and a year range
    ("关于支持平台企业发展的若干措施（试行）（2023—2025年）" + BODY,
     {"title": "关于支持平台企业发展的若干措施（试行）（2023—2025年）", "kind": "措施"}),
    # title in 《》
    ("《杭州市数字贸易促进办法》" + BODY, {"title": "《杭州市数字贸易促进办法》", "kind": "办法"}),
    # 印发 wrapper: the attached document is the policy, the notice gives number, issuers and date
    ("盐城市人民政府办公室\n关于印发推动平台经济规范健康持续发展\n实施意见的通知\n盐政办发〔2023〕6号\n"
     "各县（市、区）人民政府，市各委、办、局：\n《关于推动平台经济规范健康持续发展的实施意见》已经市政府同意，现印发给你们，请认真贯彻落实。\n"
     "附件：推动平台经济规范健康持续发展重点任务分工\n盐城市人民政府办公室\n2023年2月1日\n（此件公开发布）\n"
     "关于推动平台经济规范健康持续发展的\n实施意见" + BODY,
     {"title": "关于推动平台经济规范健康持续发展的实施意见", "number": "盐政办发〔2023〕6号",
      "issuers": ["盐城市人民政府办公室"], "date": "2023-02-01",
      "wrapper": "关于印发推动平台经济规范健康持续发展实施意见的通知",
      "addressees": ["各县（市、区）人民政府", "市各委、办、局"],
      "attachments": ["推动平台经济规范健康持续发展重点任务分工"]}),
    # 转发 wrapper with 《》
    ("浙江省人民政府办公厅关于转发《省发展改革委关于加快数字经济发展的意见》的通知\n浙政办发〔2021〕9号\n"
     "各市、县（市、区）人民政府：\n省发展改革委《关于加快数字经济发展的意见》已经省政府同意，现转发给你们。\n"
     "浙江省人民政府办公厅\n二〇二一年三月五日\n省发展改革委关于加快数字经济发展的意见" + BODY,
     {"title": "关于加快数字经济发展的意见", "issuers": ["浙江省人民政府办公厅", "省发展改革委"],
      "date": "2021-03-05", "number": "浙政办发〔2021〕9号"}),
    # 令: number, issuer, signer and date of the decree; the regulation is the policy
    ("浙江省人民政府令\n第427号\n《浙江省公共数据条例实施办法》已经省人民政府第10次常务会议审议通过，现予公布，自2023年5月1日起施行。\n"
     "省长　王浩\n2023年3月20日\n浙江省公共数据条例实施办法\n第一条 为了规范公共数据管理，制定本办法。\n第二条 本办法适用于本省。",
     {"title": "浙江省公共数据条例实施办法", "number": "浙江省人民政府令第427号", "issuers": ["浙江省人民政府"],
      "signer": "王浩", "date": "2023-03-20", "kind": "办法"}),
    # web copy: chrome, a news lead and a metadata table around the document
    ("您当前的位置：首页 > 政务公开 > 政策文件\n索引号 11320900K12926869E/2023-24679 组配分类 政府办文件\n"
     "发布机构 盐城市人民政府办公室 发文日期 2023-02-01\n文号 盐政办发[2023]6号 公开方式 主动公开\n主题分类 国民经济管理 时效 有效\n"
     "字体：大 中 小\n6月10日，市政府办公室发布《关于推动平台经济发展的实施意见》。意见明确，到2027年平台经济规模翻番。\n"
     "关于推动平台经济发展的实施意见" + BODY + "\n分享到：微信 微博\n【打印本页】【关闭窗口】",
     {"title": "关于推动平台经济发展的实施意见", "number": "盐政办发〔2023〕6号", "date": "2023-02-01",
      "issuers": ["盐城市人民政府办公室"], "validity": "有效"}),
    # end matter: signature, date in Chinese numerals, 抄送 and 印发 lines
    ("关于加强平台经济监管的通知\n各市人民政府：" + BODY + "\n浙江省市场监督管理局 浙江省商务厅\n二〇二三年一月三十一日\n"
     "抄送：省委办公厅，省人大常委会办公厅。\n浙江省市场监督管理局办公室 2023年2月1日印发",
     {"issuers": ["浙江省市场监督管理局", "浙江省商务厅"], "date": "2023-01-31",
      "cc": ["省委办公厅", "省人大常委会办公厅"], "kind": "通知", "addressees": ["各市人民政府"]}),
    # a judicial interpretation: the purpose-and-basis line before the articles ends in a colon but
    # names no addressee; it is the preamble
    ("最高人民法院关于审理某类案件适用法律若干问题的解释\n2013年9月30日最高人民法院审判委员会第1592次会议通过\n"
     "为依法惩治某类犯罪，根据《中华人民共和国刑法》的有关规定，现就办理此类案件适用法律的若干问题解释如下：\n"
     "第一条　本解释所称某类犯罪，是指……。",
     {"addressees": [], "kind": "解释"}),
]


def outline_of(text: str):
    """The outline of `text` as the loader reads it: normalised first."""
    return parse_outline(normalise(text))


def fields(outline, *names: str) -> tuple:
    """The outline's front-matter fields `names`, in order."""
    return tuple(getattr(outline, name) for name in names)


@pytest.mark.parametrize("text, expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_front_matter_fields(text, expected):
    outline = outline_of(text)
    got = {key: getattr(outline, key) for key in expected}
    assert got == expected


def test_a_purpose_and_basis_line_ending_in_a_colon_is_the_preamble():
    outline = outline_of(CASES[-1][0])
    assert [b.text for b in outline.of_kind("preamble")] == [
        "为依法惩治某类犯罪，根据《中华人民共和国刑法》的有关规定，现就办理此类案件适用法律的若干问题解释如下："]


def test_web_chrome_is_set_aside_with_its_reason_and_not_read_as_policy():
    text = normalise(CASES[8][0])
    outline = parse_outline(text)
    reasons = {text[s:e][:6]: r for s, e, r in outline.excluded}
    assert reasons["您当前的位置"] == "site chrome: 您当前的位置"
    assert reasons["字体：大中小"] == "site chrome: 字体"
    assert reasons["6月10日，"] == "news lead"
    assert reasons["索引号 11"].startswith("metadata table")
    assert reasons["分享到：微信"] == "site chrome: 分享到"
    assert reasons["【打印本页】"] == "site chrome: 打印本页"
    preamble = "".join(b.text for b in outline.of_kind("preamble"))
    assert preamble == "为推动平台经济发展，提出如下意见。"


def test_wrapper_notice_text_is_kept_but_not_outline():
    outline = outline_of(CASES[5][0])
    notice = outline.of_kind("notice")[0]
    assert "现印发给你们" in notice.text
    assert [b.kind for b in outline.blocks if b.kind not in {"title", "notice"}] == ["preamble", "part", "item"]
    assert outline.excluded == []


@pytest.mark.parametrize("line, expected", [
    ("浙政办发〔2024〕7号", "浙政办发〔2024〕7号"),
    ("浙政办发[2024]7号", "浙政办发〔2024〕7号"),
    ("浙政办发［2024］7号", "浙政办发〔2024〕7号"),
    ("浙政办发(2024)7号", "浙政办发〔2024〕7号"),
    ("浙政办发（2024）7", "浙政办发〔2024〕7号"),
    ("浙江省人民政府令第427号", "浙江省人民政府令第427号"),
    ("2019年10月22日中华人民共和国国务院令第722号公布", "中华人民共和国国务院令第722号"),
    ("一、总体要求", ""),
])
def test_document_numbers(line, expected):
    assert document_number(line) == expected


@pytest.mark.parametrize("text, expected", [
    ("2023年1月31日", "2023-01-31"), ("二〇二三年一月三十一日", "2023-01-31"), ("二○二三年十二月一日", "2023-12-01"),
    ("2023-02-01", "2023-02-01"), ("2020年7月", "2020-07"), ("无日期", ""),
])
def test_dates(text, expected):
    assert iso_date(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("来源：省政府办公厅", "site chrome: 来源"), ("浏览次数：1234", "site chrome: 浏览次数"),
    ("原标题：我省出台平台经济新政", "site chrome: 原标题"), ("返回上级", "site chrome: 返回上级"),
    ("【打印】【关闭窗口】", "site chrome: 打印"), ("（一）指导思想。", ""), ("来源于实践的经验，要总结推广。", ""),
])
def test_chrome_lines(line, expected):
    assert chrome_reason(normalise(line)) == expected


def test_pinyin_glosses_and_taiwan_wording_do_not_reach_the_title():
    outline = outline_of("關於促進平台（pínɡ tái）經濟最佳化發展的意見" + BODY)
    assert outline.title == "关于促进平台经济优化发展的意见"


def test_no_number_is_longer_than_the_bound_number_lines_are_searched_within():
    body = "某" * 30
    longest = [document_number(body + "公告2023年第1234号"), document_number(body + "令第一二三四五六号"),
               document_number("某" * 14 + "〔2024〕12345号")]
    assert [len(n) for n in longest] == [MAX_NUMBER_CHARS, 39, 26]
    # A longer body gives no longer number: a 令's body is cut to 30 characters, a 公告 line is no number.
    assert document_number("某" * 40 + "令第123号") == body + "令第123号"
    assert document_number("某" * 31 + "公告2023年第1234号") == ""


def test_a_metadata_table_with_each_key_on_a_line_of_its_own_is_read_and_never_taken_for_addressees():
    text = ("返回顶部\n某县人民政府工作规则\n• 索引号：\n0000000000/2024-000001\n• 主题分类：\n• 来源：\n"
            "• 发文机构：\n县政府网站\n• 发文字号：\n某政发〔2024〕3号\n• 发文日期：\n2024年04月06日 16:40\n"
            "• 有效性：\n• 内容概述：\n某县人民政府工作规则\n第一章 总则\n一、为规范县政府工作，制定本规则。")
    outline = outline_of(text)
    got = fields(outline, "title", "number", "date", "issuers", "addressees")
    assert got == ("某县人民政府工作规则", "某政发〔2024〕3号", "2024-04-06", [], [])
    reasons = {text_: r for text_, r in ((normalise(text)[s:e], r) for s, e, r in outline.excluded)}
    metadata = "metadata table (read into the document)"
    assert reasons["0000000000/2024-000001"] == reasons["• 发文字号："] == metadata


def test_metadata_rows_led_by_less_common_keys_are_read_and_chrome_labels_are_no_addressees():
    text = ("首页 > 信息公开\n索引号： 000000/201901-00001 组配分类： 规范性文件\n生成日期： 2019-01-23 文号：\n"
            "发文日期： 2019-01-23 生效时间： 2019-01-23\n废止时间： 2020-01-23 名称： 某县人民政府关于印发《某县议事规则》的通知\n"
            "视力保护色：\n浏览量：\n某县人民政府关于印发《某县议事规则》的通知\n各乡、镇人民政府，县政府各部门：\n"
            "《某县议事规则》已经县政府常务会议通过，现予印发。\n某县人民政府\n2019年1月17日\n某县议事规则\n"
            "第一章 总则\n第一条 为规范议事，制定本规则。")
    outline = outline_of(text)
    got = fields(outline, "title", "issuers", "addressees", "date")
    assert got == ("某县议事规则", ["某县人民政府"], ["各乡、镇人民政府", "县政府各部门"], "2019-01-17")
    assert outline.metadata["废止时间"] == "2020-01-23"


# Web copies of wrapped documents: the title a page heads them with is the wrapping notice's, in the
# shapes sites print it (issuers before 印发 with no 关于, one long line, quoted in 《》, a 文号 after it,
# cut short, broken mid-phrase); the attached document stays the policy.
WEB_TITLE_CASES = [
    # issuer + 印发《X》的通知, no 关于; traditional characters with pinyin glosses
    ("某府發(fā)〔2017〕9號\n某市人民政府印發(fā)《關(guān)于本市加強(qiáng)某項建設(shè)的實(shí)施意見》的通知\n各區(qū)人民政府：\n"
     "現(xiàn)將《關(guān)于本市加強(qiáng)某項建設(shè)的實(shí)施意見》印發(fā)給你們，請認(rèn)真執(zhí)行。\n某市人民政府\n2017年12月20日\n"
     "關(guān)于本市加強(qiáng)某項建設(shè)的實(shí)施意見" + BODY,
     {"title": "关于本市加强某项建设的实施意见", "issuers": ["某市人民政府"], "number": "某府发〔2017〕9号",
      "date": "2017-12-20", "kind": "意见"}),
    # four joint issuers (one of them 中共…) and the notice title on one long line
    ("某某市发展和改革委员会 中共某某市委社会工作部 某某市规划和自然资源局 某某市住房和城乡建设局 "
     "关于印发某某市社区服务设施建设工程实施方案的通知\n各区（市）县政府，市级有关部门：\n"
     "经市领导同意，现将《某某市社区服务设施建设工程实施方案》印发给你们，请认真贯彻落实。" + BODY,
     {"title": "某某市社区服务设施建设工程实施方案", "kind": "方案",
      "issuers": ["某某市发展和改革委员会", "中共某某市委社会工作部", "某某市规划和自然资源局", "某某市住房和城乡建设局"]}),
    # the official title quoted in 《》 as a headline, the attached 要点 named in 〈〉
    ("《某市人民政府办公厅关于印发〈某市2016年政务公开工作要点〉的通知》\n某政办发〔2016〕26号\n各区人民政府：\n"
     "《某市2016年政务公开工作要点》已经市政府同意，现印发给你们。\n某市人民政府办公厅\n2016年5月28日\n"
     "2016年是开局之年，政务公开工作要有新突破。\n一、围绕深化改革推进公开",
     {"title": "某市2016年政务公开工作要点", "kind": "要点", "issuers": ["某市人民政府办公厅"],
      "number": "某政办发〔2016〕26号", "date": "2016-05-28"}),
    # 转发 a ministry's 《关于颁发〈X〉的通知》; the attached X under an 附： label
    ("某市财政局、某市水利局转发某部《关于颁发〈某某补助费使用管理暂行办法〉的通知》\n各区财政局：\n"
     "现将某部通知转发给你们，请遵照执行。\n附：某某补助费使用管理暂行办法\n第一条 为了加强资金管理，制定本办法。",
     {"title": "某某补助费使用管理暂行办法", "kind": "办法", "issuers": ["某市财政局", "某市水利局"]}),
    # the page's headline is the notice, with its 文号 in brackets; the attached title is the policy's
    ("当前位置：首页 > 政策法规\n中共某市委办公室某市人民政府办公室印发《关于全面推进某项工作的实施意见》的通知（某办发〔2017〕2号）\n"
     "来源：某市政府门户网 日期：2017-01-12\n各县市区委、人民政府，市直各单位：\n"
     "《关于全面推进某项工作的实施意见》已经市委、市人民政府同意，现印发给你们。\n中共某市委办公室\n某市人民政府办公室\n"
     "2017年1月10日\n关于全面推进某项工作的实施意见\n根据有关要求，提出如下实施意见。\n一、总体要求",
     {"title": "关于全面推进某项工作的实施意见", "number": "某办发〔2017〕2号", "date": "2017-01-10",
      "issuers": ["中共某市委办公室", "某市人民政府办公室"], "addressees": ["各县市区委、人民政府", "市直各单位"]}),
    # the notice title repeated once cut short; the attached title broken mid-phrase over two lines
    ("关于印发某市人民政府办理代表建议和提案工作规则的通知\n作者：资料网 时间：2024-07-12\n关于印发某市人民政府办理代表建议\n"
     "某政办发〔2010〕15号\n各县（市、区）人民政府：\n《某市人民政府办理代表建议和提案工作规则》已经市政府常务会议研究同意，现印发给你们。\n"
     "某市人民政府办公室\n二○一○年四月七日\n某市人民政府办理代表\n建议和提案工作规则\n第一章 总则\n第一条 为规范办理工作，制定本规则。",
     {"title": "某市人民政府办理代表建议和提案工作规则", "kind": "规则", "date": "2010-04-07",
      "number": "某政办发〔2010〕15号"}),
    # a notice title over three lines broken mid-phrase
    ("某省人民政府办公厅关于印发某省\n进一步加大力度支持民间投资发展\n实施方案的通知\n某府办〔2023〕5号\n各地级以上市人民政府：\n"
     "《某省进一步加大力度支持民间投资发展的实施方案》已经省人民政府同意，现印发给你们。\n某省人民政府办公厅\n2023年3月17日\n"
     "某省进一步加大力度支持民间\n投资发展的实施方案\n为进一步加大政策支持力度，制定本实施方案。\n一、主要措施",
     {"title": "某省进一步加大力度支持民间投资发展的实施方案", "issuers": ["某省人民政府办公厅"], "date": "2023-03-17"}),
    # a draft published for comments: 关于《X》（草案）公开征求意见的通知
    ("关于《某某自治州自治条例》（修正草案·二审稿）公开征求意见的通知\n为了广泛征求意见，现将《某某自治州自治条例》（修正草案·二审稿）予以公布。\n"
     "某州人大常委会法工委\n2023年11月20日\n《某某自治州自治条例》\n（修正草案·二审稿）\n第一章 总则\n第一条 根据宪法，制定本条例。",
     {"title": "《某某自治州自治条例》（修正草案·二审稿）", "kind": "条例", "date": "2023-11-20"}),
    # the attached title quotes the document it implements: that quote is part of the title
    ("某省人民政府办公厅关于印发某省贯彻落实《某某地区崛起规划》工作方案的通知\n某政办发〔2017〕5号\n各市人民政府：\n"
     "《某省贯彻落实〈某某地区崛起规划〉工作方案》已经省人民政府同意，现印发给你们。\n某省人民政府办公厅\n2017年5月15日\n"
     "某省贯彻落实《某某地区崛起规划》工作方案\n为深入贯彻落实《某某地区崛起规划》，制定本方案。\n一、总体要求",
     {"title": "某省贯彻落实《某某地区崛起规划》工作方案", "number": "某政办发〔2017〕5号", "kind": "方案"}),
    # ... and is broken over three lines inside that quote, one of them ending in a genre word (政策)
    ("某市人民政府办公室关于印发《某市贯彻落实〈关于打好某某主动仗实现某某整体好转的若干政策措施〉实施方案》的通知\n"
     "某政办发〔2023〕9号\n各县市区人民政府：\n经市人民政府同意，现将《某市贯彻落实〈关于打好某某主动仗实现某某整体好转的若干政策措施〉"
     "实施方案》印发给你们，请认真组织实施。\n某市人民政府办公室\n2023年3月15日\n某市贯彻落实《关于打好某某主动仗\n"
     "实现某某整体好转的若干政策\n措施》实施方案\n为全面贯彻某某会议精神，特制定本实施方案。\n一、促进消费恢复",
     {"title": "某市贯彻落实《关于打好某某主动仗实现某某整体好转的若干政策措施》实施方案", "kind": "方案"}),
    # 批转: a government forwards a department's rules with its approval (the date typed with 0 for 〇,
    # so no date line marks where the notice ends: the wrapper verb alone tells)
    ("关于批转某市某某考试管理规定的通知\n某政〔2005〕32号\n各区人民政府，市人民政府各部门：\n"
     "市人民政府同意市教育局修订的《某市某某考试管理规定》，现转发给你们，请遵照执行。\n某市人民政府\n二00五年六月十七日\n"
     "某市某某考试管理规定\n第一章 总则\n第一条 为了规范本市某某考试，特制定本规定。",
     {"title": "某市某某考试管理规定", "number": "某政〔2005〕32号", "kind": "规定", "issuers": ["某市人民政府"]}),
    # a law database appends the label of what it attaches to the title
    ("某省人民代表大会常务委员会关于修改《某省某某条例》的决定 附：修正本\n（1999年12月10日某省人民代表大会常务委员会通过）\n"
     "某省人民代表大会常务委员会决定对《某省某某条例》作如下修改：\n一、第三条修改为：“本省的机关都有依法参加某某活动的义务。”",
     {"title": "关于修改《某省某某条例》的决定", "kind": "决定", "issuers": ["某省人民代表大会常务委员会"],
      "date": "1999-12-10"}),
]


@pytest.mark.parametrize("text, expected", WEB_TITLE_CASES, ids=[str(i) for i in range(len(WEB_TITLE_CASES))])
def test_web_copies_of_wrapped_documents(text, expected):
    test_front_matter_fields(text, expected)


def test_a_decree_printed_under_the_regulation_title_gives_number_date_and_signer():
    text = ("某某机构设置管理条例\n作者：资料网 时间：2024-07-22 08:17:50\n某某机构设置管理条例\n国务院\n某某机构设置管理条例\n"
            "中华人民共和国国务院令\n第999号\n现发布《某某机构设置管理条例》，自\n发布之日起施行。\n总理 王某\n1997年8月3日\n"
            "第一章 总则\n第一条 为了规范机构设置，制定本条例。")
    outline = outline_of(text)
    got = fields(outline, "title", "number", "issuers", "signer", "date")
    assert got == ("某某机构设置管理条例", "中华人民共和国国务院令第999号", ["国务院"], "王某", "1997-08-03")
    assert [b.title for b in outline.of_kind("article")] == ["第一条"]


def test_an_undated_wrapping_notice_ends_with_the_sentence_that_hands_the_document_on():
    outline = outline_of(WEB_TITLE_CASES[1][0])
    assert "现将《某某市社区服务设施建设工程实施方案》印发给你们" in outline.of_kind("notice")[0].text
    assert [b.text for b in outline.of_kind("preamble")] == ["为推动平台经济发展，提出如下意见。"]


def test_a_foreign_language_sites_labels_never_join_the_title_and_a_laws_adoption_note_marks_its_title():
    text = ("중국 법률 (2015)\n某某法\n법률 유형\n발급 기관 전국 인민 대회\n中华人民共和国某某法\n"
            "（2000年3月15日第九届全国人民代表大会第三次会议通过）\n第一章 总则\n第一条 为了规范某某活动，制定本法。")
    outline = outline_of(text)
    assert (outline.title, outline.date, outline.kind) == ("中华人民共和国某某法", "2000-03-15", "法")


def test_a_notice_that_publishes_a_draft_in_full_wraps_it():
    text = ("首页 -> 政务公开 -> 公告\n某市人民代表大会常务委员会办公室公告（第7号）\n"
            "市人大常委会于2022年12月1日对《某市社会信用条例（草案）》进行了初次审议。现将草案全文公布，广泛征求意见。\n"
            "一、公民和组织均可以提出意见。\n二、征求意见的时间到2023年1月15日结束。\n某市人民代表大会常务委员会办公室\n2022年12月5日\n"
            "某市社会信用条例（草案）\n第一条 为了规范社会信用管理，制定本条例。\n第二条 本条例适用于本市。")
    outline = outline_of(text)
    got = fields(outline, "title", "kind", "wrapper", "issuers", "date")
    assert got == ("某市社会信用条例（草案）", "条例", "某市人民代表大会常务委员会办公室公告（第7号）",
                   ["某市人民代表大会常务委员会办公室"], "2022-12-05")
    assert [b.title for b in outline.blocks if b.kind in {"part", "article"}] == ["第一条", "第二条"]


def test_a_notice_whose_attachment_is_only_named_at_its_end_is_not_unwrapped():
    text = ("某市人民政府办公室关于做好某项工作的通知\n各区人民政府：\n为落实《某市某项工作方案》，现就有关事项通知如下：\n"
            "一、提高认识\n各区要高度重视。\n某市人民政府办公室\n2023年5月6日\n附件：某市某项工作方案")
    outline = outline_of(text)
    assert (outline.title, outline.wrapper, [b.title for b in outline.of_kind("part")]) == (
        "关于做好某项工作的通知", "", ["提高认识"])


def test_a_date_printed_beside_the_number_is_the_documents_and_a_work_procedure_is_a_genre():
    dated = outline_of("某部 某总局关于某项税收问题的通知\n2002年4月23日 某税〔2002〕59号\n各省财政厅：\n"
                                    "现将有关问题通知如下：\n一、某类收入不征收营业税。\n二、本通知自2002年1月1日起执行。")
    assert (dated.number, dated.date) == ("某税〔2002〕59号", "2002-04-23")
    procedure = outline_of("某某标准制定工作程序（试行）\n第一章 总则\n第一条 为了规范标准制定工作，制定本程序。")
    assert (procedure.title, procedure.kind) == ("某某标准制定工作程序（试行）", "程序")


def test_a_date_and_issuer_line_under_the_title_gives_both():
    outline = outline_of("某某用具准运证管理办法\n1990年3月10日，某某部\n第1条 为了加强运输质量管理，制定本办法。")
    assert (outline.date, outline.issuers) == ("1990-03-10", ["某某部"])


def test_a_wrapping_notice_printed_without_its_title_is_notice_text_not_a_news_lead():
    text = ("各市、县人民政府：\n现将《某省增收实施方案》印发给你们，请认真组织实施。\n某省人民政府\n2018年3月27日\n（此件公开发布）\n"
            "某省增收实施方案\n为带动居民增收，制定本实施方案。\n一、指导思想")
    outline = outline_of(text)
    assert (outline.title, outline.issuers, outline.date, outline.excluded) == (
        "某省增收实施方案", ["某省人民政府"], "2018-03-27", [])
    assert outline.of_kind("notice")[0].text == ("各市、县人民政府：现将《某省增收实施方案》印发给你们，请认真组织实施。"
                                                  "某省人民政府2018年3月27日（此件公开发布）")


def test_measures_named_juchuo_are_a_genre():
    """举措 is a genre of district and county documents (若干政策举措)."""
    outline = outline_of("某区人民政府关于推动消费扩容提质的若干举措" + BODY)
    assert (outline.title, outline.kind, outline.issuers) == (
        "关于推动消费扩容提质的若干举措", "举措", ["某区人民政府"])


@pytest.mark.parametrize("signature, date", [
    ("某市人民政府\n二00五年三月一日", "2005-03-01"),  # zero digits typed among Chinese numerals
    ("某市人民政府\n二OO五年十二月八日", "2005-12-08"),  # …or the letter O
    ("某市人民政府 2005年3月1日", "2005-03-01"),  # the 落款 on one line: issuer, then date
    ("成文日期：2005年3月1日", "2005-03-01"),  # a labelled date closing a web copy
    ("抄送：省政府办公厅。\n某市人民政府办公室 2005年3月1日印发", "2005-03-01"),  # only the printing date
])
def test_the_date_closing_a_document_is_read_in_every_way_it_is_typed(signature, date):
    text = "某市人民政府关于加强某项工作的通知\n各县人民政府：\n为加强管理，现通知如下。\n一、总体要求\n做好工作。\n" + signature
    outline = outline_of(text)
    assert (outline.title, outline.date, outline.issuers) == ("关于加强某项工作的通知", date, ["某市人民政府"])
    body = [b.text for b in outline.blocks if b.kind not in ("title", "notice")]
    assert body == ["为加强管理，现通知如下。", "一、总体要求做好工作。"]  # the signature is no part of the body


def test_a_signing_date_before_the_printing_date_wins():
    text = ("某市人民政府关于加强某项工作的通知\n各县人民政府：\n为加强管理，现通知如下。\n一、总体要求\n做好工作。\n"
            "某市人民政府\n2005年2月20日\n抄送：省政府办公厅。\n某市人民政府办公室 2005年3月1日印发")
    assert outline_of(text).date == "2005-02-20"


@pytest.mark.parametrize("title_lines", ["关于加强某项工作的通知（2005年3月1日）", "关于加强某项工作的通知\n（2005年3月1日）"])
def test_a_date_in_brackets_after_the_title_is_the_date_not_part_of_the_title(title_lines):
    outline = outline_of(title_lines + "\n各县人民政府：\n为加强管理，现通知如下。\n一、总体要求\n做好工作。")
    assert (outline.title, outline.date) == ("关于加强某项工作的通知", "2005-03-01")


@pytest.mark.parametrize("key", ["标题", "名称", "文件名称"])
def test_a_copy_without_a_title_line_takes_the_title_of_its_metadata_table(key):
    text = (f"索引号：001/2005-00012\n{key}：某市人民政府关于加强某项工作的通知\n发文字号：某政发〔2005〕3号\n"
            "成文日期：2005-03-01\n各县人民政府：\n为加强管理，现通知如下。\n一、总体要求\n做好工作。")
    outline = outline_of(text)
    assert (outline.title, outline.kind, outline.issuers, outline.number, outline.date) == (
        "关于加强某项工作的通知", "通知", ["某市人民政府"], "某政发〔2005〕3号", "2005-03-01")


def test_a_copy_without_a_title_takes_the_document_its_notice_hands_on():
    text = ("各县人民政府：\n现将《某市加强某项工作实施办法》印发给你们，请认真贯彻执行。\n某市人民政府\n二〇〇五年三月一日\n"
            "第一条 为了加强管理，制定本办法。\n第二条 本办法适用于本市。")
    outline = outline_of(text)
    assert (outline.title, outline.kind, outline.issuers, outline.date) == (
        "某市加强某项工作实施办法", "办法", ["某市人民政府"], "2005-03-01")
    assert [b.kind for b in outline.blocks if b.kind != "notice"] == ["article", "article"]


def test_a_copy_without_a_title_takes_the_document_a_news_lead_reports_issued():
    text = ("2023年12月，中共某省委办公厅、某省人民政府办公厅发布《某省某项责任制实施细则》，自发布之日起施行。\n"
            "第一章 总则\n第一条 为了落实责任制，制定本细则。")
    outline = outline_of(text)
    assert (outline.title, outline.kind, outline.issuers, outline.date) == (
        "某省某项责任制实施细则", "细则", ["中共某省委办公厅", "某省人民政府办公厅"], "2023-12")


@pytest.mark.parametrize("issuers, expected", [
    ("省发展改革委 省财政厅", ["省发展改革委", "省财政厅"]),
    ("某某市财政局 市水利局", ["某某市财政局", "市水利局"]),
    ("省委宣传部 省财政厅 省文化和旅游厅", ["省委宣传部", "省财政厅", "省文化和旅游厅"]),
])
def test_joint_issuers_named_by_their_level_alone_are_split(issuers, expected):
    text = f"{issuers}关于加强某项工作的通知\n各市有关部门：\n为加强管理，现通知如下。\n一、总体要求\n做好工作。"
    assert outline_of(text).issuers == expected


def test_one_body_named_in_full_and_by_its_level_is_one_issuer():
    text = ("某某市财政局、某某市水利局关于某项补助费管理的通知\n某某市财政局 市水利局\n各区县财政局：\n为加强管理，现通知如下。\n"
            "一、总体要求\n做好工作。\n浙江省某某市财政局\n2005年3月1日")
    assert outline_of(text).issuers == ["某某市财政局", "某某市水利局"]


def test_a_wrapping_notice_headed_twice_by_its_web_page_still_gives_the_attached_document():
    """The page's headline and the notice's own title (broken over two lines, its addressees without
    their colon) are one notice: the document is the one it hands on."""
    text = ("某市某区人民政府办公室关于印发某市某区城市管理实施细则的通知\n来源：某区人民政府\n某市某区人民政府办公室\n"
            "关于印发某市某区城市管理\n实施细则的通知\n各街道办事处，区级各部门\n《某市某区城市管理实施细则》已经区政府常务会审议通过，"
            "现印发你们，请认真遵照执行。\n某市某区人民政府办公室\n2020年10月28日\n某市某区城市管理实施细则\n第一章 总则\n"
            "第一条 为提升城市管理水平，制定本实施细则。")
    outline = outline_of(text)
    assert (outline.title, outline.kind, outline.date, outline.issuers) == (
        "某市某区城市管理实施细则", "细则", "2020-10-28", ["某市某区人民政府办公室"])


@pytest.mark.parametrize("signature, issuers", [
    ("某省发展和改革委员会 省财政厅\n2005年3月1日", ["某省发展和改革委员会", "省财政厅"]),
    ("某省发展和改革委员会\n某省财政厅\n二〇〇五年三月一日\n（此件公开发布）", ["某省发展和改革委员会", "某省财政厅"]),
])
def test_joint_signatures_give_every_issuer_in_the_order_they_sign(signature, issuers):
    text = "关于加强某项工作的通知\n各市有关部门：\n为加强管理，现通知如下。\n一、总体要求\n做好工作。\n" + signature
    outline = outline_of(text)
    assert (outline.date, outline.issuers) == ("2005-03-01", issuers)
