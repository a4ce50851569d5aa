/** Fields the builder's pages share: a text in Arabic, French and English side by side, an error beside a field, a list of a definition's problems. */
import type { DefinitionProblem, FormText } from '#app/modules/forms/index.ts';
import { useT } from '#app/shared/i18n/react.tsx';

const LANGUAGES = ['ar', 'fr', 'en'] as const;

export function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="field__error" id={id}>
      {t(error)}
    </p>
  );
}

/**
 * One text in the three languages, side by side: `<name>.ar` (right to left), `<name>.fr`,
 * `<name>.en`. One language is enough where a text is required.
 */
export function TextFields({
  id,
  name,
  legend,
  value,
  error,
  required = false,
  multiline = false,
}: {
  id: string;
  name: string;
  legend: string;
  value: FormText | undefined;
  error?: string;
  required?: boolean;
  multiline?: boolean;
}) {
  const t = useT();
  const errorId = `${id}-error`;
  return (
    <fieldset className="field builder-text" aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        {required && <span className="field__hint"> {t('forms.builder.field.oneLanguage')}</span>}
      </legend>
      <div className="builder-text__languages">
        {LANGUAGES.map((language) => {
          const inputId = `${id}-${language}`;
          const props = {
            id: inputId,
            name: `${name}.${language}`,
            lang: language,
            dir: language === 'ar' ? 'rtl' : 'ltr',
            defaultValue: value?.[language] ?? '',
            'aria-invalid': error ? true : undefined,
          } as const;
          return (
            <div className="field" key={language}>
              <label htmlFor={inputId}>{t(`forms.builder.language.${language}`)}</label>
              {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
            </div>
          );
        })}
      </div>
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

/** A definition's problems as messages (`errors.<code>` with their values). */
export function ProblemList({ problems, id }: { problems: readonly DefinitionProblem[]; id?: string }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <ul className="builder-problems" id={id}>
      {problems.map((problem) => (
        <li key={`${problem.path}:${problem.code}`} className="field__error">
          {t(`errors.${problem.code}`, problem.values)}
        </li>
      ))}
    </ul>
  );
}
