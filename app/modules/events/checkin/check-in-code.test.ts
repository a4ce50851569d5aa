import { describe, expect, it } from 'vitest';
import { checkInQrPayload, parseCheckInScan } from './check-in-code.ts';

describe('check-in QR payload', () => {
  it('is a URL to the check-in page that the scanner reads back', () => {
    const payload = checkInQrPayload('https://mosaic.example.org/', 'ar', 'forum-2026', 'Ab3_x-9ZqQ');
    expect(payload).toBe('https://mosaic.example.org/ar/events/forum-2026/check-in?code=Ab3_x-9ZqQ');
    expect(parseCheckInScan(payload, 'forum-2026')).toEqual({ ok: true, code: 'Ab3_x-9ZqQ' });
  });

  it('accepts a bare code, trimmed', () => {
    expect(parseCheckInScan('  Ab3_x-9ZqQ \n', 'forum-2026')).toEqual({ ok: true, code: 'Ab3_x-9ZqQ' });
  });

  it('refuses another event, empty text and junk', () => {
    const other = checkInQrPayload('https://mosaic.example.org', 'fr', 'other-event', 'Ab3_x-9ZqQ');
    expect(parseCheckInScan(other, 'forum-2026')).toEqual({ ok: false, reason: 'other-event' });
    expect(parseCheckInScan('   ', 'forum-2026')).toEqual({ ok: false, reason: 'empty' });
    expect(parseCheckInScan('hello world', 'forum-2026')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseCheckInScan('javascript:alert(1)', 'forum-2026')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseCheckInScan('https://x.org/en/events/forum-2026/agenda?code=Ab3_x-9ZqQ', 'forum-2026')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(parseCheckInScan('https://x.org/en/events/forum-2026/check-in?code=a<b', 'forum-2026')).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
