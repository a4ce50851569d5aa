/** The needs module's public surface: the challenge taxonomy (its contracts, policy, seeding and services) and its API. */

export { PDF_CONTENT_TYPE } from '#app/shared/pdf/pdf.server.ts';
export { XLSX_CONTENT_TYPE } from '#app/shared/xlsx/xlsx.ts';
export { SHIPPED_CHALLENGE_THEMES, type ShippedTheme } from './challenge-themes.ts';
// Cluster diagnostics: rounds of challenges, SWOT and baseline figures, endorsed (diagnostics/).
export * from './diagnostics/diagnostics.contracts.ts';
export {
  addBaselineFigure,
  addChallenge,
  addSwotItem,
  type ClusterDiagnostics,
  createDiagnostic,
  type DemoDiagnosticCounts,
  endorseDiagnostic,
  getClusterDiagnostics,
  getDiagnostic,
  listClusterDiagnostics,
  listEndorsedChallenges,
  removeBaselineFigure,
  removeChallenge,
  removeSwotItem,
  seedDemoDiagnostics,
  updateChallenge,
  updateDiagnostic,
} from './diagnostics/diagnostics.service.server.ts';
export {
  EVIDENCE_PAGE_SIZE,
  type EvidenceQuery,
  evidenceQuerySchema,
  type SurveyAnswerEvidence,
  type ThemeEvidence,
  themeEvidenceSchema,
} from './evidence.contracts.ts';
export { getThemeEvidence } from './evidence.service.server.ts';
// Sending needs surveys (invitations/): recipients from a cluster or a directory view, personal links, reminders, status.
export * from './invitations/invitations.contracts.ts';
export {
  getSurveyInvitationStatus,
  listMySurveyInvitations,
  MAX_ORGANISATIONS_PER_SEND,
  type MyInvitation,
  type OpenedInvitation,
  openSurveyInvitation,
  remindSurveyInvitations,
  revokeSurveyInvitation,
  SURVEY_REMIND_JOB,
  saveSurveyInvitationPage,
  sendSurveyInvitations,
  submitSurveyInvitation,
} from './invitations/invitations.service.server.ts';
export { type InvitationState, invitationPath } from './invitations/invitations.ts';
export { createNeedsApi, NEEDS_TAG } from './needs.api.server.ts';
export * from './needs.contracts.ts';
export {
  canManageChallengeThemes,
  canManageDiagnostics,
  canReadDiagnostic,
  canReadDiagnosticDetail,
  canReadNeedsDetail,
  type DiagnosticCluster,
  NEEDS_MANAGE,
  NEEDS_READ,
  type NeedsCluster,
  scopeSubject,
  TAXONOMY_MANAGE,
} from './needs.policy.ts';
export {
  archiveChallengeTheme,
  createChallengeTheme,
  listChallengeThemes,
  moveChallengeTheme,
  restoreChallengeTheme,
  seedChallengeThemes,
  updateChallengeTheme,
} from './needs.service.server.ts';
export { type DemoSurveyCounts, seedDemoSurveys } from './needs-demo.server.ts';
// Exports of the synthesis (issue 4, item 6): XLSX of every table, the PDF brief, open data.
export {
  commonThresholdsSchema,
  exportQuerySchema,
  OPEN_DATA_LICENCE,
  type OpenData,
  openDataQuerySchema,
  openDataSchema,
  type SynthesisTablesQuery,
  synthesisTablesQuerySchema,
} from './needs-exports.contracts.ts';
export {
  type ExportedFile,
  exportSynthesisBrief,
  exportSynthesisWorkbook,
  getNeedsOpenData,
  getSynthesisTables,
} from './needs-exports.service.server.ts';
export type { SynthesisTables } from './needs-exports-tables.ts';
export { type CreateNeedsSurveyInput, createNeedsSurveyInputSchema } from './needs-survey.contracts.ts';
export { createNeedsSurvey, needsSurveysAmong, needsSurveyTemplate, startNeedsSurvey } from './needs-survey.service.server.ts';
export {
  ANY_FORMAT,
  NEEDS_SURVEY_QUESTIONS,
  NO_CHALLENGE,
  needsSurveyDefinition,
  type SurveyEvidence,
  type SurveyRespondentContext,
  surveyEvidence,
  TRAINING_FORMATS,
  TRAINING_TOPICS,
} from './needs-survey.ts';
export { type Priorities, type PrioritiesQuery, prioritiesQuerySchema, prioritiesSchema } from './priorities.contracts.ts';
export { getPriorities } from './priorities.service.server.ts';
// Priority synthesis (synthesis/, decision 0012): pure formula, common challenges, training catalogue and
// small-group suppression. Its charts are React components: pages import synthesis/charts/charts.tsx.
export {
  type CommonChallenge,
  type CommonChallengeOptions,
  DEFAULT_COMMON_CHALLENGE_OPTIONS,
  findCommonChallenges,
} from './synthesis/common-challenges.ts';
export {
  type CountTable,
  DEFAULT_MIN_GROUP_SIZE,
  type DisclosureOptions,
  type ProtectedCount,
  type ProtectedTable,
  protectCount,
  protectLinkedTables,
  protectTable,
} from './synthesis/disclosure.ts';
export {
  type DiagnosticChallenge as ChallengeEvidence,
  type Evidence as SynthesisEvidence,
  formatScope,
  GENDER_GROUPS,
  GENDERS,
  type Gender,
  type GenderGroup,
  parseScope,
  type RespondentFilter,
  type Scope as SynthesisScope,
  type Severity,
  SIZE_CLASSES,
  SIZE_GROUPS,
  type SizeClass,
  type SizeGroup,
  type SurveyBaseCell,
  type SurveyMention as MentionEvidence,
  type SurveyResponse as ResponseEvidence,
  type SurveyTally,
  type SurveyThemeCell,
  tallySurvey,
  type WorkshopVote as VoteEvidence,
} from './synthesis/evidence.ts';
export {
  DEFAULT_PRIORITY_OPTIONS,
  type PriorityOptions,
  type PrioritySynthesis,
  prioritise,
  type ThemePriority,
} from './synthesis/priority.ts';
export { type PublicSynthesis, type PublicThemePriority, publicSynthesis } from './synthesis/public-synthesis.ts';
export {
  buildTrainingCatalogue,
  NO_FORMAT,
  type TrainingFormatNeed,
  type TrainingRequest,
  type TrainingTopicNeed,
  trainingCountTable,
} from './synthesis/training-catalogue.ts';
// Workshop outputs (issue 5): challenges and training needs captured at events, dot voting, the comparison of workshops (workshops/).
export * from './workshops/workshops.contracts.ts';
export { VOTING_STATUSES, type VotingStatus } from './workshops/workshops.schema.ts';
export {
  addWorkshopChallenge,
  addWorkshopTrainingNeed,
  canFacilitate,
  changeMyDot,
  changeVoting,
  compareWorkshopOutputs,
  getMyBallot,
  getVotingResults,
  getWorkshopOutputs,
  listThemeVoteEvidence,
  removeWorkshopChallenge,
  removeWorkshopTrainingNeed,
  setMyVotes,
  updateWorkshopChallenge,
  updateWorkshopTrainingNeed,
  type WorkshopVoteEvidence,
} from './workshops/workshops.service.server.ts';
export { type DemoWorkshopOutputCounts, seedDemoWorkshopOutputs } from './workshops/workshops-demo.server.ts';
