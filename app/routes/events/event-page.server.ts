/** Shared by the events pages' loaders and actions: refusals as error pages, the form's options and refusals. */

import { data } from 'react-router';
import type { EventFormOptions } from '#app/modules/events/components/event-form.tsx';
import type { CreateEventInput } from '#app/modules/events/index.ts';
import {
  EVENT_FORMATS,
  EVENT_TIME_ZONES,
  EVENT_TYPES,
  EVENT_VISIBILITIES,
  type EventFormChoices,
  eventFormChoices,
} from '#app/modules/events/index.ts';
import type { Actor } from '#app/shared/auth/actor.ts';
import { isAppError } from '#app/shared/errors.ts';
import { eventInputOf, readEventForm } from './event-form.ts';

/** A refused or missing thing becomes the matching error page (401, 403, 404); anything else is rethrown. */
export function asErrorResponse(error: unknown): never {
  if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status === 409 ? 400 : error.status });
  throw error;
}

export function formOptionsOf(choices: EventFormChoices): EventFormOptions {
  return {
    types: [...EVENT_TYPES],
    formats: [...EVENT_FORMATS],
    visibilities: [...EVENT_VISIBILITIES],
    timeZones: [...EVENT_TIME_ZONES],
    hosts: choices.hosts,
    programmeHost: choices.programmeCountries === 'any' || choices.programmeCountries.length > 0,
    clusters: choices.clusters,
    countries: choices.countries,
  };
}

/**
 * The form's options for `actor`: on the new page, the 403 page when the actor may create no event;
 * on the edit page, the event's current host stays a choice (an event-scoped manager keeps it).
 */
export async function formOptionsFor(
  actor: Actor,
  current?: { host: EventFormOptions['hosts'][number] | null },
): Promise<EventFormOptions> {
  const choices = await eventFormChoices(actor);
  if (!choices || (!current && !choices.canCreate)) throw new Response(null, { status: 403 });
  const options = formOptionsOf(choices);
  if (current?.host && !options.hosts.some((h) => h.slug === current.host?.slug)) options.hosts.unshift(current.host);
  if (current && current.host === null) options.programmeHost = true;
  return options;
}

const FIELD_CODES = new Set(['invalid_format', 'invalid_type', 'invalid_value', 'required', 'too_big', 'too_small']);

export interface EventFormFailure {
  status: number;
  /** Message keys by field name. */
  fieldErrors: Record<string, string>;
  formError: string;
}

/**
 * A refusal the form can show beside its fields (bad values, dates in the wrong order, a session
 * outside the days); being signed out or refused, a missing event, or a failure of ours becomes
 * the error page.
 */
export function formFailure(error: unknown): EventFormFailure {
  if (!isAppError(error) || error.status >= 500 || error.status === 401 || error.status === 403 || error.code === 'EVENTS_NOT_FOUND')
    asErrorResponse(error);
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.details?.fields ?? []) {
    const field = issue.field.split('.')[0] ?? issue.field;
    const code = issue.code.startsWith('EVENTS_')
      ? `errors.${issue.code}`
      : issue.code === 'custom'
        ? 'errors.field.required'
        : `errors.field.${FIELD_CODES.has(issue.code) ? issue.code : 'invalid'}`;
    fieldErrors[field] ??= code;
  }
  return { status: error.status, fieldErrors, formError: `errors.${error.code}` };
}

/** The failure of typed values the service never saw (a local time that cannot be read). */
export function typedFailure(fieldErrors: Record<string, string>): EventFormFailure {
  return { status: 400, fieldErrors, formError: 'errors.COMMON_VALIDATION_FAILED' };
}

/**
 * The new and edit pages' submit: reads the form, converts the venue times, calls `save`; a
 * refusal comes back with what was typed and the reasons by field.
 */
export async function submitEventForm(request: Request, save: (input: CreateEventInput) => Promise<Response>) {
  const value = readEventForm(await request.formData());
  const { input, fieldErrors } = eventInputOf(value);
  if (Object.keys(fieldErrors).length > 0) {
    const { status, ...failure } = typedFailure(fieldErrors);
    return data({ value, ...failure }, { status });
  }
  try {
    return await save(input);
  } catch (error) {
    const { status, ...failure } = formFailure(error);
    return data({ value, ...failure }, { status });
  }
}
