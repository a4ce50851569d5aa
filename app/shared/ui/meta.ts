/** Page titles and descriptions, from the catalog the root loader sent. */

type Matches = ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>;

/** The reader's catalog as the root route loaded it (undefined when the root loader failed). */
export function rootMessages(matches: Matches): Record<string, string> | undefined {
  return (matches.find((m) => m?.id === 'root')?.loaderData as { messages?: Record<string, string> } | undefined)?.messages;
}

export function pageTitle(messages: Record<string, string> | undefined, titleKey: string, descriptionKey?: string) {
  const brand = messages?.['shell.brand'] ?? 'Mosaic';
  const title = messages?.[titleKey];
  const tags: { title?: string; name?: string; property?: string; content?: string }[] = [
    { title: title ? `${title} · ${brand}` : brand },
    { property: 'og:title', content: title ?? brand },
    { property: 'og:site_name', content: brand },
  ];
  const description = descriptionKey ? messages?.[descriptionKey] : undefined;
  if (description) tags.push({ name: 'description', content: description }, { property: 'og:description', content: description });
  return tags;
}

/** A route's `meta`: `export const meta = titled('admin.jobs.title', 'admin.jobs.lead');` */
export function titled(titleKey: string, descriptionKey?: string) {
  return ({ matches }: { matches: Matches }) => pageTitle(rootMessages(matches), titleKey, descriptionKey);
}
