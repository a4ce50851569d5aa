/**
 * The PDF brief of a scope's priority needs (issue 4, item 6), typeset by the shared PDF facility
 * (app/shared/pdf): the layout below reads everything it shows from `/data.json` (briefData) and
 * the chart from `/chart.svg`, so no text from the data is ever read as Typst markup. Arabic pages
 * run right-to-left (tables and the chart mirrored), with the bundled Noto fonts.
 */

import type { Locale } from '#app/shared/i18n/locales.ts';
import { renderPdf } from '#app/shared/pdf/pdf.server.ts';
import { briefData, priorityChartSvg } from './needs-exports-brief.ts';
import type { ExportLabels, SynthesisTables } from './needs-exports-tables.ts';

const TEMPLATE = String.raw`
#let d = json("/data.json")
#set document(title: d.title)
#set text(font: ("Noto Sans", "Noto Sans Arabic"), size: 10pt, lang: d.lang, dir: if d.dir == "rtl" { rtl } else { ltr })
#set page(
  paper: "a4",
  margin: (x: 1.8cm, y: 2cm),
  footer: context align(center, text(size: 8pt, fill: luma(90), d.footer + "  ·  " + str(counter(page).get().first()))),
)
#set par(justify: false, leading: 0.7em)
#show heading: set text(fill: rgb("#1d3557"))
#show heading.where(level: 1): set text(size: 18pt)
#show heading.where(level: 2): it => block(above: 1.4em, below: 0.7em, text(size: 12pt, it.body))

#let brief-table(t, widths) = if t.rows.len() == 0 {
  emph(t.empty)
} else {
  table(
    columns: widths,
    stroke: 0.4pt + luma(170),
    inset: 5pt,
    fill: (_, y) => if y == 0 { luma(232) },
    table.header(..t.header.map(h => strong(h))),
    ..t.rows.flatten(),
  )
}

#heading(level: 1, d.title)
#d.scopeLine \
#d.freshness

#block(fill: luma(243), inset: 8pt, radius: 3pt, width: 100%, d.audienceNote)

#heading(level: 2, d.headings.priorities)
#if d.hasChart {
  block(breakable: false, width: 100%)[
    #image("/chart.svg", width: 90%, alt: d.chartCaption)
    #text(size: 9pt, fill: luma(70), d.chartCaption)
  ]
}
#brief-table(d.priorities, (auto, 2fr, auto, 1fr, 1fr))

#heading(level: 2, d.headings.common)
#brief-table(d.common, (1fr, auto, 1fr))

#heading(level: 2, d.headings.training)
#brief-table(d.training, (1fr, 1fr, auto))

#heading(level: 2, d.headings.method)
#text(size: 9pt, d.method)
`;

export function briefFileName(tables: SynthesisTables, locale: Locale): string {
  return `needs-brief-${tables.scope.replace(':', '-').toLowerCase()}-${locale}-${tables.computedAt.slice(0, 10)}.pdf`;
}

export function renderBrief(tables: SynthesisTables, labels: ExportLabels): Buffer {
  const data = briefData(tables, labels);
  return renderPdf({
    template: TEMPLATE,
    data,
    files: { '/chart.svg': priorityChartSvg(tables, labels, data.dir) },
    createdAt: new Date(tables.computedAt),
  });
}
