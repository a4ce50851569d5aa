/**
 * The organisation form (propose, create, edit): every field of the profile, grouped in sections,
 * translatable texts with one input per language, lists as checkbox groups, and a contact consent
 * worded so people know exactly what it shows and to whom. Plain HTML form: works without JavaScript.
 */
import { Form, Link } from 'react-router';
import { useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { MARKETS, ORGANISATION_TYPES, SIZE_CLASSES, VALUE_CHAIN_ROLES } from '../directory.vocabulary.ts';
import { COMMON_WORKING_LANGUAGES, type FormState, LINK_KINDS } from '../organisation-admin.form.ts';
import {
  CheckboxGroup,
  FailureSummary,
  FieldError,
  FlagField,
  fieldDomId,
  InputField,
  listValue,
  type ManageFailure,
  SelectInput,
  TranslatableField,
} from './manage-fields.tsx';

type Names = Partial<Record<string, string>>;

export interface OrganisationFormChoices {
  countries: { iso2: string; name: Names }[];
  sectors: { code: string; name: Names; subsectors: { code: string; name: Names }[] }[];
  materials: { code: string; name: Names }[];
}

interface Props {
  choices: OrganisationFormChoices;
  values: FormState;
  failure?: ManageFailure;
  submitLabel: string;
}

function useLanguageName(): (code: string) => string {
  const locale = useLocale();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return (code) => names.of(code) ?? code;
}

export function OrganisationForm({ choices, values, failure, submitLabel }: Props) {
  const t = useT();
  const locale = useLocale();
  const languageName = useLanguageName();
  const shown = failure?.values ?? values;
  const error = (name: string) => failure?.fields[name];
  const label = (key: string) => t(`directory.manage.field.${key}`);
  const labels: Record<string, string> = Object.fromEntries(
    [
      'name',
      'description',
      'sourceLocale',
      'type',
      'sizeClass',
      'foundedYear',
      'countryIso2',
      'city',
      'latitude',
      'longitude',
      'subsectorCodes',
      'materialCodes',
      'products',
      'markets',
      'valueChainRoles',
      'workingLanguages',
      'certifications',
      'staffTotal',
      'staffWomen',
      'staffMen',
      'address',
      'email',
      'phone',
      'slug',
    ].map((key) => [key, label(key)]),
  );
  for (const kind of LINK_KINDS) labels[`link.${kind}`] = t(`directory.manage.link.${kind}`);
  const languages = [...new Set([...COMMON_WORKING_LANGUAGES, ...listValue(shown, 'workingLanguages')])];

  return (
    <Form method="post" className="form manage-form" noValidate>
      <input type="hidden" name="intent" value="save" />
      <FailureSummary failure={failure} labels={labels} />
      {failure?.existing && (
        <p className="form-error">
          {t('directory.manage.duplicate.existing', {
            link: (
              <Link key="existing" to={`/${locale}/organisations/${failure.existing.slug}`}>
                <bdi>{textIn(failure.existing.name, locale, failure.existing.sourceLocale)}</bdi>
              </Link>
            ),
          })}
        </p>
      )}

      <fieldset className="manage-section">
        <legend>{t('directory.manage.section.identity')}</legend>
        <TranslatableField name="name" legend={labels.name!} values={shown} error={error('name')} required />
        <SelectInput
          name="sourceLocale"
          label={labels.sourceLocale!}
          hint={t('directory.manage.hint.sourceLocale')}
          values={shown}
          options={(['ar', 'fr', 'en'] as const).map((code) => ({ value: code, label: t(`shell.language.${code}`) }))}
          error={error('sourceLocale')}
        />
        <SelectInput
          name="type"
          label={labels.type!}
          values={shown}
          required
          emptyLabel={t('directory.manage.form.choose')}
          options={ORGANISATION_TYPES.map((code) => ({ value: code, label: t(`directory.type.${code}`) }))}
          error={error('type')}
        />
        <SelectInput
          name="sizeClass"
          label={labels.sizeClass!}
          values={shown}
          emptyLabel={t('directory.manage.form.notSaid')}
          options={SIZE_CLASSES.map((code) => ({ value: code, label: t(`directory.size.${code}`) }))}
          error={error('sizeClass')}
        />
        <InputField
          name="foundedYear"
          label={labels.foundedYear!}
          values={shown}
          inputMode="numeric"
          maxLength={4}
          error={error('foundedYear')}
        />
        <TranslatableField name="description" legend={labels.description!} values={shown} error={error('description')} multiline />
      </fieldset>

      <fieldset className="manage-section">
        <legend>{t('directory.manage.section.location')}</legend>
        <SelectInput
          name="countryIso2"
          label={labels.countryIso2!}
          values={shown}
          required
          emptyLabel={t('directory.manage.form.choose')}
          options={choices.countries
            .map((country) => ({ value: country.iso2, label: textIn(country.name, locale, 'en', country.iso2) }))
            .sort((a, b) => a.label.localeCompare(b.label, locale))}
          error={error('countryIso2')}
        />
        <TranslatableField name="city" legend={labels.city!} values={shown} error={error('city')} />
        <InputField
          name="latitude"
          label={labels.latitude!}
          hint={t('directory.manage.hint.coordinates')}
          values={shown}
          inputMode="decimal"
          error={error('latitude')}
        />
        <InputField name="longitude" label={labels.longitude!} values={shown} inputMode="decimal" error={error('longitude')} />
      </fieldset>

      <fieldset className="manage-section">
        <legend>{t('directory.manage.section.activity')}</legend>
        <fieldset
          className="field"
          id={fieldDomId('subsectorCodes')}
          aria-describedby={error('subsectorCodes') ? `${fieldDomId('subsectorCodes')}-error` : undefined}
        >
          <legend>{labels.subsectorCodes}</legend>
          <FieldError id={fieldDomId('subsectorCodes')} code={error('subsectorCodes')} />
          {choices.sectors.map((family) => (
            <CheckboxGroup
              key={family.code}
              id={`subsectors-${family.code}`}
              name="subsectorCodes"
              legend={textIn(family.name, locale, 'en', family.code)}
              values={shown}
              options={family.subsectors.map((s) => ({ value: s.code, label: textIn(s.name, locale, 'en', s.code) }))}
            />
          ))}
        </fieldset>
        <CheckboxGroup
          name="materialCodes"
          legend={labels.materialCodes!}
          values={shown}
          options={choices.materials
            .map((m) => ({ value: m.code, label: textIn(m.name, locale, 'en', m.code) }))
            .sort((a, b) => a.label.localeCompare(b.label, locale))}
          error={error('materialCodes')}
        />
        <TranslatableField name="products" legend={labels.products!} values={shown} error={error('products')} multiline />
        <CheckboxGroup
          name="markets"
          legend={labels.markets!}
          values={shown}
          options={MARKETS.map((code) => ({ value: code, label: t(`directory.market.${code}`) }))}
          error={error('markets')}
        />
        <CheckboxGroup
          name="valueChainRoles"
          legend={labels.valueChainRoles!}
          values={shown}
          options={VALUE_CHAIN_ROLES.map((code) => ({ value: code, label: t(`directory.valueChain.${code}`) }))}
          error={error('valueChainRoles')}
        />
        <CheckboxGroup
          name="workingLanguages"
          legend={labels.workingLanguages!}
          values={shown}
          options={languages.map((code) => ({ value: code, label: languageName(code) }))}
          error={error('workingLanguages')}
        />
        <InputField
          name="certifications"
          label={labels.certifications!}
          hint={t('directory.manage.hint.certifications')}
          values={shown}
          multiline
          error={error('certifications')}
        />
      </fieldset>

      <fieldset className="manage-section">
        <legend>{t('directory.manage.section.people')}</legend>
        <InputField name="staffTotal" label={labels.staffTotal!} values={shown} inputMode="numeric" error={error('staffTotal')} />
        <InputField name="staffWomen" label={labels.staffWomen!} values={shown} inputMode="numeric" error={error('staffWomen')} />
        <InputField name="staffMen" label={labels.staffMen!} values={shown} inputMode="numeric" error={error('staffMen')} />
        <FlagField name="womenLed" label={t('directory.womenLed')} hint={t('directory.manage.hint.womenLed')} values={shown} />
        <FlagField name="womenOwned" label={t('directory.womenOwned')} hint={t('directory.manage.hint.womenOwned')} values={shown} />
        <FlagField name="youthLed" label={t('directory.youthLed')} hint={t('directory.manage.hint.youthLed')} values={shown} />
      </fieldset>

      <fieldset className="manage-section">
        <legend>{t('directory.manage.section.contact')}</legend>
        <p className="field__hint">{t('directory.manage.hint.contact')}</p>
        <InputField name="address" label={labels.address!} values={shown} autoComplete="street-address" error={error('address')} />
        <InputField name="email" label={labels.email!} type="email" values={shown} autoComplete="email" error={error('email')} />
        <InputField name="phone" label={labels.phone!} type="tel" values={shown} autoComplete="tel" error={error('phone')} />
        <FlagField
          name="contactConsent"
          label={t('directory.manage.field.contactConsent')}
          hint={t('directory.manage.hint.contactConsent')}
          values={shown}
        />
        {LINK_KINDS.map((kind) => (
          <InputField
            key={kind}
            name={`link.${kind}`}
            label={labels[`link.${kind}`]!}
            type="url"
            values={shown}
            error={error(`link.${kind}`)}
          />
        ))}
      </fieldset>

      <div>
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
