#!/usr/bin/env python3
"""Make the markdown reports of corpus/headers (what each must give is in corpus/headers/README.md).

    scripts/make-headers-corpus.py     (from the repository's root)

Each is the markdown quirk base (corpus/quirks/md-br-header.md without its <br>) with 表三
rewritten as a PDF-to-markdown converter or OCR leaves it. seed-004-generic-header.txt is made
by hand from the seed (its three 表三 header rows replaced by one generic header line).
"""
import os
os.chdir(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import re, sys
base = open('corpus/quirks/md-br-header.md', encoding='utf-8').read()
head, rest = base.split('| （本列数据的勾稽关系为', 1)
t3, tail = rest.split('\n\n## 四、', 1)
tail = '\n\n## 四、' + tail
head = head.replace('<br>', '')
tail = tail.replace('<br>', '')

# (group, item, values[7]) of 表三, the quirk base.
rows = [
 ('', '一、本年新收政府信息公开申请数量', [1287,1308,1329,1350,1371,1392,8037]),
 ('', '二、上年结转政府信息公开申请数量', [2,3,4,5,6,7,27]),
]
out = [('三、本年度办理结果', '（一）予以公开'), ('', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')]
groups = [('（三）不予公开', ['1.属于国家秘密','2.其他法律行政法规禁止公开','3.危及“三安全一稳定”','4.保护第三方合法权益','5.属于三类内部事务信息','6.属于四类过程性信息','7.属于行政执法案卷','8.属于行政查询事项']),
          ('（四）无法提供', ['1.本机关不掌握相关政府信息','2.没有现成信息需要另行制作','3.补正后申请内容仍不明确']),
          ('（五）不予处理', ['1.信访举报投诉类申请','2.重复申请','3.要求提供公开出版物','4.无正当理由大量反复申请','5.要求行政机关确认或重新出具已获取信息']),
          ('（六）其他处理', ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请','2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请','3.其他'])]
k = 1
outcome = []
for g, item in out:
    outcome.append((g, item, [k+i for i in range(6)])); k += 6
for g, items in groups:
    for j, it in enumerate(items):
        outcome.append((g if j == 0 else '', it, [k+i for i in range(6)])); k += 6
for i, (g, it, v) in enumerate(outcome):
    outcome[i] = (g, it, v + [sum(v)])
rows += outcome
rows.append(('', '（七）总计', [1281,1302,1323,1344,1365,1386,8001]))
rows.append(('', '四、结转下年度继续办理', [8,9,10,11,12,13,63]))
# self-check: the base identities
cols = list(zip(*[r[2] for r in rows]))
for c in range(7):
    col = cols[c]
    assert col[0] + col[1] == col[-2] + col[-1]
    assert sum(col[2:-2]) == col[-2]
for r in rows: assert sum(r[2][:6]) == r[2][6], r

def md(cells): return '| ' + ' | '.join(str(c) for c in cells) + ' |'
def sep(n): return '|' + '---|' * n
def v(r): return r[2]

def write(name, table):
    open('corpus/headers/' + name, 'w', encoding='utf-8').write(head + table + tail)

# (a) short, garbled header over rows of seven values; labels in one cell
def one_label(g, it): return (g + it) if g and g != '三、本年度办理结果' else it
t = [md(['等于第三项加第四项之和）', '自然人', '商业', '科研', '总计']), sep(5)]
for g, it, vals in rows: t.append(md([one_label(g, it)] + vals))
write('short-header.md', '\n'.join(t))

# (a) generic header: 类别 | 数据1 … 数据6 | 总计; labels in two cells as the template lays them
t = [md(['类别', '', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计']), sep(9)]
for g, it, vals in rows:
    if it.startswith(('一、', '二、', '四、')): t.append(md([it, ''] + vals))
    elif it == '（七）总计': t.append(md(['', it] + vals))
    else: t.append(md([g, it] + vals))
write('generic-header.md', '\n'.join(t))

# (b) exploded, one table per row: the garbled header is a table of its own; each row is a
# table whose header line is the row itself
t = [md(['（本列数据的勾稽关系为：第一项加第二项之和，', '自然人', '法人或其他组织', '总计']), sep(4)]
for g, it, vals in rows:
    t.append('')
    t.append(md([one_label(g, it)] + vals)); t.append(sep(8))
write('exploded-rows.md', '\n'.join(t))

# (b) exploded, one table per group, each with its own generic header
blocks = [[0, 1], [2, 3]]
i = 4
for g, items in groups:
    blocks.append(list(range(i, i + len(items)))); i += len(items)
blocks.append([i, i + 1])
t = []
for n, b in enumerate(blocks):
    if t: t.append('')
    t.append(md(['项目', '', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'])); t.append(sep(9))
    for r in b:
        g, it, vals = rows[r]
        if it.startswith(('一、', '二、', '四、')): t.append(md([it, ''] + vals))
        elif it == '（七）总计': t.append(md(['', it] + vals))
        else: t.append(md([g, it] + vals))
write('exploded-groups.md', '\n'.join(t))

# (c) labels on their own line above a row of bare values (a blank label cell, or none)
t = [md(['等于第三项加第四项之和）', '自然人', '商业', '科研', '总计']), sep(5)]
for n, (g, it, vals) in enumerate(rows):
    if n % 2 == 0:
        t.append(md([one_label(g, it)])); t.append(md([''] + vals))
    elif n % 4 == 1:
        t.append(md([one_label(g, it)])); t.append(md(vals))
    else:
        t.append(md([one_label(g, it)] + vals))
write('label-above-values.md', '\n'.join(t))

# (c) labels as plain lines (no pipes) above a row of bare values inside the table: every
# other row of the first twenty (ten rows), the values behind a blank label cell, or (one in
# three) from the label's column on; the other rows are whole
t = [md(['等于第三项加第四项之和）', '自然人', '商业', '科研', '总计']), sep(5)]
lines = 0
for n, (g, it, vals) in enumerate(rows):
    if n % 2 == 0 and n < 20:
        t.append(one_label(g, it)); t.append(md(vals) if lines % 3 == 2 else md([''] + vals)); lines += 1
    else:
        t.append(md([one_label(g, it)] + vals))
assert lines == 10
write('label-line-above-values.md', '\n'.join(t))

# (c) plain lines between the table's rows that are no row label, or stand above a row with a
# label of its own: a page footer, a sentence, a group label above its first item, a row label
# repeated above its own row; each stays a paragraph and ends the table, whose rows go on in
# the next
t = [md(['等于第三项加第四项之和）', '自然人', '商业', '科研', '总计']), sep(5)]
for n, (g, it, vals) in enumerate(rows):
    if it == '二、上年结转政府信息公开申请数量': t.append('第 3 页')
    if it == '（一）予以公开': t.append(it)
    if it == '2.没有现成信息需要另行制作': t.append('注：本表按申请人类别统计')
    if g == '（三）不予公开': t.append(g); t.append(md([it] + vals))
    else: t.append(md([one_label(g, it)] + vals))
write('label-line-not-a-label.md', '\n'.join(t))

# (d) the group labels split across two cells, as a converter cuts a merged cell
split = {'4.保护第三方合法权益': '（三）不', '5.属于三类内部事务信息': '予公开',
         '1.本机关不掌握相关政府信息': '（四）无法', '2.没有现成信息需要另行制作': '提供',
         '3.要求提供公开出版物': '（五）不予', '4.无正当理由大量反复申请': '处理',
         '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': '（六）其', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': '他处理'}
t = [md(['等于第三项加第四项之和）', '', '自然人', '商业', '科研', '总计']), sep(6)]
for g, it, vals in rows:
    if it.startswith(('一、', '二、', '四、')): t.append(md([it, ''] + vals))
    elif it in ('（七）总计', '（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'): t.append(md(['', it] + vals))
    else: t.append(md([split.get(it, ''), it] + vals))
write('split-group-label.md', '\n'.join(t))

# (a) the short header, with two cells left blank (zero not written: 部分公开 商业企业 8 and
# 2.重复申请 其他 90, the totals written without them).
import copy
rb = copy.deepcopy(rows)
idx = {it: i for i, (g, it, v) in enumerate(rb)}
def blank(item, col):
    v = rb[idx[item]][2]; x = v[col]; v[col] = ''; v[6] -= x
    rb[idx['（七）总计']][2][col] -= x; rb[idx['（七）总计']][2][6] -= x
    rb[idx['一、本年新收政府信息公开申请数量']][2][col] -= x; rb[idx['一、本年新收政府信息公开申请数量']][2][6] -= x
blank('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 1)
blank('2.重复申请', 5)
t = [md(['等于第三项加第四项之和）', '自然人', '商业', '科研', '总计']), sep(5)]
for g, it, vals in rb: t.append(md([one_label(g, it)] + vals))
write('short-header-blank-cells.md', '\n'.join(t))
