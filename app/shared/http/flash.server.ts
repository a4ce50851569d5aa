/**
 * One-shot confirmation messages after a redirect ("Your profile was saved"), carried in a short
 * cookie and cleared by the root loader that shows them. Works without JavaScript.
 */
import { createCookie, redirect } from 'react-router';

export interface Flash {
  /** i18n key of the message. */
  key: string;
  kind: 'success' | 'info' | 'error';
}

const flashCookie = createCookie('mosaic_flash', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  maxAge: 60,
  secure: process.env.NODE_ENV === 'production',
});

export async function redirectWithFlash(url: string, flash: Flash, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append('Set-Cookie', await flashCookie.serialize(flash));
  return redirect(url, { ...init, headers });
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const value = (await flashCookie.parse(request.headers.get('Cookie'))) as Flash | null;
  if (!value || typeof value.key !== 'string') return { flash: null, clear: null };
  return { flash: value, clear: await flashCookie.serialize('', { maxAge: 0 }) };
}
