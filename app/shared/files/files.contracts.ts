/** What a service hands `storeFile`: a name, a media type and the bytes. */
import { z } from 'zod';

/** Uploads larger than this are refused (PLATFORM_FILE_TOO_LARGE). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export const storeFileSchema = z.object({
  /** The name the person gave the file; any directory part is dropped. */
  name: z
    .string()
    .transform((name) => (name.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim())
    .pipe(z.string().min(1).max(255)),
  contentType: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;.*)?$/)
    .max(255),
});
