/** The identity module's public surface: routes, the API, the server and the CLI import from here only. */
export {
  actorForUser,
  requireStaffPage,
  resolveRequestActor,
  signInPath,
  TWO_FACTOR_REQUIRED_FLASH,
} from './actor.server.ts';
export { type CreateAdminInput, createAdminInput } from './admin-accounts.contracts.ts';
export { createAdmin, DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoLogin, ensureDemoAccounts } from './admin-accounts.server.ts';
export { AUTH_BASE_PATH, type Auth, CLIENT_IP_HEADER, getAuth } from './auth.server.ts';
export { type RoleAssignmentInput, roleAssignmentInput } from './roles.contracts.ts';
export { assignRole, type RoleChange, revokeRole, seedRoles } from './roles.service.server.ts';
export { BUILT_IN_ROLE_KEYS, BUILT_IN_ROLES, type BuiltInRoleKey, PERMISSIONS, type Permission, type RoleDefinition } from './roles.ts';
export {
  API_TOKEN_LIFETIMES_DAYS,
  type ApiTokenSummary,
  apiTokenSummary,
  type CreateApiTokenInput,
  type CreatedApiToken,
  createApiTokenInput,
  createdApiToken,
} from './tokens.contracts.ts';
export { canManageApiTokens } from './tokens.policy.ts';
export { API_TOKEN_LIST_LIMIT, createApiToken, listApiTokens, revokeApiToken } from './tokens.service.server.ts';
