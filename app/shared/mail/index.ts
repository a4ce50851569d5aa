/** Platform mail: queue a templated mail in the recipient's language; admins read the outbox. */
export type { MailAttachment, MailRequest } from './mail.contracts.ts';
export { MAIL_SEND_JOB, queueMail, renderMailRequest } from './mail.server.ts';
export type { OutboxMail } from './outbox.repository.server.ts';
export { listOutboxMail, OUTBOX_PAGE_SIZE, type OutboxPage, readOutboxMail } from './outbox.service.server.ts';
export type { RenderedMail } from './render.ts';
