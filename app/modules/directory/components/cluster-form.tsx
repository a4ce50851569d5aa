/**
 * The fields of a cluster's profile, shared by the new-cluster page and the edit page: names,
 * descriptions, cities and facts in any of the three languages (one is enough), facts with their
 * source, links. Values are what the form holds (as typed, so a refused form shows them again);
 * errors are message keys by field name, said beside the field.
 */

import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { type TranslatableValue, textIn } from '#app/shared/i18n/translatable.ts';

export interface ClusterFormFact {
  text: TranslatableValue | null;
  sourceUrl: string | null;
}

export interface ClusterFormLink {
  kind: string;
  url: string;
}

/** A cluster's profile as the form holds it: coordinates as typed, the anchor by its slug. */
export interface ClusterFormValue {
  name: TranslatableValue | null;
  description: TranslatableValue | null;
  sourceLocale: Locale;
  countryIso2: string;
  city: TranslatableValue | null;
  latitude: string;
  longitude: string;
  subsectorCode: string;
  materialCodes: string[];
  stage: string;
  anchorOrganisationSlug: string;
  facts: ClusterFormFact[];
  links: ClusterFormLink[];
}

export interface ClusterFormChoices {
  countries: Record<string, TranslatableValue>;
  subsectors: Record<string, TranslatableValue>;
  materials: Record<string, TranslatableValue>;
  /** The countries offered (for country-scoped staff, theirs only), in display order. */
  countryCodes: string[];
  subsectorCodes: string[];
  materialCodes: string[];
  stages: string[];
  linkKinds: string[];
}

const EXTRA_FACT_ROWS = 2;
const LINK_ROWS = 4;

export function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  const t = useT();
  return error ? (
    <p id={id} className="field__error">
      {t(error)}
    </p>
  ) : null;
}

