import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  hashInvitationToken,
  invitationState,
  keyKind,
  newInvitationToken,
  planRecipients,
  surveyGender,
} from './invitations.ts';

const candidate = (email: string, organisationId = 'o1'): Candidate => ({
  organisationId,
  organisationName: 'Org',
  personId: null,
  userId: null,
  name: null,
  email,
  locale: null,
  gender: null,
  country: 'TN',
  cluster: null,
  sizeClass: null,
});

describe('survey invitations (pure)', () => {
  it('makes random 43-character tokens whose hash is stable and not the token', () => {
    const a = newInvitationToken();
    const b = newInvitationToken();
    expect(a).not.toBe(b);
    expect(keyKind(a)).toBe('token');
    expect(hashInvitationToken(a)).toBe(hashInvitationToken(a));
    expect(hashInvitationToken(a)).not.toContain(a);
    expect(hashInvitationToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyKind('2f1c9a8e-0b7d-4c1e-9d2a-3b4c5d6e7f80')).toBe('id');
    expect(keyKind('../etc/passwd')).toBeNull();
  });

  it('sends each address once, skips those already invited and counts both', () => {
    const plan = planRecipients(
      [candidate('A@x.org', 'o1'), candidate('a@x.org ', 'o2'), candidate('b@x.org', 'o2'), candidate('c@x.org', 'o3'), candidate('nope')],
      new Set(['c@x.org']),
    );
    expect(plan.recipients.map((r) => r.email)).toEqual(['a@x.org', 'b@x.org']);
    expect(plan.duplicates).toBe(1);
    expect(plan.alreadyInvited).toBe(1);
    expect(plan.organisations).toBe(2);
  });

  it('maps the directory gender to the survey vocabulary', () => {
    expect(surveyGender('prefer-not-to-say')).toBe('undisclosed');
    expect(surveyGender('woman')).toBe('woman');
    expect(surveyGender('x')).toBeNull();
    expect(surveyGender(null)).toBeNull();
  });

  it('tells an invitation state, answered first', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    const base = { answeredAt: null, responseId: null, openedAt: null, expiresAt: new Date('2027-01-01'), revokedAt: null };
    expect(invitationState(base, now)).toBe('sent');
    expect(invitationState({ ...base, openedAt: now }, now)).toBe('opened');
    expect(invitationState({ ...base, openedAt: now, responseId: 'r' }, now)).toBe('started');
    expect(invitationState({ ...base, expiresAt: now }, now)).toBe('expired');
    expect(invitationState({ ...base, revokedAt: now, answeredAt: now }, now)).toBe('answered');
    expect(invitationState({ ...base, revokedAt: now }, now)).toBe('revoked');
  });
});
