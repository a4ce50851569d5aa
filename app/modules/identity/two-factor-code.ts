/**
 * The sign-in challenge has one field for either a code from the authenticator app (six digits)
 * or one of the backup codes (ten letters and digits, shown as `xxxxx-xxxxx`). People type them
 * with spaces or, on an Arabic keyboard, with Arabic-Indic digits: normalise before deciding.
 */
export type TwoFactorCode = { kind: 'totp'; code: string } | { kind: 'backup'; code: string };

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;

function westernDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= EXTENDED_ARABIC_INDIC_ZERO ? code - EXTENDED_ARABIC_INDIC_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

export function classifyTwoFactorCode(raw: string): TwoFactorCode {
  const compact = westernDigits(raw).replace(/\s+/g, '');
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact };
  return { kind: 'backup', code: compact };
}

/** Authenticator codes only (enabling two-factor must prove the app works). */
export function normaliseTotpCode(raw: string): string {
  return westernDigits(raw).replace(/\s+/g, '');
}
