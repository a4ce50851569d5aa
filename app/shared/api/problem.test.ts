import { describe, expect, it } from 'vitest';
import { carriesBearerToken } from './credentials.ts';
import { problemTypeUri } from './problem.ts';

describe('problemTypeUri', () => {
  it('derives a stable URI from the error code', () => {
    expect(problemTypeUri('COMMON_VALIDATION_FAILED')).toBe('https://mosaic.example/problems/common-validation-failed');
    expect(problemTypeUri('IDENTITY_TOKEN_INVALID')).toBe('https://mosaic.example/problems/identity-token-invalid');
  });
});

describe('carriesBearerToken', () => {
  it('recognises the Bearer scheme whatever its case, even without credentials', () => {
    for (const header of ['Bearer mos_abc', 'bearer mos_abc', 'BEARER  x', 'Bearer']) expect(carriesBearerToken(header), header).toBe(true);
  });

  it('does not take other schemes or a missing header for a bearer token', () => {
    for (const header of [undefined, null, '', 'Basic dXNlcjpwYXNz', 'Bearertoken', 'Token mos_abc']) {
      expect(carriesBearerToken(header), String(header)).toBe(false);
    }
  });
});
