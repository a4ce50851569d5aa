/** The needs module's public surface: the challenge taxonomy (its contracts, policy, seeding and services) and its API. */
export { SHIPPED_CHALLENGE_THEMES, type ShippedTheme } from './challenge-themes.ts';
// Cluster diagnostics: rounds of challenges, SWOT and baseline figures, endorsed (diagnostics/).
export * from './diagnostics/diagnostics.contracts.ts';
export {
  canManageDiagnostics,
  canReadDiagnostic,
  canReadDiagnosticDetail,
  type DiagnosticCluster,
} from './diagnostics/diagnostics.policy.ts';
export {
  addBaselineFigure,
  addChallenge,
  addSwotItem,
  type ClusterDiagnostics,
  createDiagnostic,
  endorseDiagnostic,
  getClusterDiagnostics,
  getDiagnostic,
  listClusterDiagnostics,
  listEndorsedChallenges,
  removeBaselineFigure,
  removeChallenge,
  removeSwotItem,
  updateChallenge,
  updateDiagnostic,
} from './diagnostics/diagnostics.service.server.ts';
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
