/**
 * Whether a request authenticates with a bearer token. Such requests skip the CSRF origin check:
 * a browser never attaches an Authorization header to a cross-site form post (and a script on
 * another origin cannot add one without a CORS preflight we never grant), so they cannot be forged
 * that way. Requests riding on the session cookie stay subject to the check.
 */
export function carriesBearerToken(authorization: string | null | undefined): boolean {
  return authorization != null && /^\s*bearer(\s|$)/i.test(authorization);
}
