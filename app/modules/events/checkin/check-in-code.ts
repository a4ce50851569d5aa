/**
 * What a check-in QR code carries and how a scan is read back. Pure (runs in the browser too).
 *
 * The payload is `${publicUrl}/${locale}/events/${slug}/check-in?code=CODE`: a URL to the staff
 * check-in page, so a phone's own camera leads staff there. The page's scanner and its manual field
 * accept that URL or the bare code.
 */

/** Codes are random base64url strings (registration makes them); anything else is not a code. */
const CODE = /^[A-Za-z0-9_-]{6,64}$/;

export function checkInQrPayload(publicUrl: string, locale: string, slug: string, code: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}/${encodeURIComponent(locale)}/events/${encodeURIComponent(slug)}/check-in?code=${encodeURIComponent(code)}`;
}

export type ScannedCode = { ok: true; code: string } | { ok: false; reason: 'empty' | 'invalid' | 'other-event' };

/**
 * Reads what was scanned or typed: a bare code, or a check-in URL of this event (any origin and
 * locale: a badge printed from another host still works). A URL of another event is refused as
 * such, so staff are told rather than shown "unknown code".
 */
export function parseCheckInScan(raw: string, slug: string): ScannedCode {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (CODE.test(text)) return { ok: true, code: text };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  const match = /^\/[a-z]{2}\/events\/([^/]+)\/check-in\/?$/.exec(url.pathname);
  const code = url.searchParams.get('code') ?? '';
  if (!match || !CODE.test(code)) return { ok: false, reason: 'invalid' };
  if (decodeURIComponent(match[1]!) !== slug) return { ok: false, reason: 'other-event' };
  return { ok: true, code };
}
