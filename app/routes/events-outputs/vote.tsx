/**
 * /{locale}/events/{slug}/vote: dot voting from a phone, without JavaScript. A participant is the
 * event's confirmed registration, recognised by the signed-in account, or by the check-in code
 * printed on the badge and the confirmation: entered once, it is kept in a cookie for this page
 * only (12 hours) and can be forgotten. Each challenge has large "take back" and "add" buttons;
 * the page says how many dots are left. Results are shown once the facilitator has closed voting.
 */
import { createCookie, data, Form, isRouteErrorResponse, Link, redirect, useNavigation } from 'react-router';
import { changeMyDot, getMyBallot, type MyBallot } from '#app/modules/needs/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale, type Locale } from '#app/shared/i18n/locales.ts';
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/vote';
import '#app/styles/events-outputs.css';

export const meta: Route.MetaFunction = ({ matches }) =>
  namedPageMeta(matches, pageMessage(matches, 'events.outputs.vote.title'), pageMessage(matches, 'events.outputs.vote.lead'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

const cookie = createCookie('mosaic_vote_code', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  maxAge: 12 * 3600,
  secure: process.env.NODE_ENV === 'production',
});

/** The codes entered on this device, by event slug. */
async function storedCodes(request: Request): Promise<Record<string, string>> {
  const value = (await cookie.parse(request.headers.get('Cookie'))) as unknown;
  return value && typeof value === 'object' ? (value as Record<string, string>) : {};
}

type Outcome = { ballot: MyBallot; needsCode: false } | { ballot: null; needsCode: true; refused: boolean };

async function ballotFor(actor: Parameters<typeof getMyBallot>[0], slug: string, code: string | undefined): Promise<Outcome> {
  try {
    return { ballot: await getMyBallot(actor, slug, code ? { checkInCode: code } : {}), needsCode: false };
  } catch (error) {
    if (isAppError(error) && (error.status === 401 || error.code === 'EVENTS_OUTPUTS_NOT_PARTICIPANT')) {
      return { ballot: null, needsCode: true, refused: Boolean(code) || error.status === 403 };
    }
    if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
    throw error;
  }
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const actor = context.get(requestContext).actor;
  const code = (await storedCodes(request))[params.slug];
  const outcome = await ballotFor(actor, params.slug, code);
  const url = new URL(request.url);
  const signIn = `/${localeOf(params)}/account/sign-in?redirectTo=${encodeURIComponent(url.pathname)}`;
  return { ...outcome, signedIn: actor.kind === 'user', withCode: Boolean(code), signIn };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = context.get(requestContext).actor;
  const form = await request.formData();
  const here = `/${locale}/events/${params.slug}/vote`;
  const codes = await storedCodes(request);
  if (form.get('intent') === 'code') {
    const code = String(form.get('code') ?? '').trim();
    const outcome = code.length >= 8 ? await ballotFor(actor, params.slug, code) : null;
    if (!outcome || outcome.needsCode) return data({ error: 'EVENTS_OUTPUTS_NOT_PARTICIPANT' }, { status: 403 });
    return redirect(here, { headers: { 'Set-Cookie': await cookie.serialize({ ...codes, [params.slug]: code }) } });
  }
  if (form.get('intent') === 'forget') {
    const { [params.slug]: _forgotten, ...rest } = codes;
    return redirect(here, { headers: { 'Set-Cookie': await cookie.serialize(rest) } });
  }
  const [challengeId, change] = String(form.get('dot') ?? '').split(':');
  if (!challengeId || (change !== 'add' && change !== 'remove')) throw new Response(null, { status: 400 });
  const code = codes[params.slug];
  try {
    await changeMyDot(actor, params.slug, { challengeId, change: change === 'add' ? 1 : -1, ...(code ? { checkInCode: code } : {}) });
  } catch (error) {
    if (isAppError(error) && error.status < 500 && error.status !== 404) return data({ error: error.code }, { status: error.status });
    if (isAppError(error) && error.status === 404) throw new Response(null, { status: 404 });
    throw error;
  }
  return redirect(`${here}#challenge-${challengeId}`);
}

function Dots({ count }: { count: number }) {
  return (
    <span className="vote__dots" aria-hidden="true">
      {'●'.repeat(Math.min(count, 20))}
    </span>
  );
}

export default function VotePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatCount();
  const busy = useNavigation().state === 'submitting';
  const error = actionData && 'error' in actionData ? actionData.error : null;

  if (loaderData.needsCode) {
    return (
      <article className="vote" aria-labelledby="vote-title">
        <h1 id="vote-title">{t('events.outputs.vote.title')}</h1>
        <p>{t('events.outputs.vote.identify')}</p>
        {error || loaderData.refused ? (
          <p className="form-error" role="alert">
            {t('errors.EVENTS_OUTPUTS_NOT_PARTICIPANT')}
          </p>
        ) : null}
        <Form method="post" className="form vote__code">
          <div className="field">
            <label htmlFor="vote-code">{t('events.outputs.vote.code')}</label>
            <p id="vote-code-hint" className="field__hint">
              {t('events.outputs.vote.codeHint')}
            </p>
            <input
              id="vote-code"
              name="code"
              required
              minLength={8}
              maxLength={100}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              dir="ltr"
              aria-describedby="vote-code-hint"
            />
          </div>
          <button type="submit" name="intent" value="code" className="button button--primary vote__big" disabled={busy}>
            {t('events.outputs.vote.continue')}
          </button>
        </Form>
        {!loaderData.signedIn ? (
          <p>
            <Link to={loaderData.signIn}>{t('events.outputs.vote.signIn')}</Link>
          </p>
        ) : null}
      </article>
    );
  }

  const ballot = loaderData.ballot;
  const left = ballot.voting.dots - ballot.used;
  const open = ballot.voting.status === 'open';
  const title = textIn(ballot.event.title, locale);
  return (
    <article className="vote" aria-labelledby="vote-title">
      <p className="vote__event" dir="auto">
        {title}
      </p>
      <h1 id="vote-title">{t('events.outputs.vote.title')}</h1>
      <p>{t('events.outputs.vote.hello', { name: `\u2068${ballot.voter.name}\u2069` })}</p>
      {error ? (
        <p className="form-error" role="alert">
          {t(`errors.${error}`)}
        </p>
      ) : null}
      {ballot.voting.status === 'not-open' ? (
        <p className="vote__status">
          {t('events.outputs.vote.notOpen')} <Link to=".">{t('events.outputs.vote.refresh')}</Link>
        </p>
      ) : null}
      {open ? (
        <p className="vote__status" aria-live="polite">
          {t('events.outputs.vote.left', { left: format(left), dots: format(ballot.voting.dots) })}
        </p>
      ) : null}
      {ballot.voting.status !== 'closed' ? (
        <ul className="vote__list">
          {ballot.challenges.map((challenge) => {
            const mine = ballot.allocation[challenge.id] ?? 0;
            const theme = textIn(challenge.themeName, locale, null, challenge.themeCode);
            return (
              <li key={challenge.id} id={`challenge-${challenge.id}`} className="card vote__item">
                <h2 className="vote__theme">{theme}</h2>
                <p dir="auto" lang={challenge.sourceLocale}>
                  {challenge.description}
                </p>
                <p className="vote__mine">
                  <Dots count={mine} /> {t('events.outputs.vote.mine', { dots: mine, count: format(mine) })}
                </p>
                {open ? (
                  <Form method="post" className="vote__buttons" preventScrollReset>
                    <button
                      type="submit"
                      name="dot"
                      value={`${challenge.id}:remove`}
                      className="button vote__big"
                      disabled={busy || mine === 0}
                    >
                      <span aria-hidden="true">−</span>
                      <span className="visually-hidden">{t('events.outputs.vote.remove', { theme })}</span>
                    </button>
                    <button
                      type="submit"
                      name="dot"
                      value={`${challenge.id}:add`}
                      className="button button--primary vote__big"
                      disabled={busy || left === 0}
                    >
                      <span aria-hidden="true">+</span>
                      <span className="visually-hidden">{t('events.outputs.vote.add', { theme })}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {ballot.results ? (
        <section aria-labelledby="vote-results">
          <h2 id="vote-results">{t('events.outputs.vote.results')}</h2>
          <ol className="vote__results">
            {ballot.results.map((result) => {
              const challenge = ballot.challenges.find((c) => c.id === result.challengeId);
              return (
                <li key={result.challengeId} className="card">
                  <strong>{challenge ? textIn(challenge.themeName, locale, null, result.themeCode) : result.themeCode}</strong>{' '}
                  {t('events.outputs.vote.resultDots', { dots: result.dots, count: format(result.dots) })}
                  <p dir="auto">{result.description}</p>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
      {loaderData.withCode ? (
        <Form method="post" className="vote__forget">
          <button type="submit" name="intent" value="forget" className="button">
            {t('events.outputs.vote.forget')}
          </button>
        </Form>
      ) : null}
    </article>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
