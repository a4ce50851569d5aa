/**
 * The badges PDF (issue 5, item 4): four A6 badges to an A4 page, with dashed cutting lines,
 * typeset by the shared PDF facility (app/shared/pdf). The layout reads every text from
 * `/data.json` and each QR code from `/qr-<n>.svg`, so no name is ever read as Typst markup.
 * A badge in Arabic runs right-to-left; an Arabic name on any badge is shaped (Noto Sans Arabic).
 */
import { renderPdf } from '#app/shared/pdf/pdf.server.ts';
import { checkInQrSvg } from './check-in-qr.server.ts';
import type { Badge } from './checkin-badges.ts';

const TEMPLATE = `
#let d = json("/data.json")
#set document(title: d.title)
#set page(paper: "a4", margin: 0pt)
#set text(font: ("Noto Sans", "Noto Sans Arabic"), size: 11pt)
#set par(justify: false, leading: 0.6em)

#let badge(b, i) = block(
  width: 105mm,
  height: 148.4mm,
  stroke: (paint: luma(170), thickness: 0.4pt, dash: "dashed"),
  inset: 9mm,
  breakable: false,
)[
  #set text(lang: b.lang, dir: if b.dir == "rtl" { rtl } else { ltr })
  #set align(center)
  #text(size: 9pt, weight: "bold", fill: rgb("#1d3557"), b.label)
  #v(2mm)
  #text(size: 12pt, weight: "bold", b.title)
  #for other in b.otherTitles {
    linebreak()
    text(size: 8pt, fill: luma(80), other)
  }
  #v(1fr)
  #text(size: if b.name.clusters().len() > 28 { 13pt } else if b.name.clusters().len() > 16 { 16pt } else { 22pt }, weight: "bold", b.name)
  #if b.organisation != "" {
    linebreak()
    text(size: 12pt, b.organisation)
  }
  #if b.country != "" {
    linebreak()
    text(size: 10pt, fill: luma(60), b.country)
  }
  #v(1fr)
  #image("/qr-" + str(i) + ".svg", width: 36mm, alt: b.qrAlt)
  #text(size: 8pt, font: "Noto Sans", fill: luma(60), b.code)
]

#if d.badges.len() == 0 {
  pad(2cm, text(size: 12pt, d.empty))
} else {
  grid(columns: (105mm, 105mm), ..d.badges.enumerate().map(((i, b)) => badge(b, i)))
}
`;

export async function renderBadges(input: { title: string; empty: string; badges: Badge[]; qrPayloads: string[]; createdAt?: Date }) {
  const files: Record<string, string> = {};
  for (const [index, payload] of input.qrPayloads.entries()) {
    files[`/qr-${index}.svg`] = await checkInQrSvg(payload, input.badges[index]?.qrAlt ?? payload);
  }
  return renderPdf({
    template: TEMPLATE,
    data: { title: input.title, empty: input.empty, badges: input.badges },
    files,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  });
}
