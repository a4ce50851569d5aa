/**
 * The check-in page's behaviour with JavaScript (browser only, all in effects): the service
 * worker that keeps the page for offline use, the attendee list kept in IndexedDB, check-ins made
 * on the device (sent at once when online, queued with their UUID otherwise) and the queue's sync
 * when the page loads and whenever the browser is back online.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type AttendeeView,
  applyOutcomes,
  type CachedAttendee,
  countAttendance,
  dequeue,
  enqueue,
  mergeQueue,
  type QueuedCheckIn,
  readList,
  readQueue,
  saveList,
} from '#app/modules/events/checkin/client.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { type TranslatableValue, textIn } from '#app/shared/i18n/translatable.ts';

export const SERVICE_WORKER_URL = '/events-checkin-sw.js';

export interface DeskMessage {
  kind: 'success' | 'info' | 'error';
  /** i18n key */
  key: string;
  name: string;
}

export interface Refusal {
  label: string;
  reason: string;
}

interface ApiAttendee {
  registrationId: string;
  name: string;
  organisation: { name: TranslatableValue; sourceLocale: string } | null;
  code: string;
  status: CachedAttendee['status'];
  checkedInAt: string | null;
}

interface ApiOutcome {
  id: string;
  status: 'recorded' | 'duplicate' | 'refused';
  reason: string | null;
  registrationId: string | null;
  name: string | null;
  checkedInAt: string | null;
}

const SYNC_SLICE = 200;

async function fetchAllAttendees(slug: string, locale: Locale): Promise<CachedAttendee[]> {
  const items: CachedAttendee[] = [];
  for (let page = 1; page < 1000; page += 1) {
    const response = await fetch(`/api/v1/events/${encodeURIComponent(slug)}/attendees?page=${page}`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`attendees ${response.status}`);
    const body = (await response.json()) as { items: ApiAttendee[]; total: number; pageSize: number };
    for (const item of body.items) {
      items.push({
        registrationId: item.registrationId,
        name: item.name,
        organisation: item.organisation ? textIn(item.organisation.name, locale, item.organisation.sourceLocale) : '',
        code: item.code,
        status: item.status,
        checkedInAt: item.checkedInAt,
      });
    }
    if (page * body.pageSize >= body.total) break;
  }
  return items;
}

function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

function targetOf(item: QueuedCheckIn) {
  return item.registrationId ? { registrationId: item.registrationId } : { code: item.code ?? '' };
}

