/** A badge PDF as a download that is never cached; a refusal is the status's error page. */
import { isAppError } from '#app/shared/errors.ts';

export async function pdfResponse(produce: () => Promise<{ fileName: string; pdf: Buffer }>): Promise<Response> {
  const file = await produce().catch((error: unknown) => {
    if (isAppError(error) && error.status < 500) throw new Response(null, { status: error.status === 409 ? 400 : error.status });
    throw error;
  });
  return new Response(new Uint8Array(file.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
