/**
 * The built-in roles and the permission vocabulary. Roles are data (the `role` table, upserted from
 * this list at boot by `seedRoles`), so more can be added without code; `can()` only ever sees the
 * permissions a role carries. Pure: no I/O, shared by services, pages and tests.
 *
 * Permissions are `module.action` strings. A role lists the scope types it may be given at; an
 * assignment at a narrower scope (a country, a cluster...) covers only subjects in that scope
 * (see `grantCovers` in #app/shared/auth/can.ts). Everything is deny-by-default.
 */
import type { ScopeType } from '#app/shared/auth/actor.ts';

/** Every permission a built-in role can carry; `*` (platform admin) means all of them and any future one. */
export const PERMISSIONS = [
  // Staff area and platform operations.
  'admin.access', // open the staff pages under /admin
  'users.read', // see accounts and their roles
  'users.manage', // assign and revoke roles, manage accounts
  'users.act_as', // enter data on behalf of a low-digital user (assisted entry, audited)
  'audit.read', // read the audit log
  'jobs.read', // see the background job queue
  'jobs.manage', // retry or cancel background jobs
  'mail.outbox.read', // read mail kept in the outbox when no SMTP server is configured (platform admins only)
  'settings.manage', // platform settings
  'taxonomy.manage', // countries, CCI families and subsectors, materials and techniques
  // Directory: clusters, organisations, people.
  'directory.clusters.manage', // edit a cluster's profile and its members
  'directory.organisations.manage', // edit an organisation's profile and its members
  'directory.requests.decide', // approve or reject proposed organisations and claims to manage one
  // Programme: calls, selection, cluster lifecycle.
  'programme.calls.manage', // open calls for proposals, run the selection
  'programme.applications.read', // read applications to a call
  'programme.applications.review', // score applications to a call
  'programme.ranking.manage', // national ranking of applications
  'programme.diagnostics.manage', // a cluster's diagnostic and action plan
  // Forms and needs.
  'forms.manage', // build surveys and registration forms
  'forms.respond', // answer surveys and forms
  'needs.read', // read challenges, training needs and their synthesis
  'needs.manage', // record and tag challenges and training needs
  // Events and workshops.
  'events.manage', // create events and workshops, invitations, outputs
  'events.checkin', // check participants in at an event
  'events.register', // register for events
  // Matchmaking.
  'matchmaking.participate', // post offers and requests, request B2B meetings, message partners
  'matchmaking.manage', // run the B2B meeting scheduler
  // Knowledge, dialogue, opportunities.
  'knowledge.contribute', // propose best practices and resources
  'knowledge.manage', // publish best practices, resources and news
  'dialogue.participate', // join discussions and consultations
  'dialogue.moderate', // moderate the forum, run policy consultations
  'opportunities.manage', // publish jobs, apprenticeships, trainings and grants
  // Results.
  'indicators.read', // dashboards beyond the public results
  'indicators.manage', // results framework: indicators, baselines, targets, reports
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export interface RoleDefinition {
  key: string;
  /** `*` grants every permission. */
  permissions: readonly (Permission | '*')[];
  /** Scope types this role may be assigned at; the first is the usual one. */
  scopeTypes: readonly ScopeType[];
  /** Staff roles: their grants count only once the holder has enabled two-factor. */
  requiresTwoFactor: boolean;
}

/** What every signed-in participant may do; the other roles build on it. */
const participation: readonly Permission[] = [
  'forms.respond',
  'events.register',
  'matchmaking.participate',
  'knowledge.contribute',
  'dialogue.participate',
];

export const BUILT_IN_ROLES = [
  // Users, roles, taxonomies and settings; the only role that reads the mail outbox.
  { key: 'platform_admin', permissions: ['*'], scopeTypes: ['global'], requiresTwoFactor: true },
  // The secretariat: calls and selection, events, moderation, indicators, reports, assisted entry.
  // May be limited to one country or one event (e.g. check-in staff).
  {
    key: 'programme_staff',
    permissions: [
      'admin.access',
      'jobs.read',
      'audit.read',
      'users.read',
      'users.act_as',
      'directory.clusters.manage',
      'directory.organisations.manage',
      'directory.requests.decide',
      'programme.calls.manage',
      'programme.applications.read',
      'programme.ranking.manage',
      'programme.diagnostics.manage',
      'forms.manage',
      'needs.read',
      'needs.manage',
      'events.manage',
      'events.checkin',
      'matchmaking.manage',
      'knowledge.manage',
      'dialogue.moderate',
      'opportunities.manage',
      'indicators.read',
      'indicators.manage',
      ...participation,
    ],
    scopeTypes: ['global', 'country', 'event'],
    requiresTwoFactor: true,
  },
  // A ministry or agency representative: national dashboards, priority needs, the national ranking.
  {
    key: 'national_focal_point',
    permissions: ['needs.read', 'indicators.read', 'programme.applications.read', 'programme.ranking.manage', ...participation],
    scopeTypes: ['country'],
    requiresTwoFactor: false,
  },
  // A cluster development agent: the cluster, its members, its diagnostic, action plan and workshops.
  {
    key: 'cluster_manager',
    permissions: [
      'directory.clusters.manage',
      'programme.diagnostics.manage',
      'needs.read',
      'needs.manage',
      'events.manage',
      'events.checkin',
      'forms.manage',
      'indicators.read',
      ...participation,
    ],
    scopeTypes: ['cluster'],
    requiresTwoFactor: false,
  },
  // Scores applications to a call.
  {
    key: 'reviewer',
    permissions: ['programme.applications.read', 'programme.applications.review', ...participation],
    scopeTypes: ['global', 'country'],
    requiresTwoFactor: false,
  },
  // Manages an organisation's profile and its members.
  {
    key: 'organisation_admin',
    permissions: ['directory.organisations.manage', ...participation],
    scopeTypes: ['organisation'],
    requiresTwoFactor: false,
  },
  // A person in an enterprise or institution: profile, partners, offers, events, B2B meetings, surveys.
  { key: 'member', permissions: participation, scopeTypes: ['global', 'organisation'], requiresTwoFactor: false },
] as const satisfies readonly RoleDefinition[];

export type BuiltInRoleKey = (typeof BUILT_IN_ROLES)[number]['key'];

export const BUILT_IN_ROLE_KEYS: readonly BuiltInRoleKey[] = BUILT_IN_ROLES.map((r) => r.key);

export function findBuiltInRole(key: string): RoleDefinition | undefined {
  return BUILT_IN_ROLES.find((r) => r.key === key);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * Why an assignment is not well formed, or null when it is: the scope type must be one the role
 * allows, and a scope id is required for every scope but global (where it must be absent).
 */
export function scopeProblem(
  role: Pick<RoleDefinition, 'scopeTypes'>,
  scopeType: ScopeType,
  scopeId: string | null,
): 'scope_type_not_allowed' | 'scope_id_required' | 'scope_id_not_allowed' | null {
  if (!role.scopeTypes.includes(scopeType)) return 'scope_type_not_allowed';
  if (scopeType === 'global') return scopeId === null ? null : 'scope_id_not_allowed';
  return scopeId ? null : 'scope_id_required';
}
