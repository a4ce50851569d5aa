import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/**
 * A form's responses for its managers, relative to the locale prefix (/:lang): the list, the XLSX
 * of every response, one response read with its own version.
 */
export const formsResponsesRoutes: RouteConfigEntry[] = [
  route('forms/manage/:code/responses', 'routes/forms-responses/list.tsx'),
  route('forms/manage/:code/responses.xlsx', 'routes/forms-responses/export-xlsx.ts'),
  route('forms/manage/:code/responses/:id', 'routes/forms-responses/detail.tsx'),
];
