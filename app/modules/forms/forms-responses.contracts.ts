/**
 * Contracts of the managers' side of forms: the list of forms they manage, the pages of a form's
 * responses (keyset cursor, bounded) and the export over every version.
 */
import { z } from 'zod';
import type { ExportCell, ExportColumn } from './form-export.ts';
import type { StoredForm } from './form-store.contracts.ts';

export const FORM_SCOPE_TYPES = ['global', 'country', 'cluster'] as const;
export const RESPONSE_STATUSES = ['draft', 'submitted'] as const;

/** At most this many forms in one list (a manager's forms are tens, not thousands). */
export const FORMS_LIST_LIMIT = 500;
export const RESPONSES_PAGE_DEFAULT = 25;
export const RESPONSES_PAGE_MAX = 100;

export const listFormsInputSchema = z.object({
  scopeType: z.enum(FORM_SCOPE_TYPES).optional(),
  scopeId: z.string().max(80).optional(),
});
export type ListFormsInput = z.input<typeof listFormsInputSchema>;

/** An opaque position in a list of responses (what `nextCursor` gave). */
export const responseCursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/)
  .meta({ description: 'Opaque: the `nextCursor` of the previous page.' });

export const listResponsesInputSchema = z.object({
  version: z.coerce.number().int().min(1).optional(),
  status: z.enum(RESPONSE_STATUSES).optional(),
  cursor: responseCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(RESPONSES_PAGE_MAX).default(RESPONSES_PAGE_DEFAULT),
});
export type ListResponsesInput = z.input<typeof listResponsesInputSchema>;

/** A form as its managers see it in a list. */
export interface FormSummary extends StoredForm {
  /** The latest published version; null while only a draft exists. */
  publishedVersion: number | null;
  /** The open draft's number, if any. */
  draftVersion: number | null;
  versions: number;
  responses: { draft: number; submitted: number };
}

export interface PersonRef {
  userId: string;
  /** Null when the account is gone. */
  name: string | null;
}

/** One response in a list: who, against which version, where it stands (not the answers). */
export interface ResponseSummary {
  id: string;
  formCode: string;
  version: number;
  status: (typeof RESPONSE_STATUSES)[number];
  respondent: PersonRef | null;
  /** Staff who entered the answers for the respondent (assisted entry). */
  enteredBy: PersonRef | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

export interface ResponsePage {
  items: ResponseSummary[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** One response in an export: who and when, and its answers as cells keyed like `columns`. */
export interface ExportedResponse {
  response: ResponseSummary;
  /** Every key of the merged columns; null where not answered or not in this response's version. */
  cells: Record<string, ExportCell>;
}

/** Every response of a form, each read with its own version's definition. */
export interface ResponsesExport {
  form: StoredForm;
  /** The columns of every version merged (oldest first), headers in the reader's language. */
  columns: ExportColumn[];
  /** Each version's own columns and headers: what a question was called when it was answered. */
  versions: { version: number; publishedAt: Date | null; columns: ExportColumn[] }[];
  /**
   * The responses oldest first, a batch at a time, read from the database as they are consumed
   * (an export of 100,000 responses never holds them all in memory). Consume once.
   */
  batches: AsyncGenerator<ExportedResponse[]>;
}
