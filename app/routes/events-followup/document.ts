/** /{locale}/events/{slug}/follow-up/documents/{id}: a document's file (public ones for anyone who sees the event, the others for its staff). */
import { contentDisposition, openDocument } from '#app/modules/events/index.ts';
import { requestContext } from '#app/shared/http/request-context.ts';
import type { Route } from './+types/document';
import { asErrorResponse } from './followup.server.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const document = await openDocument(context.get(requestContext).actor, params.slug, params.id).catch(asErrorResponse);
  return new Response(document.body, {
    headers: {
      'Content-Type': document.contentType,
      'Content-Length': String(document.size),
      'Content-Disposition': contentDisposition(document.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
