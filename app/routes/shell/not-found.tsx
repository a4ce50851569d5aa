/** Any unknown path under a locale: a translated 404 with the status code set. */
export function loader(): never {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
