#!/usr/bin/env python3
"""Make the hostile PDFs of corpus/hostile (what each must give is in corpus/hostile/README.md).

    scripts/make-hostile-pdfs.py [OUT_DIR]     (default corpus/hostile)

Written object by object with Python's standard library, except the encrypted one, which
LibreOffice writes (a real encrypted PDF: AES, a user password) from a one-line document.
"""
import os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pdf(objects, root=1):
    """A PDF from its objects' bodies (object i+1 is objects[i]), with a correct xref table."""
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += f'{i + 1} 0 obj\n'.encode() + body + b'\nendobj\n'
    xref = len(out)
    out += f'xref\n0 {len(objects) + 1}\n0000000000 65535 f \n'.encode()
    for o in offsets:
        out += f'{o:010d} 00000 n \n'.encode()
    out += f'trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    return bytes(out)


def stream(data):
    return f'<< /Length {len(data)} >>\nstream\n'.encode() + data + b'\nendstream'


def many_pages(n):
    """n empty pages: more than the front end reads."""
    kids = ' '.join(f'{3 + i} 0 R' for i in range(n))
    objects = [b'<< /Type /Catalog /Pages 2 0 R >>', f'<< /Type /Pages /Kids [{kids}] /Count {n} >>'.encode()]
    objects += [b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'] * n
    return pdf(objects)


def no_text():
    """A page with a drawing and no text: a scanned report has only its image."""
    return pdf([b'<< /Type /Catalog /Pages 2 0 R >>',
                b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
                b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
                stream(b'0 0 0 rg 100 100 395 642 re f')])


def page_tree_cycle():
    """A page tree whose node lists itself among its kids: a reader that follows it never ends."""
    return pdf([b'<< /Type /Catalog /Pages 2 0 R >>',
                b'<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
                b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'])


def damaged():
    """A PDF signature, then no object, no cross-reference table, no trailer."""
    return b'%PDF-1.7\n' + bytes(range(256)) * 8 + b'\n%%EOF\n'


def encrypted(out_dir):
    """A PDF that opens only with a password (LibreOffice's PDF export, EncryptFile)."""
    options = ('{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"xxgk"}}')
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'pdf-encrypted.txt')
        open(src, 'w', encoding='utf-8').write('某局2024年政府信息公开工作年度报告\n一、总体情况\n')
        subprocess.run(['soffice', '--headless', '--convert-to', 'pdf:writer_pdf_Export:' + options,
                        '--outdir', out_dir, src], check=True, capture_output=True)


def main(out_dir):
    files = {'pdf-many-pages.pdf': many_pages(600), 'pdf-no-text.pdf': no_text(),
             'pdf-page-tree-cycle.pdf': page_tree_cycle(), 'pdf-damaged.pdf': damaged()}
    for name, data in files.items():
        open(os.path.join(out_dir, name), 'wb').write(data)
        print(os.path.join(out_dir, name))
    # a real report cut off halfway through the download
    real = open(os.path.join(ROOT, 'corpus', 'pdf', 'hongze_2024.pdf'), 'rb').read()
    open(os.path.join(out_dir, 'pdf-truncated.pdf'), 'wb').write(real[:len(real) // 2])
    encrypted(out_dir)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'corpus', 'hostile'))
