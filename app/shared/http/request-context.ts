/** What the Hono front door hands every React Router loader and action. */
import { createContext } from 'react-router';
import type { Actor } from '../auth/actor.ts';

export interface RequestContext {
  requestId: string;
  /** CSP nonce for this response's scripts. */
  nonce: string;
  /** Resolved from the session cookie before the route runs. */
  actor: Actor;
  /** Client address as seen by the server (proxy headers only with TRUST_PROXY). */
  clientIp: string | null;
}

export const requestContext = createContext<RequestContext>();
