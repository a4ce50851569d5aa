/**
 * /{locale}/events/{slug}/outputs: the workshop's facilitators capture its outputs during the
 * session, on a tablet and without JavaScript: challenges (a theme of the taxonomy, a description
 * in any language, the event's clusters that raised it: none ticked means all), training needs
 * (topic and format of the needs survey), each editable (`?edit=<id>`) and removable until voting
 * closes. The dot voting panel sets the dots, opens and closes the vote, and shows the results
 * live (a refresh link; the page also refreshes them every 10 s with JavaScript).
 */
import { useEffect } from 'react';
import { data, Form, isRouteErrorResponse, Link, useNavigation, useRevalidator } from 'react-router';
import { EventTabs } from '#app/modules/events/components/event-tabs.tsx';
import { requireAccountPage } from '#app/modules/identity/index.ts';
import {
  addWorkshopChallenge,
  addWorkshopTrainingNeed,
  changeVoting,
  getVotingResults,
  getWorkshopOutputs,
  listChallengeThemes,
  MAX_DOTS,
  removeWorkshopChallenge,
  removeWorkshopTrainingNeed,
  TRAINING_FORMATS,
  TRAINING_TOPICS,
  updateWorkshopChallenge,
  updateWorkshopTrainingNeed,
} from '#app/modules/needs/index.ts';
import { isAppError } from '#app/shared/errors.ts';
import { redirectWithFlash } from '#app/shared/http/flash.server.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import { isLocale, LOCALES, type Locale } from '#app/shared/i18n/locales.ts';
import { useFormatCount, useLocale, useT } from '#app/shared/i18n/react.tsx';
import { textIn } from '#app/shared/i18n/translatable.ts';
import { ErrorPage } from '#app/shared/ui/error-page.tsx';
import { ScrollTable } from '#app/shared/ui/scroll-table.tsx';
import { namedPageMeta, pageMessage } from '../clusters/meta.ts';
import type { Route } from './+types/outputs';
import '#app/styles/events-outputs.css';

export const meta: Route.MetaFunction = ({ matches }) =>
  namedPageMeta(matches, pageMessage(matches, 'events.outputs.title'), pageMessage(matches, 'events.outputs.lead'));

export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

function localeOf(params: { lang?: string }): Locale {
  return isLocale(params.lang) ? params.lang : 'en';
}

function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status });
  throw error;
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const outputs = await getWorkshopOutputs(actor, params.slug).catch(asErrorResponse);
  const [results, themes] = await Promise.all([getVotingResults(actor, params.slug), listChallengeThemes(actor)]);
  const edit = new URL(request.url).searchParams.get('edit');
  return {
    outputs,
    results,
    themes: themes.map((theme) => ({ code: theme.code, name: textIn(theme.name, locale, null, theme.code) })),
    edit,
    title: textIn(outputs.event.title, locale),
    // The vocabularies as labels in the page's language (the component stays free of module values).
    topics: TRAINING_TOPICS.map((topic) => ({ code: topic.code, label: textIn(topic.label, locale, null, topic.code) })),
    formats: TRAINING_FORMATS.map((format) => ({ code: format.code, label: textIn(format.label, locale, null, format.code) })),
    maxDots: MAX_DOTS,
    // Facilitators (events.manage) may always check participants in (canCheckIn).
    checkIn: true,
  };
}

const str = (form: FormData, name: string) => String(form.get(name) ?? '');
const sourceLocale = (form: FormData): Locale => {
  const value = str(form, 'sourceLocale');
  return isLocale(value) ? value : 'en';
};

