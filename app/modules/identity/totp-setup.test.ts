import { describe, expect, test } from 'vitest';
import { AppError } from '#app/shared/errors.ts';
import { presentTotpSetup } from './totp-setup.server.ts';

const uri = 'otpauth://totp/Mosaic:amal%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Mosaic&algorithm=SHA1&digits=6&period=30';

describe('presentTotpSetup', () => {
  test('draws the URI as an SVG QR code and gives the secret as text', async () => {
    const view = await presentTotpSetup(uri);
    expect(view.secret).toBe('JBSWY3DPEHPK3PXP');
    expect(view.qrCode.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(view.qrCode.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox/);
  });

  test.each([
    'https://evil.example/?secret=JBSWY3DPEHPK3PXP',
    'otpauth://hotp/Mosaic:x?secret=JBSWY3DPEHPK3PXP',
    'otpauth://totp/Mosaic:x?secret=not-base32!',
    'not a uri',
    `otpauth://totp/${'x'.repeat(600)}?secret=JBSWY3DPEHPK3PXP`,
  ])('refuses %s', async (bad) => {
    await expect(presentTotpSetup(bad)).rejects.toBeInstanceOf(AppError);
  });
});
