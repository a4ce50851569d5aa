import { describe, expect, it } from 'vitest';
import { checkInQrPng, checkInQrSvg } from './check-in-qr.server.ts';

describe('check-in QR images', () => {
  it('draws an SVG with an escaped title for screen readers', async () => {
    const svg = await checkInQrSvg('https://x.org/en/events/e/check-in?code=abcdef', 'Code <abc> & "d"');
    expect(svg).toMatch(/^<svg[^>]* role="img" aria-label="Code &#60;abc&#62; &#38; &#34;d&#34;"><title>Code &#60;abc&#62;/);
    expect(svg).toContain('<path');
  });

  it('draws a PNG', async () => {
    const png = await checkInQrPng('abcdef', 200);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(200);
  });
});
