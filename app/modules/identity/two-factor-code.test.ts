import { describe, expect, test } from 'vitest';
import { classifyTwoFactorCode, normaliseTotpCode } from './two-factor-code.ts';

describe('classifyTwoFactorCode', () => {
  test('six digits are an authenticator code, spaces ignored', () => {
    expect(classifyTwoFactorCode('123 456')).toEqual({ kind: 'totp', code: '123456' });
  });

  test('Arabic-Indic and extended Arabic-Indic digits count as digits', () => {
    expect(classifyTwoFactorCode('١٢٣٤٥٦')).toEqual({ kind: 'totp', code: '123456' });
    expect(classifyTwoFactorCode('۰۹۸۷۶۵')).toEqual({ kind: 'totp', code: '098765' });
  });

  test('anything else is tried as a backup code', () => {
    expect(classifyTwoFactorCode(' aB3dE-fG7hJ ')).toEqual({ kind: 'backup', code: 'aB3dE-fG7hJ' });
    expect(classifyTwoFactorCode('1234567')).toEqual({ kind: 'backup', code: '1234567' });
  });
});

describe('normaliseTotpCode', () => {
  test('removes spaces and converts digits', () => {
    expect(normaliseTotpCode(' ٠١٢ ٣٤٥ ')).toBe('012345');
  });
});
