#!/usr/bin/env python3
"""Writes the generated OFD fixtures: tests/data/ofd/generated_*.ofd and tests/data/hostile/ofd_*.

A developer tool, not part of the test run: the tests read the committed files. Run it with
``python3 tests/data/make_ofd_fixtures.py``. ``--bench PATH`` writes instead a large official
document (about 20 MB of text) for timing, with ``PATH.txt`` beside it holding the same lines for
conversion to PDF.

The OFD XML follows GB/T 33190-2016: OFD.xml -> Document.xml -> Pages/Page_N/Content.xml, text as
ct:TextObject (Boundary, Size, CTM) with TextCode (X, Y, DeltaX). Positions are millimetres on an
A4 page (210 x 297).
"""

import argparse
import os
import random
import zipfile

NS = "http://www.ofdspec.org/2016"
HERE = os.path.dirname(os.path.abspath(__file__))

OFD_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>
<ofd:DocID>0001</ofd:DocID><ofd:Title>{{title}}</ofd:Title><ofd:Author>gongwen tests</ofd:Author>
<ofd:CreationDate>2024-03-01</ofd:CreationDate></ofd:DocInfo>
<ofd:DocRoot>{{root}}</ofd:DocRoot></ofd:DocBody></ofd:OFD>"""


def document_xml(pages, templates=()):
    tpls = "".join(
        f'<ofd:TemplatePage ID="{tid}" BaseLoc="{loc}" ZOrder="Background"/>'
        for tid, loc in templates
    )
    page_list = "".join(
        f'<ofd:Page ID="{100 + i}" BaseLoc="{loc}"/>' for i, loc in enumerate(pages)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        f"<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>{tpls}"
        f"</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages></ofd:Document>"
    )


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_object(oid, x, y, text, size=5.6, ctm=None, compressed=True, baseline=None):
    """A TextObject whose first glyph's baseline is at (x, y) on the page (unless a CTM moves it)."""
    base = 0.86 * size if baseline is None else baseline
    advances = [size if ord(c) > 0x2E7F else size / 2 for c in text[:-1]]
    if compressed and advances and all(a == advances[0] for a in advances):
        delta = f"g {len(advances)} {advances[0]:g}"
    else:
        delta = " ".join(f"{a:g}" for a in advances)
    width = sum(advances) + size
    ctm_attr = f' CTM="{ctm}"' if ctm else ""
    return (
        f'<ofd:TextObject ID="{oid}" Boundary="{x:g} {y - base:g} {width:g} {size * 1.2:g}"'
        f' Font="1" Size="{size:g}"{ctm_attr}><ofd:TextCode X="0" Y="{base:g}" DeltaX="{delta}">'
        f"{esc(text)}</ofd:TextCode></ofd:TextObject>"
    )


def page_xml(objects, template_id=None, layers=1):
    tpl = f'<ofd:Template TemplateID="{template_id}" ZOrder="Background"/>' if template_id else ""
    per = max(1, (len(objects) + layers - 1) // layers)
    body = "".join(
        f'<ofd:Layer ID="{900 + k}" Type="Body">'
        + "".join(objects[k * per : (k + 1) * per])
        + "</ofd:Layer>"
        for k in range(layers)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{tpl}'
        f"<ofd:Content>{body}</ofd:Content></ofd:Page>"
    )


def write_ofd(path, members):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)


# A 公文 in the shape of GB/T 9704: the red 版头 in the template, the title centred, the 主送
# line, paragraphs indented two characters and wrapped at 28 characters, a page break.
LEFT = 27.0
SIZE = 5.6  # 三号, 16 pt
PITCH = 10.0
PARAS = [
    "为进一步加强和改进机关作风建设，切实提高工作效率和服务水平，经市政府同意，现就有关事项通知如下。",
    "一、提高思想认识。各单位要把作风建设摆在突出位置，主要负责同志要亲自抓、负总责，层层传导压力，确保各项要求落到实处。",
    "二、强化督促检查。市政府办公室将会同有关部门适时开展专项督查，对工作推进不力的单位予以通报。",
]


def wrap(text, first_indent, width=28):
    lines, cur, cap = [], "", width - first_indent
    for ch in text:
        cur += ch
        if len(cur) == cap:
            lines.append(cur)
            cur, cap = "", width
    if cur:
        lines.append(cur)
    return lines


