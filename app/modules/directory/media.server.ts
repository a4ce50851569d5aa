/**
 * `/media/:id`: the images the directory shows publicly (logos and photos of published
 * organisations and of clusters), served from our own origin. Anything else, including a file
 * stored for another purpose, is a 404: a stored file is not public because its id is known.
 */
import { getDb } from '#app/shared/db/client.server.ts';
import { isAppError } from '#app/shared/errors.ts';
import { openStoredFile } from '#app/shared/files/index.ts';
import { isReferencedPublicImage } from './media.repository.server.ts';
import { IMAGE_CONTENT_TYPES } from './organisation-admin.contracts.ts';

const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function isPublicDirectoryImage(fileId: string): Promise<boolean> {
  return FILE_ID.test(fileId) && isReferencedPublicImage(getDb(), fileId);
}

function notFound(): Response {
  return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
}

/** The image with its type and a year-long cache (a file id never gets other bytes), or a bare 404. */
export async function directoryImageResponse(fileId: string): Promise<Response> {
  if (!(await isPublicDirectoryImage(fileId))) return notFound();
  // Bytes gone missing from the store are a 404 too; any other failure is a real error.
  const opened = await openStoredFile(getDb(), fileId).catch((error: unknown) => {
    if (isAppError(error) && error.status === 404) return null;
    throw error;
  });
  if (!opened) return notFound();
  const { file, body } = opened;
  if (!(IMAGE_CONTENT_TYPES as readonly string[]).includes(file.contentType)) {
    await body.cancel();
    return notFound();
  }
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Disposition': 'inline',
    },
  });
}
