/**
 * The diagnostics' vocabularies as plain constants (no validation library), so pages can list the
 * choices in the browser too. Labels live in locales/*\/needs.diagnostics.json; see
 * diagnostics.contracts.ts for what each means.
 */
export const SEVERITIES = [1, 2, 3, 4] as const;
/** Message keys of the severities, by value. */
export const SEVERITY_NAMES = { 1: 'low', 2: 'moderate', 3: 'high', 4: 'critical' } as const;
export const AFFECTED_GROUPS = [
  'all-members',
  'micro-firms',
  'small-firms',
  'medium-firms',
  'women-artisans',
  'youth',
  'exporters',
  'informal-workers',
  'suppliers',
  'support-institutions',
] as const;
export const GENDER_DIMENSIONS = ['none', 'women-more', 'men-more', 'women-barrier'] as const;
export const SWOT_KINDS = ['strength', 'weakness', 'opportunity', 'threat'] as const;
export const BASELINE_INDICATORS = [
  'member-enterprises',
  'women-led-enterprises',
  'jobs',
  'jobs-women',
  'jobs-youth',
  'annual-turnover',
  'export-share',
  'trained-people',
] as const;
export const DIAGNOSTIC_STATUSES = ['draft', 'endorsed'] as const;
