/**
 * PDF documents typeset with Typst (the native compiler from `@myriaddreamin/typst-ts-node-compiler`),
 * with the fonts bundled under assets/fonts only (Noto Sans and Noto Sans Arabic: Arabic shaped and
 * right-to-left, nothing fetched at run time; STACK-NOTES trap 11).
 *
 * A document is a Typst template (the layout, written by us) and its data, passed as a JSON virtual
 * file that the template reads with `json("/data.json")`: user-written or translated text reaches the
 * page as Typst strings, never spliced into markup, so no text can inject markup. Other virtual files
 * (an SVG chart, a QR code) are passed the same way and read by their path, e.g. `image("/chart.svg")`.
 *
 * One compiler per process (loading the fonts takes about half a second); a render is synchronous,
 * so one document's virtual files never meet another's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

export const PDF_CONTENT_TYPE = 'application/pdf';

/** The virtual folder the template and its files live in (never read from disk). */
const WORKSPACE = '/mosaic-pdf';

export interface PdfDocument {
  /** The Typst source of the layout. It reads its data with `json("/data.json")`. */
  template: string;
  /** Everything the page shows, as JSON. */
  data: unknown;
  /** More virtual files by absolute path (`/chart.svg`), e.g. images. */
  files?: Readonly<Record<string, string | Uint8Array>>;
  /** The PDF's creation time (default now). */
  createdAt?: Date;
}

export class PdfRenderError extends Error {
  readonly diagnostics: readonly { message: string }[];
  constructor(diagnostics: readonly { message: string }[]) {
    super(`Typst could not typeset the document: ${diagnostics.map((d) => d.message).join('; ')}`);
    this.name = 'PdfRenderError';
    this.diagnostics = diagnostics;
  }
}

export function fontsDir(): string {
  return path.resolve(process.env.MOSAIC_FONTS_DIR ?? 'assets/fonts');
}

let compiler: NodeCompiler | undefined;

function getCompiler(): NodeCompiler {
  if (!compiler) {
    const dir = fontsDir();
    const fontBlobs = readdirSync(dir)
      .filter((file) => /\.(ttf|otf)$/i.test(file))
      .sort()
      .map((file) => readFileSync(path.join(dir, file)));
    if (fontBlobs.length === 0) throw new Error(`No fonts in ${dir}: the PDF documents need the fonts bundled under assets/fonts`);
    compiler = NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs }] });
  }
  return compiler;
}

const virtualPath = (name: string) => `${WORKSPACE}/${name.replace(/^\/+/, '')}`;

/** Typesets a document; throws PdfRenderError when the template does not compile. */
export function renderPdf(document: PdfDocument): Buffer {
  const typst = getCompiler();
  const files: [string, Buffer][] = [
    ['data.json', Buffer.from(JSON.stringify(document.data ?? null))],
    ...Object.entries(document.files ?? {}).map(([name, content]): [string, Buffer] => [name, Buffer.from(content)]),
  ];
  for (const [name, content] of files) typst.mapShadow(virtualPath(name), content);
  try {
    const compiled = typst.compile({ mainFileContent: document.template });
    const error = compiled.takeError();
    if (error || !compiled.result) {
      throw new PdfRenderError(error ? (typst.fetchDiagnostics(error) as { message: string }[]) : [{ message: 'no document' }]);
    }
    const createdAt = document.createdAt ?? new Date();
    return typst.pdf(compiled.result, { creationTimestamp: Math.floor(createdAt.getTime() / 1000) });
  } finally {
    for (const [name] of files) typst.unmapShadow(virtualPath(name));
    typst.evictCache(10);
  }
}
