"""loaders.reading / loaders.html_text: bytes of every supported format -> normalised text."""

from __future__ import annotations

import codecs
import io
import random
import struct
import zlib
from pathlib import Path

import pytest

from loaders import reading
from loaders.errors import LoaderError
from loaders.html_text import extract
from loaders.reading import SourceText, decode_text, normalise, read_bytes, read_path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
CJK_FONT = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_normalised(seed) -> str:
    return normalise(seed)


# ---- normalise: literal in/out ---------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("(一)", "（一）"),
    ("（一）", "（一）"),
    ("(1)支持平台企业", "（1）支持平台企业"),
    ("各市、县(市、区)党委", "各市、县（市、区）党委"),
    ("2027年,全面", "2027年，全面"),
    ("目标:到2027年;全面?是!", "目标：到2027年；全面？是！"),
    ("1,000", "1,000"),
    ("1，000", "1,000"),
    ("f(x)", "f(x)"),
    ("f（x）", "f(x)"),
    ("Hello, world!", "Hello, world!"),
    ("老百姓可能不关心GDP，但", "老百姓可能不关心GDP，但"),
    ("中文 (English) 中文", "中文（English）中文"),
    ("ＡＢＣ　１２３ｘｙｚ", "ABC 123xyz"),
    ("产品＋内容＋生态", "产品+内容+生态"),
    ("不超过１％。", "不超过1%。"),
    ("打造智慧商圈、智慧街区 and 未来社区。", "打造智慧商圈、智慧街区和未来社区。"),
    ("R and D", "R and D"),
    ("关 于 促 进 平 台 经 济", "关于促进平台经济"),
    ("办公厅 印发《意见》 的通知", "办公厅印发《意见》的通知"),
    ("GDP 增长 5 %", "GDP 增长 5 %"),
    ("關於促進平台經濟高質量發展的實施意見", "关于促进平台经济高质量发展的实施意见"),
    ("a\r\nb\rc", "a\nb\nc"),
    ("第一行\n第二行", "第一行\n第二行"),
    ("  \n\n甲  \n\n\n\n  乙\t\n \t \n\n丙\n\n", "甲\n\n乙\n\n丙"),
    ("　　一、总体要求", "一、总体要求"),
    ("page\fbreak", "page\n\nbreak"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("", ""),
])
def test_normalise_literal(raw, expected):
    assert normalise(raw) == expected
    assert normalise(expected) == expected  # idempotent


def test_normalise_is_idempotent_on_the_seed(seed_normalised):
    assert normalise(seed_normalised) == seed_normalised


def test_normalise_changes_only_what_it_should_in_the_seed(seed, seed_normalised):
    assert "智慧街区和未来社区" in seed_normalised
    assert "县（市、区）党委" in seed_normalised
    assert "“1+N”工业互联网" in seed_normalised
    assert "中共浙江省委办公厅浙江省人民政府办公厅印发" in seed_normalised
    assert "\n\n\n" not in seed_normalised and "\r" not in seed_normalised
    assert len(seed_normalised) > 0.95 * len(seed.strip())


def test_traditional_copy_normalises_to_the_seed(seed, seed_normalised):
    import opencc

    traditional = opencc.OpenCC("s2t").convert(seed)
    assert traditional != seed
    assert normalise(traditional) == seed_normalised


def test_half_width_punctuation_copy_normalises_to_the_seed(seed, seed_normalised):
    half = seed.translate(str.maketrans("（），：；？！", "(),:;?!"))
    assert half != seed
    assert normalise(half) == seed_normalised


def test_full_width_ascii_copy_normalises_to_the_seed(seed, seed_normalised):
    wide = seed.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)} | {0x20: "\u3000"})
    assert normalise(wide) == seed_normalised


def test_ocr_spacing_copy_normalises_to_the_seed(seed, seed_normalised):
    spaced = seed.replace("平台经济", "平 台  经 济").replace("\n", "  \r\n")
    assert normalise(spaced) == seed_normalised


# ---- text encodings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("encode, encoding", [
    (lambda s: s.encode("utf-8"), "utf-8"),
    (lambda s: s.encode("utf-8-sig"), "utf-8-sig"),
    (lambda s: s.encode("gb18030"), "gb18030"),
    (lambda s: s.encode("gbk"), "gb18030"),
    (lambda s: s.encode("utf-16"), "utf-16-le"),
    (lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"), "utf-16-le"),
    (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16-be"),
    (lambda s: s.encode("utf-32"), "utf-32-le"),
])
def test_seed_in_each_encoding_reads_the_same(seed, seed_normalised, encode, encoding):
    source = read_bytes(encode(seed), name="zhejiang.txt")
    assert source.text == seed_normalised
    assert source.encoding == encoding
    assert source.set_aside == ()


