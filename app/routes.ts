/**
 * Every page lives under a locale prefix (/ar, /fr, /en). Each module contributes its own route
 * list from app/routes/<module>/routes.ts so modules stay out of each other's files.
 */
import { index, type RouteConfig, route } from '@react-router/dev/routes';
import { accessRoutes } from './routes/access/routes.ts';
import { adminRoutes } from './routes/admin/routes.ts';
import { clusterRoutes } from './routes/clusters/routes.ts';
import { directoryImportRoutes } from './routes/directory-import/routes.ts';
import { eventsRoutes } from './routes/events/routes.ts';
import { eventsCheckInRoutes } from './routes/events-checkin/routes.ts';
import { eventsFollowUpRoutes } from './routes/events-followup/routes.ts';
import { eventsInvitationsRoutes } from './routes/events-invitations/routes.ts';
import { eventsOutputsRoutes } from './routes/events-outputs/routes.ts';
import { eventsRegistrationRoutes } from './routes/events-registration/routes.ts';
import { eventsStatisticsRoutes } from './routes/events-statistics/routes.ts';
import { formsAnswerRoutes } from './routes/forms/routes.ts';
import { formsBuilderRoutes } from './routes/forms-builder/routes.ts';
import { formsResponsesRoutes } from './routes/forms-responses/routes.ts';
import { identityRoutes } from './routes/identity/routes.ts';
import { needsRoutes } from './routes/needs/routes.ts';
import { needsSurveysRoutes } from './routes/needs/surveys-routes.ts';
import { needsDiagnosticsRoutes } from './routes/needs-diagnostics/routes.ts';
import { organisationsRoutes } from './routes/organisations/routes.ts';
import { organisationsManageRoutes } from './routes/organisations-manage/routes.ts';
import { searchRoutes } from './routes/search/routes.ts';
import { shellRoutes } from './routes/shell/routes.ts';
import { twinsRoutes } from './routes/twins/routes.ts';

export default [
  route(':lang', 'routes/shell/locale-layout.tsx', [
    index('routes/shell/home.tsx'),
    ...shellRoutes,
    ...identityRoutes,
    ...accessRoutes,
    ...adminRoutes,
    ...organisationsManageRoutes,
    ...clusterRoutes,
    ...eventsOutputsRoutes,
    ...eventsStatisticsRoutes,
    ...eventsFollowUpRoutes,
    ...eventsRoutes,
    ...needsDiagnosticsRoutes,
    ...needsRoutes,
    ...needsSurveysRoutes,
    ...organisationsRoutes,
    ...twinsRoutes,
    ...searchRoutes,
    ...directoryImportRoutes,
    ...eventsRegistrationRoutes,
    ...formsResponsesRoutes,
    ...formsBuilderRoutes,
    ...formsAnswerRoutes,
    ...eventsInvitationsRoutes,
    ...eventsCheckInRoutes,
    route('*', 'routes/shell/not-found.tsx'),
  ]),
] satisfies RouteConfig;