export function describedBy(id: string, error: string | undefined, hint?: string): string | undefined {
  return [hint, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
}

function LanguageFields({
  name,
  legend,
  value,
  error,
  multiline = false,
  required = false,
}: {
  name: string;
  legend: string;
  value: TranslatableValue | null | undefined;
  error?: string;
  multiline?: boolean;
  required?: boolean;
}) {
  const t = useT();
  const errorId = `${name}-error`;
  return (
    <fieldset className="field" aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        {required && <span className="field__hint"> {t('directory.clusters.edit.oneLanguage')}</span>}
      </legend>
      {LOCALES.map((lang) => {
        const id = `${name}-${lang}`.replace(/\./g, '-');
        const props = {
          id,
          name: `${name}.${lang}`,
          lang,
          dir: 'auto' as const,
          defaultValue: value?.[lang] ?? '',
          'aria-invalid': error ? true : undefined,
        };
        return (
          <div key={lang} className="field">
            <label htmlFor={id}>{t(`shell.language.${lang}`)}</label>
            {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
          </div>
        );
      })}
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

interface SelectProps {
  id: string;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  error: string | undefined;
  /** The label of an empty first choice, when nothing is chosen yet. */
  placeholder?: string;
}

function SelectField({ id, name, label, value, options, error, placeholder }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        required={placeholder !== undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

function CoordinateField({ name, label, value, error }: { name: 'latitude' | 'longitude'; label: string; value: string; error?: string }) {
  const id = `cluster-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        inputMode="decimal"
        dir="ltr"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, 'cluster-coordinates-hint')}
      />
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

export function ClusterProfileFields({
  value,
  choices,
  locale,
  errors,
}: {
  value: ClusterFormValue;
  choices: ClusterFormChoices;
  locale: Locale;
  errors: Record<string, string>;
}) {
  const t = useT();
  const label = (codes: Record<string, TranslatableValue>, code: string) => textIn(codes[code], locale, null, code);
  const facts = [...value.facts, ...Array.from({ length: EXTRA_FACT_ROWS }, () => ({ text: null, sourceUrl: null }))];
  const links = [
    ...value.links,
    ...Array.from({ length: Math.max(0, LINK_ROWS - value.links.length) }, () => ({ kind: 'website', url: '' })),
  ];
  const choose = t('directory.clusters.new.choose');
  return (
    <>
      <LanguageFields name="name" legend={t('directory.clusters.edit.name')} value={value.name} error={errors.name} required />
      <SelectField
        id="cluster-source-locale"
        name="sourceLocale"
        label={t('directory.clusters.edit.sourceLocale')}
        value={value.sourceLocale}
        options={LOCALES.map((lang) => ({ value: lang, label: t(`shell.language.${lang}`) }))}
        error={errors.sourceLocale}
      />
      <LanguageFields
        name="description"
        legend={t('directory.clusters.edit.description')}
        value={value.description}
        error={errors.description}
        multiline
      />
      <SelectField
        id="cluster-country"
        name="countryIso2"
        label={t('directory.clusters.filters.country')}
        value={value.countryIso2}
        options={choices.countryCodes.map((iso2) => ({ value: iso2, label: label(choices.countries, iso2) }))}
        error={errors.countryIso2}
        placeholder={value.countryIso2 ? undefined : choose}
      />
      <LanguageFields name="city" legend={t('directory.clusters.edit.city')} value={value.city} error={errors.city} />
      <CoordinateField name="latitude" label={t('directory.clusters.edit.latitude')} value={value.latitude} error={errors.latitude} />
      <CoordinateField name="longitude" label={t('directory.clusters.edit.longitude')} value={value.longitude} error={errors.longitude} />
      <p id="cluster-coordinates-hint" className="field__hint">
        {t('directory.clusters.edit.coordinatesHint')}
      </p>
      <SelectField
        id="cluster-subsector"
        name="subsectorCode"
        label={t('directory.clusters.filters.subsector')}
        value={value.subsectorCode}
        options={choices.subsectorCodes.map((code) => ({ value: code, label: label(choices.subsectors, code) }))}
        error={errors.subsectorCode}
        placeholder={value.subsectorCode ? undefined : choose}
      />
      <fieldset className="field" aria-describedby={errors.materialCodes ? 'cluster-materials-error' : undefined}>
        <legend>{t('directory.clusters.profile.materials')}</legend>
        <div className="cluster-materials">
          {choices.materialCodes.map((code) => (
            <label key={code} className="choice">
              <input type="checkbox" name="materialCodes" value={code} defaultChecked={value.materialCodes.includes(code)} />
              {label(choices.materials, code)}
            </label>
          ))}
        </div>
        <ErrorText id="cluster-materials-error" error={errors.materialCodes} />
      </fieldset>
      <SelectField
        id="cluster-stage"
        name="stage"
        label={t('directory.clusters.filters.stage')}
        value={value.stage}
        options={choices.stages.map((stage) => ({ value: stage, label: t(`directory.stage.${stage}`) }))}
        error={errors.stage}
      />
      <div className="field">
        <label htmlFor="cluster-anchor">{t('directory.clusters.profile.anchor')}</label>
        <input
          id="cluster-anchor"
          name="anchorOrganisationSlug"
          dir="ltr"
          defaultValue={value.anchorOrganisationSlug}
          aria-invalid={errors.anchorOrganisationSlug ? true : undefined}
          aria-describedby={describedBy('cluster-anchor', errors.anchorOrganisationSlug, 'cluster-anchor-hint')}
        />
        <p id="cluster-anchor-hint" className="field__hint">
          {t('directory.clusters.edit.slugHint')}
        </p>
        <ErrorText id="cluster-anchor-error" error={errors.anchorOrganisationSlug} />
      </div>

      <fieldset className="field" aria-describedby={errors.facts ? 'cluster-facts-error' : undefined}>
        <legend>{t('directory.clusters.profile.facts')}</legend>
        <p className="field__hint">{t('directory.clusters.edit.factsHint')}</p>
        {facts.map((fact, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a form rendered once per load
          <div key={index} className="cluster-fact-row">
            <LanguageFields
              name={`fact.${index}`}
              legend={t('directory.clusters.edit.fact', { number: index + 1 })}
              value={fact.text}
              multiline
            />
            <div className="field">
              <label htmlFor={`fact-${index}-source`}>{t('directory.clusters.edit.factSource', { number: index + 1 })}</label>
              <input id={`fact-${index}-source`} name={`fact.${index}.source`} type="url" dir="ltr" defaultValue={fact.sourceUrl ?? ''} />
            </div>
          </div>
        ))}
        <ErrorText id="cluster-facts-error" error={errors.facts} />
      </fieldset>

      <fieldset className="field" aria-describedby={errors.links ? 'cluster-links-error' : undefined}>
        <legend>{t('directory.clusters.profile.links')}</legend>
        {links.map((link, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a form rendered once per load
          <div key={index} className="cluster-link-row">
            <div className="field">
              <label htmlFor={`link-${index}-kind`}>{t('directory.clusters.edit.linkKind', { number: index + 1 })}</label>
              <select id={`link-${index}-kind`} name={`link.${index}.kind`} defaultValue={link.kind}>
                {choices.linkKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`directory.clusters.linkKind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`link-${index}-url`}>{t('directory.clusters.edit.linkUrl', { number: index + 1 })}</label>
              <input id={`link-${index}-url`} name={`link.${index}.url`} type="url" dir="ltr" defaultValue={link.url} />
            </div>
          </div>
        ))}
        <ErrorText id="cluster-links-error" error={errors.links} />
      </fieldset>
    </>
  );
}
