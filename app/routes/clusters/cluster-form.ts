/**
 * A cluster's profile form, both ways: the posted form as the form holds it (to show it again
 * when refused), as a patch (the edit page: an empty optional field clears it) or as a new
 * cluster's input (the new-cluster page: an empty optional field is left out), and a saved
 * profile as the form's starting values. Pure.
 */
import type { ClusterFormValue } from '#app/modules/directory/components/cluster-form.tsx';
import type { ClusterInput, ClusterPatch, ClusterProfile } from '#app/modules/directory/index.ts';
import { isLocale, LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import type { TranslatableValue } from '#app/shared/i18n/translatable.ts';

function text(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

function translatable(form: FormData, name: string): TranslatableValue | null {
  const value: TranslatableValue = {};
  for (const lang of LOCALES) {
    const entry = text(form, `${name}.${lang}`);
    if (entry) value[lang] = entry;
  }
  return Object.keys(value).length > 0 ? value : null;
}

/** The posted form as typed: rows without text are dropped, everything else kept as a string. */
export function readClusterForm(form: FormData, fallbackLocale: Locale): ClusterFormValue {
  const facts: ClusterFormValue['facts'] = [];
  for (let i = 0; form.has(`fact.${i}.en`) || form.has(`fact.${i}.source`); i += 1) {
    const factText = translatable(form, `fact.${i}`);
    const source = text(form, `fact.${i}.source`);
    if (factText) facts.push({ text: factText, sourceUrl: source || null });
  }
  const links: ClusterFormValue['links'] = [];
  for (let i = 0; form.has(`link.${i}.url`); i += 1) {
    const url = text(form, `link.${i}.url`);
    if (url) links.push({ kind: text(form, `link.${i}.kind`), url });
  }
  const sourceLocale = text(form, 'sourceLocale');
  return {
    name: translatable(form, 'name'),
    description: translatable(form, 'description'),
    sourceLocale: isLocale(sourceLocale) ? sourceLocale : fallbackLocale,
    countryIso2: text(form, 'countryIso2'),
    city: translatable(form, 'city'),
    latitude: text(form, 'latitude'),
    longitude: text(form, 'longitude'),
    subsectorCode: text(form, 'subsectorCode'),
    materialCodes: form.getAll('materialCodes').map(String),
    stage: text(form, 'stage'),
    anchorOrganisationSlug: text(form, 'anchorOrganisationSlug'),
    facts,
    links,
  };
}

/** A coordinate as a number; a non-number is passed on as text so validation names the field. */
function coordinate(raw: string): number | null {
  if (!raw) return null;
  const value = Number(raw.replace(',', '.'));
  return (Number.isFinite(value) ? value : raw) as number;
}

/** The whole form as a patch: every field is present, empty optional fields clear their value. */
export function clusterPatchOf(value: ClusterFormValue): ClusterPatch {
  return {
    name: value.name ?? {},
    description: value.description,
    sourceLocale: value.sourceLocale,
    countryIso2: value.countryIso2,
    city: value.city,
    latitude: coordinate(value.latitude),
    longitude: coordinate(value.longitude),
    subsectorCode: value.subsectorCode,
    materialCodes: value.materialCodes,
    stage: value.stage as ClusterPatch['stage'],
    anchorOrganisationSlug: value.anchorOrganisationSlug || null,
    links: value.links as ClusterPatch['links'],
    facts: value.facts.map((fact) => ({ text: fact.text ?? {}, ...(fact.sourceUrl ? { sourceUrl: fact.sourceUrl } : {}) })),
  };
}

/**
 * The form as a new cluster: the patch without its empty fields (an unchosen country or subsector
 * is then reported as required); the slug comes from the name.
 */
export function clusterInputOf(value: ClusterFormValue): ClusterInput {
  const entries = Object.entries(clusterPatchOf(value)).filter(([, field]) => field !== null && field !== '');
  return Object.fromEntries(entries) as ClusterInput;
}

/** A saved profile as the form's starting values. */
export function clusterFormValueOf(cluster: ClusterProfile): ClusterFormValue {
  return {
    name: cluster.name,
    description: cluster.description,
    sourceLocale: cluster.sourceLocale,
    countryIso2: cluster.countryIso2,
    city: cluster.city,
    latitude: cluster.latitude === null ? '' : String(cluster.latitude),
    longitude: cluster.longitude === null ? '' : String(cluster.longitude),
    subsectorCode: cluster.subsectorCode,
    materialCodes: cluster.materialCodes,
    stage: cluster.stage,
    anchorOrganisationSlug: cluster.anchor?.slug ?? '',
    facts: cluster.facts,
    links: cluster.links,
  };
}

/** A new cluster's starting values: written in the page's language, at the first stage, in the only country offered if there is one. */
export function newClusterFormValue(locale: Locale, countryCodes: readonly string[]): ClusterFormValue {
  return {
    name: null,
    description: null,
    sourceLocale: locale,
    countryIso2: countryCodes.length === 1 ? (countryCodes[0] ?? '') : '',
    city: null,
    latitude: '',
    longitude: '',
    subsectorCode: '',
    materialCodes: [],
    stage: 'mapped',
    anchorOrganisationSlug: '',
    facts: [],
    links: [],
  };
}
