/**
 * Who is asking. Both adapters (session cookie for pages, bearer token for the API) and the CLI
 * turn their credentials into the same `Actor`; services take it as their first argument.
 */
import type { Locale } from '../i18n/locales.ts';

export type ScopeType = 'global' | 'country' | 'cluster' | 'organisation' | 'event';

export interface RoleGrant {
  role: string;
  scopeType: ScopeType;
  /** Null for global grants. */
  scopeId: string | null;
  permissions: readonly string[];
  requiresTwoFactor: boolean;
}

export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  grants: readonly RoleGrant[];
  via: 'session' | 'token' | 'cli';
  sessionId?: string;
  tokenId?: string;
  /** Set when programme staff act on behalf of another user (assisted entry); audited. */
  actingAsId?: string;
}

export interface AnonymousActor {
  kind: 'anonymous';
}

/** Seeds, migrations and jobs act as the system. */
export interface SystemActor {
  kind: 'system';
}

export type Actor = UserActor | AnonymousActor | SystemActor;

export const anonymous: AnonymousActor = { kind: 'anonymous' };
export const system: SystemActor = { kind: 'system' };

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}
