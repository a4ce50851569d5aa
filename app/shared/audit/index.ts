/** The audit log: services write it with `recordAudit`; staff read it with `listAuditEntries`. */
export type { AuditQuery } from './audit.contracts.ts';
export { type AuditEntry, recordAudit } from './audit.server.ts';
export { AUDIT_PAGE_SIZE, type AuditEntryView, type AuditPage, listAuditEntries } from './audit.service.server.ts';
