import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { decodeWords, readMime } from './read-mime.ts';

/** Composes a message with nodemailer itself, so the reader is checked against real output. */
async function compose(message: SendMailOptions): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(message);
  return (info.message as Buffer).toString('utf8');
}

describe('readMime', () => {
  it('decodes B and Q encoded words, joining adjacent ones', () => {
    expect(decodeWords('=?UTF-8?B?2YXYsdit2KjYpw==?=')).toBe('مرحبا');
    expect(decodeWords('=?UTF-8?Q?Caf=C3=A9_cr=C3=A8me?=')).toBe('Café crème');
    expect(decodeWords('=?UTF-8?Q?a?= =?UTF-8?Q?b?= plain')).toBe('ab plain');
  });

  it('reads headers, text and HTML parts written by nodemailer', async () => {
    const longArabic = 'هذه رسالة طويلة بما يكفي لتُطوى أسطرها عند الترميز. '.repeat(12).trim();
    const raw = await compose({
      from: 'Mosaic <no-reply@mosaic.localhost>',
      to: 'amal@example.org',
      subject: 'رسالة تجريبية من موزاييك إلى أمل',
      text: `${longArabic}\n\nLigne française : élève`,
      html: '<p dir="rtl">مرحبا &amp; أهلا</p>',
      headers: { 'Content-Language': 'ar' },
    });
    const message = readMime(raw);
    expect(message.headers.subject).toBe('رسالة تجريبية من موزاييك إلى أمل');
    expect(message.headers['content-language']).toBe('ar');
    expect(message.headers.to).toBe('amal@example.org');
    expect(message.text).toBe(`${longArabic}\n\nLigne française : élève`);
    expect(message.html).toBe('<p dir="rtl">مرحبا &amp; أهلا</p>');
  });

  it('reads a plain ASCII single-part message', async () => {
    const message = readMime(await compose({ from: 'a@example.org', to: 'b@example.org', subject: 'Hello', text: 'Plain text' }));
    expect(message.headers.subject).toBe('Hello');
    expect(message.text).toBe('Plain text');
    expect(message.html).toBeUndefined();
  });

  it('reads attachments with their names, types and bytes, apart from the text and HTML', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
    const ics = 'BEGIN:VCALENDAR\r\nSUMMARY:ورشة\r\nEND:VCALENDAR\r\n';
    const message = readMime(
      await compose({
        from: 'a@example.org',
        to: 'b@example.org',
        subject: 'Files',
        text: 'See attached',
        html: '<p>See attached</p>',
        attachments: [
          { filename: 'event.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: Buffer.from(ics, 'utf8') },
          { filename: 'code.png', contentType: 'image/png', content: png },
        ],
      }),
    );
    expect(message.text).toBe('See attached');
    expect(message.html).toBe('<p>See attached</p>');
    expect(message.attachments.map((a) => a.filename)).toEqual(['event.ics', 'code.png']);
    expect(message.attachments[0]!.contentType).toMatch(/^text\/calendar/);
    expect(message.attachments[0]!.content.toString('utf8')).toBe(ics);
    expect(message.attachments[1]!.content.equals(png)).toBe(true);
  });
});
