/**
 * What an uploaded image really is, read from its first bytes (a browser's declared type and a
 * file name can say anything). Only PNG, JPEG and WebP are accepted. Pure.
 */
import { CommonErrors } from '#app/shared/errors.ts';
import { type ImageContentType, type ImageUpload, MAX_IMAGE_BYTES } from './organisation-admin.contracts.ts';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

export function imageContentTypeOf(bytes: Uint8Array): ImageContentType | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  return null;
}

/**
 * An uploaded logo or photo made ready to store, for organisations and clusters alike: refused
 * (as a validation error on `field`) when it is too large or not really a PNG, JPEG or WebP.
 */
export function checkedImage(upload: ImageUpload, field: string): { name: string; bytes: Uint8Array; contentType: ImageContentType } {
  if (upload.bytes.byteLength > MAX_IMAGE_BYTES) throw CommonErrors.validation([{ field, code: 'image_too_large' }]);
  const contentType = imageContentTypeOf(upload.bytes);
  if (!contentType) throw CommonErrors.validation([{ field, code: 'image_type' }]);
  return { name: upload.name || 'image', bytes: upload.bytes, contentType };
}
