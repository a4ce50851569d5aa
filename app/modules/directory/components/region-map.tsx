/**
 * The map of the programme region: countries shaded by a count (clusters, organisations...), places
 * as points linking to their pages, an enlarged Levant so Lebanon and Palestine stay visible. Drawn
 * as SVG on the server from outlines generated from Natural Earth, so it reads and links without
 * JavaScript (SVG links with titles, a legend with the numbers as text, a plain list of the places);
 * with JavaScript, hovering or focusing a place shows a tooltip and highlights it in the list, and
 * the other way round. The map itself is never mirrored; on right-to-left pages the legend and the
 * list are.
 */
import { useId, useMemo, useState } from 'react';
import {
  fitMercator,
  INSET_FRAME,
  MAIN_FRAME,
  type PlacedPoint,
  placePoints,
  project,
  shadeClasses,
  shadeStep,
  type ViewGeometry,
} from '#app/modules/directory/map/region.ts';
import { REGION_GEOMETRY } from '#app/modules/directory/map/region-geometry.generated.ts';
import { useDirection, useT } from '#app/shared/i18n/react.tsx';
import '#app/styles/clusters.css';

export interface RegionMapPoint {
  /** Unique among the points (a slug). */
  key: string;
  /** Display name in the page's language. */
  name: string;
  /** Where the point leads; a point without one is drawn but not a link (a profile's own place). */
  href?: string;
  /** A short second line: city and country, stage... */
  detail?: string;
  longitude: number;
  latitude: number;
}

export interface RegionMapCountry {
  iso2: string;
  /** Display name in the page's language. */
  name: string;
  count: number;
  /** Where the country leads (the list filtered by it). */
  href?: string;
}

interface Props {
  points: readonly RegionMapPoint[];
  /** Countries to shade; countries not listed are drawn as context. */
  countryCounts: readonly RegionMapCountry[];
  /** Says what the map shows; also its accessible name. */
  caption: string;
  /** Text of a count in a sentence: `count => t('...', { count })` ("2 clusters"). */
  countText?: (count: number) => string;
  /** Small map of one place: no legend and no list. */
  compact?: boolean;
}

const MAIN_FIT = fitMercator(MAIN_FRAME);
const INSET_FIT = fitMercator(INSET_FRAME);
const POINT_RADIUS = { main: 6, inset: 7 } as const;

