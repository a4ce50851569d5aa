import { describe, expect, it } from 'vitest';
import { imageContentTypeOf } from './organisation-admin.images.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('imageContentTypeOf', () => {
  it('recognises PNG, JPEG and WebP by their signatures', () => {
    expect(imageContentTypeOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('image/png');
    expect(imageContentTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(imageContentTypeOf(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50))).toBe('image/webp');
  });

  it('refuses anything else, whatever it claims to be', () => {
    expect(imageContentTypeOf(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(imageContentTypeOf(new TextEncoder().encode('<html><script>alert(1)</script>'))).toBeNull();
    expect(imageContentTypeOf(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBeNull(); // GIF
    expect(imageContentTypeOf(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45))).toBeNull(); // RIFF WAVE
    expect(imageContentTypeOf(bytes(0x89, 0x50))).toBeNull();
    expect(imageContentTypeOf(bytes())).toBeNull();
  });
});
