#!/usr/bin/env python3
"""Make the constructed PDFs of corpus/pdf: a report written from a hand-checked record (its
title, sections and the three tables laid out as the national template draws them, with merged
cells), turned into a PDF by real tools — LibreOffice Writer headless (Debian libreoffice-writer-nogui,
fonts-noto-cjk) from HTML — and its `pdftotext -layout` text (poppler-utils) as the
`aligned` input of the same report. Each PDF's record must equal the record it was written from.

    scripts/make-pdf-corpus.py [OUT_DIR]     (default corpus/pdf; about 20 s a file)

What each file exercises is in corpus/pdf/README.md.
"""
import html, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLS = ['natural_person', 'commercial', 'research', 'social_welfare', 'legal_services', 'other', 'total']
DENIED = ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
          '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']
UNABLE = ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']
REJECTED = ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
            '5.要求行政机关确认或重新出具已获取信息']
OTHER = ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
         '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他']
KEYS = {'denied': ['denied_state_secret', 'denied_prohibited_by_law', 'denied_security_stability', 'denied_third_party',
                   'denied_internal_affairs', 'denied_process_information', 'denied_enforcement_files',
                   'denied_administrative_query'],
        'unable': ['unable_not_held', 'unable_needs_creation', 'unable_unclear'],
        'rejected': ['rejected_petition', 'rejected_duplicate', 'rejected_publication', 'rejected_excessive',
                     'rejected_confirmation'],
        'other': ['other_no_correction', 'other_fee_unpaid', 'other_other']}


TABLE = '<table border="1" cellspacing="0" cellpadding="2" width="100%">'


def v(x):
    return '' if x is None else str(x)


def td(text, style='', colspan=1, rowspan=1):
    a = (f' colspan="{colspan}"' if colspan > 1 else '') + (f' rowspan="{rowspan}"' if rowspan > 1 else '')
    return f'<td{a} style="{style}">{html.escape(text)}</td>'


T2 = {  # the blocks of 表二: caption, column headers and their record keys, rows and their record keys
    2021: [('第二十条第（一）项', [('本年制发件数', 'issued'), ('本年废止件数', 'repealed'), ('现行有效件数', 'in_force')],
            [('rules', '规章'), ('normative_documents', '行政规范性文件')]),
           ('第二十条第（五）项', [('本年处理决定数量', 'decisions')], [('licensing', '行政许可')]),
           ('第二十条第（六）项', [('本年处理决定数量', 'decisions')], [('penalty', '行政处罚'), ('coercion', '行政强制')]),
           ('第二十条第（八）项', [('本年收费金额（单位：万元）', 'amount')], [('fees', '行政事业性收费')])],
    2019: [('第二十条第（一）项', [('本年新制作数量', 'made'), ('本年新公开数量', 'published'), ('对外公开总数量', 'total_published')],
            [('rules', '规章'), ('normative_documents', '规范性文件')]),
           ('第二十条第（五）项', [('上一年项目数量', 'previous_year'), ('本年增/减', 'change'), ('处理决定数量', 'decisions')],
            [('licensing', '行政许可'), ('other_services', '其他对外管理服务事项')]),
           ('第二十条第（六）项', [('上一年项目数量', 'previous_year'), ('本年增/减', 'change'), ('处理决定数量', 'decisions')],
            [('penalty', '行政处罚'), ('coercion', '行政强制')]),
           ('第二十条第（八）项', [('上一年项目数量', 'previous_year'), ('本年增/减', 'change')], [('fees', '行政事业性收费')]),
           ('第二十条第（九）项', [('采购项目数量', 'items'), ('采购总金额', 'amount')], [('procurement', '政府集中采购')])],
}


def signed(key, x):
    return ('+' + str(x)) if key == 'change' and isinstance(x, int) and x > 0 else v(x)