export async function action({ params, request, context }: Route.ActionArgs) {
  const locale = localeOf(params);
  const actor = requireAccountPage(context.get(requestContext).actor, locale, request);
  const form = await request.formData();
  const intent = str(form, 'intent');
  const back = `/${locale}/events/${params.slug}/outputs`;
  const done = (key: string, anchor = '') => redirectWithFlash(`${back}${anchor}`, { key: `events.outputs.flash.${key}`, kind: 'success' });
  try {
    const challenge = () => ({
      themeCode: str(form, 'themeCode'),
      description: str(form, 'description'),
      sourceLocale: sourceLocale(form),
      clusters: form.getAll('clusters').map(String),
    });
    const training = () => ({
      topic: str(form, 'topic'),
      format: str(form, 'format'),
      description: str(form, 'description'),
      sourceLocale: sourceLocale(form),
    });
    switch (intent) {
      case 'add-challenge':
        await addWorkshopChallenge(actor, params.slug, challenge());
        return done('challengeAdded', '#outputs-challenges');
      case 'edit-challenge':
        await updateWorkshopChallenge(actor, params.slug, str(form, 'id'), challenge());
        return done('challengeSaved', '#outputs-challenges');
      case 'remove-challenge':
        await removeWorkshopChallenge(actor, params.slug, str(form, 'id'));
        return done('challengeRemoved', '#outputs-challenges');
      case 'add-training':
        await addWorkshopTrainingNeed(actor, params.slug, training());
        return done('trainingAdded', '#outputs-training');
      case 'edit-training':
        await updateWorkshopTrainingNeed(actor, params.slug, str(form, 'id'), training());
        return done('trainingSaved', '#outputs-training');
      case 'remove-training':
        await removeWorkshopTrainingNeed(actor, params.slug, str(form, 'id'));
        return done('trainingRemoved', '#outputs-training');
      case 'set-dots':
      case 'open':
      case 'close': {
        const dots = str(form, 'dots');
        await changeVoting(actor, params.slug, { action: intent, ...(dots ? { dots: Number(dots) } : {}) });
        return done(`voting.${intent}`, '#outputs-voting');
      }
      default:
        throw new Response(null, { status: 400 });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    if (isAppError(error) && (error.status === 401 || error.status === 403 || error.status === 404 || error.status >= 500))
      asErrorResponse(error);
    if (isAppError(error)) {
      const fields = (error.details?.fields ?? []).map((f) => f.field);
      return data({ error: error.code, fields, intent }, { status: error.status });
    }
    throw error;
  }
}

function LanguageSelect({ id, value }: { id: string; value: string }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t('events.outputs.field.language')}</label>
      <select id={id} name="sourceLocale" defaultValue={value}>
        {LOCALES.map((code) => (
          <option key={code} value={code}>
            {t(`events.outputs.language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

type LoaderData = Route.ComponentProps['loaderData'];
type Challenge = LoaderData['outputs']['challenges'][number];
type Training = LoaderData['outputs']['trainingNeeds'][number];

function ChallengeForm({ data: d, challenge, busy }: { data: LoaderData; challenge?: Challenge; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const id = challenge ? `challenge-${challenge.id}` : 'challenge-new';
  const clusters = d.outputs.event.clusters;
  return (
    <Form method="post" className="form outputs-form">
      {challenge ? <input type="hidden" name="id" value={challenge.id} /> : null}
      <div className="field">
        <label htmlFor={`${id}-theme`}>{t('events.outputs.field.theme')}</label>
        <select id={`${id}-theme`} name="themeCode" required defaultValue={challenge?.themeCode ?? ''}>
          <option value="" disabled>
            {t('events.outputs.field.themeChoose')}
          </option>
          {d.themes.map((theme) => (
            <option key={theme.code} value={theme.code}>
              {theme.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('events.outputs.field.description')}</label>
        <textarea
          id={`${id}-description`}
          name="description"
          required
          maxLength={2000}
          rows={3}
          dir="auto"
          defaultValue={challenge?.description ?? ''}
        />
      </div>
      <LanguageSelect id={`${id}-language`} value={challenge?.sourceLocale ?? locale} />
      {clusters.length > 0 ? (
        <fieldset className="field outputs-form__clusters">
          <legend>{t('events.outputs.field.clusters')}</legend>
          <p className="field__hint">{t('events.outputs.field.clustersHint')}</p>
          {clusters.map((cluster) => (
            <label key={cluster.slug} className="outputs-form__check">
              <input
                type="checkbox"
                name="clusters"
                value={cluster.slug}
                defaultChecked={challenge?.clusters.includes(cluster.slug) ?? false}
              />{' '}
              <bdi>{textIn(cluster.name, locale)}</bdi>
            </label>
          ))}
        </fieldset>
      ) : null}
      <button
        type="submit"
        name="intent"
        value={challenge ? 'edit-challenge' : 'add-challenge'}
        className="button button--primary"
        disabled={busy}
      >
        {challenge ? t('events.outputs.save') : t('events.outputs.challenges.add')}
      </button>
    </Form>
  );
}

function TrainingForm({ data: d, training, busy }: { data: LoaderData; training?: Training; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const id = training ? `training-${training.id}` : 'training-new';
  return (
    <Form method="post" className="form outputs-form">
      {training ? <input type="hidden" name="id" value={training.id} /> : null}
      <div className="field">
        <label htmlFor={`${id}-topic`}>{t('events.outputs.field.topic')}</label>
        <select id={`${id}-topic`} name="topic" required defaultValue={training?.topic ?? ''}>
          <option value="" disabled>
            {t('events.outputs.field.topicChoose')}
          </option>
          {d.topics.map((topic) => (
            <option key={topic.code} value={topic.code}>
              {topic.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-format`}>{t('events.outputs.field.format')}</label>
        <select id={`${id}-format`} name="format" required defaultValue={training?.format ?? 'any-format'}>
          {d.formats.map((format) => (
            <option key={format.code} value={format.code}>
              {format.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('events.outputs.field.trainingDescription')}</label>
        <textarea
          id={`${id}-description`}
          name="description"
          maxLength={2000}
          rows={2}
          dir="auto"
          defaultValue={training?.description ?? ''}
        />
      </div>
      <LanguageSelect id={`${id}-language`} value={training?.sourceLocale ?? locale} />
      <button
        type="submit"
        name="intent"
        value={training ? 'edit-training' : 'add-training'}
        className="button button--primary"
        disabled={busy}
      >
        {training ? t('events.outputs.save') : t('events.outputs.training.add')}
      </button>
    </Form>
  );
}

/** Edit (a link to the item's form) and remove (a post) for one captured item, named for screen readers. */
function ItemActions({ editTo, id, intent, name, busy }: { editTo: string; id: string; intent: string; name: string; busy: boolean }) {
  const t = useT();
  return (
    <div className="event-outputs__actions">
      <Link className="button" to={editTo}>
        {t('events.outputs.edit')}
        <span className="visually-hidden">: {name}</span>
      </Link>
      <Form method="post">
        <input type="hidden" name="id" value={id} />
        <button type="submit" name="intent" value={intent} className="button button--danger" disabled={busy}>
          {t('events.outputs.remove')}
          <span className="visually-hidden">: {name}</span>
        </button>
      </Form>
    </div>
  );
}

export default function WorkshopOutputsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatCount();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const busy = navigation.state === 'submitting';
  const { outputs, results, themes, edit, title } = loaderData;
  const { voting, editable } = outputs;
  const themeName = (code: string) => themes.find((theme) => theme.code === code)?.name ?? code;
  const clusterName = (slug: string) => {
    const cluster = outputs.event.clusters.find((c) => c.slug === slug);
    return cluster ? textIn(cluster.name, locale) : slug;
  };
  const topicName = (code: string) => loaderData.topics.find((x) => x.code === code)?.label ?? code;
  const formatName = (code: string) => loaderData.formats.find((x) => x.code === code)?.label ?? code;
  const here = `/${locale}/events/${outputs.event.slug}/outputs`;

  // With JavaScript, the live results refresh every 10 s while voting is open.
  useEffect(() => {
    if (voting.status !== 'open') return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') void revalidator.revalidate();
    }, 10_000);
    return () => clearInterval(timer);
  }, [voting.status, revalidator]);

  return (
    <article className="event-outputs" aria-labelledby="outputs-title">
      <EventTabs slug={outputs.event.slug} current="outputs" access={{ manage: true, checkIn: loaderData.checkIn }} />
      <p className="event-outputs__event" dir="auto">
        {title}
      </p>
      <h1 id="outputs-title">{t('events.outputs.title')}</h1>
      <p>{t('events.outputs.lead')}</p>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {t(`errors.${actionData.error}`)}
        </p>
      ) : null}
      {!editable ? <p className="event-outputs__final">{t('events.outputs.final')}</p> : null}

      <section aria-labelledby="outputs-challenges" className="event-outputs__section">
        <h2 id="outputs-challenges">{t('events.outputs.challenges.heading')}</h2>
        {outputs.challenges.length === 0 ? (
          <p>{t('events.outputs.challenges.empty')}</p>
        ) : (
          <ol className="event-outputs__list">
            {outputs.challenges.map((challenge) => (
              <li key={challenge.id} className="card event-outputs__item">
                {edit === challenge.id && editable ? (
                  <>
                    <h3>{t('events.outputs.challenges.editing')}</h3>
                    <ChallengeForm data={loaderData} challenge={challenge} busy={busy} />
                    <Link to={`${here}#outputs-challenges`}>{t('events.outputs.cancel')}</Link>
                  </>
                ) : (
                  <>
                    <h3>{themeName(challenge.themeCode)}</h3>
                    <p dir="auto" lang={challenge.sourceLocale}>
                      {challenge.description}
                    </p>
                    <p className="event-outputs__meta">
                      {challenge.clusters.length === 0
                        ? t('events.outputs.challenges.allClusters')
                        : t('events.outputs.challenges.raisedBy', {
                            clusters: new Intl.ListFormat(locale, { type: 'conjunction' }).format(
                              challenge.clusters.map((slug) => `\u2068${clusterName(slug)}\u2069`),
                            ),
                          })}
                    </p>
                    {editable ? (
                      <ItemActions
                        editTo={`${here}?edit=${challenge.id}#outputs-challenges`}
                        id={challenge.id}
                        intent="remove-challenge"
                        name={themeName(challenge.themeCode)}
                        busy={busy}
                      />
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        {editable ? (
          <details className="card event-outputs__add" open={outputs.challenges.length < 3}>
            <summary>{t('events.outputs.challenges.add')}</summary>
            <ChallengeForm data={loaderData} busy={busy} />
          </details>
        ) : null}
      </section>

      <section aria-labelledby="outputs-training" className="event-outputs__section">
        <h2 id="outputs-training">{t('events.outputs.training.heading')}</h2>
        {outputs.trainingNeeds.length === 0 ? (
          <p>{t('events.outputs.training.empty')}</p>
        ) : (
          <ul className="event-outputs__list">
            {outputs.trainingNeeds.map((training) => (
              <li key={training.id} className="card event-outputs__item">
                {edit === training.id && editable ? (
                  <>
                    <h3>{t('events.outputs.training.editing')}</h3>
                    <TrainingForm data={loaderData} training={training} busy={busy} />
                    <Link to={`${here}#outputs-training`}>{t('events.outputs.cancel')}</Link>
                  </>
                ) : (
                  <>
                    <h3>
                      {topicName(training.topic)} · {formatName(training.format)}
                    </h3>
                    {training.description ? (
                      <p dir="auto" lang={training.sourceLocale}>
                        {training.description}
                      </p>
                    ) : null}
                    {editable ? (
                      <ItemActions
                        editTo={`${here}?edit=${training.id}#outputs-training`}
                        id={training.id}
                        intent="remove-training"
                        name={topicName(training.topic)}
                        busy={busy}
                      />
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {editable ? (
          <details className="card event-outputs__add">
            <summary>{t('events.outputs.training.add')}</summary>
            <TrainingForm data={loaderData} busy={busy} />
          </details>
        ) : null}
      </section>

      <section aria-labelledby="outputs-voting" className="event-outputs__section">
        <h2 id="outputs-voting">{t('events.outputs.voting.heading')}</h2>
        <p>{t(`events.outputs.voting.status.${voting.status}`, { dots: voting.dots })}</p>
        <p className="field__hint">{t('events.outputs.voting.how', { path: `/${locale}/events/${outputs.event.slug}/vote` })}</p>
        {voting.status === 'not-open' ? (
          <Form method="post" className="form outputs-form">
            <div className="field">
              <label htmlFor="voting-dots">{t('events.outputs.voting.dots')}</label>
              <input
                id="voting-dots"
                name="dots"
                type="number"
                min={1}
                max={loaderData.maxDots}
                inputMode="numeric"
                defaultValue={voting.dots}
              />
            </div>
            <button
              type="submit"
              name="intent"
              value="open"
              className="button button--primary"
              disabled={busy || outputs.challenges.length === 0}
            >
              {t('events.outputs.voting.open')}
            </button>
          </Form>
        ) : null}
        {voting.status === 'open' ? (
          <Form method="post">
            <button type="submit" name="intent" value="close" className="button button--primary" disabled={busy}>
              {t('events.outputs.voting.close')}
            </button>
          </Form>
        ) : null}
        {voting.status !== 'not-open' ? (
          <>
            <p aria-live="polite">
              {t('events.outputs.voting.turnout', { voters: format(results.voters), participants: format(results.participants) })}{' '}
              {voting.status === 'open' ? <Link to={`${here}#outputs-voting`}>{t('events.outputs.voting.refresh')}</Link> : null}
            </p>
            <ScrollTable id="outputs-results" caption={t('events.outputs.results.caption')}>
              <thead>
                <tr>
                  <th scope="col">{t('events.outputs.results.rank')}</th>
                  <th scope="col">{t('events.outputs.results.challenge')}</th>
                  <th scope="col">{t('events.outputs.results.dots')}</th>
                  <th scope="col">{t('events.outputs.results.voters')}</th>
                </tr>
              </thead>
              <tbody>
                {results.results.map((result) => (
                  <tr key={result.challengeId}>
                    <td>{format(result.rank)}</td>
                    <th scope="row">
                      {themeName(result.themeCode)}
                      <span className="event-outputs__result-text" dir="auto">
                        {result.description}
                      </span>
                    </th>
                    <td>{format(result.dots)}</td>
                    <td>{format(result.voters)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </>
        ) : null}
      </section>
    </article>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
