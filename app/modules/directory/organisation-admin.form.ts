/**
 * The organisation form of the pages (propose, create, edit) as plain data: what the browser
 * posts becomes the service's input, and a stored organisation or a refused submission becomes
 * the values the form shows again (so nothing typed is lost after an error). Pure; works without
 * JavaScript because it reads ordinary form fields: one input per language for translatable
 * texts, checkbox groups for lists, one URL field per kind of link.
 */
import type { ProfileLink } from './directory.vocabulary.ts';

/** Field values as the form shows them: a string per field, a list for checkbox groups. */
export type FormState = Record<string, string | string[]>;

export const FORM_LOCALES = ['ar', 'fr', 'en'] as const;
export const TRANSLATABLE_FIELDS = ['name', 'description', 'city', 'products'] as const;
export const LIST_FIELDS = ['subsectorCodes', 'materialCodes', 'markets', 'valueChainRoles', 'workingLanguages'] as const;
export const FLAG_FIELDS = ['womenLed', 'womenOwned', 'youthLed', 'contactConsent'] as const;
const NUMBER_FIELDS = ['foundedYear', 'latitude', 'longitude', 'staffTotal', 'staffWomen', 'staffMen'] as const;
const TEXT_FIELDS = ['sourceLocale', 'type', 'sizeClass', 'countryIso2', 'address', 'email', 'phone'] as const;
export const LINK_KINDS: readonly ProfileLink['kind'][] = [
  'website',
  'facebook',
  'instagram',
  'linkedin',
  'youtube',
  'x',
  'tiktok',
  'other',
];

/** Working languages offered as checkboxes (ISO 639-1); languages already stored are offered too. */
export const COMMON_WORKING_LANGUAGES = ['ar', 'fr', 'en', 'es', 'it', 'de', 'tr', 'pt'] as const;

/** The posted fields; files are left to the upload form. */
export function formStateFromForm(form: FormData): FormState {
  const state: FormState = {};
  for (const [name, value] of form) {
    if (typeof value !== 'string') continue;
    if ((LIST_FIELDS as readonly string[]).includes(name)) {
      const list = state[name];
      state[name] = Array.isArray(list) ? [...list, value] : [value];
    } else {
      state[name] = value;
    }
  }
  return state;
}

function text(state: FormState, name: string): string {
  const value = state[name];
  return typeof value === 'string' ? value.trim() : '';
}

function list(state: FormState, name: string): string[] {
  const value = state[name];
  return Array.isArray(value) ? value.filter(Boolean) : [];
}

/** A number, null when empty; text that is not a number is passed on so validation names the field. */
function numberOf(raw: string): number | string | null {
  if (raw === '') return null;
  const value = Number(raw.replace(',', '.'));
  return Number.isFinite(value) ? value : raw;
}

/**
 * The service input from the form. `patch` keeps every field, empty ones as `null` (the form
 * shows every field, so an emptied one is cleared); `create` leaves empty ones out.
 */
export function organisationInputFromForm(state: FormState, mode: 'create' | 'patch'): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const put = (name: string, value: unknown) => {
    if (value === null && mode === 'create') return;
    input[name] = value;
  };
  for (const field of TRANSLATABLE_FIELDS) {
    const value = Object.fromEntries(FORM_LOCALES.map((locale) => [locale, text(state, `${field}.${locale}`)]).filter(([, v]) => v));
    put(field, Object.keys(value).length > 0 ? value : null);
  }
  for (const field of TEXT_FIELDS) put(field, text(state, field) || null);
  for (const field of NUMBER_FIELDS) put(field, numberOf(text(state, field)));
  for (const field of LIST_FIELDS) input[field] = list(state, field);
  for (const field of FLAG_FIELDS) input[field] = text(state, field) !== '';
  input.certifications = text(state, 'certifications')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  input.links = LINK_KINDS.map((kind) => ({ kind, url: text(state, `link.${kind}`) })).filter((link) => link.url);
  return input;
}

/** The stored organisation as form values. */
export interface StoredOrganisationValues {
  name: Partial<Record<string, string>>;
  description: Partial<Record<string, string>> | null;
  city: Partial<Record<string, string>> | null;
  products: Partial<Record<string, string>> | null;
  sourceLocale: string;
  type: string;
  sizeClass: string | null;
  countryIso2: string;
  address: string | null;
  email: string | null;
  phone: string | null;
  foundedYear: number | null;
  latitude: number | null;
  longitude: number | null;
  staffTotal: number | null;
  staffWomen: number | null;
  staffMen: number | null;
  subsectorCodes: string[];
  materialCodes: string[];
  markets: string[];
  valueChainRoles: string[];
  workingLanguages: string[];
  womenLed: boolean;
  womenOwned: boolean;
  youthLed: boolean;
  contactConsent: boolean;
  certifications: string[];
  links: ProfileLink[];
}

export function formStateOf(values: StoredOrganisationValues): FormState {
  const state: FormState = {};
  for (const field of TRANSLATABLE_FIELDS) {
    for (const locale of FORM_LOCALES) state[`${field}.${locale}`] = values[field]?.[locale] ?? '';
  }
  for (const field of TEXT_FIELDS) state[field] = values[field] ?? '';
  for (const field of NUMBER_FIELDS) state[field] = values[field] === null ? '' : String(values[field]);
  for (const field of LIST_FIELDS) state[field] = [...values[field]];
  for (const field of FLAG_FIELDS) state[field] = values[field] ? 'on' : '';
  state.certifications = values.certifications.join('\n');
  for (const link of values.links) state[`link.${link.kind}`] ??= link.url;
  return state;
}

/**
 * Field issues keyed by the form's field: `name.en` and `name` both go to the name group,
 * `links.2.url` to the link field of that kind, `subsectorCodes.1` to the group.
 */
export function formFieldOf(issueField: string, input: Record<string, unknown>): string {
  const [head, index] = issueField.split('.');
  if (head === 'links' && index !== undefined) {
    const links = Array.isArray(input.links) ? (input.links as ProfileLink[]) : [];
    const kind = links[Number(index)]?.kind;
    return kind ? `link.${kind}` : 'links';
  }
  return head ?? issueField;
}
