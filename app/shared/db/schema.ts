/** Every table of the application, for drizzle's relational queries and the migrator. */
export * from '../../modules/directory/directory.schema.ts';
export * from '../../modules/directory/import/import.schema.ts';
export * from '../../modules/directory/organisation-facets.schema.ts';
export * from '../../modules/events/checkin/checkin.schema.ts';
export * from '../../modules/events/events.schema.ts';
export * from '../../modules/events/followup/followup.schema.ts';
export * from '../../modules/events/invitations/invitations.schema.ts';
export * from '../../modules/events/registration/registration.schema.ts';
export * from '../../modules/forms/forms.schema.ts';
export * from '../../modules/identity/identity.schema.ts';
export * from '../../modules/needs/needs.schema.ts';
export * from '../../modules/needs/workshops/workshops.schema.ts';
export * from '../audit/audit.schema.ts';
export * from '../files/files.schema.ts';
export * from '../jobs/jobs.schema.ts';
export * from '../mail/mail.schema.ts';
export * from '../search/search.schema.ts';
