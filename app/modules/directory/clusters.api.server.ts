/**
 * Clusters over the API: the filtered list and a profile (public), creating one (programme staff),
 * updating it and managing its members (staff or the cluster's managers). Adapters only: parse,
 * call one service, answer.
 */
import { z } from 'zod';
import { createApiRouter, currentUser, jsonContent, problemContent, protectedRoute, publicRoute } from '#app/shared/api/router.server.ts';
import { anonymous } from '#app/shared/auth/actor.ts';
import { clusterFiltersSchema, clusterMemberInputSchema, clusterPatchSchema } from './clusters.contracts.ts';
import { getCluster, listClusters } from './clusters.query.server.ts';
import { addClusterMember, createCluster, removeClusterMember, updateCluster } from './clusters.service.server.ts';
import { clusterInputSchema, clusterProfileSchema, clusterSummarySchema, membershipRoleSchema, slugSchema } from './directory.contracts.ts';

export const CLUSTERS_TAG = 'clusters';

const clusterListSchema = z
  .object({
    items: z.array(clusterSummarySchema),
    total: z.number().int().meta({ description: 'Every matching cluster (the list holds at most 500).' }),
  })
  .meta({ id: 'ClusterList' });

const membershipChangeSchema = z
  .object({
    changed: z.boolean().meta({ description: 'False when the request changed nothing (already so).' }),
    role: membershipRoleSchema.nullable().meta({ description: 'The role now held; null once removed.' }),
  })
  .meta({ id: 'ClusterMembershipChange' });

const slugParams = z.object({ slug: slugSchema });
const memberParams = z.object({ slug: slugSchema, organisationSlug: slugSchema });

const notFound = problemContent('No cluster has this slug.', { status: 404, code: 'DIRECTORY_CLUSTERS_NOT_FOUND' });
const forbidden = problemContent('Only programme staff and the cluster’s managers may do this.', { status: 403, code: 'COMMON_FORBIDDEN' });
const organisationNotFound = problemContent('No organisation has this slug.', {
  status: 404,
  code: 'DIRECTORY_CLUSTERS_ORGANISATION_NOT_FOUND',
});

const listClustersRoute = publicRoute({
  method: 'get',
  path: '/clusters',
  tags: [CLUSTERS_TAG],
  operationId: 'listClusters',
  summary: 'Clusters',
  description:
    'Clusters of the programme by country, with their published member counts. Filters take several values, repeated (`?country=DZ&country=TN`) or comma-separated (`?stage=selected,diagnosed`); a cluster matches when it has any of the values of each filter given.',
  request: { query: clusterFiltersSchema },
  responses: { 200: jsonContent(clusterListSchema, 'The matching clusters.') },
});

const getClusterRoute = publicRoute({
  method: 'get',
  path: '/clusters/{slug}',
  tags: [CLUSTERS_TAG],
  operationId: 'getCluster',
  summary: 'A cluster',
  description: 'A cluster’s profile: facts with their sources, anchor institution, published members with their roles, managers.',
  request: { params: slugParams },
  responses: { 200: jsonContent(clusterProfileSchema, 'The cluster’s profile.'), 404: notFound },
});

const createClusterRoute = protectedRoute({
  method: 'post',
  path: '/clusters',
  tags: [CLUSTERS_TAG],
  operationId: 'createCluster',
  summary: 'Create a cluster',
  description: 'Programme staff of the cluster’s country. The slug is derived from the name when absent; it never changes afterwards.',
  request: { body: { content: { 'application/json': { schema: clusterInputSchema } }, required: true } },
  responses: {
    201: jsonContent(clusterProfileSchema, 'The new cluster.'),
    403: problemContent('Only programme staff of the cluster’s country may create it.', { status: 403, code: 'COMMON_FORBIDDEN' }),
    409: problemContent('Another cluster has this slug.', { status: 409, code: 'DIRECTORY_CLUSTERS_SLUG_TAKEN' }),
  },
});

const updateClusterRoute = protectedRoute({
  method: 'patch',
  path: '/clusters/{slug}',
  tags: [CLUSTERS_TAG],
  operationId: 'updateCluster',
  summary: 'Update a cluster',
  description:
    'Changes the fields given (`null` clears an optional one; `facts` replaces the whole list). Programme staff or the cluster’s managers.',
  request: { params: slugParams, body: { content: { 'application/json': { schema: clusterPatchSchema } }, required: true } },
  responses: { 200: jsonContent(clusterProfileSchema, 'The cluster as it is now.'), 403: forbidden, 404: notFound },
});

const putMemberRoute = protectedRoute({
  method: 'put',
  path: '/clusters/{slug}/members/{organisationSlug}',
  tags: [CLUSTERS_TAG],
  operationId: 'putClusterMember',
  summary: 'Add a member or change its role',
  description: 'Makes the organisation a member of the cluster with the given role (default `member`). Idempotent.',
  request: { params: memberParams, body: { content: { 'application/json': { schema: clusterMemberInputSchema } }, required: false } },
  responses: { 200: jsonContent(membershipChangeSchema, 'The membership as it is now.'), 403: forbidden, 404: organisationNotFound },
});

const deleteMemberRoute = protectedRoute({
  method: 'delete',
  path: '/clusters/{slug}/members/{organisationSlug}',
  tags: [CLUSTERS_TAG],
  operationId: 'deleteClusterMember',
  summary: 'Remove a member',
  description: 'Removes the organisation from the cluster. Idempotent: removing a non-member changes nothing.',
  request: { params: memberParams },
  responses: { 200: jsonContent(membershipChangeSchema, 'The membership as it is now.'), 403: forbidden, 404: organisationNotFound },
});

export function createClustersApi() {
  return createApiRouter()
    .openapi(listClustersRoute, async (c) => c.json(await listClusters(c.get('actor') ?? anonymous, c.req.valid('query')), 200))
    .openapi(getClusterRoute, async (c) => c.json(await getCluster(c.get('actor') ?? anonymous, c.req.valid('param').slug), 200))
    .openapi(createClusterRoute, async (c) => c.json(await createCluster(currentUser(c), c.req.valid('json')), 201))
    .openapi(updateClusterRoute, async (c) =>
      c.json(await updateCluster(currentUser(c), c.req.valid('param').slug, c.req.valid('json')), 200),
    )
    .openapi(putMemberRoute, async (c) => {
      const { slug, organisationSlug } = c.req.valid('param');
      // The body is optional: a bare PUT makes the organisation a plain member.
      const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
      return c.json(await addClusterMember(currentUser(c), slug, organisationSlug, body), 200);
    })
    .openapi(deleteMemberRoute, async (c) => {
      const { slug, organisationSlug } = c.req.valid('param');
      return c.json(await removeClusterMember(currentUser(c), slug, organisationSlug), 200);
    });
}
