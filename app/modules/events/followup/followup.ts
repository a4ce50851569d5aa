/**
 * Pure rules of an event's follow-up: when an action is overdue, which document types are
 * accepted, and what a reader sees (managers everything, everyone else the public items).
 */
import type { ActionStatus } from './followup.schema.ts';

/** PDF, Word, Excel and images: what workshops share. */
export const DOCUMENT_TYPES = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** 20 MB a document (the file store allows 25). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export function isDocumentType(contentType: string): contentType is DocumentType {
  return Object.hasOwn(DOCUMENT_TYPES, contentType.split(';')[0]!.trim().toLowerCase());
}

/** An action is overdue when it is still open or in progress after its due date (`today` as YYYY-MM-DD in the event's zone). */
export function isOverdue(action: { status: ActionStatus; dueOn: string | null }, today: string): boolean {
  return action.dueOn !== null && action.dueOn < today && (action.status === 'open' || action.status === 'in-progress');
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function dateIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The items a reader sees: all of them for the event's managers, else the public ones. */
export function visibleTo<T extends { isPublic: boolean }>(items: readonly T[], manages: boolean): T[] {
  return manages ? [...items] : items.filter((item) => item.isPublic);
}
