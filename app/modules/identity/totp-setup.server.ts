/**
 * What the two-factor setup page shows for a pending secret: the QR code (an SVG drawn on the
 * server, so it works without JavaScript and without any remote service) and the secret as text.
 */
import QRCode from 'qrcode';
import { AppError } from '#app/shared/errors.ts';

export interface TotpSetupView {
  /** `otpauth://totp/...`, posted back by the confirmation form so a wrong code can show it again. */
  totpUri: string;
  /** The base32 secret, for typing it into the app by hand. */
  secret: string;
  /** `data:image/svg+xml;base64,...` */
  qrCode: string;
}

function invalidUri(): AppError {
  return new AppError('COMMON_VALIDATION_FAILED', 400, { fields: [{ field: 'totpUri', code: 'invalid_format' }] });
}

/** Accepts only an otpauth TOTP URI with a base32 secret: the value may come back from a form. */
export async function presentTotpSetup(totpUri: string): Promise<TotpSetupView> {
  if (totpUri.length > 512) throw invalidUri();
  let url: URL;
  try {
    url = new URL(totpUri);
  } catch {
    throw invalidUri();
  }
  const secret = url.searchParams.get('secret') ?? '';
  if (url.protocol !== 'otpauth:' || url.host !== 'totp' || !/^[A-Z2-7]+=*$/.test(secret)) throw invalidUri();
  const svg = await QRCode.toString(totpUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { totpUri, secret, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}
