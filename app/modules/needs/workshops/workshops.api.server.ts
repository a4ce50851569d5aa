/**
 * Workshop outputs over the API (issue 5, items 5 and 8): a workshop's challenges and training
 * needs (its facilitators), its dot voting (facilitators open and close it; participants, by
 * token or by their badge's check-in code, place their dots), its results, and the comparison of
 * workshops. Paths live under the event (`/events/{slug}/outputs/...`), the comparison under
 * `/needs/workshops`. Adapters only: authenticate, parse, call one service, map the result.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import {
  comparisonSchema,
  eventSlugSchema,
  myBallotSchema,
  myVotesInputSchema,
  votingInputSchema,
  votingResultsSchema,
  votingSchema,
  workshopChallengeInputSchema,
  workshopChallengePatchSchema,
  workshopChallengeSchema,
  workshopIdSchema,
  workshopOutputsSchema,
  workshopTrainingNeedInputSchema,
  workshopTrainingNeedPatchSchema,
  workshopTrainingNeedSchema,
} from './workshops.contracts.ts';
import {
  addWorkshopChallenge,
  addWorkshopTrainingNeed,
  changeVoting,
  compareWorkshopOutputs,
  getMyBallot,
  getVotingResults,
  getWorkshopOutputs,
  removeWorkshopChallenge,
  removeWorkshopTrainingNeed,
  setMyVotes,
  updateWorkshopChallenge,
  updateWorkshopTrainingNeed,
} from './workshops.service.server.ts';

const TAG = 'events';
const slugParams = z.object({ slug: eventSlugSchema });
const itemParams = z.object({ slug: eventSlugSchema, id: workshopIdSchema });
const codeQuery = z.object({
  checkInCode: z.string().min(8).max(100).optional().meta({ description: 'A participant’s check-in code, when not signed in.' }),
});

const forbidden = problemContent('The caller does not facilitate this event (`events.manage`); nothing was written.', {
  status: 403,
  code: 'COMMON_FORBIDDEN',
});
const eventNotFound = problemContent('No event the caller may read has this slug.', {
  status: 404,
  code: 'EVENTS_OUTPUTS_EVENT_NOT_FOUND',
});
const closed = problemContent('Voting has closed: the outputs are final.', { status: 409, code: 'EVENTS_OUTPUTS_VOTING_CLOSED' });
const body = <S>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

const listRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/outputs',
  tags: [TAG],
  operationId: 'getWorkshopOutputs',
  summary: 'A workshop’s outputs',
  description: 'For the event’s facilitators (`events.manage`): captured challenges and training needs, and the voting’s state.',
  request: { params: slugParams },
  responses: { 200: jsonContent(workshopOutputsSchema, 'The outputs.'), 403: forbidden, 404: eventNotFound },
});

const listChallengesRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/outputs/challenges',
  tags: [TAG],
  operationId: 'listWorkshopChallenges',
  summary: 'A workshop’s challenges',
  description: 'For the event’s facilitators: the challenges captured, in their order.',
  request: { params: slugParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(workshopChallengeSchema) }), 'The challenges.'),
    403: forbidden,
    404: eventNotFound,
  },
});

const addChallengeRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/outputs/challenges',
  tags: [TAG],
  operationId: 'addWorkshopChallenge',
  summary: 'Capture a challenge',
  description:
    'For the event’s facilitators, until voting closes: a theme of the challenge taxonomy, a description in any language, and the event’s clusters that raised it (none: all). Audited.',
  request: { params: slugParams, body: body(workshopChallengeInputSchema) },
  responses: {
    201: jsonContent(workshopChallengeSchema, 'The challenge.'),
    400: problemContent('An unknown or archived theme, or a cluster the event does not gather.', {
      status: 400,
      code: 'EVENTS_OUTPUTS_UNKNOWN_THEME',
    }),
    403: forbidden,
    404: eventNotFound,
    409: closed,
  },
});

const updateChallengeRoute = protectedRoute({
  method: 'patch',
  path: '/events/{slug}/outputs/challenges/{id}',
  tags: [TAG],
  operationId: 'updateWorkshopChallenge',
  summary: 'Edit a captured challenge',
  description: 'For the event’s facilitators, until voting closes; absent fields keep their value. Audited.',
  request: { params: itemParams, body: body(workshopChallengePatchSchema) },
  responses: {
    200: jsonContent(workshopChallengeSchema, 'The challenge as changed.'),
    403: forbidden,
    404: problemContent('No such challenge at this event.', { status: 404, code: 'EVENTS_OUTPUTS_CHALLENGE_NOT_FOUND' }),
    409: closed,
  },
});

const removeChallengeRoute = protectedRoute({
  method: 'delete',
  path: '/events/{slug}/outputs/challenges/{id}',
  tags: [TAG],
  operationId: 'removeWorkshopChallenge',
  summary: 'Remove a captured challenge',
  description: 'For the event’s facilitators, until voting closes; dots placed on it go back to the participants. Audited.',
  request: { params: itemParams },
  responses: {
    204: { description: 'Removed.' },
    403: forbidden,
    404: problemContent('No such challenge at this event.', { status: 404, code: 'EVENTS_OUTPUTS_CHALLENGE_NOT_FOUND' }),
    409: closed,
  },
});

const listTrainingRoute = protectedRoute({
  method: 'get',
  path: '/events/{slug}/outputs/training-needs',
  tags: [TAG],
  operationId: 'listWorkshopTrainingNeeds',
  summary: 'A workshop’s training needs',
  description: 'For the event’s facilitators: the training needs captured (topic and format of the needs survey’s vocabulary).',
  request: { params: slugParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(workshopTrainingNeedSchema) }), 'The training needs.'),
    403: forbidden,
    404: eventNotFound,
  },
});

const addTrainingRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/outputs/training-needs',
  tags: [TAG],
  operationId: 'addWorkshopTrainingNeed',
  summary: 'Capture a training need',
  description: 'For the event’s facilitators, until voting closes. Audited.',
  request: { params: slugParams, body: body(workshopTrainingNeedInputSchema) },
  responses: { 201: jsonContent(workshopTrainingNeedSchema, 'The training need.'), 403: forbidden, 404: eventNotFound, 409: closed },
});

const trainingNotFound = problemContent('No such training need at this event.', {
  status: 404,
  code: 'EVENTS_OUTPUTS_TRAINING_NEED_NOT_FOUND',
});

const updateTrainingRoute = protectedRoute({
  method: 'patch',
  path: '/events/{slug}/outputs/training-needs/{id}',
  tags: [TAG],
  operationId: 'updateWorkshopTrainingNeed',
  summary: 'Edit a captured training need',
  description: 'For the event’s facilitators, until voting closes. Audited.',
  request: { params: itemParams, body: body(workshopTrainingNeedPatchSchema) },
  responses: { 200: jsonContent(workshopTrainingNeedSchema, 'The training need.'), 403: forbidden, 404: trainingNotFound, 409: closed },
});

const removeTrainingRoute = protectedRoute({
  method: 'delete',
  path: '/events/{slug}/outputs/training-needs/{id}',
  tags: [TAG],
  operationId: 'removeWorkshopTrainingNeed',
  summary: 'Remove a captured training need',
  description: 'For the event’s facilitators, until voting closes. Audited.',
  request: { params: itemParams },
  responses: { 204: { description: 'Removed.' }, 403: forbidden, 404: trainingNotFound, 409: closed },
});

const votingRoute = protectedRoute({
  method: 'post',
  path: '/events/{slug}/outputs/voting',
  tags: [TAG],
  operationId: 'changeWorkshopVoting',
  summary: 'Open or close the dot voting, or set the dots',
  description:
    'For the event’s facilitators: `set-dots` (before opening; 1 to 20, default 3), `open` (needs at least one challenge), `close` (final: capture is frozen and the votes feed the priority synthesis). Audited.',
  request: { params: slugParams, body: body(votingInputSchema) },
  responses: {
    200: jsonContent(votingSchema, 'The voting.'),
    403: forbidden,
    404: eventNotFound,
    409: problemContent('Voting has closed, is not open (to close it), has no challenge (to open it), or its dots are set.', {
      status: 409,
      code: 'EVENTS_OUTPUTS_VOTING_CLOSED',
    }),
  },
});

const notParticipant = problemContent('The caller is not a confirmed participant of this event (by token or check-in code).', {
  status: 403,
  code: 'EVENTS_OUTPUTS_NOT_PARTICIPANT',
});

const myVotesRoute = publicRoute({
  method: 'put',
  path: '/events/{slug}/outputs/votes',
  tags: [TAG],
  operationId: 'setMyWorkshopVotes',
  summary: 'Place my dots',
  description:
    'For a confirmed participant (by token, or by the `checkInCode` of their registration printed on the badge), while voting is open: replaces their dots by `allocation` (challenge id to dots; several on one challenge allowed), at most the voting’s dots in all. Simultaneous calls are serialised per participant.',
  request: { params: slugParams, body: body(myVotesInputSchema) },
  responses: {
    200: jsonContent(myBallotSchema, 'My ballot.'),
    401: problemContent('No token and no check-in code.', { status: 401, code: 'COMMON_UNAUTHENTICATED' }),
    403: notParticipant,
    409: problemContent('More dots than the voting gives, or voting is not open.', { status: 409, code: 'EVENTS_OUTPUTS_TOO_MANY_DOTS' }),
  },
});

const myBallotRoute = publicRoute({
  method: 'get',
  path: '/events/{slug}/outputs/votes/mine',
  tags: [TAG],
  operationId: 'getMyWorkshopBallot',
  summary: 'My dots',
  description: 'For a confirmed participant (token or `checkInCode`): the challenges, my dots, and the results once voting has closed.',
  request: { params: slugParams, query: codeQuery },
  responses: {
    200: jsonContent(myBallotSchema, 'My ballot.'),
    401: problemContent('No token and no check-in code.', { status: 401, code: 'COMMON_UNAUTHENTICATED' }),
    403: notParticipant,
  },
});

const resultsRoute = publicRoute({
  method: 'get',
  path: '/events/{slug}/outputs/votes',
  tags: [TAG],
  operationId: 'getWorkshopVotingResults',
  summary: 'The voting’s results',
  description:
    'Dots and voters per challenge, most dots first. Live for the event’s facilitators; for participants (token or `checkInCode`) once voting has closed.',
  request: { params: slugParams, query: codeQuery },
  responses: {
    200: jsonContent(votingResultsSchema, 'The results.'),
    401: problemContent('No token and no check-in code.', { status: 401, code: 'COMMON_UNAUTHENTICATED' }),
    403: problemContent('Not a participant, or voting has not closed yet.', { status: 403, code: 'EVENTS_OUTPUTS_RESULTS_NOT_YET' }),
  },
});

const comparisonRoute = publicRoute({
  method: 'get',
  path: '/needs/workshops',
  tags: ['needs'],
  operationId: 'compareWorkshops',
  summary: 'Challenge themes across workshops',
  description:
    'The regional synthesis of workshops: a theme × workshop matrix of the dots given at closed votings, with the number of workshops and countries where each theme was raised, most recurrent first. Public figures hide the dots of fewer than five voters (and the row total then); `needs.read` over the region sees every figure.',
  responses: { 200: jsonContent(comparisonSchema, 'The comparison.') },
});

export function createWorkshopOutputsApi() {
  return createApiRouter()
    .openapi(listRoute, async (c) => c.json(await getWorkshopOutputs(currentUser(c), c.req.valid('param').slug), 200))
    .openapi(listChallengesRoute, async (c) =>
      c.json({ items: (await getWorkshopOutputs(currentUser(c), c.req.valid('param').slug)).challenges }, 200),
    )
    .openapi(addChallengeRoute, async (c) =>
      c.json(await addWorkshopChallenge(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 201),
    )
    .openapi(updateChallengeRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json(await updateWorkshopChallenge(currentUser(c), slug, id, c.req.valid('json')), 200);
    })
    .openapi(removeChallengeRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      await removeWorkshopChallenge(currentUser(c), slug, id);
      return c.body(null, 204);
    })
    .openapi(listTrainingRoute, async (c) =>
      c.json({ items: (await getWorkshopOutputs(currentUser(c), c.req.valid('param').slug)).trainingNeeds }, 200),
    )
    .openapi(addTrainingRoute, async (c) =>
      c.json(await addWorkshopTrainingNeed(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 201),
    )
    .openapi(updateTrainingRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      return c.json(await updateWorkshopTrainingNeed(currentUser(c), slug, id, c.req.valid('json')), 200);
    })
    .openapi(removeTrainingRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      await removeWorkshopTrainingNeed(currentUser(c), slug, id);
      return c.body(null, 204);
    })
    .openapi(votingRoute, async (c) => c.json(await changeVoting(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 200))
    .openapi(myVotesRoute, async (c) =>
      c.json(await setMyVotes(c.get('actor') ?? anonymous, c.req.valid('param').slug, c.req.valid('json')), 200),
    )
    .openapi(myBallotRoute, async (c) =>
      c.json(await getMyBallot(c.get('actor') ?? anonymous, c.req.valid('param').slug, c.req.valid('query')), 200),
    )
    .openapi(resultsRoute, async (c) =>
      c.json(await getVotingResults(c.get('actor') ?? anonymous, c.req.valid('param').slug, c.req.valid('query')), 200),
    )
    .openapi(comparisonRoute, async (c) => c.json(await compareWorkshopOutputs(c.get('actor') ?? anonymous), 200));
}
