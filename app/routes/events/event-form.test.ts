import { describe, expect, it } from 'vitest';
import { eventInputOf, readEventForm, readSessionForm } from './event-form.ts';

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
}

describe('the event form', () => {
  it('reads typed values and converts the venue wall times with the chosen zone', () => {
    const value = readEventForm(
      formOf([
        ['type', 'thematic-workshop'],
        ['host', ''],
        ['country', 'EG'],
        ['clusters', 'a'],
        ['clusters', 'b'],
        ['title.fr', ' Atelier '],
        ['title.ar', ''],
        ['sourceLocale', 'fr'],
        ['format', 'in-person'],
        ['timeZone', 'Africa/Cairo'],
        ['startsAt', '2026-10-29T20:00'],
        ['endsAt', '2026-10-30T10:00'],
        ['capacity', '30'],
        ['waitlistEnabled', 'on'],
        ['womenTargetPercent', '45'],
        ['visibility', 'public'],
      ]),
    );
    expect(value.title).toEqual({ fr: 'Atelier' });
    expect(value.clusters).toEqual(['a', 'b']);
    expect(value.approvalRequired).toBe(false);
    const { input, fieldErrors } = eventInputOf(value);
    expect(fieldErrors).toEqual({});
    // Cairo: summer time (UTC+3) on the 29th, winter time (UTC+2) after midnight.
    expect(input).toMatchObject({
      hostCluster: null,
      countryIso2: 'EG',
      startsAt: '2026-10-29T17:00:00.000Z',
      endsAt: '2026-10-30T08:00:00.000Z',
      capacity: 30,
      description: null,
      registrationOpensAt: null,
      womenTargetPercent: 45,
    });
  });

  it('names a start that is not a date and time', () => {
    const { fieldErrors } = eventInputOf(
      readEventForm(
        formOf([
          ['timeZone', 'Asia/Amman'],
          ['startsAt', 'soon'],
          ['endsAt', '2026-01-01T10:00'],
        ]),
      ),
    );
    expect(fieldErrors).toEqual({ startsAt: 'errors.EVENTS_LOCAL_TIME_INVALID' });
  });

  it('reads a session: the day and hours at the venue, languages and speakers one per line', () => {
    const { input, fieldErrors } = readSessionForm(
      formOf([
        ['title.en', 'Opening'],
        ['day', '2026-07-01'],
        ['from', '09:00'],
        ['to', '10:30'],
        ['languages', 'ar'],
        ['interpretation', 'fr'],
        ['speakers', 'Salma Haddad | Nabeul ceramics\n\nKarim Nour\n'],
      ]),
      'Asia/Amman',
      'en',
    );
    expect(fieldErrors).toEqual({});
    expect(input).toEqual({
      title: { en: 'Opening' },
      startsAt: '2026-07-01T06:00:00.000Z',
      endsAt: '2026-07-01T07:30:00.000Z',
      room: null,
      languages: ['ar'],
      interpretation: ['fr'],
      speakers: [
        { name: 'Salma Haddad', affiliation: { en: 'Nabeul ceramics' } },
        { name: 'Karim Nour', affiliation: null },
      ],
    });
  });
});
