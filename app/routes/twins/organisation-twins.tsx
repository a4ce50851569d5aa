/** /{locale}/organisations/:slug/twins: the counterparts of an organisation in other countries, with the reasons. */
import { TwinsView } from '#app/modules/directory/components/twin-page.tsx';
import type { Route } from './+types/organisation-twins';
import { twinsMeta } from './meta.ts';
import { loadTwins } from './twins.server.ts';
import '#app/styles/twins.css';

export function loader(args: Route.LoaderArgs) {
  return loadTwins(args, 'organisation');
}

export const meta: Route.MetaFunction = twinsMeta;

export default function OrganisationTwinsPage({ loaderData }: Route.ComponentProps) {
  return <TwinsView result={loaderData} />;
}
