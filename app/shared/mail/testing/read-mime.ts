/**
 * Reads what an SMTP server received, for tests: headers with RFC 2047 words decoded, and the
 * text and HTML parts with their transfer encoding undone. Enough MIME for what nodemailer
 * writes; not a general-purpose parser.
 */
export interface ReadMessage {
  /** Lower-cased header names; a repeated header keeps its first value. */
  headers: Record<string, string>;
  text?: string;
  html?: string;
  /** Parts sent as attachments (`Content-Disposition: attachment`), their bytes decoded. */
  attachments: ReadAttachment[];
}

export interface ReadAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

function splitHead(raw: string): { head: string; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  return at < 0 ? { head: raw, body: '' } : { head: raw.slice(0, at), body: raw.slice(at + 4) };
}

function decodeQ(value: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

/** `=?UTF-8?B?...?=` and `=?UTF-8?Q?...?=` words; whitespace between adjacent words is dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, data: string) =>
      (encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQ(data)).toString('utf8'),
    );
}

function parseHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= decodeWords(line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes);
}

function decodeBytes(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return Buffer.from(body, 'utf8');
  }
}

function decodeBody(body: string, encoding: string | undefined): string {
  return decodeBytes(body, encoding).toString('utf8');
}

function filenameOf(disposition: string, contentType: string): string {
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? /name="?([^";]+)"?/i.exec(contentType)?.[1] ?? '';
}

function boundaryOf(contentType: string): string | undefined {
  return /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
}

function collectParts(raw: string, into: ReadMessage): void {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const contentType = headers['content-type'] ?? 'text/plain';
  const boundary = boundaryOf(contentType);
  if (contentType.toLowerCase().startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith('--')) break;
      // The line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1).
      collectParts(section.replace(/^\r\n/, '').replace(/\r\n$/, ''), into);
    }
    return;
  }
  const disposition = headers['content-disposition'] ?? '';
  if (disposition.toLowerCase().startsWith('attachment')) {
    into.attachments.push({
      filename: filenameOf(disposition, contentType),
      contentType,
      content: decodeBytes(body, headers['content-transfer-encoding']),
    });
    return;
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding']).replace(/\r\n/g, '\n');
  if (contentType.toLowerCase().startsWith('text/html')) into.html ??= decoded;
  else if (contentType.toLowerCase().startsWith('text/plain')) into.text ??= decoded;
}

export function readMime(raw: string): ReadMessage {
  const message: ReadMessage = { headers: parseHeaders(splitHead(raw).head), attachments: [] };
  // A message as received over SMTP ends with a line break that is not part of its body.
  collectParts(raw.replace(/\r\n$/, ''), message);
  return message;
}
