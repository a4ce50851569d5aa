/**
 * Generates `region-geometry.generated.ts`: the country outlines of the programme region from the
 * bundled Natural Earth 1:50m data (`world-atlas`), projected on the map's two views, clipped,
 * simplified and rounded into short SVG path strings. Generated ahead of time and committed, so
 * the server and the browser bundle carry ~50 kB of paths instead of reading 750 kB of TopoJSON,
 * and no map data is ever fetched from another origin. A unit test fails when the committed file
 * no longer matches what this produces.
 *
 * Regenerate: `node app/modules/directory/map/build-region-geometry.ts`
 */
import { writeFileSync } from 'node:fs';
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-50m.json' with { type: 'json' };
import {
  type CountryOutline,
  fitMercator,
  INSET_FRAME,
  MAIN_FRAME,
  type RegionGeometry,
  type ViewFrame,
  type ViewGeometry,
} from './region.ts';

/** ISO 3166-1 numeric (Natural Earth ids) to alpha-2, for every country the two views can show. */
const ALPHA2_BY_NUMERIC: Record<string, string> = {
  '008': 'AL',
  '012': 'DZ',
  '020': 'AD',
  '031': 'AZ',
  '040': 'AT',
  '051': 'AM',
  '070': 'BA',
  '100': 'BG',
  '148': 'TD',
  '191': 'HR',
  '196': 'CY',
  '232': 'ER',
  '250': 'FR',
  '268': 'GE',
  '275': 'PS',
  '300': 'GR',
  '336': 'VA',
  '348': 'HU',
  '364': 'IR',
  '368': 'IQ',
  '376': 'IL',
  '380': 'IT',
  '400': 'JO',
  '414': 'KW',
  '422': 'LB',
  '434': 'LY',
  '466': 'ML',
  '470': 'MT',
  '478': 'MR',
  '492': 'MC',
  '498': 'MD',
  '499': 'ME',
  '504': 'MA',
  '562': 'NE',
  '620': 'PT',
  '642': 'RO',
  '643': 'RU',
  '674': 'SM',
  '682': 'SA',
  '688': 'RS',
  '703': 'SK',
  '705': 'SI',
  '724': 'ES',
  '728': 'SS',
  '729': 'SD',
  '732': 'EH',
  '756': 'CH',
  '760': 'SY',
  '788': 'TN',
  '792': 'TR',
  '804': 'UA',
  '807': 'MK',
  '818': 'EG',
  '887': 'YE',
};

type Ring = [number, number][];

/** Distance from p to the segment a-b. */
function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on an open polyline (iterative, keeps both ends). */
function simplifyLine(points: Ring, tolerance: number): Ring {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i += 1) {
      const d = segmentDistance(points[i]!, points[first]!, points[last]!);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function ringArea(ring: Ring): number {
  let area = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    area += x1 * y2 - x2 * y1;
  }
  return Math.abs(area) / 2;
}

/** A closed ring simplified as two halves (Douglas–Peucker needs distinct ends), rounded to whole units without repeats. */
function simplifyRing(ring: Ring, tolerance: number): Ring {
  const middle = Math.floor(ring.length / 2);
  const halves = [...simplifyLine(ring.slice(0, middle + 1), tolerance), ...simplifyLine(ring.slice(middle), tolerance).slice(1)];
  const rounded: Ring = [];
  for (const [x, y] of halves) {
    const point: [number, number] = [Math.round(x), Math.round(y)];
    const previous = rounded[rounded.length - 1];
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) rounded.push(point);
  }
  return rounded;
}

/** Absolute first point, then relative moves: the shortest plain path syntax. */
function ringPath(ring: Ring): string {
  let path = `M${ring[0]![0]} ${ring[0]![1]}`;
  for (let i = 1; i < ring.length; i += 1) {
    const dx = ring[i]![0] - ring[i - 1]![0];
    const dy = ring[i]![1] - ring[i - 1]![1];
    path += `l${dx}${dy < 0 ? '' : ' '}${dy}`;
  }
  return `${path}z`;
}

type PathContext = Parameters<ReturnType<typeof geoPath>['context']>[0];

/** Collects the rings d3 draws through its Canvas-like context interface. */
function ringsOf(draw: (context: PathContext) => void): Ring[] {
  const rings: Ring[] = [];
  let current: Ring = [];
  draw({
    moveTo(x: number, y: number) {
      current = [[x, y]];
      rings.push(current);
    },
    lineTo(x: number, y: number) {
      current.push([x, y]);
    },
    closePath() {},
    arc() {},
    beginPath() {},
  } as unknown as PathContext);
  return rings;
}

function buildView(frame: ViewFrame, countries: FeatureCollection, tolerance: number, minArea: number): ViewGeometry {
  const fit = fitMercator(frame);
  const projection = geoMercator()
    .scale(fit.scale)
    .translate([fit.translate[0], fit.translate[1]])
    .clipExtent([
      [0, 0],
      [frame.width, frame.height],
    ]);
  const outlines: CountryOutline[] = [];
  for (const country of countries.features) {
    const rings = ringsOf((context) => geoPath(projection, context)(country));
    const paths = rings
      .filter((ring) => ringArea(ring) >= minArea)
      .map((ring) => simplifyRing(ring, tolerance))
      .filter((ring) => ring.length >= 3)
      .map(ringPath);
    if (paths.length === 0) continue;
    outlines.push({ iso2: ALPHA2_BY_NUMERIC[String(country.id)] ?? null, d: paths.join('') });
  }
  // Countries with a code first, by code, so the output is stable and diffs stay readable.
  outlines.sort((a, b) => (a.iso2 ?? '~').localeCompare(b.iso2 ?? '~') || a.d.localeCompare(b.d));
  return { width: frame.width, height: frame.height, countries: outlines };
}

export function buildRegionGeometry(): RegionGeometry {
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection;
  return {
    main: buildView(MAIN_FRAME, countries, 0.9, 4),
    inset: buildView(INSET_FRAME, countries, 0.7, 2),
  };
}

export function renderGeometryModule(geometry: RegionGeometry): string {
  return [
    '// Generated by build-region-geometry.ts from Natural Earth 1:50m (world-atlas); do not edit by hand.',
    "import type { RegionGeometry } from './region.ts';",
    '',
    '// biome-ignore format: generated data, kept on one line',
    `export const REGION_GEOMETRY: RegionGeometry = ${JSON.stringify(geometry)};`,
    '',
  ].join('\n');
}

if (import.meta.main) {
  const target = new URL('./region-geometry.generated.ts', import.meta.url);
  writeFileSync(target, renderGeometryModule(buildRegionGeometry()));
  console.log(`wrote ${target.pathname}`);
}
