/**
 * The fields of the event form (new and edit pages): type, host, the clusters gathered, titles and
 * descriptions in the three languages side by side, format, venue, time zone, start and end as
 * the venue's wall-clock time, seats, waiting list, approval, registration window, women target,
 * visibility. A plain form: it posts without JavaScript. Errors arrive as message keys.
 */

import { LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';

type Texts = Partial<Record<Locale, string>>;

export interface EventFormFieldsValue {
  type: string;
  host: string;
  country: string;
  clusters: string[];
  title: Texts;
  description: Texts;
  sourceLocale: string;
  format: string;
  venueName: Texts;
  venueAddress: string;
  city: Texts;
  timeZone: string;
  onlineUrl: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  waitlistEnabled: boolean;
  approvalRequired: boolean;
  registrationOpensAt: string;
  registrationClosesAt: string;
  womenTargetPercent: string;
  visibility: string;
}

export interface EventFormOptions {
  types: readonly string[];
  formats: readonly string[];
  visibilities: readonly string[];
  timeZones: readonly string[];
  hosts: { slug: string; name: Texts; countryIso2: string }[];
  /** Whether the programme itself may host (else a cluster must). */
  programmeHost: boolean;
  clusters: { slug: string; name: Texts; countryIso2: string }[];
  countries: { iso2: string; name: Texts }[];
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  const t = useT();
  if (!error) return null;
  return (
    <p id={id} className="field__error">
      {t(error)}
    </p>
  );
}

function TextsField({
  name,
  legend,
  value,
  error,
  multiline,
}: {
  name: string;
  legend: string;
  value: Texts;
  error?: string;
  multiline?: boolean;
}) {
  const t = useT();
  const errorId = `event-${name}-error`;
  return (
    <fieldset className="field event-form__texts" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      <div className="event-form__languages">
        {LOCALES.map((lang) => {
          const id = `event-${name}-${lang}`;
          const props = {
            id,
            name: `${name}.${lang}`,
            lang,
            dir: 'auto' as const,
            defaultValue: value[lang] ?? '',
            'aria-invalid': error ? true : undefined,
          };
          return (
            <div key={lang} className="field">
              <label htmlFor={id}>{t(`shell.language.${lang}`)}</label>
              {multiline ? <textarea rows={4} {...props} /> : <input {...props} />}
            </div>
          );
        })}
      </div>
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

function Select({
  name,
  label,
  value,
  options,
  error,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const id = `event-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

function Input({
  name,
  label,
  value,
  error,
  hint,
  ...rest
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'name'>) {
  const id = `event-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <input id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="choice">
      <input type="checkbox" name={name} defaultChecked={checked} /> {label}
    </label>
  );
}

export function EventFormFields({
  value,
  options,
  errors,
  locale,
}: {
  value: EventFormFieldsValue;
  options: EventFormOptions;
  errors: Record<string, string>;
  locale: Locale;
}) {
  const t = useT();
  const countryName = (iso2: string) => textIn(options.countries.find((c) => c.iso2 === iso2)?.name, locale, null, iso2);
  const byCountry = new Map<string, EventFormOptions['clusters']>();
  for (const c of options.clusters) byCountry.set(c.countryIso2, [...(byCountry.get(c.countryIso2) ?? []), c]);
  const hostOptions = [
    ...(options.programmeHost ? [{ value: '', label: t('events.form.hostProgramme') }] : []),
    ...options.hosts.map((h) => ({ value: h.slug, label: `${textIn(h.name, locale, null, h.slug)} (${countryName(h.countryIso2)})` })),
  ];
  return (
    <div className="event-form">
      <fieldset className="field">
        <legend>{t('events.form.what')}</legend>
        <Select
          name="type"
          label={t('events.form.type')}
          value={value.type}
          options={options.types.map((v) => ({ value: v, label: t(`events.type.${v}`) }))}
          error={errors.type}
        />
        <Select name="host" label={t('events.form.host')} value={value.host} options={hostOptions} error={errors.hostCluster} />
        <div className="field">
          <label htmlFor="event-clusters">{t('events.form.clusters')}</label>
          <p id="event-clusters-hint" className="field__hint">
            {t('events.form.clustersHint')}
          </p>
          <select
            id="event-clusters"
            name="clusters"
            multiple
            size={8}
            defaultValue={value.clusters}
            aria-describedby={errors.clusters ? 'event-clusters-hint event-clusters-error' : 'event-clusters-hint'}
          >
            {[...byCountry].map(([iso2, clusters]) => (
              <optgroup key={iso2} label={countryName(iso2)}>
                {clusters.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {textIn(c.name, locale, null, c.slug)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <ErrorText id="event-clusters-error" error={errors.clusters} />
        </div>
      </fieldset>
      <TextsField name="title" legend={t('events.form.title')} value={value.title} error={errors.title} />
      <TextsField name="description" legend={t('events.form.description')} value={value.description} error={errors.description} multiline />
      <Select
        name="sourceLocale"
        label={t('events.form.sourceLocale')}
        value={value.sourceLocale}
        options={LOCALES.map((l) => ({ value: l, label: t(`shell.language.${l}`) }))}
      />
      <fieldset className="field">
        <legend>{t('events.form.where')}</legend>
        <Select
          name="format"
          label={t('events.form.format')}
          value={value.format}
          options={options.formats.map((v) => ({ value: v, label: t(`events.format.${v}`) }))}
          error={errors.format}
        />
        <Select
          name="country"
          label={t('events.form.country')}
          value={value.country}
          options={[
            { value: '', label: t('events.form.countryFromHost') },
            ...options.countries.map((c) => ({ value: c.iso2, label: countryName(c.iso2) })),
          ]}
          error={errors.countryIso2}
        />
        <TextsField name="city" legend={t('events.form.city')} value={value.city} error={errors.city} />
        <TextsField name="venueName" legend={t('events.form.venueName')} value={value.venueName} error={errors.venueName} />
        <Input
          name="venueAddress"
          label={t('events.form.venueAddress')}
          value={value.venueAddress}
          error={errors.venueAddress}
          dir="auto"
        />
        <Input name="onlineUrl" label={t('events.form.onlineUrl')} value={value.onlineUrl} error={errors.onlineUrl} type="url" dir="ltr" />
      </fieldset>
      <fieldset className="field">
        <legend>{t('events.form.when')}</legend>
        <Select
          name="timeZone"
          label={t('events.form.timeZone')}
          value={value.timeZone}
          options={options.timeZones.map((z) => ({ value: z, label: t(`events.zone.${z}`) }))}
          error={errors.timeZone}
        />
        <Input
          name="startsAt"
          label={t('events.form.startsAt')}
          hint={t('events.form.localTimeHint')}
          value={value.startsAt}
          error={errors.startsAt}
          type="datetime-local"
          required
        />
        <Input name="endsAt" label={t('events.form.endsAt')} value={value.endsAt} error={errors.endsAt} type="datetime-local" required />
      </fieldset>
      <fieldset className="field">
        <legend>{t('events.form.registration')}</legend>
        <Select
          name="visibility"
          label={t('events.form.visibility')}
          value={value.visibility}
          options={options.visibilities.map((v) => ({ value: v, label: t(`events.visibility.${v}`) }))}
          error={errors.visibility}
        />
        <Input
          name="capacity"
          label={t('events.form.capacity')}
          hint={t('events.form.capacityHint')}
          value={value.capacity}
          error={errors.capacity}
          type="number"
          min={0}
          inputMode="numeric"
        />
        <Check name="waitlistEnabled" label={t('events.form.waitlist')} checked={value.waitlistEnabled} />
        <Check name="approvalRequired" label={t('events.form.approval')} checked={value.approvalRequired} />
        <Input
          name="registrationOpensAt"
          label={t('events.form.opens')}
          value={value.registrationOpensAt}
          error={errors.registrationOpensAt}
          type="datetime-local"
        />
        <Input
          name="registrationClosesAt"
          label={t('events.form.closes')}
          value={value.registrationClosesAt}
          error={errors.registrationClosesAt}
          type="datetime-local"
        />
        <Input
          name="womenTargetPercent"
          label={t('events.form.womenTarget')}
          value={value.womenTargetPercent}
          error={errors.womenTargetPercent}
          type="number"
          min={0}
          max={100}
          inputMode="numeric"
        />
      </fieldset>
    </div>
  );
}
