/**
 * Platform mail. `queueMail` enqueues a `mail.send` job (inside the caller's transaction); the job
 * renders the template in the recipient's language and sends it over SMTP (`SMTP_URL`), or, when
 * no SMTP server is configured, keeps it in the outbox that platform admins read.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { createIntl, type IntlShape } from 'react-intl';
import { getConfig } from '../config.server.ts';
import { type Executor, getDb } from '../db/client.server.ts';
import { AppError } from '../errors.ts';
import { loadCatalog } from '../i18n/catalog.server.ts';
import type { Locale } from '../i18n/locales.ts';
import { enqueueJob, type JobContext, PermanentJobError, registerJobHandler } from '../jobs/queue.server.ts';
import { parseInput } from '../validation.ts';
import { type MailRequest, mailRequestSchema, type ValidMailRequest } from './mail.contracts.ts';
import { insertOutboxMail } from './outbox.repository.server.ts';
import { type MailTranslator, type RenderedMail, renderMail } from './render.ts';

export const MAIL_SEND_JOB = 'mail.send';

/** Temporary SMTP failures are retried with backoff for about four hours before the job fails. */
const MAIL_MAX_ATTEMPTS = 8;

const strictIntls = new Map<Locale, IntlShape>();

/**
 * Mail is formatted strictly: a missing catalog key or a value the message needs throws, instead
 * of the shared translator's fallback that would send a raw key or "{name}" to a real person.
 */
function strictTranslator(locale: Locale): MailTranslator {
  let intl = strictIntls.get(locale);
  if (!intl) {
    intl = createIntl({
      locale,
      messages: loadCatalog(locale),
      onError: (error) => {
        throw error;
      },
    });
    strictIntls.set(locale, intl);
  }
  const formatter = intl;
  return (id, values) => String(formatter.formatMessage({ id }, values));
}

/** Renders a mail as its recipient will read it; throws when the template or a value is missing. */
export function renderMailRequest(request: ValidMailRequest): RenderedMail {
  return renderMail(request, strictTranslator(request.locale));
}

/**
 * Queues a mail to one recipient in their language. Bad input, a template missing from the
 * recipient's catalog or a missing value throws here, in the caller, rather than later in the queue.
 */
export async function queueMail(executor: Executor, request: MailRequest): Promise<string> {
  const valid = parseInput(mailRequestSchema, request);
  try {
    renderMailRequest(valid);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('PLATFORM_MAIL_TEMPLATE_INVALID', 500, { template: valid.template, locale: valid.locale, reason });
  }
  return enqueueJob(executor, MAIL_SEND_JOB, valid, { maxAttempts: MAIL_MAX_ATTEMPTS });
}

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

function headersFor(locale: Locale): Record<string, string> {
  // RFC 3834: tells auto-responders not to answer; Content-Language helps screen readers and filters.
  return { 'Auto-Submitted': 'auto-generated', 'Content-Language': locale };
}

async function deliverMail(payload: Record<string, unknown>, job: JobContext): Promise<void> {
  const parsed = mailRequestSchema.safeParse(payload);
  if (!parsed.success)
    throw new PermanentJobError(`The mail payload is not valid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const request = parsed.data;
  const mail = renderMailRequest(request);
  const config = getConfig();
  if (config.smtpUrl) {
    await transportFor(config.smtpUrl).sendMail({
      from: config.mailFrom,
      to: request.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: headersFor(request.locale),
      attachments: (request.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content, 'base64'),
      })),
    });
    return;
  }
  await insertOutboxMail(getDb(), {
    id: job.id,
    to: request.to,
    from: config.mailFrom,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    locale: request.locale,
    template: request.template,
    attachments: request.attachments ?? [],
  });
}

registerJobHandler(MAIL_SEND_JOB, deliverMail);
