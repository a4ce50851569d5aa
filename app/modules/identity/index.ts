/** The identity module's public surface: routes, the API, the server and the CLI import from here only. */
export { AUTH_BASE_PATH, type Auth, CLIENT_IP_HEADER, getAuth } from './auth.server.ts';
