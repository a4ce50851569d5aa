/** An action's status as text, "Overdue" written out (never colour alone). */
import { useT } from '#app/shared/i18n/react.tsx';

export function ActionStatusText({ status, overdue }: { status: string; overdue: boolean }) {
  const t = useT();
  return (
    <>
      {t(`events.followup.status.${status}`)}
      {overdue ? (
        <>
          {' '}
          <strong className="followup-overdue">{t('events.followup.actions.overdue')}</strong>
        </>
      ) : null}
    </>
  );
}

export function useFormatDate(locale: string): (date: string | null) => string | null {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (date) => (date ? format.format(new Date(`${date}T00:00:00Z`)) : null);
}
