/**
 * What makes two records the same organisation or cluster: the same normalised name in the same
 * city (in any of the languages each is written in), the same e-mail address (case-insensitive)
 * or the same phone number (its digits). A register of these keys answers which known record or
 * earlier row a new one duplicates. Pure.
 */
import type { TranslatableValue } from '#app/shared/i18n/translatable.ts';
import { normaliseLabel } from './normalise.ts';

/** Name-and-city keys: one per pair of a name's and a city's languages (`atelier nour|tunis`). */
export function nameCityKeys(name: TranslatableValue | null | undefined, city: TranslatableValue | null | undefined): string[] {
  const names = [...new Set(Object.values(name ?? {}).map((text) => normaliseLabel(text ?? '')))].filter(Boolean);
  const cities = [...new Set(Object.values(city ?? {}).map((text) => normaliseLabel(text ?? '')))].filter(Boolean);
  if (cities.length === 0) cities.push('');
  return names.flatMap((n) => cities.map((c) => `${n}|${c}`));
}

export function emailKey(email: string | null | undefined): string | null {
  const key = email?.trim().toLowerCase();
  return key ? key : null;
}

/** Digits only; fewer than six digits identify nothing. */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return digits.length >= 6 ? digits : null;
}

/** What a duplicate duplicates: a record already in the directory, or an earlier row of the file. */
export type DuplicateTarget = { slug: string } | { row: number };

export interface DuplicateMatch {
  /** Which key matched: `name`, `email` or `phone`. */
  key: 'name' | 'email' | 'phone';
  target: DuplicateTarget;
}

export interface KeyedRecord {
  name: TranslatableValue | null | undefined;
  city?: TranslatableValue | null;
  email?: string | null;
  phone?: string | null;
}

/** The keys of every record seen so far (the directory's, then the file's accepted rows). */
export class DuplicateRegister {
  private readonly byName = new Map<string, DuplicateTarget>();
  private readonly byEmail = new Map<string, DuplicateTarget>();
  private readonly byPhone = new Map<string, DuplicateTarget>();

  add(record: KeyedRecord, target: DuplicateTarget): void {
    for (const key of nameCityKeys(record.name, record.city)) if (!this.byName.has(key)) this.byName.set(key, target);
    const email = emailKey(record.email);
    if (email && !this.byEmail.has(email)) this.byEmail.set(email, target);
    const phone = phoneKey(record.phone);
    if (phone && !this.byPhone.has(phone)) this.byPhone.set(phone, target);
  }

  /** The first record `record` duplicates, checking name and city, then e-mail, then phone. */
  find(record: KeyedRecord): DuplicateMatch | null {
    for (const key of nameCityKeys(record.name, record.city)) {
      const target = this.byName.get(key);
      if (target) return { key: 'name', target };
    }
    const email = emailKey(record.email);
    const byEmail = email ? this.byEmail.get(email) : undefined;
    if (byEmail) return { key: 'email', target: byEmail };
    const phone = phoneKey(record.phone);
    const byPhone = phone ? this.byPhone.get(phone) : undefined;
    if (byPhone) return { key: 'phone', target: byPhone };
    return null;
  }
}