def table2(r):
    a = r['active_disclosure']
    out = [TABLE]
    for caption, cols, rows in T2[2019 if str(r['template']).startswith('2019') else 2021]:
        span = 3 // len(cols)
        out.append('<tr>' + td(caption, colspan=4) + '</tr>')
        out.append('<tr>' + td('信息内容') + ''.join(td(h, colspan=span if len(cols) != 2 else (1 if i == 0 else 2))
                                                  for i, (h, _) in enumerate(cols)) + '</tr>')
        for key, label in rows:
            out.append('<tr>' + td(label) + ''.join(td(signed(c, a[key][c]), colspan=span if len(cols) != 2 else (1 if i == 0 else 2))
                                                  for i, (_, c) in enumerate(cols)) + '</tr>')
    return '\n'.join(out) + '</table>'


def table3(r, opt):
    a = r['applications']
    one_row_six = any(x is not None for x in a.get('other_handling', {}).values())
    cols = [c for c in COLS if c not in opt.get('omit', [])]  # a column the report leaves out
    num = opt.get('num_style', '')
    lab = opt.get('label_style', '')

    def values(key):  # with blank_zeros, a zero is left blank in a row that has another number
        blank = opt.get('blank_zeros') and any(a[key][c] for c in cols)
        return ''.join(td('' if blank and a[key][c] == 0 else v(a[key][c]), num) for c in cols)
    orgs = [x for c, x in zip(COLS[1:6], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']) if c in cols]
    out = [TABLE]
    out.append('<tr>' + td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', lab, 3, 3) +
               td('申请人情况', colspan=len(cols)) + '</tr>')
    out.append('<tr>' + td('自然人', rowspan=2) + td('法人或其他组织', colspan=len(orgs)) + td('总计', rowspan=2) + '</tr>')
    out.append('<tr>' + ''.join(td(x) for x in orgs) + '</tr>')
    out.append('<tr>' + td('一、本年新收政府信息公开申请数量', lab, 3) + values('new_received') + '</tr>')
    out.append('<tr>' + td('二、上年结转政府信息公开申请数量', lab, 3) + values('carried_over') + '</tr>')
    groups = [('（三）不予公开', DENIED, 'denied'), ('（四）无法提供', UNABLE, 'unable'), ('（五）不予处理', REJECTED, 'rejected')]
    if not one_row_six:
        groups.append(('（六）其他处理', OTHER, 'other'))
    span = 2 + sum(len(g[1]) for g in groups) + (1 if one_row_six else 0) + 1
    out.append('<tr>' + td('三、本年度办理结果', lab, rowspan=span) + td('（一）予以公开', lab, 2) + values('granted') + '</tr>')
    out.append('<tr>' + td('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', lab, 2) + values('partially_granted') + '</tr>')
    for label, rows, g in groups:
        for i, (row, key) in enumerate(zip(rows, KEYS[g])):
            first = td(label, lab, rowspan=len(rows)) if i == 0 else ''
            out.append('<tr>' + first + td(row, lab) + values(key) + '</tr>')
    if one_row_six:
        out.append('<tr>' + td('（六）其他处理', lab, 2) + values('other_handling') + '</tr>')
    out.append('<tr>' + td('（七）总计', lab, 2) + values('total_processed') + '</tr>')
    out.append('<tr>' + td('四、结转下年度继续办理', lab, 3) + values('carried_forward') + '</tr>')
    return '\n'.join(out) + '</table>'


def table4(r, opt):
    a = r['review_litigation']
    num = opt.get('num_style', '')
    leaves = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
    out = [TABLE]
    out.append('<tr>' + td('行政复议', colspan=5) + td('行政诉讼', colspan=10) + '</tr>')
    out.append('<tr>' + ''.join(td(x, rowspan=2) for x in leaves) + td('未经复议直接起诉', colspan=5) +
               td('复议后起诉', colspan=5) + '</tr>')
    out.append('<tr>' + ''.join(td(x) for x in leaves * 2) + '</tr>')
    out.append('<tr>' + ''.join(td(v(a[g][c]), num) for g in ['review', 'litigation_direct', 'litigation_after_review']
                                 for c in ['upheld', 'corrected', 'other', 'pending', 'total']) + '</tr>')
    return '\n'.join(out) + '</table>'


def page(r, opt):
    css = ("body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC';font-size:11pt}"
           "table{border-collapse:collapse;width:100%}td{border:1px solid #000;padding:2pt;text-align:center;"
           f"font-size:{opt.get('table_font', '9pt')}}}p{{margin:0 0 4pt 0}}")
    title = opt.get('title') or [f"{r['agency']}{r['year']}年政府信息公开工作年度报告"]
    body = [f'<p style="text-align:center;font-size:16pt">{html.escape(t)}</p>' for t in title]
    body += [f'<p>{html.escape(t)}</p>' for t in opt.get('before', [])]
    tables = {2: table2(r), 3: table3(r, opt), 4: table4(r, opt)}
    for s in r['sections']:
        body.append(f'<p><b>{html.escape(s["heading"])}</b></p>')
        if s['number'] in tables:
            body.append(tables[s['number']])
        body += [f'<p>{html.escape(line)}</p>' for line in s['text'].split('\n') if line.strip()]
    if opt.get('furniture'):  # a running header and a page number (- 3 -) on every page
        body.insert(0, f'<div title="header"><p style="text-align:center">{html.escape(opt["furniture"])}</p></div>')
        body.append('<div title="footer"><p style="text-align:center">- <sdfield type=PAGE subtype=RANDOM format=PAGE>1'
                    '</sdfield> -</p></div>')
    return f'<html><head><meta charset="utf-8"><style>{css}</style></head><body>' + '\n'.join(body) + '</body></html>'


def render(name, record, opt, out_dir):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, name + '.html')
        open(src, 'w', encoding='utf-8').write(page(record, opt))
        # Writer (not Writer/Web) lays the page out as a word processor does, tables with their borders
        subprocess.run(['soffice', '--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export',
                        '--outdir', out_dir, src], check=True, capture_output=True)
    pdf = os.path.join(out_dir, name + '.pdf')
    subprocess.run(['pdftotext', '-layout', pdf, os.path.join(out_dir, name + '_pdftotext_layout.txt')], check=True)
    print(pdf)


def record(rel):
    return json.load(open(os.path.join(ROOT, 'corpus', rel + '.expected.json'), encoding='utf-8'))


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    # Seed 003 leaves most of 表三 blank, whole rows of it: in a PDF such a row cannot be told from
    # a label wrapped onto a second line (corpus/pdf/README.md, limits); it is not made.
    seeds = ['000_a411e0a1c57d9535.txt', '001_76d1d7d14147d7ef.txt', '002_d9116de1bb1d21a9.txt',
             '004_343c1e05f6dd2d22.txt']
    for s in seeds:  # the five seeds, as their authors' PDFs would have them (seed 000 has no 其他 column)
        render('seed-' + s[:3], record(s), {'omit': ['other']} if s.startswith('000') else {}, out_dir)
    huaian = record('pdf/huaian_city_2024.pdf')
    # Hard cases, with the rich values of 淮安市 2024:
    # labels wrapped over two and three lines in a narrow label column, values at the top of
    # their cells (on the label's first line) or at the bottom (on its last);
    render('wrapped-labels-top', huaian, {'label_style': 'width:50pt', 'num_style': 'vertical-align:top'}, out_dir)
    render('wrapped-labels-bottom', huaian, {'label_style': 'width:50pt', 'num_style': 'vertical-align:bottom'}, out_dir)
    # numbers right-aligned in wide cells, and a small table font;
    render('right-aligned', huaian, {'num_style': 'text-align:right', 'table_font': '8pt'}, out_dir)
    # a long first section, so that 表三 breaks across pages, and a title over two lines,
    filler = ['（说明）' + '本年度政府信息公开工作按照条例要求有序推进，各项制度不断完善。' * 6] * 14
    # with a running header and page numbers between the pieces of the tables.
    render('table-across-pages', huaian, {'before': filler, 'title': [huaian['agency'], f"{huaian['year']}年政府信息公开工作年度报告"],
                                          'furniture': '淮安市人民政府办公室'}, out_dir)
    # zeros left blank in 表三's rows that have other numbers (its record: those cells null).
    render('blank-zeros', huaian, {'blank_zeros': True}, out_dir)
    # the 2019 template (平潭综合实验区 2020) and a 2021 report that writes （六） as one row
    render('template-2019', record('template2019/pingtan-2020.tsv'), {}, out_dir)
    render('one-row-six', record('template2019/2021-report-one-row-six.txt'), {}, out_dir)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'corpus', 'pdf'))
