import { describe, expect, it } from 'vitest';
import { PdfRenderError, renderPdf } from './pdf.server.ts';
import { PDFTOTEXT, pdfText } from './pdf-text.ts';

const template = `
#let data = json("/data.json")
#set text(font: ("Noto Sans", "Noto Sans Arabic"), lang: data.lang, dir: if data.lang == "ar" { rtl } else { ltr })
= #data.title
#data.body
#image("/mark.svg", width: 1cm)
`;
const mark = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#336"/></svg>';

describe('renderPdf', () => {
  it('typesets Arabic shaped and right-to-left, with the bundled fonts', (context) => {
    const pdf = renderPdf({
      template,
      data: { lang: 'ar', title: 'أولويات الاحتياجات في تونس', body: 'نص عربي' },
      files: { '/mark.svg': mark },
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('NotoSansArabic');
    if (!PDFTOTEXT) return context.skip('pdftotext (poppler-utils) is not installed');
    expect(pdfText(pdf)).toContain('أولويات الاحتياجات في تونس');
  });

  it('shows text from the data as text, never as markup', (context) => {
    const body = '#strong[bold] ] " \\ = not a heading $x$';
    const pdf = renderPdf({ template, data: { lang: 'fr', title: 'Besoins prioritaires', body }, files: { '/mark.svg': mark } });
    if (!PDFTOTEXT) return context.skip('pdftotext (poppler-utils) is not installed');
    const text = pdfText(pdf);
    expect(text).toContain('Besoins prioritaires');
    expect(text).toContain(body);
  });

  it('refuses a template that does not compile, and the next document still renders', () => {
    expect(() => renderPdf({ template: '#let x = (', data: {} })).toThrow(PdfRenderError);
    expect(() => renderPdf({ template: '#json("/data.json").a', data: { a: 'ok' } })).not.toThrow();
  });
});
