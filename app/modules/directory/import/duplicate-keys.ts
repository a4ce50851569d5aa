/**
 * What makes two records the same organisation or cluster: the same normalised name in the same
 * city (in any of the languages each is written in), the same e-mail address (case-insensitive)
 * or the same phone number (its digits). A register of these keys answers which known record or
 * earlier row a new one duplicates. Pure.
 */
import type { TranslatableValue } from '#app/shared/i18n/translatable.ts';
import { normaliseLabel } from './normalise.ts';

/** Normalised city names: a large file and the directory repeat the same few hundred cities. */
const normalisedCities = new Map<string, string>();

function normaliseCity(text: string): string {
  let key = normalisedCities.get(text);
  if (key === undefined) {
    key = normaliseLabel(text);
    if (normalisedCities.size < 10_000) normalisedCities.set(text, key);
  }
  return key;
}

/** Name-and-city keys: one per pair of a name's and a city's languages (`atelier nour|tunis`). */
export function nameCityKeys(name: TranslatableValue | null | undefined, city: TranslatableValue | null | undefined): string[] {
  // Plain loops: an import computes the keys of every record of the directory and of the file.
  const names: string[] = [];
  for (const text of Object.values(name ?? {})) {
    const key = text ? normaliseLabel(text) : '';
    if (key && !names.includes(key)) names.push(key);
  }
  const cities: string[] = [];
  for (const text of Object.values(city ?? {})) {
    const key = text ? normaliseCity(text) : '';
    if (key && !cities.includes(key)) cities.push(key);
  }
  if (cities.length === 0) cities.push('');
  const keys: string[] = [];
  for (const n of names) for (const c of cities) keys.push(`${n}|${c}`);
  return keys;
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

/** A record's keys, computed once when a row is both checked and then registered. */
export interface RecordKeys {
  nameCity: string[];
  email: string | null;
  phone: string | null;
}

export function recordKeys(record: KeyedRecord): RecordKeys {
  return { nameCity: nameCityKeys(record.name, record.city), email: emailKey(record.email), phone: phoneKey(record.phone) };
}

/** The keys of every record seen so far (the directory's, then the file's accepted rows). */
export class DuplicateRegister {
  private readonly byName = new Map<string, DuplicateTarget>();
  private readonly byEmail = new Map<string, DuplicateTarget>();
  private readonly byPhone = new Map<string, DuplicateTarget>();

  add(record: KeyedRecord, target: DuplicateTarget, keys: RecordKeys = recordKeys(record)): void {
    for (const key of keys.nameCity) if (!this.byName.has(key)) this.byName.set(key, target);
    if (keys.email && !this.byEmail.has(keys.email)) this.byEmail.set(keys.email, target);
    if (keys.phone && !this.byPhone.has(keys.phone)) this.byPhone.set(keys.phone, target);
  }

  /** The first record `record` duplicates, checking name and city, then e-mail, then phone. */
  find(record: KeyedRecord, keys: RecordKeys = recordKeys(record)): DuplicateMatch | null {
    for (const key of keys.nameCity) {
      const target = this.byName.get(key);
      if (target) return { key: 'name', target };
    }
    const byEmail = keys.email ? this.byEmail.get(keys.email) : undefined;
    if (byEmail) return { key: 'email', target: byEmail };
    const byPhone = keys.phone ? this.byPhone.get(keys.phone) : undefined;
    if (byPhone) return { key: 'phone', target: byPhone };
    return null;
  }
}
