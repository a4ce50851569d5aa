/** /{locale}/clusters/:slug/twins: the counterparts of a cluster in other countries, with the reasons. */
import { TwinsView } from '#app/modules/directory/components/twin-page.tsx';
import type { Route } from './+types/cluster-twins';
import { twinsMeta } from './meta.ts';
import { loadTwins } from './twins.server.ts';
import '#app/styles/twins.css';

export function loader(args: Route.LoaderArgs) {
  return loadTwins(args, 'cluster');
}

export const meta: Route.MetaFunction = twinsMeta;

export default function ClusterTwinsPage({ loaderData }: Route.ComponentProps) {
  return <TwinsView result={loaderData} />;
}
