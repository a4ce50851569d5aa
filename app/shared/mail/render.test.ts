import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/catalog.server.ts';
import type { Locale } from '../i18n/locales.ts';
import { escapeHtml, paragraphsOf, renderMail } from './render.ts';

const url = 'https://mosaic.example.org/ar/account/verify-email?token=abc&next=%2Far%2F';

function render(locale: Locale, name: string, action = true) {
  return renderMail(
    { locale, template: 'platform.test', values: { name, reference: 'REF-42' }, action: action ? { url } : undefined },
    (id, values) => translate(locale, id, values),
  );
}

describe('paragraphsOf', () => {
  it('splits on blank lines, keeps single line breaks and drops empty paragraphs', () => {
    expect(paragraphsOf('One\nstill one\n\n\n  Two  \r\n\r\nThree\n \n')).toEqual(['One\nstill one', 'Two', 'Three']);
  });
});

describe('escapeHtml', () => {
  it('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});

describe('renderMail', () => {
  it('renders an Arabic mail right to left, in Arabic, with the values in place', () => {
    const mail = render('ar', 'أمل');
    expect(mail.subject).toBe('رسالة تجريبية من موزاييك إلى أمل');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('lang="ar" dir="rtl" style=');
    expect(mail.html).toContain('<title>رسالة تجريبية من موزاييك إلى أمل</title>');
    expect(mail.html).toContain('<p style="margin:0 0 16px;">مرحبًا أمل،</p>');
    expect(mail.html).toContain('>افتح موزاييك</a>');
    expect(mail.text.startsWith('مرحبًا أمل،\n\nهذه رسالة تجريبية من موزاييك.')).toBe(true);
  });

  it('writes the plain-text part as paragraphs, then the action and its address, then the signature', () => {
    const mail = render('fr', 'Amal');
    expect(mail.text).toBe(
      [
        'Bonjour Amal,',
        'Ceci est un message de test de Mosaic. Si vous pouvez le lire, le courrier vous parvient.\nVous n’avez rien à faire.',
        'Référence : REF-42',
        `Ouvrir Mosaic:\n${url}`,
        `-- \n${translate('fr', 'mail.layout.signature')}\n${translate('fr', 'mail.layout.footer')}`,
      ].join('\n\n'),
    );
    expect(mail.html).toContain('<html lang="fr" dir="ltr">');
    expect(mail.html).toContain('Vous n’avez rien à faire.');
    expect(mail.html).toContain('vous parvient.<br>Vous');
  });

  it('escapes values so user-written text never becomes markup', () => {
    const mail = render('en', '<img src=x onerror=alert(1)> & "Bob"');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;Bob&#34;');
    expect(mail.text).toContain('Hello <img src=x onerror=alert(1)> & "Bob",');
  });

  it('links the action with its address escaped and repeats it as text for when the button fails', () => {
    const mail = render('en', 'Amal');
    const escaped = 'https://mosaic.example.org/ar/account/verify-email?token=abc&#38;next=%2Far%2F';
    expect(mail.html.match(new RegExp(`href="${escaped.replace(/[.?]/g, '\\$&')}"`, 'g'))).toHaveLength(2);
    expect(mail.html).toContain(`>${escaped}</a>`);
    expect(mail.html).toContain(translate('en', 'mail.layout.actionFallback'));
  });

  it('loads nothing from anywhere: no images, fonts, stylesheets or scripts', () => {
    const { html } = render('ar', 'Amal');
    expect(html).not.toMatch(/<(img|link|script|style|iframe|object)\b/i);
    expect(html).not.toMatch(/\bsrc=|url\(|@import|@font-face/i);
    const urls = html.match(/https?:\/\/[^"<\s]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set([url.replace('&', '&#38;')]));
  });

  it('leaves the action out when there is none', () => {
    const mail = render('en', 'Amal', false);
    expect(mail.html).not.toContain('<a ');
    expect(mail.text).not.toContain('Open Mosaic');
  });
});
