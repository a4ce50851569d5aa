/**
 * The priority synthesis's exports over the API (issue 4, item 6): the XLSX workbook and the PDF
 * brief of a scope in the requested language, and the open data (JSON or CSV). Anyone may call
 * them; a caller holding `needs.read` over the scope gets every count in the workbook and the brief,
 * open data is always the public figures. Adapters only: parse, call one service, map the result.
 */
import { z } from 'zod';
import { createApiRouter, problemContent, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { negotiateLocale } from '#app/shared/i18n/locales.ts';
import { PDF_CONTENT_TYPE } from '#app/shared/pdf/pdf.server.ts';
import { XLSX_CONTENT_TYPE } from '#app/shared/xlsx/xlsx.ts';
import { exportQuerySchema, openDataQuerySchema, openDataSchema } from './needs-exports.contracts.ts';
import { type ExportedFile, exportSynthesisBrief, exportSynthesisWorkbook, getNeedsOpenData } from './needs-exports.service.server.ts';
import { openDataCsv } from './needs-exports-open-data.ts';

const scopeInvalid = problemContent('The scope is not `region`, `country:XX` or `cluster:<slug>`.', {
  status: 400,
  code: 'NEEDS_SCOPE_INVALID',
  fields: [{ field: 'scope', code: 'NEEDS_SCOPE_INVALID' }],
});
const binary = z.string().meta({ format: 'binary' });
const audienceHeader = {
  'X-Mosaic-Audience': { description: '`public` or `staff`: which figures the file holds.', schema: { type: 'string' as const } },
};

const workbookRoute = publicRoute({
  method: 'get',
  path: '/needs/priorities.xlsx',
  tags: ['needs'],
  operationId: 'exportNeedsPrioritiesXlsx',
  summary: 'Every table of a scope’s priority synthesis as XLSX',
  description:
    'One sheet per table, headers in the requested language (`locale`, else Accept-Language), right-to-left in Arabic: a cover (scope, audience, `computedAt`, formula version and weights, minimum group size), the ranking with its score components, respondents by gender and by size, common challenges, training needs by topic and format, by gender and by size. Public figures (counts under the minimum group size hidden) unless the caller holds `needs.read` over the scope (audited).',
  request: { query: exportQuerySchema },
  responses: {
    200: { description: 'The workbook.', headers: audienceHeader, content: { [XLSX_CONTENT_TYPE]: { schema: binary } } },
    400: scopeInvalid,
  },
});

const briefRoute = publicRoute({
  method: 'get',
  path: '/needs/priorities.pdf',
  tags: ['needs'],
  operationId: 'exportNeedsPrioritiesPdf',
  summary: 'The PDF brief of a scope’s priority needs',
  description:
    'In the requested language (Arabic shaped and right-to-left): title, scope, when the figures were computed, the top priorities (chart and table), common challenges, training needs and the method. Public figures unless the caller holds `needs.read` over the scope (audited).',
  request: { query: exportQuerySchema },
  responses: {
    200: { description: 'The brief.', headers: audienceHeader, content: { [PDF_CONTENT_TYPE]: { schema: binary } } },
    400: scopeInvalid,
  },
});

const openDataRoute = publicRoute({
  method: 'get',
  path: '/needs/open-data',
  tags: ['needs'],
  operationId: 'getNeedsOpenData',
  summary: 'The priority synthesis of a scope as open data',
  description:
    'Anonymised and aggregated: every table of the synthesis with stable codes (themes, topics, formats, groups, clusters, countries), every count of fewer people than the minimum group size hidden (null, `suppressed: true`), no evidence ids, no organisation or person, whoever asks; with its licence (CC BY 4.0). `format=csv` gives one figure a line (`table,row,column,value,suppressed`).',
  request: { query: openDataQuerySchema },
  responses: {
    200: {
      description: 'The open data.',
      content: { 'application/json': { schema: openDataSchema }, 'text/csv': { schema: z.string() } },
    },
    400: scopeInvalid,
  },
});

function download(file: ExportedFile, contentType: string) {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'Cache-Control': file.audience === 'staff' ? 'private, no-store' : 'no-store',
    'X-Mosaic-Audience': file.audience,
  };
}

export function createNeedsExportsApi() {
  return createApiRouter()
    .openapi(workbookRoute, async (c) => {
      const query = c.req.valid('query');
      const locale = query.locale ?? negotiateLocale(c.req.header('accept-language'));
      const file = await exportSynthesisWorkbook(c.get('actor') ?? anonymous, { ...query, locale });
      return c.body(new Uint8Array(file.body), 200, download(file, XLSX_CONTENT_TYPE));
    })
    .openapi(briefRoute, async (c) => {
      const query = c.req.valid('query');
      const locale = query.locale ?? negotiateLocale(c.req.header('accept-language'));
      const file = await exportSynthesisBrief(c.get('actor') ?? anonymous, { ...query, locale });
      return c.body(new Uint8Array(file.body), 200, download(file, PDF_CONTENT_TYPE));
    })
    .openapi(openDataRoute, async (c) => {
      const query = c.req.valid('query');
      const data = await getNeedsOpenData(c.get('actor') ?? anonymous, query);
      if (query.format === 'csv') {
        return c.body(openDataCsv(data), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `inline; filename="needs-open-data-${data.scope.replace(':', '-').toLowerCase()}.csv"`,
        });
      }
      return c.json(data, 200);
    });
}
