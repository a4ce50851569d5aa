import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/**
 * The form builder, relative to the locale prefix (/:lang): the forms one manages and a new form,
 * then one form's editor. `manage` is a static segment, so it wins over the answering pages'
 * `forms/:code` (a form cannot usefully be coded `manage`).
 */
export const formsBuilderRoutes: RouteConfigEntry[] = [
  route('forms/manage', 'routes/forms-builder/list.tsx'),
  route('forms/manage/:code', 'routes/forms-builder/editor.tsx'),
];
