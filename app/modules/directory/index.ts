/** The directory module's public surface. */
export { canCreateCluster, canManageCluster, clusterCreationCountries } from './cluster.policy.ts';
export {
  CLUSTER_FILTER_KEYS,
  type ClusterFilterKey,
  type ClusterFilterValues,
  clearClusterFilter,
  clusterFiltersQuery,
  readClusterFilters,
  toggleClusterFilter,
} from './cluster-filters.ts';
export { CLUSTERS_TAG, createClustersApi } from './clusters.api.server.ts';
export {
  type ClusterFilters,
  type ClusterFiltersInput,
  type ClusterMember,
  type ClusterMemberInput,
  type ClusterPatch,
  clusterFiltersSchema,
  clusterMemberInputSchema,
  clusterMemberSchema,
  clusterPatchSchema,
} from './clusters.contracts.ts';
export {
  type ClusterHistoryEntry,
  type ClusterHistoryPage,
  type ClusterList,
  clusterHistory,
  findMemberCandidates,
  getCluster,
  listClusterMembers,
  listClusters,
  MEMBER_CANDIDATES_LIMIT,
  type MemberCandidate,
  type MemberCandidates,
  type MembershipHistory,
} from './clusters.query.server.ts';
export {
  addClusterMember,
  type ClusterImages,
  createCluster,
  type MembershipChange,
  removeClusterImage,
  removeClusterMember,
  setMemberRole,
  updateCluster,
  uploadClusterImages,
} from './clusters.service.server.ts';
export { type DemoDirectoryCounts, type SyntheticProgress, seedDemoDirectory, seedSyntheticDirectory } from './demo/demo.service.server.ts';
export { pickDemoName } from './demo/demo-directory.ts';
export { createRandom, type Random, seedFrom } from './demo/random.ts';
export { createDirectoryApi } from './directory.api.server.ts';
export {
  type ClusterInput,
  type ClusterProfile,
  type ClusterSummary,
  type Country,
  clusterFactSchema,
  clusterInputSchema,
  clusterProfileSchema,
  clusterStageSchema,
  clusterSummarySchema,
  countryListSchema,
  countrySchema,
  iso2Schema,
  languageCodeSchema,
  type Material,
  marketSchema,
  materialListSchema,
  materialSchema,
  membershipRoleSchema,
  type OrganisationContact,
  type OrganisationInput,
  type OrganisationProfile,
  type OrganisationSummary,
  organisationContactSchema,
  organisationInputSchema,
  organisationProfileSchema,
  organisationStatusSchema,
  organisationSummarySchema,
  organisationTypeSchema,
  profileLinkSchema,
  type ReferenceDataCounts,
  referenceCodeSchema,
  type SectorFamily,
  type Subsector,
  sectorFamilySchema,
  sectorListSchema,
  sizeClassSchema,
  slugSchema,
  subsectorSchema,
  type TranslatableText,
  translatableTextSchema,
  valueChainRoleSchema,
} from './directory.contracts.ts';
export { listCountries, listMaterials, listSectors, seedReferenceData } from './directory.service.server.ts';
export * from './directory.vocabulary.ts';
export {
  type ImportCounts,
  type ImportPreview,
  type ImportRunSummary,
  type ImportRunsPage,
  type ImportRunView,
  MAX_IMPORT_FILE_BYTES,
} from './import/import.contracts.ts';
export { canImport, canSeeImports } from './import/import.policy.ts';
export {
  createImportDraft,
  type FileImportOptions,
  getImportRun,
  IMPORT_RUNS_PAGE_SIZE,
  importFile,
  listImportRuns,
  previewImportRun,
  startImportRun,
} from './import/import.service.server.ts';
export { IMPORT_KINDS, type ImportIssue, type ImportKind, type ImportRunStatus } from './import/import.vocabulary.ts';
export { directoryImageResponse, isPublicDirectoryImage } from './media.server.ts';
export { canDecideRequests, canManageOrganisation, canPropose, organisationSubject, publishesDirectly } from './organisation.policy.ts';
export { canSeeContact, mediaUrl } from './organisation.presenter.ts';
export { createOrganisationAdminApi } from './organisation-admin.api.server.ts';
export {
  CLAIM_MESSAGE_MAX_LENGTH,
  type ClaimInput,
  DECISIONS,
  type Decision,
  IMAGE_CONTENT_TYPES,
  type ImageUpload,
  MAX_IMAGE_BYTES,
  MAX_PHOTOS,
  type OrganisationPatch,
  organisationPatchSchema,
} from './organisation-admin.contracts.ts';
export {
  COMMON_WORKING_LANGUAGES,
  FORM_LOCALES,
  type FormState,
  formFieldOf,
  formStateFromForm,
  formStateOf,
  LINK_KINDS,
  organisationInputFromForm,
} from './organisation-admin.form.ts';
export {
  type ClaimDecision,
  type ClaimResult,
  claimOrganisation,
  createOrganisation,
  decideClaim,
  decideProposal,
  getOrganisationForEdit,
  listPendingRequests,
  mayEditOrganisation,
  type OrganisationEditView,
  type OrganisationImages,
  organisationHistory,
  type PendingClaim,
  type PendingRequests,
  type ProposalDecision,
  proposeOrganisation,
  REQUESTS_LIST_LIMIT,
  removeOrganisationImage,
  updateOrganisation,
  uploadOrganisationImages,
} from './organisation-admin.service.server.ts';
export {
  type DirectoryLabels,
  effectiveSort,
  FACET_KEYS,
  type FacetKey,
  type FacetValue,
  filtersQuery,
  filtersToSearchParams,
  hasActiveFilters,
  LIST_FACET_KEYS,
  type ListFacetKey,
  labelsFromFacets,
  NO_FILTERS,
  ORGANISATION_SORTS,
  type OrganisationFacets,
  type OrganisationFilters,
  type OrganisationSort,
  organisationFiltersSchema,
  type ReadFilters,
  readOrganisationFilters,
  searchParamsToInput,
  toggleFacetValue,
  withPage,
  withWomenLed,
} from './organisation-filters.ts';
export { presentOrganisationListForPage } from './organisation-list.presenter.ts';
export { createOrganisationsApi } from './organisations.api.server.ts';
export {
  getOrganisation,
  getOrganisationPage,
  type ListOrganisationsOptions,
  listOrganisations,
  MAX_PAGE_SIZE,
  type OrganisationList,
  type OrganisationPage,
  organisationIdsInView,
} from './organisations.query.server.ts';
export { EXPORT_FORMATS, type ExportFormat, exportOrganisations, type OrganisationExport } from './organisations-export.server.ts';
export {
  type ListedPerson,
  type ManagedPerson,
  PERSON_NAME_MAX_LENGTH,
  type PersonAccountInput,
  type PersonInput,
  personAccountInputSchema,
  personInputSchema,
} from './people.contracts.ts';
export {
  addPerson,
  linkPersonAccount,
  listPeople,
  PEOPLE_LIST_LIMIT,
  type PeopleList,
  removePerson,
  unlinkPersonAccount,
  updatePerson,
} from './people.service.server.ts';
export { createTwinsApi } from './twins.api.server.ts';
export { TWINS_PAGE_SIZE, type TwinsFilters, twinsFiltersFromSearchParams, twinsFiltersQuery } from './twins.contracts.ts';
export { exportTwins, type TwinsExportFormat } from './twins.export.server.ts';
export { describeTwinReason, languageName, type TwinNames } from './twins.reasons.ts';
export {
  type ClusterTwin,
  findClusterTwins,
  findOrganisationTwins,
  type OrganisationTwin,
  type TwinSource,
  type TwinsResult,
} from './twins.service.server.ts';
export { type MatchStrength, matchStrength, type TwinKind, type TwinReason } from './twins.ts';
