/**
 * The contract of a translatable text (decision 0003): `{ ar?, fr?, en? }`, one language being
 * enough. Each module says what one language's text must be (length, trimming); the shape and the
 * "at least one language" rule are the same everywhere.
 */
import { z } from 'zod';

export function translatableTextSchemaOf(text: z.ZodType<string, string>) {
  const inOneLanguage = text.optional();
  return z
    .object({ ar: inOneLanguage, fr: inOneLanguage, en: inOneLanguage })
    .refine((value) => Boolean(value.ar ?? value.fr ?? value.en), { message: 'needs at least one language' });
}
