/**
 * The check-in QR code printed on confirmations and badges (issue 5, item 4). Its payload is a URL
 * to the staff check-in page carrying the registration's code, so a phone's own camera leads staff
 * straight there; the page's scanner accepts that URL or the bare code (see check-in-code.ts).
 * Drawn on the server (no remote service, works without JavaScript).
 */
import QRCode from 'qrcode';

export { checkInQrPayload } from './check-in-code.ts';

const options = { errorCorrectionLevel: 'M', margin: 2 } as const;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Inline SVG markup of the QR code, with `role="img"` and a `<title>` for screen readers
 * (`title` defaults to the payload; pass a translated label such as "Check-in code ABC").
 */
export async function checkInQrSvg(payload: string, title: string = payload): Promise<string> {
  const svg = await QRCode.toString(payload, { ...options, type: 'svg' });
  return svg.replace(
    /<svg\b([^>]*)>/,
    (_m, attrs: string) => `<svg${attrs} role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`,
  );
}

/** The QR code as a PNG (for mails, where inline SVG is not shown), `width` pixels wide. */
export async function checkInQrPng(payload: string, width = 320): Promise<Buffer> {
  return QRCode.toBuffer(payload, { ...options, type: 'png', width });
}
