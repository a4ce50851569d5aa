/**
 * The charts as the server renders them: named and described images with the numbers as text, a
 * table alternative, bars from the inline start in Arabic, and no hidden count anywhere.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '#app/shared/i18n/catalog.server.ts';
import type { Locale } from '#app/shared/i18n/locales.ts';
import { I18nProvider } from '#app/shared/i18n/react.tsx';
import { protectTable } from '../disclosure.ts';
import { GENDER_GROUPS, type GenderGroup, SIZE_GROUPS } from '../evidence.ts';
import { GenderStackedChart, PriorityBarChart, SizeStackedChart, textAnchor } from './charts.tsx';

function render(locale: Locale, element: ReactElement): string {
  const props = { locale, messages: loadCatalog(locale) } as Parameters<typeof I18nProvider>[0];
  return renderToStaticMarkup(createElement(I18nProvider, props, element));
}

const ITEMS = [
  { theme: 'markets-and-buyers', label: 'Markets and buyers', rank: 1, score: 71.9, href: '/en/needs/themes/markets-and-buyers' },
  { theme: 'access-to-finance', label: 'Access to finance', rank: 2, score: 60.9 },
];

function attribute(markup: string, tag: string, name: string): string[] {
  return [...markup.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
}

describe('PriorityBarChart', () => {
  it('is an image named by its title and described, with every score as text and in a table', () => {
    const html = render('en', createElement(PriorityBarChart, { items: ITEMS, caption: 'Regional priorities' }));
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="([^" ]+)-title \1-desc"/);
    expect(html).toContain('<title id=');
    expect(html).toMatch(/<desc id="[^"]+">Priority score of each theme, from 0 \(low\) to 100 \(high\)/);
    expect(html).toMatch(/<text[^>]*class="synthesis-chart__value"[^>]*>71.9<\/text>/);
    expect(html).toContain('<title>Access to finance: 60.9</title>');
    expect(html).toMatch(/<details[^>]*><summary>The figures as a table<\/summary><section[^>]*tabindex="0"[^>]*><table/);
    expect(html).toContain('<a href="/en/needs/themes/markets-and-buyers">Markets and buyers</a>');
    // Bars start at the left edge in English.
    expect(attribute(html, 'rect', 'x')).toEqual(['0', '0']);
  });

  it('grows bars from the right in Arabic, anchoring texts at the inline start', () => {
    const html = render('ar', createElement(PriorityBarChart, { items: ITEMS, caption: 'الأولويات' }));
    const xs = attribute(html, 'rect', 'x').map(Number);
    const widths = attribute(html, 'rect', 'width').map(Number);
    expect(xs.map((x, i) => x + widths[i]!)).toEqual([400, 400]);
    expect(html).toContain('direction="rtl"');
    expect(html).toContain('الأرقام في جدول');
  });

  it('maps physical edges to text-anchor in both directions', () => {
    expect(textAnchor('left', 'ltr')).toBe('start');
    expect(textAnchor('right', 'ltr')).toBe('end');
    expect(textAnchor('right', 'rtl')).toBe('start');
    expect(textAnchor('left', 'rtl')).toBe('end');
  });
});

describe('GenderStackedChart', () => {
  const counts = (values: number[]) => Object.fromEntries(GENDER_GROUPS.map((g, i) => [g, values[i] ?? 0])) as Record<GenderGroup, number>;
  const table = protectTable({
    columns: GENDER_GROUPS,
    rows: [
      { key: 'finance', cells: counts([12, 3, 0, 7, 6]) },
      { key: 'markets', cells: counts([20, 15, 0, 5, 9]) },
    ],
  });

  it('shows no hidden count anywhere, and says why figures are missing', () => {
    const html = render(
      'en',
      createElement(GenderStackedChart, {
        table,
        labels: { finance: 'Finance', markets: 'Markets' },
        caption: 'By gender',
        rowHeader: 'Theme',
      }),
    );
    // Hidden: finance man 3 and unknown 6, markets man 15 and unknown 9 (complementary suppression).
    for (const secret of ['>3<', '>6<', '>15<', '>9<', ': 3<', ': 6<', ': 15<', ': 9<']) expect(html).not.toContain(secret);
    expect(html).toContain('>12<');
    expect(html).toContain('<td>hidden</td>');
    expect(html).toContain('Fewer than 5 people: hidden to protect them.');
    expect(html).toMatch(/<title>Women: 12<\/title>/);
    // Segments drawn: finance woman and undisclosed, markets woman and undisclosed, and in each row
    // one pale remainder for the hidden people (the total minus the shown groups, as in the table).
    expect(html.match(/<rect /g)).toHaveLength(6);
    expect(html.match(/synthesis-chart__segment--hidden/g)).toHaveLength(2);
  });

  it('names every gender group in the legend and the table, in French', () => {
    const html = render('fr', createElement(GenderStackedChart, { table, labels: {}, caption: 'Par genre', rowHeader: 'Thème' }));
    for (const name of ['Femmes', 'Hommes', 'Autre genre', 'Préfère ne pas le dire', 'Sans réponse']) expect(html).toContain(name);
    expect(html).toContain('<td>masqué</td>');
  });
});

describe('SizeStackedChart', () => {
  it('charts people by organisation size in Arabic, with the size classes named and small groups hidden', () => {
    const table = protectTable({
      columns: SIZE_GROUPS,
      rows: [{ key: 'export/workshop', cells: { micro: 14, small: 9, medium: 2, large: 0, unknown: 6 } }],
    });
    const html = render(
      'ar',
      createElement(SizeStackedChart, { table, labels: { 'export/workshop': 'التصدير' }, caption: 'حسب الحجم', rowHeader: 'الموضوع' }),
    );
    expect(html).toContain('عدد الأشخاص حسب حجم المؤسسة');
    for (const name of ['مؤسسات صغيرة جدًا', 'مؤسسات صغيرة', 'مؤسسات متوسطة', 'مؤسسات كبيرة', 'الحجم غير مذكور'])
      expect(html).toContain(name);
    // medium (2) is hidden, and with it the smallest other figure of the row (unknown, 6).
    expect(html).not.toMatch(/>2</);
    expect(html).not.toMatch(/>6</);
    expect(html).toContain('synthesis-chart__segment--micro');
    expect(html).toContain('>31<');
  });
});
