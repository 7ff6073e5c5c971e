"""Reading documents in every supported format, and the bad inputs named for what they are."""
from __future__ import annotations

import codecs

import pytest

from analysis.documents.corpus import CorpusError, load_corpus, prepare_text
from analysis.documents.formats import (
    DocumentFormatError,
    markdown_to_text,
    read_document,
    reflow_pdf_lines,
)
from synthetic_reports import (
    MARKUP_WORDS,
    html_report,
    markdown_report,
    report_lines,
    write_docx,
    write_pdf,
)

REPORT = "\n".join(report_lines(2019)) + "\n"


def assert_no_markup_left(text: str) -> None:
    lowered = text.lower()
    for word in MARKUP_WORDS + ("<!--", "-->", "](", "**", "##", "|"):
        assert word not in lowered, word


def assert_report_lines_kept(text: str, year: int = 2019) -> None:
    lines = set(prepare_text(read_document_text(text)).text.split("\n"))
    assert set(report_lines(year)) <= lines


def read_document_text(text: str):
    from analysis.documents.formats import ExtractedDocument

    return ExtractedDocument(text)


# --------------------------------------------------------------------------- each format

def test_plain_text_is_read_as_is(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    document = read_document(path)
    assert document.text == REPORT and document.markup_rows == () and document.format == "text"


def test_markdown_front_matter_comments_images_links_headings_emphasis_and_tables(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(markdown_report(2019, appended=False), encoding="utf-8")
    document = read_document(path)
    assert document.format == "markdown"
    assert document.metadata == {"title": "2019年示范市政府工作报告",
                                 "url": "https://www.example.gov.cn/zwgk/2019/report-2019.html", "date": "2019-02-04"}
    assert_no_markup_left(document.text)
    assert_report_lines_kept(document.text)
    assert "地区生产总值增速；百分之五" in document.text.split("\n")
    assert "更多内容见政府网站。" in document.text.split("\n")
    rules = {rule for row in document.markup_rows for rule in row["rule"].split("+")}
    assert {"front_matter", "html_comment", "md_image", "md_link", "heading_marker", "emphasis",
            "table_row", "table_separator"} <= rules
    # line numbers are the file's: the text keeps one line per source line
    assert len(document.text.split("\n")) == len(path.read_text(encoding="utf-8").split("\n"))
    first = document.markup_rows[0]
    assert (first["line_no"], first["rule"], first["action"]) == (1, "front_matter", "removed")


def test_a_bold_marker_whose_partner_is_on_another_line_is_removed():
    document = markdown_to_text("r.md", "**一、2005年工作回顾\n五年来，我们主要做了以下工作：**\n正文**不变。\n")
    assert document.text.split("\n")[:3] == ["一、2005年工作回顾", "五年来，我们主要做了以下工作：", "正文**不变。"]
    assert [row["rule"] for row in document.markup_rows] == ["unpaired_emphasis", "unpaired_emphasis"]


@pytest.mark.parametrize("text, problem", [
    ("---\ntitle: 报告\n正文。\n", "front matter opened on line 1 is never closed"),
    ("---\ntitle: [报告\n---\n正文。\n", "front matter is not valid YAML"),
    ("---\n- a\n- b\n---\n正文。\n", "front matter is not a YAML mapping"),
    ("正文。\n<!-- 未闭合的注释\n正文。\n", "HTML comment (<!--) is never closed"),
])
def test_markdown_problems_are_named(text, problem):
    with pytest.raises(DocumentFormatError, match="r.md: .*" + problem.replace("(", r"\(").replace(")", r"\)")):
        markdown_to_text("r.md", text)


def test_markdown_ordered_list_keeps_the_report_numbering():
    document = markdown_to_text("r.md", "1. 科技创新能力不断增强。\n12.  数字化转型深入推进。\n1.5万人次\n")
    assert document.text.split("\n") == ["1.科技创新能力不断增强。", "12.数字化转型深入推进。", "1.5万人次", ""]


def test_html_through_beautifulsoup(tmp_path):
    path = tmp_path / "report.html"
    path.write_text(html_report(2019), encoding="utf-8")
    document = read_document(path)
    assert document.format == "html"
    assert document.metadata == {"title": "2019年示范市政府工作报告", "date": "2019-02-01",
                                 "url": "https://www.example.gov.cn/zwgk/2019/report.html"}
    assert_no_markup_left(document.text)
    assert document.text.split("\n")[:len(report_lines(2019))] == report_lines(2019)
    assert document.text.split("\n")[-2:] == ["指标；数值", "地区生产总值增速；百分之五"]
    rules = [row["rule"] for row in document.markup_rows]
    assert rules.count("html_comment") == 1 and "html_script" in rules and "html_head" in rules
    assert rules.count("table_row") == 2


def test_html_line_breaks_split_lines():
    from analysis.documents.formats import html_to_text

    document = html_to_text("r.html", "<p>各位代表：<br>现在，我代表区人民政府向大会报告工作。</p><div>一、<b>回顾</b></div>")
    assert document.text.split("\n") == ["各位代表：", "现在，我代表区人民政府向大会报告工作。", "一、回顾"]


def test_docx_through_python_docx(tmp_path):
    document = read_document(write_docx(tmp_path / "report.docx", 2020))
    assert document.format == "docx"
    assert document.metadata == {"title": "2020年示范市政府工作报告"}
    lines = document.text.split("\n")
    assert lines[:len(report_lines(2020))] == report_lines(2020)
    assert lines[-2:] == ["指标；数值", "地区生产总值增速；百分之五"]
    assert [row["line_no"] for row in document.markup_rows] == [len(lines) - 1, len(lines)]


def test_pdf_through_pypdf_rejoins_wrapped_lines_and_drops_page_numbers(tmp_path):
    from pypdf import PdfReader

    path = write_pdf(tmp_path / "report.pdf", 2021)
    document = read_document(path)
    assert document.format == "pdf"
    assert document.metadata == {"title": "2021年示范市政府工作报告"}
    assert document.text.split("\n") == report_lines(2021)
    rules = [row["rule"] for row in document.markup_rows]
    pages = len(PdfReader(path).pages)
    assert pages >= 2 and rules.count("pdf_page_number") == pages and rules[-1] == "pdf_line_joins"


def test_reflow_pdf_lines():
    lines = ["一、2018年工作回顾", "过去一年，我们坚持稳中求进工作总基调，统筹推进", "经济发展和民生保障。",
             "（一）坚持创新驱动", "1.科技创新能力不断增强。新建研发平台十二个，高新技术企业", "数量稳步增长。"]
    paragraphs, joins = reflow_pdf_lines(lines)
    assert paragraphs == ["一、2018年工作回顾", "过去一年，我们坚持稳中求进工作总基调，统筹推进经济发展和民生保障。",
                          "（一）坚持创新驱动", "1.科技创新能力不断增强。新建研发平台十二个，高新技术企业数量稳步增长。"]
    assert joins == 2


def test_every_format_loads_through_the_manifest(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.md").write_text(markdown_report(2019), encoding="utf-8")
    (tmp_path / "c.html").write_text(html_report(2019), encoding="utf-8")
    write_docx(tmp_path / "d.docx", 2019)
    write_pdf(tmp_path / "e.pdf", 2019)
    rows = [f"{x}-2019,{name},Demo,2019-01-15,2019,work_report,标题,whole"
            for x, name in zip("abcde", ["a.txt", "b.md", "c.html", "d.docx", "e.pdf"])]
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("doc_id,file,district,date,year,genre,title,scope\n" + "\n".join(rows) + "\n", encoding="utf-8")
    corpus = load_corpus(manifest)
    assert corpus["format"].tolist() == ["text", "markdown", "html", "docx", "pdf"]
    for text in corpus["text"]:
        assert_no_markup_left(text)
        assert set(report_lines(2019)) <= set(text.split("\n"))


# --------------------------------------------------------------------------- bad input

def test_utf16_with_a_byte_order_mark_is_named(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"))
    with pytest.raises(DocumentFormatError, match=r"report.txt: this is a UTF-16 text file \(byte-order mark FF FE\); "
                                                  "save it as UTF-8"):
        read_document(path)


def test_utf16_without_a_byte_order_mark_is_named(tmp_path):
    path = tmp_path / "report.md"
    for order in ("le", "be"):
        path.write_bytes(REPORT.encode(f"utf-16-{order}"))
        with pytest.raises(DocumentFormatError, match=rf"report.md: this looks like UTF-16 text \({order.upper()}\) "
                                                      "without a byte-order mark; save it as UTF-8"):
            read_document(path)


def test_a_pdf_renamed_txt_is_named(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(write_pdf(tmp_path / "report.pdf", 2019).read_bytes())
    with pytest.raises(DocumentFormatError, match="report.txt: this is a PDF file with a text-file name; rename it"):
        read_document(path)
    with pytest.raises(CorpusError) as info:
        load_corpus_of(tmp_path, "report.txt")
    assert "PDF file with a text-file name" in str(info.value) and "GBK" not in str(info.value)


def test_a_docx_renamed_txt_is_named(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(write_docx(tmp_path / "report.docx", 2019).read_bytes())
    with pytest.raises(DocumentFormatError, match=r"report.txt: this is a ZIP container \(a .docx or similar\)"):
        read_document(path)


def test_gbk_text_is_named_as_gb18030(tmp_path):
    path = tmp_path / "report.txt"
    data = REPORT.encode("gbk")
    path.write_bytes(data + b"\n" * (len(data) % 2))   # even length: could pass for UTF-16, must not
    with pytest.raises(DocumentFormatError, match=r"report.txt: not valid UTF-8 \(byte 0x.. at offset \d+\); "
                                                  r"it decodes as GB18030 \(GBK\); save it as UTF-8"):
        read_document(path)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_nul_and_control_characters_are_reported_with_line_and_column(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    path.write_text("各位代表：\n现在，我代表\x00区人民政府\x07报告工作。\n", encoding="utf-8")
    with pytest.raises(DocumentFormatError, match=rf"report\{suffix}: 2 control character\(s\), the first U\+0000 "
                                                  r"\(NUL\) at line 2, column 7; remove them"):
        read_document(path)


def test_control_characters_in_a_docx_are_reported(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("各位代表：")
    path = tmp_path / "report.docx"
    document.save(path)
    # python-docx refuses control characters itself; write one into the XML by hand
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace("各位代表：".encode(), "各位\x1b代表：".encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(DocumentFormatError, match=r"report.docx: .*control character|report.docx: not a readable"):
        read_document(path)


@pytest.mark.parametrize("name, problem", [
    ("report.doc", r"unsupported file type '.doc'; supported: .txt, .md, .markdown, .html, .htm, .docx, .pdf"),
    ("report", r"unsupported file type '\(no suffix\)'"),
])
def test_unsupported_file_types_are_named(tmp_path, name, problem):
    (tmp_path / name).write_text(REPORT, encoding="utf-8")
    with pytest.raises(DocumentFormatError, match=problem):
        read_document(tmp_path / name)


def test_a_text_file_named_pdf_or_docx_is_named(tmp_path):
    (tmp_path / "report.pdf").write_text(REPORT, encoding="utf-8")
    (tmp_path / "report.docx").write_text(REPORT, encoding="utf-8")
    with pytest.raises(DocumentFormatError, match="report.pdf: not a PDF file"):
        read_document(tmp_path / "report.pdf")
    with pytest.raises(DocumentFormatError, match="report.docx: not a readable .docx file"):
        read_document(tmp_path / "report.docx")


def test_a_pdf_without_text_needs_ocr(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure = plt.figure()
    axes = figure.add_subplot()
    axes.imshow([[0, 1], [1, 0]])
    axes.axis("off")
    figure.savefig(tmp_path / "scan.pdf", metadata={"CreationDate": None})
    plt.close(figure)
    with pytest.raises(DocumentFormatError, match="scan.pdf: the PDF has no extractable text .*run OCR"):
        read_document(tmp_path / "scan.pdf")


def test_markup_only_file_is_empty(tmp_path):
    (tmp_path / "empty.md").write_text("---\ntitle: 报告\n---\n<!-- 无正文 -->\n", encoding="utf-8")
    with pytest.raises(DocumentFormatError, match="empty.md: file is empty"):
        read_document(tmp_path / "empty.md")


def load_corpus_of(folder, name):
    manifest = folder / "manifest.csv"
    manifest.write_text(f"doc_id,file,district,date,year,genre,title,scope\na-2019,{name},D,2019-01-15,2019,"
                        "work_report,标题,whole\n", encoding="utf-8")
    return load_corpus(manifest)


def test_the_control_character_rule_is_unicode_category_cc_less_tab_and_line_ends():
    import sys
    import unicodedata

    from analysis.documents.formats import control_character_problem

    flagged = {c for c in map(chr, range(sys.maxunicode + 1)) if control_character_problem("f", c)}
    expected = {c for c in map(chr, range(sys.maxunicode + 1))
                if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f"}
    assert flagged == expected
