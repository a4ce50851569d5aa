import { describe, expect, it } from 'vitest';
import { createPublicPageCache } from './public-page-cache.ts';

function page(body: string, init: ResponseInit = {}): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, ...init });
}

const request = (url: string, init: RequestInit = {}) => new Request(`http://localhost:3000${url}`, init);

describe('public page cache', () => {
  it('serves an anonymous page again with the new request’s nonce in place of the cached one', async () => {
    const cache = createPublicPageCache({ ttlMs: 60_000 });
    const key = cache.keyOf(request('/en/'));
    expect(key).toBe('/en/');
    const kept = await cache.keep(key as string, page('<script nonce="OLD-nonce">1</script><p>Hello</p>'), 'OLD-nonce');
    expect(await kept.text()).toContain('OLD-nonce');
    const hit = cache.read(key as string, 'NEW-nonce');
    expect(hit?.headers.get('X-Mosaic-Cache')).toBe('hit');
    const body = await hit?.text();
    expect(body).toBe('<script nonce="NEW-nonce">1</script><p>Hello</p>');
  });

  it('never keys a request carrying cookies, credentials, a query, a data request or another method', () => {
    const cache = createPublicPageCache({ ttlMs: 60_000 });
    expect(cache.keyOf(request('/en/', { headers: { Cookie: 'mosaic.session_token=x' } }))).toBeNull();
    expect(cache.keyOf(request('/en/', { headers: { Authorization: 'Bearer mos_x' } }))).toBeNull();
    expect(cache.keyOf(request('/en/account/reset-password?token=secret'))).toBeNull();
    expect(cache.keyOf(request('/en/_root.data'))).toBeNull();
    expect(cache.keyOf(request('/en/', { method: 'POST' }))).toBeNull();
    expect(createPublicPageCache({ ttlMs: 0 }).keyOf(request('/en/'))).toBeNull();
  });

  it('keeps nothing personal: cookies set, no-store, errors, non-HTML or no nonce', async () => {
    const cache = createPublicPageCache({ ttlMs: 60_000 });
    const refused: [string, Response, string][] = [
      ['/a', page('x', { headers: { 'Content-Type': 'text/html', 'Set-Cookie': 'mosaic_flash=1' } }), 'n'],
      ['/b', page('x', { headers: { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' } }), 'n'],
      ['/c', page('x', { status: 404 }), 'n'],
      ['/d', new Response('{}', { headers: { 'Content-Type': 'application/json' } }), 'n'],
      ['/e', page('x'), ''],
    ];
    for (const [key, response, nonce] of refused) {
      await cache.keep(key, response, nonce);
      expect(cache.read(key, 'other'), key).toBeNull();
    }
  });

  it('forgets a page when its time is up, and the least recently used page when full', async () => {
    const shortLived = createPublicPageCache({ ttlMs: 20 });
    await shortLived.keep('/en/', page('<p nonce="a">x</p>'), 'a');
    expect(shortLived.read('/en/', 'b')).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(shortLived.read('/en/', 'b')).toBeNull();

    const small = createPublicPageCache({ ttlMs: 60_000, maxEntries: 2 });
    await small.keep('/1', page('1 n'), 'n');
    await small.keep('/2', page('2 n'), 'n');
    small.read('/1', 'm');
    await small.keep('/3', page('3 n'), 'n');
    expect(small.read('/2', 'm')).toBeNull();
    expect(await small.read('/1', 'm')?.text()).toBe('1 m');
    expect(await small.read('/3', 'm')?.text()).toBe('3 m');
  });
});
