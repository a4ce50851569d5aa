/**
 * Accessible form pieces of the directory's management pages: each field's hint and error are tied
 * to its input with `aria-describedby`, errors arrive as translation codes, and the error summary
 * links to each field. Values come from a `FormState`, so what was typed survives a refusal.
 */
import type { ReactNode } from 'react';
import { useT } from '#app/shared/i18n/react.tsx';
import type { FormState } from '../organisation-admin.form.ts';

/** What a management page's action answers when a submission is refused. */
export interface ManageFailure {
  /** Error code (`errors.<code>`). */
  code: string;
  /** Form field -> issue code (`errors.field.<code>`). */
  fields: Record<string, string>;
  /** What was typed, to show again. */
  values: FormState;
  /** The organisation already in the directory, for a duplicate. */
  existing?: { slug: string; name: Partial<Record<string, string>>; sourceLocale: string };
}

export function fieldDomId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function stringValue(values: FormState, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

export function listValue(values: FormState, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : [];
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="field__hint">
      {children}
    </p>
  );
}

export function FieldError({ id, code }: { id: string; code: string | undefined }) {
  const t = useT();
  if (!code) return null;
  return (
    <p id={`${id}-error`} className="field__error">
      {t(`errors.field.${code}`)}
    </p>
  );
}

interface InputProps {
  name: string;
  label: string;
  values: FormState;
  error?: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number';
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  multiline?: boolean;
  lang?: string;
}

export function InputField({ name, label, values, error, hint, type = 'text', multiline, lang, ...rest }: InputProps) {
  const id = fieldDomId(name);
  const common = {
    id,
    name,
    defaultValue: stringValue(values, name),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, Boolean(hint), Boolean(error)),
    dir: type === 'text' ? ('auto' as const) : ('ltr' as const),
    lang,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <Hint id={id}>{hint}</Hint>}
      <FieldError id={id} code={error} />
      {multiline ? (
        <textarea rows={4} {...common} maxLength={rest.maxLength} required={rest.required} />
      ) : (
        <input type={type === 'number' ? 'text' : type} {...common} {...rest} />
      )}
    </div>
  );
}

export function SelectInput({
  name,
  label,
  values,
  options,
  error,
  hint,
  required,
  emptyLabel,
}: {
  name: string;
  label: string;
  values: FormState;
  options: { value: string; label: string; lang?: string }[];
  error?: string;
  hint?: string;
  required?: boolean;
  /** Offers an empty choice with this label. */
  emptyLabel?: string;
}) {
  const id = fieldDomId(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <Hint id={id}>{hint}</Hint>}
      <FieldError id={id} code={error} />
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={stringValue(values, name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of checkboxes (or one checkbox with `single`), as a fieldset whose legend names it. */
export function CheckboxGroup({
  name,
  id = fieldDomId(name),
  legend,
  values,
  options,
  error,
  hint,
}: {
  name: string;
  /** Defaults to the field's id; set it when several groups post the same field. */
  id?: string;
  legend: string;
  values: FormState;
  options: { value: string; label: string; lang?: string }[];
  error?: string;
  hint?: string;
}) {
  const checked = new Set(listValue(values, name));
  return (
    <fieldset className="field choice-group" id={id} aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}>
      <legend>{legend}</legend>
      {hint && <Hint id={id}>{hint}</Hint>}
      <FieldError id={id} code={error} />
      <div className="choice-group__options">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input type="checkbox" name={name} value={option.value} defaultChecked={checked.has(option.value)} />
            <span lang={option.lang}>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function FlagField({ name, label, values, hint }: { name: string; label: string; values: FormState; hint?: string }) {
  const id = fieldDomId(name);
  return (
    <div className="field">
      <label className="choice" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={stringValue(values, name) !== ''}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        {label}
      </label>
      {hint && <Hint id={id}>{hint}</Hint>}
    </div>
  );
}

/** One input per language for a translatable text; one language is enough. */
export function TranslatableField({
  name,
  legend,
  values,
  error,
  hint,
  multiline,
  required,
}: {
  name: string;
  legend: string;
  values: FormState;
  error?: string;
  hint?: string;
  multiline?: boolean;
  required?: boolean;
}) {
  const t = useT();
  const id = fieldDomId(name);
  return (
    <fieldset className="field translatable-field" id={id} aria-describedby={describedBy(id, true, Boolean(error))}>
      <legend>
        {legend}
        {required && <span className="visually-hidden"> ({t('directory.manage.form.required')})</span>}
      </legend>
      <Hint id={id}>{hint ?? t('directory.manage.form.translatableHint')}</Hint>
      <FieldError id={id} code={error} />
      {(['ar', 'fr', 'en'] as const).map((locale) => {
        const inputId = `${id}-${locale}`;
        const common = {
          id: inputId,
          name: `${name}.${locale}`,
          lang: locale,
          dir: locale === 'ar' ? ('rtl' as const) : ('ltr' as const),
          defaultValue: stringValue(values, `${name}.${locale}`),
          'aria-invalid': error ? true : undefined,
        };
        return (
          <div key={locale} className="translatable-field__language">
            <label htmlFor={inputId}>{t(`shell.language.${locale}`)}</label>
            {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
          </div>
        );
      })}
    </fieldset>
  );
}

export function FailureSummary({ failure, labels }: { failure: ManageFailure | undefined; labels: Record<string, string> }) {
  const t = useT();
  if (!failure) return null;
  const fields = Object.entries(failure.fields).filter(([name]) => labels[name]);
  return (
    <div className="form-error" role="alert" aria-labelledby="form-error-title">
      <p id="form-error-title">{t(`errors.${failure.code}`)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([name, code]) => (
            <li key={name}>
              <a href={`#${fieldDomId(name)}`}>
                {labels[name]}: {t(`errors.field.${code}`)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
