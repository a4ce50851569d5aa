/** Page titles and descriptions from the catalog the root loader sent. */
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
