import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig, setConfig } from '#app/shared/config.server.ts';
import { queryRows } from '#app/shared/db/client.server.ts';
import { isAppError } from '#app/shared/errors.ts';
import { useTestDatabase } from '#tests/support/database.ts';
import { actorWith } from '../audit/testing/staff-actor.ts';
import { job } from '../jobs/jobs.schema.ts';
import { runJobsOnce } from '../jobs/worker.server.ts';
import { mailOutbox } from './mail.schema.ts';
import { MAIL_SEND_JOB, queueMail } from './mail.server.ts';
import { listOutboxMail, readOutboxMail } from './outbox.service.server.ts';
import { type SmtpTestServer, startSmtpTestServer } from './testing/smtp-test-server.ts';

describe('platform mail', () => {
  const database = useTestDatabase();
  const verifyUrl = 'https://mosaic.example.org/ar/account/verify-email?token=tok_123';

  function configureSmtp(smtpUrl: string | undefined) {
    setConfig(
      parseConfig({
        NODE_ENV: 'test',
        AUTH_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
        MAIL_FROM: 'Mosaic <no-reply@mosaic.test>',
        SMTP_URL: smtpUrl,
      }),
    );
  }

  async function mailJobs() {
    return database().db.select().from(job).where(eq(job.kind, MAIL_SEND_JOB));
  }

  async function expectAppError(promise: Promise<unknown>, code: string) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(error) ? error.code : error).toBe(code);
  }

  beforeEach(async () => {
    await database().db.delete(job);
    await database().db.delete(mailOutbox);
  });

  describe('mail over SMTP', () => {
    let smtp: SmtpTestServer;

    beforeAll(async () => {
      smtp = await startSmtpTestServer();
    });
    afterAll(async () => {
      await smtp.close();
    });
    beforeEach(() => {
      smtp.received.length = 0;
      smtp.refuseWith(null);
      configureSmtp(smtp.url);
    });

    it('sends the mail in the recipient’s language to a real SMTP server', async () => {
      await queueMail(database().db, {
        to: 'amal@example.org',
        locale: 'ar',
        template: 'platform.test',
        values: { name: 'أمل', reference: 'REF-7' },
        action: { url: verifyUrl },
      });
      expect(await runJobsOnce()).toMatchObject({ succeeded: 1 });

      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail!.envelope).toEqual({ from: 'no-reply@mosaic.test', to: ['amal@example.org'] });
      expect(mail!.headers.subject).toBe('رسالة تجريبية من موزاييك إلى أمل');
      expect(mail!.headers.from).toBe('Mosaic <no-reply@mosaic.test>');
      expect(mail!.headers.to).toBe('amal@example.org');
      expect(mail!.headers['content-language']).toBe('ar');
      expect(mail!.headers['auto-submitted']).toBe('auto-generated');
      expect(mail!.headers['content-type']).toMatch(/^multipart\/alternative/);
      expect(mail!.text).toContain('مرحبًا أمل،\n\nهذه رسالة تجريبية من موزاييك.');
      expect(mail!.text).toContain(`افتح موزاييك:\n${verifyUrl}`);
      expect(mail!.html).toContain('<html lang="ar" dir="rtl">');
      expect(mail!.html).toContain(`href="${verifyUrl}"`);
      // Sent, so nothing is kept in the outbox.
      expect(await database().db.select().from(mailOutbox)).toEqual([]);
    });

    it('retries with backoff when the SMTP server refuses, and delivers once it accepts', async () => {
      smtp.refuseWith('Mailbox temporarily unavailable');
      await queueMail(database().db, {
        to: 'karim@example.org',
        locale: 'fr',
        template: 'platform.test',
        values: { name: 'Karim', reference: 'R1' },
      });

      expect(await runJobsOnce()).toMatchObject({ succeeded: 0, retried: 1 });
      const [retried] = await mailJobs();
      expect(retried).toMatchObject({ status: 'pending', attempts: 1 });
      expect(retried!.lastError).toMatch(/451.*Mailbox temporarily unavailable/);
      const [{ seconds }] = (await queryRows<{ seconds: number }>(
        database().db,
        sql`select extract(epoch from (run_at - now()))::float8 as seconds from job where id = ${retried!.id}`,
      )) as [{ seconds: number }];
      // The first retry waits between 15 and 30 seconds (30 s nominal, equal jitter).
      expect(Number(seconds)).toBeGreaterThan(10);
      expect(Number(seconds)).toBeLessThanOrEqual(30);
      expect(smtp.received).toHaveLength(0);

      smtp.refuseWith(null);
      await database().db.update(job).set({ runAt: sql`now()` }).where(eq(job.id, retried!.id));
      expect(await runJobsOnce()).toMatchObject({ succeeded: 1 });
      const [delivered] = await mailJobs();
      expect(delivered).toMatchObject({ status: 'succeeded', attempts: 2 });
      expect(smtp.received.map((m) => m.headers.subject)).toEqual(['Message de test de Mosaic pour Karim']);
    });
  });

  describe('mail without SMTP', () => {
    beforeEach(() => configureSmtp(undefined));

    it('keeps the rendered mail in the outbox for platform admins', async () => {
      const jobId = await queueMail(database().db, {
        to: 'sami@example.org',
        locale: 'en',
        template: 'platform.test',
        values: { name: 'Sami', reference: 'R2' },
        action: { url: verifyUrl },
      });
      expect(await runJobsOnce()).toMatchObject({ succeeded: 1 });

      const admin = actorWith(['mail.outbox.read']);
      const page = await listOutboxMail(admin, { page: 1 });
      expect(page).toMatchObject({ page: 1, hasNext: false });
      expect(page.mails).toHaveLength(1);
      const [mail] = page.mails;
      expect(mail).toMatchObject({
        id: jobId,
        to: 'sami@example.org',
        from: 'Mosaic <no-reply@mosaic.test>',
        subject: 'Mosaic test message for Sami',
        locale: 'en',
        template: 'platform.test',
        readAt: null,
      });
      expect(mail!.text).toContain(`Open Mosaic:\n${verifyUrl}`);
      expect(mail!.html).toContain('<html lang="en" dir="ltr">');

      const opened = await readOutboxMail(admin, { id: jobId });
      expect(opened.readAt).toBeInstanceOf(Date);
      const [stored] = await database().db.select().from(mailOutbox).where(eq(mailOutbox.id, jobId));
      expect(stored!.readAt).toBeInstanceOf(Date);
    });

    it('stores a mail once even when its delivery job runs again', async () => {
      const jobId = await queueMail(database().db, {
        to: 'sami@example.org',
        locale: 'en',
        template: 'platform.test',
        values: { name: 'S', reference: 'R' },
      });
      await runJobsOnce();
      await database().db.update(job).set({ status: 'pending', runAt: sql`now()` }).where(eq(job.id, jobId));
      expect(await runJobsOnce()).toMatchObject({ succeeded: 1 });
      expect(await database().db.select().from(mailOutbox)).toHaveLength(1);
    });

    it('pages the outbox, newest first', async () => {
      const db = database().db;
      for (let i = 0; i < 23; i++) {
        await db.insert(mailOutbox).values({
          to: `p${i}@example.org`,
          from: 'x',
          subject: `Mail ${i}`,
          text: 't',
          html: 'h',
          locale: 'en',
          template: 'platform.test',
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
        });
      }
      const admin = actorWith(['*']);
      const first = await listOutboxMail(admin, { page: 1 });
      expect(first.hasNext).toBe(true);
      expect(first.mails).toHaveLength(20);
      expect(first.mails[0]!.subject).toBe('Mail 22');
      const second = await listOutboxMail(admin, { page: '2' });
      expect(second.hasNext).toBe(false);
      expect(second.mails.map((m) => m.subject)).toEqual(['Mail 2', 'Mail 1', 'Mail 0']);
    });

    it('lets only platform admins read the outbox', async () => {
      const staff = actorWith(['admin.access', 'jobs.read', 'audit.read']);
      await expectAppError(listOutboxMail(staff, { page: 1 }), 'COMMON_FORBIDDEN');
      await expectAppError(readOutboxMail(staff, { id: 'x' }), 'COMMON_FORBIDDEN');
      await expectAppError(listOutboxMail({ kind: 'anonymous' }, { page: 1 }), 'COMMON_UNAUTHENTICATED');
      await expectAppError(readOutboxMail(actorWith(['mail.outbox.read']), { id: 'missing' }), 'COMMON_NOT_FOUND');
    });
  });

  describe('queueMail', () => {
    it('refuses bad input and unknown templates in the caller, queueing nothing', async () => {
      const db = database().db;
      await expectAppError(queueMail(db, { to: 'not-an-address', locale: 'en', template: 'platform.test' }), 'COMMON_VALIDATION_FAILED');
      await expectAppError(
        queueMail(db, { to: 'a@example.org', locale: 'en', template: 'platform.test', action: { url: 'javascript:alert(1)' } }),
        'COMMON_VALIDATION_FAILED',
      );
      await expectAppError(
        queueMail(db, { to: 'a@example.org', locale: 'fr', template: 'platform.nothingHere' }),
        'PLATFORM_MAIL_TEMPLATE_INVALID',
      );
      // The template needs {name} and {reference}: without them a person would read "{name}".
      await expectAppError(
        queueMail(db, { to: 'a@example.org', locale: 'ar', template: 'platform.test', values: { reference: 'R' } }),
        'PLATFORM_MAIL_TEMPLATE_INVALID',
      );
      expect(await mailJobs()).toEqual([]);
    });

    it('queues inside the caller’s transaction', async () => {
      await database()
        .db.transaction(async (tx) => {
          await queueMail(tx, { to: 'a@example.org', locale: 'en', template: 'platform.test', values: { name: 'A', reference: 'R' } });
          tx.rollback();
        })
        .catch(() => {});
      expect(await mailJobs()).toEqual([]);
    });
  });
});
