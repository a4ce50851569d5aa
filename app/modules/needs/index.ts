/** The needs module's public surface: the challenge taxonomy (its contracts, policy, seeding and services) and its API. */
export { SHIPPED_CHALLENGE_THEMES, type ShippedTheme } from './challenge-themes.ts';
export { createNeedsApi, NEEDS_TAG } from './needs.api.server.ts';
export * from './needs.contracts.ts';
export { canManageChallengeThemes, TAXONOMY_MANAGE } from './needs.policy.ts';
export {
  archiveChallengeTheme,
  createChallengeTheme,
  listChallengeThemes,
  restoreChallengeTheme,
  seedChallengeThemes,
  updateChallengeTheme,
} from './needs.service.server.ts';
