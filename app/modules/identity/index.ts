/** The identity module's public surface: routes, the API, the server and the CLI import from here only. */
export {
  type EmailInput,
  emailInput,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordConfirmationInput,
  passwordConfirmationInput,
  type ResetPasswordInput,
  resetPasswordInput,
  type SignInInput,
  type SignUpInput,
  sessionIdInput,
  signInInput,
  signUpInput,
  type TotpCodeInput,
  type TwoFactorChallengeInput,
  totpCodeInput,
  twoFactorChallengeInput,
  type UpdateProfileInput,
  updateProfileInput,
} from './account.contracts.ts';
export { canManageOwnAccount } from './account.policy.ts';
export {
  getProfile,
  listSessions,
  MAX_LISTED_SESSIONS,
  type Profile,
  revokeOtherSessions,
  revokeSession,
  type SessionSummary,
  updateProfile,
} from './account.service.server.ts';
export { redirectSignedIn, requireAccountPage } from './account-gate.server.ts';
export {
  actorForUser,
  invalidTokenResponse,
  requireStaffPage,
  resolveRequestActor,
  resolveRequestCredentials,
  signInPath,
  TWO_FACTOR_REQUIRED_FLASH,
} from './actor.server.ts';
export { type CreateAdminInput, createAdminInput } from './admin-accounts.contracts.ts';
export { createAdmin, DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoLogin, ensureDemoAccounts } from './admin-accounts.server.ts';
export { AUTH_BASE_PATH, type Auth, CLIENT_IP_HEADER, getAuth } from './auth.server.ts';
export {
  type AuthOutcome,
  completeTwoFactorSignIn,
  confirmTwoFactorSetup,
  disableTwoFactor,
  regenerateBackupCodes,
  requestPasswordReset,
  resendVerificationEmail,
  resetPassword,
  type SignInOutcome,
  signIn,
  signOut,
  signUp,
  startTwoFactorSetup,
  type TwoFactorEnabled,
  verifyEmail,
} from './auth-flows.server.ts';
export { createIdentityApi } from './identity.api.server.ts';
export { GENDERS, type Gender } from './identity.schema.ts';
export { safeRedirectPath } from './redirect.ts';
export { type RoleAssignmentInput, roleAssignmentInput } from './roles.contracts.ts';
export { assignRole, listRoleHolders, type RoleChange, revokeRole, seedRoles } from './roles.service.server.ts';
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
export { presentTotpSetup, type TotpSetupView } from './totp-setup.server.ts';
export { type DeviceDescription, describeUserAgent } from './user-agent.ts';
