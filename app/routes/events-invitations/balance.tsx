/**
 * The balance of an invitation list as text: the gender line (with the target, in words, not
 * colour alone), women-led organisations, and the shares by country, organisation type and size.
 * `BalanceWarning` is the alert shown when women fall below the target.
 */
import type { InvitationBalance, InvitationShare } from '#app/modules/events/index.ts';
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';

export function BalanceWarning({ balance, after = false }: { balance: InvitationBalance; after?: boolean }) {
  const t = useT();
  if (!balance.belowTarget) return null;
  const missing = balance.womenMissing ?? 0;
  return (
    <p className="invitations-warning" role="alert" data-testid="balance-warning">
      <strong>{t('events.invitations.balance.warning.label')}</strong>{' '}
      {t(after ? 'events.invitations.balance.warning.after' : 'events.invitations.balance.warning', {
        percent: balance.gender.women.percent,
        women: balance.gender.women.count,
        total: balance.total,
        target: balance.targetPercent,
      })}{' '}
      {missing > 0 && t('events.invitations.balance.warning.missing', { count: missing })}
    </p>
  );
}

/** One line for the live preview: "After adding 4: 10 people, women 30 % (target 40 %)". */
export function PreviewLine({ added, alreadyListed, balance }: { added: number; alreadyListed: number; balance: InvitationBalance }) {
  const t = useT();
  return (
    <>
      <p className="invitations-preview" data-testid="balance-preview">
        {t('events.invitations.preview.line', {
          added,
          already: alreadyListed,
          total: balance.total,
          percent: balance.gender.women.percent,
          target: balance.targetPercent,
        })}
      </p>
      <BalanceWarning balance={balance} after />
    </>
  );
}

function ShareList({
  id,
  heading,
  shares,
  label,
}: {
  id: string;
  heading: string;
  shares: InvitationShare[];
  label: (key: string) => string;
}) {
  const format = useFormatCount();
  const t = useT();
  return (
    <div className="invitations-balance__group">
      <h3 id={id}>{heading}</h3>
      {shares.length === 0 ? (
        <p>{t('events.invitations.balance.none')}</p>
      ) : (
        <ul aria-labelledby={id}>
          {shares.map((share) => (
            <li key={share.key}>
              {label(share.key)}: {format(share.count)} ({t('events.invitations.balance.percent', { percent: share.percent })})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function BalanceSummary({ balance }: { balance: InvitationBalance }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatCount();
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const country = (key: string) => (key ? (regions.of(key) ?? key) : t('events.invitations.balance.unknown'));
  const type = (key: string) => (key ? t(`directory.type.${key}`) : t('events.invitations.balance.unknown'));
  const size = (key: string) => (key ? t(`directory.size.${key}`) : t('events.invitations.balance.unknown'));
  const g = balance.gender;
  return (
    <div className="invitations-balance">
      <BalanceWarning balance={balance} />
      {!balance.belowTarget && balance.total > 0 && (
        <p role="status" className="invitations-ok" data-testid="balance-ok">
          {t('events.invitations.balance.ok', { percent: g.women.percent, target: balance.targetPercent })}
        </p>
      )}
      <p>{t('events.invitations.balance.total', { count: balance.total })}</p>
      <ul className="invitations-balance__gender" aria-label={t('events.invitations.balance.gender')} data-testid="balance-gender">
        {(['women', 'men', 'other', 'unknown'] as const).map((key) => (
          <li key={key} data-gender={key}>
            {t(`events.invitations.gender.${key}`)}: {format(g[key].count)} (
            {t('events.invitations.balance.percent', { percent: g[key].percent })})
          </li>
        ))}
      </ul>
      <p data-testid="balance-women-led">
        {t('events.invitations.balance.womenLed', { count: balance.womenLed.count, percent: balance.womenLed.percent })}
      </p>
      <div className="invitations-balance__groups">
        <ShareList id="balance-countries" heading={t('events.invitations.balance.countries')} shares={balance.countries} label={country} />
        <ShareList id="balance-types" heading={t('events.invitations.balance.types')} shares={balance.organisationTypes} label={type} />
        <ShareList id="balance-sizes" heading={t('events.invitations.balance.sizes')} shares={balance.sizeClasses} label={size} />
      </div>
    </div>
  );
}
