/**
 * Event statistics over the API (issue 5, items 6 and 8): an event's funnel and breakdowns, the
 * programme-wide view, the statistics as XLSX and the participant lists as XLSX or CSV. For those
 * who manage the events only. Adapters only: parse, call one service, map the result.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute } from '#app/shared/api/router.server.ts';
import { negotiateLocale } from '#app/shared/i18n/locales.ts';
import { XLSX_CONTENT_TYPE } from '#app/shared/xlsx/xlsx.ts';
import { eventSlugSchema } from '../events.contracts.ts';
import {
  eventStatisticsSchema,
  exportLocaleSchema,
  participantsQuerySchema,
  programmeStatisticsQuerySchema,
  programmeStatisticsSchema,
} from './statistics.contracts.ts';
import {
  type ExportedFile,
  exportEventStatisticsWorkbook,
  exportParticipantsCsv,
  exportParticipantsWorkbook,
  getEventStatistics,
  getProgrammeStatistics,
} from './statistics.service.server.ts';

const TAG = 'events';
const slugParams = z.object({ slug: eventSlugSchema });
const binary = z.string().meta({ format: 'binary' });
const forbidden = problemContent('Only those who manage the event read its statistics and participant lists.', {
  status: 403,
  code: 'COMMON_FORBIDDEN',
});
const notFound = problemContent('No event has this slug, or it is a draft you do not manage.', { status: 404, code: 'COMMON_NOT_FOUND' });

const programmeRoute = protectedRoute({
  method: 'get',
  path: '/events/statistics',
  tags: [TAG],
  operationId: 'getProgrammeEventStatistics',
  summary: 'Event statistics across the programme',
  description:
    'The events (not drafts) matching the filter that the caller manages, each with its funnel, and their breakdowns summed (by gender, country, organisation type, size and women-led organisations), for the results framework. Every count (no small-group suppression): for staff only.',
  request: { query: programmeStatisticsQuerySchema },
  responses: { 200: jsonContent(programmeStatisticsSchema, 'The statistics.'), 403: forbidden },
});

const eventRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/statistics',
  tags: [TAG],
  operationId: 'getEventStatistics',
  summary: 'An event’s statistics',
  description:
    'Invited (invitations sent, not revoked), registered (and by status), attended (checked in) and no-shows (confirmed, not checked in, after the end), each by gender, country, organisation type, size class and women-led organisations.',
  request: { params: slugParams },
  responses: { 200: jsonContent(eventStatisticsSchema, 'The statistics.'), 403: forbidden, 404: notFound },
});

const workbookRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/statistics.xlsx',
  tags: [TAG],
  operationId: 'exportEventStatisticsXlsx',
  summary: 'An event’s statistics as XLSX',
  description:
    'A cover (event, figures, when computed), the funnel and one sheet per breakdown, in the requested language (right-to-left in Arabic).',
  request: { params: slugParams, query: exportLocaleSchema },
  responses: { 200: { description: 'The workbook.', content: { [XLSX_CONTENT_TYPE]: { schema: binary } } }, 403: forbidden, 404: notFound },
});

const participantsDescription =
  '`list=sharing` (default): the confirmed participants who agreed to be listed, with organisation and country, to circulate. `list=logistics`: every confirmed participant with address, whether they agreed to be photographed and whether they checked in, for the team at the venue. Audited.';

const participantsXlsxRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/participants.xlsx',
  tags: [TAG],
  operationId: 'exportEventParticipantsXlsx',
  summary: 'An event’s participant list as XLSX',
  description: participantsDescription,
  request: { params: slugParams, query: participantsQuerySchema },
  responses: { 200: { description: 'The list.', content: { [XLSX_CONTENT_TYPE]: { schema: binary } } }, 403: forbidden, 404: notFound },
});

const participantsCsvRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/participants.csv',
  tags: [TAG],
  operationId: 'exportEventParticipantsCsv',
  summary: 'An event’s participant list as CSV',
  description: `${participantsDescription} UTF-8 with a byte order mark.`,
  request: { params: slugParams, query: participantsQuerySchema },
  responses: { 200: { description: 'The list.', content: { 'text/csv': { schema: z.string() } } }, 403: forbidden, 404: notFound },
});

function download(file: ExportedFile, contentType: string) {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'Cache-Control': 'private, no-store',
  };
}

export function createStatisticsApi() {
  return createApiRouter()
    .openapi(programmeRoute, async (c) => c.json(await getProgrammeStatistics(currentUser(c), c.req.valid('query')), 200))
    .openapi(eventRoute, async (c) => c.json(await getEventStatistics(currentUser(c), c.req.valid('param').slug), 200))
    .openapi(workbookRoute, async (c) => {
      const locale = c.req.valid('query').locale ?? negotiateLocale(c.req.header('accept-language'));
      const file = await exportEventStatisticsWorkbook(currentUser(c), c.req.valid('param').slug, locale);
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, download(file, XLSX_CONTENT_TYPE));
    })
    .openapi(participantsXlsxRoute, async (c) => {
      const query = c.req.valid('query');
      const locale = query.locale ?? negotiateLocale(c.req.header('accept-language'));
      const file = await exportParticipantsWorkbook(currentUser(c), c.req.valid('param').slug, { ...query, locale });
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, download(file, XLSX_CONTENT_TYPE));
    })
    .openapi(participantsCsvRoute, async (c) => {
      const query = c.req.valid('query');
      const locale = query.locale ?? negotiateLocale(c.req.header('accept-language'));
      const file = await exportParticipantsCsv(currentUser(c), c.req.valid('param').slug, { ...query, locale });
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, download(file, 'text/csv; charset=utf-8'));
    });
}