export function RegionMap({ points, countryCounts, caption, countText, compact = false }: Props) {
  const t = useT();
  const direction = useDirection();
  const id = useId();
  const [active, setActive] = useState<string | null>(null);

  const placed = useMemo(
    () =>
      placePoints(
        points.map((p) => ({ key: p.key, longitude: p.longitude, latitude: p.latitude })),
        { main: MAIN_FIT, inset: INSET_FIT },
      ),
    [points],
  );
  const byKey = useMemo(() => new Map(points.map((p) => [p.key, p])), [points]);
  const counts = useMemo(() => new Map(countryCounts.map((c) => [c.iso2, c])), [countryCounts]);
  const classes = shadeClasses(Math.max(0, ...countryCounts.map((c) => c.count)));
  const activePoint = placed.find((p) => p.key === active);
  const activeInfo = active ? byKey.get(active) : undefined;
  const showInset = !compact || placed.some((p) => p.view === 'inset');
  const showMain = !compact || placed.some((p) => p.view === 'main') || placed.length === 0;

  const [insetWest, insetNorth] = project(MAIN_FIT, INSET_FRAME.extent.lon[0], INSET_FRAME.extent.lat[1]);
  const [insetEast, insetSouth] = project(MAIN_FIT, INSET_FRAME.extent.lon[1], INSET_FRAME.extent.lat[0]);

  const view = (name: 'main' | 'inset', geometry: ViewGeometry, label: string) => (
    <div className={`region-map__view region-map__view--${name}`}>
      <svg
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        className="region-map__svg"
        aria-label={label}
        focusable="false"
        preserveAspectRatio="xMidYMid meet"
      >
        <rect className="region-map__sea" width={geometry.width} height={geometry.height} />
        {geometry.countries.map((country, index) => {
          const counted = country.iso2 ? counts.get(country.iso2) : undefined;
          const step = counted ? shadeStep(classes, counted.count) : null;
          const className = step === null ? 'region-map__land' : `region-map__land region-map__land--step${step}`;
          if (!counted) return <path key={country.iso2 ?? index} className={className} d={country.d} />;
          const title = countText ? `${counted.name}: ${countText(counted.count)}` : counted.name;
          return counted.href ? (
            <a key={country.iso2} href={counted.href} className="region-map__country">
              <title>{title}</title>
              <path className={className} d={country.d} />
            </a>
          ) : (
            <path key={country.iso2} className={className} d={country.d}>
              <title>{title}</title>
            </path>
          );
        })}
        {name === 'main' && showInset && !compact && (
          <rect
            className="region-map__inset-frame"
            x={insetWest}
            y={insetNorth}
            width={insetEast - insetWest}
            height={insetSouth - insetNorth}
          />
        )}
        {placed
          .filter((p) => p.view === name)
          .map((p) => {
            const info = byKey.get(p.key)!;
            const dotClass = p.key === active ? 'region-map__dot region-map__dot--active' : 'region-map__dot';
            const title = info.detail ? `${info.name} (${info.detail})` : info.name;
            return info.href ? (
              <a
                key={p.key}
                href={info.href}
                className="region-map__point"
                onMouseEnter={() => setActive(p.key)}
                onMouseLeave={() => setActive(null)}
                onFocus={() => setActive(p.key)}
                onBlur={() => setActive(null)}
              >
                <title>{title}</title>
                <circle className={dotClass} cx={p.x} cy={p.y} r={POINT_RADIUS[name]} />
              </a>
            ) : (
              <circle key={p.key} className={dotClass} cx={p.x} cy={p.y} r={POINT_RADIUS[name]}>
                <title>{title}</title>
              </circle>
            );
          })}
      </svg>
      {activePoint?.view === name && activeInfo && (
        <Tooltip point={activePoint} geometry={geometry} info={activeInfo} direction={direction} />
      )}
    </div>
  );

  return (
    <figure className={compact ? 'region-map region-map--compact' : 'region-map'} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="region-map__caption">
        {caption}
      </figcaption>
      {/* The map is geography: it keeps its orientation on right-to-left pages. */}
      <div className="region-map__views" dir="ltr">
        {showMain && view('main', REGION_GEOMETRY.main, t('directory.clusters.map.region'))}
        {showInset && view('inset', REGION_GEOMETRY.inset, t('directory.clusters.map.levant'))}
      </div>
      {!compact && (
        <div className="region-map__keys">
          {classes.length > 0 && (
            <section className="region-map__legend" aria-labelledby={`${id}-legend`}>
              <h3 id={`${id}-legend`} className="region-map__heading">
                {t('directory.clusters.map.legend')}
              </h3>
              <ul className="region-map__scale">
                {classes.map((c) => (
                  <li key={c.step}>
                    <span className={`region-map__swatch region-map__land--step${c.step}`} aria-hidden="true" />
                    {c.min === c.max ? c.min : t('directory.clusters.map.range', { min: c.min, max: c.max })}
                  </li>
                ))}
              </ul>
              <ul className="region-map__counts">
                {[...countryCounts]
                  .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
                  .map((c) => (
                    <li key={c.iso2}>
                      {c.href ? <a href={c.href}>{c.name}</a> : c.name}
                      {': '}
                      {countText ? countText(c.count) : c.count}
                    </li>
                  ))}
              </ul>
            </section>
          )}
          {points.length > 0 && (
            <section className="region-map__places" aria-labelledby={`${id}-places`}>
              <h3 id={`${id}-places`} className="region-map__heading">
                {t('directory.clusters.map.places', { count: points.length })}
              </h3>
              <ul className="region-map__list">
                {points.map((p) => (
                  <li
                    key={p.key}
                    className={p.key === active ? 'region-map__item region-map__item--active' : 'region-map__item'}
                    onMouseEnter={() => setActive(p.key)}
                    onMouseLeave={() => setActive(null)}
                  >
                    {p.href ? (
                      <a href={p.href} onFocus={() => setActive(p.key)} onBlur={() => setActive(null)} dir="auto">
                        {p.name}
                      </a>
                    ) : (
                      <span dir="auto">{p.name}</span>
                    )}
                    {p.detail && <span className="region-map__detail"> {p.detail}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </figure>
  );
}

/** Positioned over the point in the (never mirrored) map; its text follows the page's direction. */
function Tooltip({
  point,
  geometry,
  info,
  direction,
}: {
  point: PlacedPoint;
  geometry: ViewGeometry;
  info: RegionMapPoint;
  direction: 'rtl' | 'ltr';
}) {
  const style = {
    insetInlineStart: `${(point.x / geometry.width) * 100}%`,
    insetBlockStart: `${(point.y / geometry.height) * 100}%`,
  };
  return (
    <div className="region-map__tooltip" style={style} aria-hidden="true">
      <div className="region-map__tooltip-text" dir={direction}>
        <strong dir="auto">{info.name}</strong>
        {info.detail && <span className="region-map__detail">{info.detail}</span>}
      </div>
    </div>
  );
}
