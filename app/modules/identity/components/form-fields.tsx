/**
 * Accessible form pieces for the account pages: labelled fields whose hint and error are tied to
 * the input with `aria-describedby`, and an error summary that names each field and links to it.
 * Errors arrive as translation codes from the action, never as raw server strings.
 */
import type { ReactNode } from 'react';
import { useT } from '#app/shared/i18n/react.tsx';

/** What an account page's action answers when a request is refused. */
export interface FormFailure {
  /** Error code (`errors.<code>`). */
  code: string;
  /** Field name -> field issue code (`errors.field.<code>`). */
  fields: Record<string, string>;
  /** What the person typed, passwords excepted, to put back in the form. */
  values: Record<string, string>;
  /** Seconds to wait, for rate limits. */
  retryAfter?: number;
}

export function fieldId(name: string): string {
  return `field-${name}`;
}

/**
 * Messages for the fields of a refused form: `fieldError('password', { too_small: 'identity.field.passwordTooShort' })`
 * uses the page's specific wording when it has one and the generic one otherwise.
 */
export function useFieldErrors(failure: FormFailure | undefined): (name: string, specific?: Record<string, string>) => string | undefined {
  const t = useT();
  return (name, specific) => {
    const code = failure?.fields[name];
    if (!code) return undefined;
    return t(specific?.[code] ?? `errors.field.${code}`);
  };
}

/** Each language named in itself, so a reader finds their own whatever the page's language. */
export const LANGUAGE_OPTIONS = [
  { value: 'ar', label: 'العربية', lang: 'ar' },
  { value: 'fr', label: 'Français', lang: 'fr' },
  { value: 'en', label: 'English', lang: 'en' },
];

export function ErrorSummary({ failure, labels }: { failure: FormFailure | undefined; labels?: Record<string, string> }) {
  const t = useT();
  if (!failure) return null;
  const fields = Object.entries(failure.fields).filter(([name]) => labels?.[name]);
  return (
    <div className="form-error" role="alert" aria-labelledby="form-error-title">
      <p id="form-error-title">{t(`errors.${failure.code}`)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([name, code]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`}>
                {labels?.[name]}: {t(`errors.field.${code}`)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface TextFieldProps {
  name: string;
  /** Defaults to `field-<name>`; set it when one page has two fields of the same name. */
  id?: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  inputMode?: 'text' | 'numeric' | 'email';
  /** Addresses, passwords and codes read left to right even on an Arabic page. */
  dir?: 'ltr' | 'auto';
  spellCheck?: boolean;
  autoCapitalize?: 'none' | 'off' | 'sentences' | 'words';
}

export function TextField({ name, id = fieldId(name), label, type = 'text', hint, error, dir, ...input }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        dir={dir ?? (type === 'text' ? 'auto' : 'ltr')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  hint,
  error,
}: {
  name: string;
  label: string;
  options: { value: string; label: string; lang?: string }[];
  defaultValue?: string;
  hint?: string;
  error?: string;
}) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      <select id={id} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SubmitButton({ children, variant = 'primary' }: { children: ReactNode; variant?: 'primary' | 'danger' | 'plain' }) {
  const className = variant === 'plain' ? 'button' : `button button--${variant}`;
  return (
    <div>
      <button type="submit" className={className}>
        {children}
      </button>
    </div>
  );
}