def official_pages():
    """(objects of page 1, objects of page 2): lists of (x, y, text, extra kwargs)."""
    p1 = []
    y = 80.0
    p1.append((105 - 11 * SIZE / 2 * 1.1, y, "关于加强机关作风建设的通知", dict(size=7.7)))
    y += 2 * PITCH
    p1.append((LEFT, y, "各县（市、区）人民政府，市政府各部门：", {}))
    y += PITCH
    page, pages = p1, [p1]
    for para in PARAS:
        for k, line in enumerate(wrap(para, 2)):
            if y > 150:
                page = []
                pages.append(page)
                y = 40.0
            x = LEFT + (2 * SIZE if k == 0 else 0)
            page.append((x, y, line, {}))
            y += PITCH
    page.append((120, y + PITCH, "某某市人民政府办公室", {}))
    page.append((124, y + 2 * PITCH, "2024年3月1日", {}))
    return pages


def make_official():
    pages = official_pages()
    rng = random.Random(7)
    members = [
        ("OFD.xml", OFD_XML.format(title="关于加强机关作风建设的通知", root="Doc_0/Document.xml"))
    ]
    tpl = page_xml(
        [
            text_object(1, 40, 45, "某某市人民政府文件", size=12),
            text_object(2, 80, 62, "某政办发〔2024〕5号"),
        ]
    )
    members.append(("Doc_0/Tpls/Tpl_0/Content.xml", tpl))
    locs = []
    for n, objs in enumerate(pages):
        xml_objs = []
        for i, (x, y, text, kw) in enumerate(objs):
            if i == 1 and n == 0:
                # The 主送 line in points, scaled to millimetres by its CTM (as many producers do).
                pt = 72 / 25.4
                xml_objs.append(
                    text_object(
                        10 + i,
                        x,
                        y,
                        text,
                        size=SIZE * pt,
                        ctm="0.3528 0 0 0.3528 0 0",
                        baseline=0.86 * SIZE * pt,
                    ).replace(f'Boundary="{x:g}', f'Boundary="{x:g}')
                )
                continue
            xml_objs.append(text_object(10 + i, x, y, text, compressed=(i % 2 == 0), **kw))
        # A rotated watermark across the page.
        xml_objs.append(
            text_object(99, 60, 200, "内部资料", size=20, ctm="0.7071 -0.7071 0.7071 0.7071 0 0")
        )
        rng.shuffle(xml_objs)  # the XML order is not the reading order
        loc = f"Pages/Page_{n}/Content.xml"
        locs.append(loc)
        members.append(
            (f"Doc_0/{loc}", page_xml(xml_objs, template_id=1 if n == 0 else None, layers=2))
        )
    members.append(("Doc_0/Document.xml", document_xml(locs, [(1, "Tpls/Tpl_0/Content.xml")])))
    write_ofd(os.path.join(HERE, "ofd", "generated_official.ofd"), members)


def make_two_columns():
    """Two columns side by side, each object a line: physical layout keeps each printed row."""
    objs = []
    for k in range(3):
        objs.append(text_object(10 + k, 20, 50 + k * 8, f"左栏第{k + 1}行文字"))
        objs.append(text_object(20 + k, 120, 50 + k * 8, f"右栏第{k + 1}行文字"))
    random.Random(3).shuffle(objs)
    members = [
        ("OFD.xml", OFD_XML.format(title="两栏", root="Doc_0/Document.xml")),
        ("Doc_0/Document.xml", document_xml(["Pages/Page_0/Content.xml"])),
        ("Doc_0/Pages/Page_0/Content.xml", page_xml(objs)),
    ]
    write_ofd(os.path.join(HERE, "ofd", "generated_two_columns.ofd"), members)


def minimal(page_content, extra=(), root="Doc_0/Document.xml", pages=("Pages/Page_0/Content.xml",)):
    members = [
        ("OFD.xml", OFD_XML.format(title="t", root=root)),
        ("Doc_0/Document.xml", document_xml(list(pages))),
        ("Doc_0/Pages/Page_0/Content.xml", page_content),
    ]
    members.extend(extra)
    return members


