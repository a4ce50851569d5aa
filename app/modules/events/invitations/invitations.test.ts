import { describe, expect, it } from 'vitest';
import { entryState, planEntries, shareLinks, sharePath } from './invitations.ts';

describe('planEntries', () => {
  const c = (organisationId: string, personId: string | null, email: string | null) => ({ organisationId, personId, email });

  it('adds each organisation+person and each address once, none already listed', () => {
    const plan = planEntries(
      [
        c('o1', 'p1', 'A@x.org'),
        c('o1', 'p1', 'other@x.org'),
        c('o2', 'p2', 'a@x.org'),
        c('o3', null, null),
        c('o3', null, null),
        c('o4', null, 'listed@x.org'),
        c('o5', 'p5', null),
        c('o6', 'p6', ' New@x.org '),
      ],
      { keys: new Set(['o5|p5']), emails: new Set(['listed@x.org']) },
    );
    expect(plan.toAdd).toEqual([c('o1', 'p1', 'a@x.org'), c('o3', null, null), c('o6', 'p6', 'new@x.org')]);
    expect(plan.alreadyListed).toBe(5);
  });

  it('entries without an address are told apart by organisation and person', () => {
    const plan = planEntries([c('o1', 'p1', null), c('o1', 'p2', null), c('o1', null, null)], { keys: new Set(), emails: new Set() });
    expect(plan.toAdd).toHaveLength(3);
  });
});

describe('entryState', () => {
  const base = { revokedAt: null, registeredAt: null, declinedAt: null, openedAt: null, sentAt: null };
  it('ranks revoked, registered, declined, opened, sent, listed', () => {
    const at = new Date();
    expect(entryState(base)).toBe('listed');
    expect(entryState({ ...base, sentAt: at })).toBe('sent');
    expect(entryState({ ...base, sentAt: at, openedAt: at })).toBe('opened');
    expect(entryState({ ...base, sentAt: at, openedAt: at, declinedAt: at })).toBe('declined');
    expect(entryState({ ...base, sentAt: at, registeredAt: at })).toBe('registered');
    expect(entryState({ ...base, sentAt: at, registeredAt: at, revokedAt: at })).toBe('revoked');
  });
});

describe('share links', () => {
  it('marks the registration address and encodes it into plain links', () => {
    expect(sharePath('tunis-2026')).toBe('/events/tunis-2026/register?via=share');
    const links = shareLinks('https://m.example/en/events/e/register?via=share', 'Join us & register');
    expect(links.whatsapp).toBe(
      `https://wa.me/?text=${encodeURIComponent('Join us & register https://m.example/en/events/e/register?via=share')}`,
    );
    expect(links.telegram).toContain('url=https%3A%2F%2Fm.example%2Fen%2Fevents%2Fe%2Fregister%3Fvia%3Dshare');
    expect(links.email.startsWith('mailto:?subject=Join%20us%20%26%20register&body=')).toBe(true);
  });
});
