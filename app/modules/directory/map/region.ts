/**
 * The programme region as drawn by the map: two Mercator views (the whole region, from the Maghreb
 * to the Levant with the edge of southern Europe, and an enlarged Levant where Lebanon and
 * Palestine are big enough to see and click), how a longitude/latitude lands on them, and how
 * counts become shades. Pure and shared by the server and the browser: the projected country
 * outlines are generated once from Natural Earth (see `build-region-geometry.ts`) and the points
 * are projected here with the same parameters.
 */

export interface GeoExtent {
  /** West and east longitudes, degrees. */
  lon: readonly [number, number];
  /** South and north latitudes, degrees. */
  lat: readonly [number, number];
}

export interface ViewFrame {
  extent: GeoExtent;
  /** Size of the SVG viewBox, in map units. */
  width: number;
  height: number;
}

/** A fitted Mercator projection: x = scale·λ + tx, y = ty − scale·ln(tan(π/4 + φ/2)), in radians. */
export interface MercatorFit {
  scale: number;
  translate: readonly [number, number];
}

export const MAIN_FRAME: ViewFrame = { extent: { lon: [-14, 40], lat: [19, 44] }, width: 1000, height: 520 };
/** The Levant, enlarged: Lebanon, Palestine and Jordan's west, with the Amman clusters. */
export const INSET_FRAME: ViewFrame = { extent: { lon: [34, 37], lat: [31, 34.8] }, width: 240, height: 360 };

const RADIANS = Math.PI / 180;

function mercatorY(latitude: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (latitude * RADIANS) / 2));
}

/** The Mercator projection that makes `frame.extent` fill the frame (the limiting side touches its edges, the other is centred). */
export function fitMercator(frame: ViewFrame): MercatorFit {
  const [west, east] = frame.extent.lon;
  const [south, north] = frame.extent.lat;
  const spanX = (east - west) * RADIANS;
  const spanY = mercatorY(north) - mercatorY(south);
  const scale = Math.min(frame.width / spanX, frame.height / spanY);
  const tx = (frame.width - scale * spanX) / 2 - scale * west * RADIANS;
  const ty = (frame.height - scale * spanY) / 2 + scale * mercatorY(north);
  return { scale, translate: [tx, ty] };
}

export function project(fit: MercatorFit, longitude: number, latitude: number): [number, number] {
  return [fit.scale * longitude * RADIANS + fit.translate[0], fit.translate[1] - fit.scale * mercatorY(latitude)];
}

export function inExtent(extent: GeoExtent, longitude: number, latitude: number): boolean {
  return longitude >= extent.lon[0] && longitude <= extent.lon[1] && latitude >= extent.lat[0] && latitude <= extent.lat[1];
}

export interface MapPointInput {
  key: string;
  longitude: number;
  latitude: number;
}

export interface PlacedPoint {
  key: string;
  view: 'main' | 'inset';
  x: number;
  y: number;
}

/** Points closer than this (map units) are spread around their common centre so each stays clickable. */
const SPREAD_DISTANCE = 14;

/**
 * Puts each point on the view that shows it best (the inset when it falls inside the Levant, else
 * the main view; points outside both are left out) and spreads points that would sit on top of
 * one another (two clusters in Cairo, two in Amman) on a small circle, in a stable order.
 */
export function placePoints(points: readonly MapPointInput[], fits: { main: MercatorFit; inset: MercatorFit }): PlacedPoint[] {
  const placed: PlacedPoint[] = [];
  for (const point of points) {
    const view = inExtent(INSET_FRAME.extent, point.longitude, point.latitude)
      ? 'inset'
      : inExtent(MAIN_FRAME.extent, point.longitude, point.latitude)
        ? 'main'
        : null;
    if (!view) continue;
    const [x, y] = project(fits[view], point.longitude, point.latitude);
    placed.push({ key: point.key, view, x, y });
  }
  const groups: PlacedPoint[][] = [];
  for (const point of [...placed].sort((a, b) => a.key.localeCompare(b.key))) {
    const group = groups.find(
      (g) => g[0]!.view === point.view && g.some((p) => Math.hypot(p.x - point.x, p.y - point.y) < SPREAD_DISTANCE),
    );
    if (group) group.push(point);
    else groups.push([point]);
  }
  const spread = new Map<string, PlacedPoint>();
  for (const group of groups) {
    if (group.length === 1) {
      spread.set(group[0]!.key, group[0]!);
      continue;
    }
    const cx = group.reduce((sum, p) => sum + p.x, 0) / group.length;
    const cy = group.reduce((sum, p) => sum + p.y, 0) / group.length;
    const radius = SPREAD_DISTANCE / 2 / Math.sin(Math.PI / Math.max(group.length, 2));
    group.forEach((p, i) => {
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      spread.set(p.key, { ...p, x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
    });
  }
  return placed.map((p) => spread.get(p.key)!).map((p) => ({ ...p, x: round1(p.x), y: round1(p.y) }));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Number of shades a count can take (0 is drawn as "none"). */
export const SHADE_STEPS = 4;

export interface ShadeClass {
  /** 1..SHADE_STEPS; 0 for countries without any. */
  step: number;
  min: number;
  max: number;
}

/**
 * Splits 1..max into at most SHADE_STEPS contiguous whole-number classes of similar width, for the
 * legend and the shading. A zero count has its own class (step 0), shown as "none".
 */
export function shadeClasses(maxCount: number): ShadeClass[] {
  if (maxCount <= 0) return [];
  const steps = Math.min(SHADE_STEPS, maxCount);
  const classes: ShadeClass[] = [];
  let start = 1;
  for (let step = 1; step <= steps; step += 1) {
    const end = step === steps ? maxCount : Math.round((maxCount * step) / steps);
    if (end < start) continue;
    classes.push({ step: classes.length + 1, min: start, max: end });
    start = end + 1;
  }
  return classes;
}

export function shadeStep(classes: readonly ShadeClass[], count: number): number {
  if (count <= 0) return 0;
  return classes.find((c) => count >= c.min && count <= c.max)?.step ?? classes.length;
}

/** The country outlines of one view, as generated from Natural Earth. */
export interface CountryOutline {
  /** ISO 3166-1 alpha-2, or null for a territory without a code (drawn as context only). */
  iso2: string | null;
  /** SVG path data in the view's units. */
  d: string;
}

export interface ViewGeometry {
  width: number;
  height: number;
  countries: CountryOutline[];
}

export interface RegionGeometry {
  main: ViewGeometry;
  inset: ViewGeometry;
}
