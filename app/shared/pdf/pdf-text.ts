/**
 * The text of a PDF as pdftotext (poppler-utils) extracts it, for tests and checks: the right-to-left
 * runs it wraps in bidi controls (U+202A..U+202E, STACK-NOTES trap 12) are removed, and spaces are
 * collapsed. pdftotext also writes the two letters of a lam-alef ligature (لا، لأ، لإ، لآ: one glyph)
 * in reverse order inside right-to-left runs, so the article before such a word ("الاحتياجات", "الأردن")
 * comes out as "االحتياجات", "األردن": alef, alef, lam, which no Arabic word has; that sequence is
 * put back in order. Null when pdftotext is not installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((candidate) => existsSync(candidate)) ?? null;

export function normaliseExtractedText(text: string): string {
  return text
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/ا([اأإآ])ل/g, 'ال$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export function pdfText(pdf: Uint8Array): string | null {
  if (!PDFTOTEXT) return null;
  return normaliseExtractedText(
    execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 32 * 1024 * 1024 }).toString('utf8'),
  );
}
