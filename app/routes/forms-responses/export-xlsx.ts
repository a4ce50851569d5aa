/** /{locale}/forms/manage/{code}/responses.xlsx: every response of the form (or the submitted ones) as XLSX, in the page's language. */
import { exportResponses, responsesFileName, responsesWorkbook, XLSX_CONTENT_TYPE } from '#app/modules/forms/index.ts';
import type { Route } from './+types/export-xlsx';
import { asErrorResponse, managerPage } from './responses.server.ts';

export async function loader(args: Route.LoaderArgs) {
  const { actor, locale } = managerPage(args);
  const status = new URL(args.request.url).searchParams.get('status') === 'submitted' ? 'submitted' : undefined;
  const exported = await exportResponses(actor, args.params.code, locale, { status }).catch(asErrorResponse);
  const body = responsesWorkbook(exported, locale);
  return new Response(body, {
    headers: {
      'Content-Type': XLSX_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${responsesFileName(exported.form.code)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