export function useCheckInDesk(slug: string, locale: Locale) {
  const [ready, setReady] = useState(false);
  const [online, setOnline] = useState(true);
  const [attendees, setAttendees] = useState<CachedAttendee[]>([]);
  const [queue, setQueue] = useState<QueuedCheckIn[]>([]);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [message, setMessage] = useState<DeskMessage | null>(null);
  const [syncing, setSyncing] = useState(false);
  const attendeesRef = useRef<CachedAttendee[]>([]);
  const flushing = useRef(false);

  const keepAttendees = useCallback(
    async (next: CachedAttendee[]) => {
      attendeesRef.current = next;
      setAttendees(next);
      await saveList({ slug, items: next, savedAt: new Date().toISOString() });
    },
    [slug],
  );

  /** Sends the queue (oldest first, in slices); answered items leave it. */
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    setSyncing(true);
    try {
      let pending = await readQueue(slug);
      while (pending.length > 0) {
        const slice = pending.slice(0, SYNC_SLICE);
        const response = await postJson(`/api/v1/events/${encodeURIComponent(slug)}/check-ins/sync`, {
          items: slice.map((item) => ({ id: item.id, ...targetOf(item), checkedInAt: item.checkedInAt })),
        });
        if (!response.ok) break;
        const { results } = (await response.json()) as { results: ApiOutcome[] };
        const applied = applyOutcomes(attendeesRef.current, slice, results);
        await dequeue(results.map((result) => result.id));
        await keepAttendees(applied.attendees);
        if (applied.refused.length > 0) {
          setRefusals((previous) => [...previous, ...applied.refused.map(({ item, reason }) => ({ label: item.label, reason }))]);
        }
        pending = await readQueue(slug);
        setQueue(pending);
        if (applied.queue.length === slice.length) break;
      }
    } catch {
      // Still offline (or the server is unreachable): the queue waits for the next chance.
    } finally {
      setQueue(await readQueue(slug));
      flushing.current = false;
      setSyncing(false);
    }
  }, [slug, keepAttendees]);

  useEffect(() => {
    let cancelled = false;
    setOnline(navigator.onLine);
    const wentOnline = () => {
      setOnline(true);
      void flush();
    };
    const wentOffline = () => setOnline(false);
    window.addEventListener('online', wentOnline);
    window.addEventListener('offline', wentOffline);

    if ('serviceWorker' in navigator) {
      navigator.serviceWorker
        .register(SERVICE_WORKER_URL, { scope: window.location.pathname })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => {
          const urls = new Set<string>([window.location.pathname]);
          for (const entry of performance.getEntriesByType('resource')) urls.add(entry.name);
          for (const element of document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[href]')) {
            urls.add('src' in element && element.src ? element.src : (element as HTMLLinkElement).href);
          }
          const sameOrigin = [...urls].filter((url) => {
            const parsed = new URL(url, window.location.href);
            return parsed.origin === window.location.origin && !parsed.pathname.startsWith('/api/');
          });
          registration.active?.postMessage({ type: 'cache', urls: sameOrigin });
        })
        .catch(() => undefined);
    }

    (async () => {
      const [cached, queued] = await Promise.all([readList(slug), readQueue(slug)]);
      if (cancelled) return;
      if (cached) {
        attendeesRef.current = cached.items;
        setAttendees(cached.items);
      }
      setQueue(queued);
      setReady(Boolean(cached));
      if (!navigator.onLine) return;
      try {
        const fresh = await fetchAllAttendees(slug, locale);
        if (cancelled) return;
        await keepAttendees(fresh);
        setReady(true);
      } catch {
        // Offline or refused: the device's copy (if any) stays in use.
      }
      await flush();
    })().catch(() => undefined);

    return () => {
      cancelled = true;
      window.removeEventListener('online', wentOnline);
      window.removeEventListener('offline', wentOffline);
    };
  }, [slug, locale, flush, keepAttendees]);

  const views: AttendeeView[] = useMemo(() => mergeQueue(attendees, queue), [attendees, queue]);
  const counts = useMemo(() => countAttendance(views), [views]);

  /** Checks someone in on the device: refused at once when the list says so, sent now when online, else queued. */
  const checkIn = useCallback(
    async (target: { registrationId: string } | { code: string }) => {
      const known = views.find((view) =>
        'registrationId' in target ? view.registrationId === target.registrationId : view.code === target.code,
      );
      const name = known?.name ?? ('code' in target ? target.code : '');
      if (known?.state === 'not-confirmed') return setMessage({ kind: 'error', key: 'errors.EVENTS_CHECKIN_NOT_CONFIRMED', name });
      if (known?.state === 'checked-in') return setMessage({ kind: 'info', key: 'events.checkin.result.duplicate', name });
      if (known?.state === 'pending') return setMessage({ kind: 'info', key: 'events.checkin.result.pending', name });
      const item: QueuedCheckIn = {
        id: crypto.randomUUID(),
        slug,
        ...(known ? { registrationId: known.registrationId } : target),
        checkedInAt: new Date().toISOString(),
        label: name,
      };
      await enqueue(item);
      setQueue(await readQueue(slug));
      if (!navigator.onLine) return setMessage({ kind: 'info', key: 'events.checkin.result.queued', name });
      try {
        const response = await postJson(`/api/v1/events/${encodeURIComponent(slug)}/check-ins`, {
          id: item.id,
          ...targetOf(item),
          checkedInAt: item.checkedInAt,
        });
        const body = (await response.json()) as ApiOutcome & { code?: string };
        await dequeue([item.id]);
        setQueue(await readQueue(slug));
        if (response.ok) {
          const applied = applyOutcomes(attendeesRef.current, [item], [body]);
          await keepAttendees(applied.attendees);
          const shown = body.name ?? name;
          setMessage({
            kind: 'success',
            key: body.status === 'recorded' ? 'events.checkin.result.recorded' : 'events.checkin.result.duplicate',
            name: shown,
          });
        } else {
          setMessage({ kind: 'error', key: `errors.${body.code ?? 'COMMON_INTERNAL'}`, name });
        }
      } catch {
        setMessage({ kind: 'info', key: 'events.checkin.result.queued', name });
      }
    },
    [views, slug, keepAttendees],
  );

  return { ready, online, views, queue, counts, refusals, message, setMessage, syncing, flush, checkIn };
}
