/**
 * Survey sending over the API (issue 4, item 4): send a needs survey to a cluster's members or a
 * directory view (or preview who would get it with `dryRun`), remind those who have not answered
 * (now or after some days), and read where the invitations stand. The service decides who may:
 * the survey's managers, a cluster's managers for their cluster only. Adapters only.
 */
import { z } from 'zod';
import { formCodeSchema } from '#app/modules/forms/index.ts';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute } from '#app/shared/api/router.server.ts';
import {
  invitationStatusSchema,
  remindInvitationsInputSchema,
  remindInvitationsResultSchema,
  sendInvitationsInputSchema,
  sendInvitationsResultSchema,
} from './invitations.contracts.ts';
import { getSurveyInvitationStatus, remindSurveyInvitations, sendSurveyInvitations } from './invitations.service.server.ts';

const TAG = 'needs';
const codeParams = z.object({ code: formCodeSchema });
const sendBodySchema = sendInvitationsInputSchema.omit({ form: true }).meta({ id: 'SendSurveyInvitationsBody' });
const remindBodySchema = remindInvitationsInputSchema.omit({ form: true }).meta({ id: 'RemindSurveyInvitationsBody' });

const forbidden = problemContent('The caller does not manage this survey, or may not address this audience; nothing was sent.', {
  status: 403,
  code: 'COMMON_FORBIDDEN',
});
const notFound = problemContent('No needs survey has this code.', { status: 404, code: 'NEEDS_SURVEY_NOT_FOUND' });

const sendRoute = protectedRoute({
  method: 'post',
  path: '/needs/surveys/{code}/invitations',
  tags: [TAG],
  operationId: 'sendNeedsSurveyInvitations',
  summary: 'Send a needs survey (or preview its recipients)',
  description:
    "Invites the people with an e-mail of a cluster's member organisations (`audience: cluster`) or of the organisations of a directory view (`audience: selection`, `query` as on /{locale}/organisations), the organisation's own address when none of its people has one. Each address is invited once per survey, never twice. Each recipient gets a mail in their language with a personal link that opens the survey without an account. With `dryRun: true` nothing is sent or stored. Audited.",
  request: { params: codeParams, body: { required: true, content: { 'application/json': { schema: sendBodySchema } } } },
  responses: {
    200: jsonContent(sendInvitationsResultSchema, 'Who was (or would be) invited, and who was left out.'),
    400: problemContent('The selection cannot be read, or is too large.', { status: 400, code: 'NEEDS_INVITATION_QUERY_INVALID' }),
    403: forbidden,
    404: notFound,
  },
});

const remindRoute = protectedRoute({
  method: 'post',
  path: '/needs/surveys/{code}/invitations/reminders',
  tags: [TAG],
  operationId: 'remindNeedsSurveyInvitations',
  summary: 'Remind those who have not answered',
  description:
    'Mails a reminder with a new personal link to every invitation of the survey not answered yet (earlier links keep working), now, or after `afterDays` days through the job queue. Audited.',
  request: { params: codeParams, body: { required: false, content: { 'application/json': { schema: remindBodySchema } } } },
  responses: {
    200: jsonContent(remindInvitationsResultSchema, 'How many were reminded, or when the reminder will go.'),
    403: forbidden,
    404: notFound,
  },
});

const statusRoute = protectedRoute({
  method: 'get',
  path: '/needs/surveys/{code}/invitations',
  tags: [TAG],
  operationId: 'getNeedsSurveyInvitations',
  summary: 'Where the invitations of a needs survey stand',
  description: 'Counts (invited, opened, answered, reminded, pending) and the invitations, 50 a page, for the survey’s managers.',
  request: { params: codeParams, query: z.object({ page: z.coerce.number().int().min(1).max(10_000).optional() }) },
  responses: { 200: jsonContent(invitationStatusSchema, 'Counts and one page of invitations.'), 403: forbidden, 404: notFound },
});

export function createSurveyInvitationsApi() {
  return createApiRouter()
    .openapi(sendRoute, async (c) => {
      const { code } = c.req.valid('param');
      return c.json(await sendSurveyInvitations(currentUser(c), { ...c.req.valid('json'), form: code }), 200);
    })
    .openapi(remindRoute, async (c) => {
      const { code } = c.req.valid('param');
      const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
      return c.json(await remindSurveyInvitations(currentUser(c), { ...body, form: code }), 200);
    })
    .openapi(statusRoute, async (c) => {
      const { code } = c.req.valid('param');
      return c.json(await getSurveyInvitationStatus(currentUser(c), { form: code, page: c.req.valid('query').page }), 200);
    });
}