@pytest.mark.parametrize("length", [8, 40, 300])
def test_short_gb18030_text_is_not_taken_for_another_codec(seed, length):
    sample = seed.strip()[:length]
    assert decode_text(sample.encode("gb18030"), "short.txt") == (sample, "gb18030")


def test_big5_text_decodes_as_big5():
    traditional = "關於促進平台經濟高質量發展的實施意見。為深入貫徹落實黨中央、國務院關於平台經濟的決策部署"
    text, encoding = decode_text(traditional.encode("big5"), "big5.txt")
    assert (text, encoding) == (traditional, "big5")


def test_read_path_with_spaces_and_chinese_in_the_name(tmp_path, seed, seed_normalised):
    path = tmp_path / "浙江 平台经济 意见 (2023).txt"
    path.write_bytes(seed.encode("gb18030"))
    source = read_path(path)
    assert isinstance(source, SourceText)
    assert source.text == seed_normalised
    assert read_path(str(path)).text == seed_normalised


def test_markdown_is_read_as_text():
    assert read_bytes("# 标题\n\n**正文**,内容".encode(), "notes.MD").text == "标题\n\n正文，内容"


# ---- html ----------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>浙江省人民政府办公厅关于促进平台经济高质量发展的实施意见_省政府文件_浙江省人民政府门户网站</title>
<script>var note = "脚本里的文字";</script><style>.x { color: red }</style></head>
<body>
<div class="header"><a href="/">网站首页</a> <a href="/zw">政务公开</a></div>
<nav><ul><li><a>省政府领导</a></li><li><a>省政府办公厅</a></li></ul></nav>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 省政府文件</div>
<div class="main">
  <h1>浙江省人民政府办公厅关于促进平台经济<br>高质量发展的实施意见</h1>
  <div class="info">发布日期：2023-05-30　来源：省政府办公厅</div>
  <div id="zoom">
    <p>各市、县(市、区)人民政府，省政府直属各单位：</p>
    <p>　　为深入贯彻落实党中央、国务院关于平台经济的决策部署,加快推进我省平台经济高质量发展。</p>
    <p>一、总体要求</p>
    <div>(一)指导思想。以习近平新时代中国特色社会主义思想为指导。<br>(二)目标要求。到2027年,全面构建创新体系。</div>
    <ul><li>支持平台企业科技创新</li><li>推动平台企业模式创新</li></ul>
    <table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>降低平台经济参与者经营成本</td></tr></table>
    <p>【打印本页】【关闭窗口】</p>
  </div>
  <div class="share">分享到：<a>微信</a> <a>微博</a></div>