def make_hostile():
    out = os.path.join(HERE, "hostile")
    ok = text_object(1, 20, 30, "正常文字")
    # Billion laughs: pugixml never expands a DTD's entities (the reference stays unexpanded text
    # or is an error), so the page is read without blowing up.
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
            for i in range(1, 10)
        )
        + f']><ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>{ok}'
        + (
            '<ofd:TextObject Boundary="0 60 10 10" Size="5"><ofd:TextCode X="0" Y="4">&lol9;</ofd:TextCode></ofd:TextObject>'
        )
        + "</ofd:Layer></ofd:Content></ofd:Page>"
    )
    write_ofd(os.path.join(out, "ofd_billion_laughs.ofd"), minimal(laughs))
    # PageBlocks nested 30,000 deep (under the zip ratio limit), text at the top and at the bottom.
    deep = (
        f'<?xml version="1.0"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>{ok}'
        + "<ofd:PageBlock>" * 30000
        + text_object(2, 20, 40, "深处文字")
        + "</ofd:PageBlock>" * 30000
        + "</ofd:Layer></ofd:Content></ofd:Page>"
    )
    write_ofd(os.path.join(out, "ofd_deep_nesting.ofd"), minimal(deep))
    # Garbage numbers: NaN, infinities, 1e308, a "g" repeat of 10^18, a negative size.
    bad = (
        f'<?xml version="1.0"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>{ok}'
        '<ofd:TextObject Boundary="NaN 10 1 1" Size="5"><ofd:TextCode X="0" Y="1">甲</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject Boundary="1e308 1e308 1 1" Size="5"><ofd:TextCode X="1e308" Y="inf">乙</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject Boundary="0 80 1 1" Size="-5"><ofd:TextCode X="0" Y="1">丙</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject Boundary="0 90 1 1" Size="5" CTM="nan 0 0 1 0 0"><ofd:TextCode X="0" Y="1">丁</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject Boundary="0 100 1 1" Size="1e-300"><ofd:TextCode X="0" Y="1">戊</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject Boundary="20 110 1 1" Size="5"><ofd:TextCode X="0" Y="4" DeltaX="g 1000000000000000000 5 g -3 1 x g">'
        "己庚辛</ofd:TextCode></ofd:TextObject>"
        '<ofd:CGTransform CodePosition="-5" CodeCount="99999999999" GlyphCount="1e300"/>'
        "</ofd:Layer></ofd:Content></ofd:Page>"
    )
    write_ofd(os.path.join(out, "ofd_bad_numbers.ofd"), minimal(bad))
    # Reference traps: the page listed twice, a template that is the page itself and refers to
    # itself, a DocRoot listed twice, paths climbing out of the package.
    trap_page = (
        f'<?xml version="1.0"?><ofd:Page xmlns:ofd="{NS}"><ofd:Template TemplateID="7"/>'
        f'<ofd:Template TemplateID="7"/><ofd:Content><ofd:Layer>{ok}</ofd:Layer></ofd:Content></ofd:Page>'
    )
    doc = (
        f'<?xml version="1.0"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        '<ofd:TemplatePage ID="7" BaseLoc="Pages/Page_0/Content.xml"/></ofd:CommonData><ofd:Pages>'
        '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="2" BaseLoc="Pages/Page_0/Content.xml"/>'
        '<ofd:Page ID="3" BaseLoc="../../../etc/passwd"/><ofd:Page ID="4" BaseLoc="/../OFD.xml"/>'
        "</ofd:Pages></ofd:Document>"
    )
    ofd = (
        f'<?xml version="1.0"?><ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
        "</ofd:DocBody><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
    write_ofd(
        os.path.join(out, "ofd_reference_cycle.ofd"),
        [
            ("OFD.xml", ofd),
            ("Doc_0/Document.xml", doc),
            ("Doc_0/Pages/Page_0/Content.xml", trap_page),
        ],
    )
    # Pages of drawn outlines only, no text objects: needs OCR.
    outline = (
        f'<?xml version="1.0"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>'
        '<ofd:PathObject Boundary="20 20 10 10"><ofd:AbbreviatedData>M 0 0 L 10 10 C 1 2 3 4 5 6 B</ofd:AbbreviatedData>'
        "</ofd:PathObject></ofd:Layer></ofd:Content></ofd:Page>"
    )
    write_ofd(os.path.join(out, "ofd_outlines_only.ofd"), minimal(outline))


def make_bench(path, target_bytes=20 << 20):
    """Pages of official-document text until about `target_bytes` of UTF-8 text."""
    rng = random.Random(1)
    chars = "".join(PARAS)
    members, locs, lines_out, size = [], [], [], 0
    n = 0
    while size < target_bytes:
        objs, y = [], 30.0
        for k in range(22):
            start = rng.randrange(len(chars) - 28)
            line = chars[start : start + 28]
            x = LEFT + (2 * SIZE if k % 5 == 0 else 0)
            objs.append(text_object(k + 1, x, y, line[:26] if k % 5 == 0 else line))
            lines_out.append(("　　" if k % 5 == 0 else "") + (line[:26] if k % 5 == 0 else line))
            size += len(line.encode()) + 1
            y += PITCH
        lines_out.append("\f")
        loc = f"Pages/Page_{n}/Content.xml"
        locs.append(loc)
        members.append((f"Doc_0/{loc}", page_xml(objs)))
        n += 1
    members.insert(0, ("Doc_0/Document.xml", document_xml(locs)))
    members.insert(0, ("OFD.xml", OFD_XML.format(title="bench", root="Doc_0/Document.xml")))
    write_ofd(path, members)
    with open(path + ".txt", "w", encoding="utf-8") as f:
        f.write("\n".join(lines_out))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", help="write a large OFD for timing to this path instead")
    args = parser.parse_args()
    if args.bench:
        make_bench(args.bench)
    else:
        make_official()
        make_two_columns()
        make_hostile()
