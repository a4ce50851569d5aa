import { describe, expect, it } from 'vitest';
import { createPublicPageCache } from './public-page-cache.ts';

function page(body: string, init: ResponseInit = {}): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, ...init });
}

const request = (url: string, init: RequestInit = {}) => new Request(`http://localhost:3000${url}`, init);

/** A renderer that counts its calls and puts the nonce it was called for in the page. */
function renderer(text = 'Hello', init: ResponseInit = {}) {
  const calls: string[] = [];
  return {
    calls,
    for: (nonce: string) => async () => {
      calls.push(nonce);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return page(`<script nonce="${nonce}">1</script><p>${text} ${calls.length}</p>`, init);
    },
  };
}

/** A clock the test moves by hand. */
function clock() {
  let at = 1_000_000;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('public page cache', () => {
  it('renders an anonymous page once and serves it again with each request’s own nonce', async () => {
    const cache = createPublicPageCache({ ttlMs: 60_000 });
    const render = renderer();
    const first = await cache.serve(request('/en/'), 'OLD', render.for('OLD'));
    expect(first.headers.get('X-Mosaic-Cache')).toBeNull();
    expect(await first.text()).toBe('<script nonce="OLD">1</script><p>Hello 1</p>');
    const hit = await cache.serve(request('/en/'), 'NEW', render.for('NEW'));
    expect(hit.headers.get('X-Mosaic-Cache')).toBe('hit');
    expect(await hit.text()).toBe('<script nonce="NEW">1</script><p>Hello 1</p>');
    expect(render.calls).toEqual(['OLD']);
  });

  it('never keys a request carrying cookies, credentials, a query outside the listed views, a data request or another method', () => {
    const cache = createPublicPageCache({ ttlMs: 60_000, queryKeyedPaths: /^\/(ar|fr|en)\/organisations$/ });
    expect(cache.keyOf(request('/en/'))).toBe('/en/');
    expect(cache.keyOf(request('/en/organisations?country=TN&page=2'))).toBe('/en/organisations?country=TN&page=2');
    expect(cache.keyOf(request('/en/organisations', { headers: { Cookie: 'mosaic.session_token=x' } }))).toBeNull();
    expect(cache.keyOf(request('/en/', { headers: { Authorization: 'Bearer mos_x' } }))).toBeNull();
    expect(cache.keyOf(request('/en/account/reset-password?token=secret'))).toBeNull();
    expect(cache.keyOf(request('/en/organisations/batna?token=secret'))).toBeNull();
    expect(cache.keyOf(request('/en/account/sessions.data'))).toBeNull();
    expect(cache.keyOf(request('/en/_root.data'))).toBeNull();
    expect(cache.keyOf(request('/en/', { method: 'POST' }))).toBeNull();
    expect(createPublicPageCache({ ttlMs: 0 }).keyOf(request('/en/'))).toBeNull();
  });

  it('caches the loader data of a listed view, which a hydrated page fetches on a client-side navigation', async () => {
    const cache = createPublicPageCache({ ttlMs: 60_000, queryKeyedPaths: /^\/(ar|fr|en)\/organisations$/ });
    expect(cache.keyOf(request('/en/organisations.data?country=TN'))).toBe('/en/organisations.data?country=TN');
    let renders = 0;
    const render = async () => {
      renders += 1;
      return new Response('[{"_1":2},"list"]', { headers: { 'Content-Type': 'text/x-script' } });
    };
    await cache.serve(request('/en/organisations.data?country=TN'), 'a', render);
    const hit = await cache.serve(request('/en/organisations.data?country=TN'), 'b', render);
    expect(hit.headers.get('X-Mosaic-Cache')).toBe('hit');
    expect(await hit.text()).toBe('[{"_1":2},"list"]');
    expect(renders).toBe(1);
    // A document answered under a data key, or data under a page key, is not kept.
    const page = async () => new Response('<p>x</p>', { headers: { 'Content-Type': 'text/html' } });
    await cache.serve(request('/en/organisations.data?country=MA'), 'a', page);
    expect((await cache.serve(request('/en/organisations.data?country=MA'), 'b', page)).headers.get('X-Mosaic-Cache')).toBeNull();
    await cache.serve(request('/en/organisations?country=MA'), 'a', render);
    expect((await cache.serve(request('/en/organisations?country=MA'), 'b', render)).headers.get('X-Mosaic-Cache')).toBeNull();
  });

  it('keeps nothing personal: cookies set, no-store, errors, non-HTML or no nonce are rendered every time', async () => {
    const cache = createPublicPageCache({ ttlMs: 60_000 });
    const refused: [string, () => Response, string][] = [
      ['/a', () => page('x', { headers: { 'Content-Type': 'text/html', 'Set-Cookie': 'mosaic_flash=1' } }), 'n'],
      ['/b', () => page('x', { headers: { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' } }), 'n'],
      ['/c', () => page('x', { status: 404 }), 'n'],
      ['/d', () => new Response('{}', { headers: { 'Content-Type': 'application/json' } }), 'n'],
      ['/e', () => page('x'), ''],
    ];
    for (const [path, response, nonce] of refused) {
      let renders = 0;
      const render = async () => {
        renders += 1;
        return response();
      };
      await cache.serve(request(path), nonce, render);
      const again = await cache.serve(request(path), nonce, render);
      expect(again.headers.get('X-Mosaic-Cache'), path).toBeNull();
      expect(renders, path).toBe(2);
    }
  });

  it('renders a page once for all the readers asking for it at the same time', async () => {
    const cache = createPublicPageCache({ ttlMs: 60_000 });
    const render = renderer();
    const nonces = Array.from({ length: 12 }, (_, index) => `nonce-${index}`);
    const responses = await Promise.all(nonces.map((nonce) => cache.serve(request('/en/organisations'), nonce, render.for(nonce))));
    expect(render.calls).toEqual(['nonce-0']);
    const bodies = await Promise.all(responses.map((response) => response.text()));
    bodies.forEach((body, index) => {
      expect(body).toBe(`<script nonce="nonce-${index}">1</script><p>Hello 1</p>`);
    });
  });

  it('lets each waiting reader render for itself when the page being rendered cannot be shared', async () => {
    const cache = createPublicPageCache({ ttlMs: 60_000 });
    const render = renderer('Private', { headers: { 'Content-Type': 'text/html', 'Set-Cookie': 'mosaic_flash=1' } });
    await Promise.all(['a', 'b', 'c'].map((nonce) => cache.serve(request('/en/'), nonce, render.for(nonce))));
    expect(render.calls).toEqual(['a', 'b', 'c']);
  });

  it('serves a page a little past its time while one request renders the new version, then the new one', async () => {
    const time = clock();
    const cache = createPublicPageCache({ ttlMs: 2_000, staleMs: 10_000, now: time.now });
    const render = renderer();
    await (await cache.serve(request('/en/'), 'a', render.for('a'))).text();
    time.advance(3_000);
    const stale = await Promise.all(['b', 'c'].map((nonce) => cache.serve(request('/en/'), nonce, render.for(nonce))));
    expect(stale.map((response) => response.headers.get('X-Mosaic-Cache'))).toEqual(['stale', 'stale']);
    expect(await stale[1]?.text()).toBe('<script nonce="c">1</script><p>Hello 1</p>');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(render.calls).toEqual(['a', 'b']);
    const fresh = await cache.serve(request('/en/'), 'd', render.for('d'));
    expect(fresh.headers.get('X-Mosaic-Cache')).toBe('hit');
    expect(await fresh.text()).toBe('<script nonce="d">1</script><p>Hello 2</p>');
  });

  it('renders anew once a page is past its stale time, and forgets the least recently used page when full', async () => {
    const time = clock();
    const cache = createPublicPageCache({ ttlMs: 2_000, staleMs: 1_000, now: time.now });
    const render = renderer();
    await cache.serve(request('/en/'), 'a', render.for('a'));
    time.advance(3_001);
    const again = await cache.serve(request('/en/'), 'b', render.for('b'));
    expect(again.headers.get('X-Mosaic-Cache')).toBeNull();
    expect(await again.text()).toContain('Hello 2');

    const small = createPublicPageCache({ ttlMs: 60_000, maxEntries: 2 });
    const pages = renderer('Page');
    await small.serve(request('/1'), 'n', pages.for('n'));
    await small.serve(request('/2'), 'n', pages.for('n'));
    await small.serve(request('/1'), 'm', pages.for('m'));
    await small.serve(request('/3'), 'n', pages.for('n'));
    expect((await small.serve(request('/1'), 'm', pages.for('m'))).headers.get('X-Mosaic-Cache')).toBe('hit');
    expect((await small.serve(request('/3'), 'm', pages.for('m'))).headers.get('X-Mosaic-Cache')).toBe('hit');
    expect((await small.serve(request('/2'), 'm', pages.for('m'))).headers.get('X-Mosaic-Cache')).toBeNull();
  });
});