</div>
<aside><h3>相关文件</h3><ul><li><a>关于加快数字经济发展的意见</a></li></ul></aside>
<footer><p>主办单位：浙江省人民政府办公厅 版权所有</p><p>浙ICP备05000000号</p></footer>
</body></html>"""

BODY = [
    "浙江省人民政府办公厅关于促进平台经济高质量发展的实施意见",
    "各市、县（市、区）人民政府，省政府直属各单位：",
    "为深入贯彻落实党中央、国务院关于平台经济的决策部署，加快推进我省平台经济高质量发展。",
    "一、总体要求",
    "（一）指导思想。以习近平新时代中国特色社会主义思想为指导。",
    "（二）目标要求。到2027年，全面构建创新体系。",
    "支持平台企业科技创新",
    "推动平台企业模式创新",
    "序号\t任务",
    "1\t降低平台经济参与者经营成本",
]
CHROME = ["网站首页", "省政府领导", "当前位置：首页 > 政务公开", "发布日期：2023-05-30",
          "【打印本页】【关闭窗口】", "分享到：微信微博", "相关文件", "关于加快数字经济发展的意见",
          "版权所有", "浙ICP备05000000号"]


def _body_end(source: SourceText) -> int:
    return min((start for start, _, _ in source.set_aside), default=len(source.text))


def test_html_keeps_the_main_text_and_sets_the_chrome_aside():
    source = read_bytes(PAGE.encode("gb18030"), name="平台经济 意见.htm")
    assert source.encoding == "html:gb18030"
    body = source.text[:_body_end(source)]
    assert body.rstrip("\n").split("\n\n") == BODY
    assert source.set_aside and {reason for _, _, reason in source.set_aside} == {"site chrome (html)"}
    aside = [source.text[start:end] for start, end, _ in source.set_aside]
    for chrome in CHROME:
        assert chrome not in body
        assert any(chrome in paragraph for paragraph in aside), chrome
    assert all("\n\n" not in paragraph and paragraph.strip() == paragraph for paragraph in aside)
    assert source.text.endswith(aside[-1])  # chrome comes after the body, nothing after it
    assert "脚本" not in source.text and "color" not in source.text
    assert normalise(source.text) == source.text  # other modules may normalise again: offsets hold


def test_html_title_becomes_the_heading_when_there_is_no_h1():
    h1 = "<h1>浙江省人民政府办公厅关于促进平台经济<br>高质量发展的实施意见</h1>"
    assert h1 in PAGE
    source = read_bytes(PAGE.replace(h1, "").encode("gb18030"), name="page.html")
    assert source.text.split("\n\n")[0] == BODY[0]  # from <title>, without "_省政府文件_…门户网站"
    assert "门户网站" not in source.text


def test_html_heading_inside_the_content_block_is_not_repeated():
    page = """<html><head><meta charset="utf-8"><title>关于某事的通知_某某网站</title></head><body>
    <div class="nav"><a>首页</a></div>
    <div class="article"><h1>关于某事的通知</h1><p>各有关单位：现将有关事项通知如下，请认真贯彻执行。</p>
    <p>一、工作目标。到二〇二五年，基本建成全省统一的服务体系。</p></div></body></html>"""
    source = read_bytes(page.encode(), name="notice.html")
    body = source.text[:_body_end(source)].rstrip("\n").split("\n\n")
    assert body == ["关于某事的通知", "各有关单位：现将有关事项通知如下，请认真贯彻执行。",
                    "一、工作目标。到二〇二五年，基本建成全省统一的服务体系。"]
    assert source.encoding == "html:utf-8"


def test_html_without_a_known_container_picks_the_densest_block():
    page = """<html><body><div id="top"><a>首页</a><a>新闻中心</a><a>政务公开</a></div>
    <div id="wrap"><div id="left"><a>通知公告一</a><br><a>通知公告二</a><br><a>通知公告三</a></div>
    <div id="right"><p>为加快推进数字经济高质量发展，现就有关工作通知如下。</p>
    <p>一、加强组织领导，压实各方责任，形成工作合力。</p><p>二、强化要素保障，加大资金支持力度。</p></div></div>
    <div id="bottom">版权所有：某某市人民政府</div></body></html>"""
    parts = extract(page)
    assert parts.body == ("为加快推进数字经济高质量发展，现就有关工作通知如下。",
                          "一、加强组织领导，压实各方责任，形成工作合力。",
                          "二、强化要素保障，加大资金支持力度。")
    aside = "\n".join(parts.aside)
    assert "通知公告一" in parts.aside and "首页" in aside and "版权所有" in aside


def test_html_with_only_chrome_is_an_error():
    with pytest.raises(LoaderError, match=r"^menu\.html: no main text"):
        read_bytes("<nav>首页 政务公开</nav><footer>版权所有</footer>".encode(), name="menu.html")


# ---- docx / pdf -------------------------------------------------------------------------------------------

def test_docx_paragraphs_and_table_rows_in_order():
    import docx

    document = docx.Document()
    document.add_heading("关於促進平台經濟高質量發展的實施意見", level=1)
    document.add_paragraph("一、总体要求")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "主要任务"
    table.cell(1, 0).text = "(一)"
    table.cell(1, 1).text = "增强创新发展动能"
    document.add_paragraph("")
    document.add_paragraph("二、保障措施")
    buffer = io.BytesIO()
    document.save(buffer)
    source = read_bytes(buffer.getvalue(), name="意见 草稿.docx")
    assert source.encoding == "docx"
    # a row is one paragraph, its cells joined by tabs (as in HTML); a merged cell is read once
    assert source.text.split("\n\n") == ["关于促进平台经济高质量发展的实施意见", "一、总体要求", "主要任务",
                                         "（一）\t增强创新发展动能", "二、保障措施"]


def test_pdf_with_a_text_layer():
    from conftest import require
    from fpdf import FPDF

    require(CJK_FONT.exists(), f"CJK font {CJK_FONT} missing (apt: fonts-droid-fallback)")

    pdf = FPDF()
    pdf.add_font("droid", fname=str(CJK_FONT))
    pdf.set_font("droid", size=12)
    pdf.add_page()
    pdf.multi_cell(0, 8, "关于促进平台经济高质量发展的实施意见\n（一）指导思想。")
    pdf.add_page()
    pdf.multi_cell(0, 8, "二、主要举措\n到２０２７年，全面构建创新体系。")  # the font has no ASCII digits
    source = read_bytes(bytes(pdf.output()), name="意见.pdf")
    assert source.encoding == "pdf"
    assert source.text == ("关于促进平台经济高质量发展的实施意见\n（一）指导思想。\n\n"
                           "二、主要举措\n到2027年，全面构建创新体系。")


# ---- errors: one LoaderError line naming the file --------------------------------------------------------

def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _no_text_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # what a scan looks like to a text extractor: no text
    return bytes(pdf.output())


def _raises(call, name: str, reason: str) -> LoaderError:
    with pytest.raises(LoaderError) as caught:
        call()
    message = str(caught.value)
    assert message.startswith(f"{name}: "), message
    assert reason in message and "\n" not in message
    return caught.value


@pytest.mark.parametrize("data, name, reason", [
    (b"", "空 文件.txt", "empty file"),
    (_png(), "截图 一.txt", "not text: looks binary"),
    (b"GIF89a\x01\x00\x01\x00\x00\xff\x00,", "a.md", "not text: looks binary"),
    (b"\x00\x01\x02\x03" * 50, "data.text", "not text: looks binary"),
    ("正文".encode(), "政策 文件.xyz", "unsupported file type '.xyz' (supported: .txt"),
    ("正文".encode(), "政策.doc", "unsupported file type '.doc'"),
    (b"PK\x03\x04 broken archive", "坏 文档.docx", "not a valid .docx file"),
    ("只是文本".encode(), "fake.docx", "not a valid .docx file"),
    (b"%PDF-1.4\n1 0 obj nonsense", "坏 文件.pdf", "not a valid .pdf file"),
    (_no_text_pdf(), "扫描 件.pdf", "no text layer (scanned image PDF?)"),
    (b"", "empty.html", "empty file"),
])
def test_bad_bytes_raise_one_loader_error(data, name, reason):
    _raises(lambda: read_bytes(data, name=name), name, reason)


def test_too_large_bytes(monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    error = _raises(lambda: read_bytes(b"a" * 2000, name="大 文件.txt"), "大 文件.txt", "2000 bytes")
    assert "1000 bytes limit" in error.reason


def test_too_large_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "超大 文件.txt"
    with open(path, "wb") as handle:
        handle.truncate(11 * 1024 * 1024)  # sparse: 11 MB on paper, nothing to read
    error = _raises(lambda: read_path(path), str(path), "11.0 MB")
    assert "10.0 MB limit" in error.reason


def test_missing_file_and_directory(tmp_path):
    missing = tmp_path / "不存在 的文件.txt"
    _raises(lambda: read_path(missing), str(missing), "no such file")
    _raises(lambda: read_path(tmp_path), str(tmp_path), "is a directory")


def test_empty_file_on_disk(tmp_path):
    path = tmp_path / "空白 通知.txt"
    path.write_bytes(b"")
    _raises(lambda: read_path(path), str(path), "empty file")


@pytest.mark.parametrize("suffix", reading.SUPPORTED_SUFFIXES)
def test_random_bytes_never_raise_anything_but_loader_error(suffix):
    rng = random.Random(suffix)
    for size in (1, 7, 64, 4096):
        data = bytes(rng.randrange(256) for _ in range(size))
        try:
            result = read_bytes(data, name=f"随机{suffix}")
        except LoaderError as error:
            assert str(error).startswith(f"随机{suffix}: ")
        else:
            assert isinstance(result.text, str)


def test_a_web_page_saved_as_text_is_read_as_the_page_not_as_its_markup(tmp_path):
    path = tmp_path / "copy.txt"
    path.write_text("发文机关:某省人民政府\n文号 :某政发〔2018〕13号\n<p>各市、县人民政府:</p>"
                    "<p> 现将《某省增收实施方案》印发给你们,请认真组织实施。</p><p style=\"text-align: right;\"> 某省人民政府</p>"
                    "<p style=\"text-align: right;\"> 2018年3月27日</p><p><br/></p>"
                    "<p style=\"text-align: center;\">"
                    "<strong>某省增收实施方案</strong></p><p> 为带动居民增收,制定本实施方案。</p>", encoding="utf-8")
    source = reading.read_path(path)
    assert "<" not in source.text and source.encoding == "html:utf-8"
    assert [x for x in source.text.splitlines() if x][-2:] == ["某省增收实施方案", "为带动居民增收，制定本实施方案。"]
