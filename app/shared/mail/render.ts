/**
 * Turns a mail request into a subject, a plain-text part and an accessible HTML part in the
 * recipient's language. Pure: the caller passes a translator for the recipient's locale.
 *
 * The HTML needs nothing remote (no images, no fonts, no stylesheets), carries `lang` and `dir`
 * (right-to-left for Arabic), and escapes every translated string, values included, so a name
 * typed by a user can never become markup.
 */
import { directionOf, type Locale } from '../i18n/locales.ts';

export interface MailContent {
  locale: Locale;
  template: string;
  values?: Record<string, string | number>;
  action?: { url: string };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type MailTranslator = (id: string, values?: Record<string, string | number>) => string;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Paragraphs are separated by blank lines; a single line break stays a line break. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

const colors = { text: '#1d1d24', muted: '#4d4d5c', background: '#fbfaf7', surface: '#ffffff', border: '#d7d3cb', accent: '#9c3f17' };

export function renderMail(content: MailContent, t: MailTranslator): RenderedMail {
  const { locale, template, values, action } = content;
  const subject = t(`mail.${template}.subject`, values).replace(/\s+/g, ' ').trim();
  const paragraphs = paragraphsOf(t(`mail.${template}.body`, values));
  const actionLabel = action ? t(`mail.${template}.action`, values) : undefined;
  const brand = t('mail.layout.brand');
  const signature = t('mail.layout.signature');
  const footer = t('mail.layout.footer');

  const text = [...paragraphs, ...(action && actionLabel ? [`${actionLabel}:\n${action.url}`] : []), `-- \n${signature}\n${footer}`].join(
    '\n\n',
  );

  const dir = directionOf(locale);
  const font = "font-family:'Noto Sans','Noto Sans Arabic',Tahoma,Arial,sans-serif;";
  const paragraphHtml = paragraphs.map((p) => `<p style="margin:0 0 16px;">${p.split('\n').map(escapeHtml).join('<br>')}</p>`).join('\n');
  const actionHtml =
    action && actionLabel
      ? `<p style="margin:24px 0;"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:${colors.accent};color:#ffffff;font-weight:600;text-decoration:none;">${escapeHtml(actionLabel)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:${colors.muted};">${escapeHtml(t('mail.layout.actionFallback'))}<br><a href="${escapeHtml(action.url)}" dir="ltr" style="color:#1b5e66;word-break:break-all;">${escapeHtml(action.url)}</a></p>`
      : '';

  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:${colors.background};">
<div role="article" aria-roledescription="email" aria-label="${escapeHtml(subject)}" lang="${locale}" dir="${dir}" style="${font}max-width:600px;margin:0 auto;padding:24px 16px;color:${colors.text};font-size:16px;line-height:1.6;">
<p style="margin:0 0 24px;font-size:20px;font-weight:600;color:${colors.accent};">${escapeHtml(brand)}</p>
<div style="background:${colors.surface};border:1px solid ${colors.border};border-radius:6px;padding:24px;">
${paragraphHtml}
${actionHtml}
</div>
<p style="margin:24px 0 0;font-size:13px;color:${colors.muted};">${escapeHtml(signature)}<br>${escapeHtml(footer)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}
