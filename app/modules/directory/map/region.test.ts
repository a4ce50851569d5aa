/** The map's geometry and placement: where places land, what is drawn, and how small it stays. */
import { geoMercator } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { buildRegionGeometry, renderGeometryModule } from './build-region-geometry.ts';
import { fitMercator, INSET_FRAME, MAIN_FRAME, placePoints, project, shadeClasses, shadeStep, type ViewGeometry } from './region.ts';
import { REGION_GEOMETRY } from './region-geometry.generated.ts';
import generatedSource from './region-geometry.generated.ts?raw';

const fits = { main: fitMercator(MAIN_FRAME), inset: fitMercator(INSET_FRAME) };

/** Bounding box of a path made of one absolute move then relative lines per ring. */
function boundingBox(d: string): { minX: number; minY: number; maxX: number; maxY: number } {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const ring of d.split('z').filter(Boolean)) {
    const numbers = ring.match(/-?\d+(\.\d+)?/g)!.map(Number);
    let x = 0;
    let y = 0;
    for (let i = 0; i < numbers.length; i += 2) {
      x = i === 0 ? numbers[0]! : x + numbers[i]!;
      y = i === 0 ? numbers[1]! : y + numbers[i + 1]!;
      box.minX = Math.min(box.minX, x);
      box.maxX = Math.max(box.maxX, x);
      box.minY = Math.min(box.minY, y);
      box.maxY = Math.max(box.maxY, y);
    }
  }
  return box;
}

function outline(view: ViewGeometry, iso2: string): string {
  const found = view.countries.find((c) => c.iso2 === iso2);
  if (!found) throw new Error(`${iso2} is not drawn`);
  return found.d;
}

function expectInside(view: ViewGeometry, iso2: string, [x, y]: [number, number]) {
  const box = boundingBox(outline(view, iso2));
  expect(x).toBeGreaterThanOrEqual(box.minX);
  expect(x).toBeLessThanOrEqual(box.maxX);
  expect(y).toBeGreaterThanOrEqual(box.minY);
  expect(y).toBeLessThanOrEqual(box.maxY);
}

describe('region projection', () => {
  it('agrees with d3-geo Mercator with the same parameters', () => {
    const d3 = geoMercator().scale(fits.main.scale).translate([fits.main.translate[0], fits.main.translate[1]]);
    for (const [lon, lat] of [
      [6.174, 35.556],
      [-7.59, 33.573],
      [35.2, 31.705],
    ] as const) {
      const [x, y] = project(fits.main, lon, lat);
      const [dx, dy] = d3([lon, lat])!;
      expect(x).toBeCloseTo(dx, 6);
      expect(y).toBeCloseTo(dy, 6);
    }
  });

  it('fills the frame: the extent touches one pair of edges and stays inside the other', () => {
    const [west, north] = project(fits.main, MAIN_FRAME.extent.lon[0], MAIN_FRAME.extent.lat[1]);
    const [east, south] = project(fits.main, MAIN_FRAME.extent.lon[1], MAIN_FRAME.extent.lat[0]);
    const touchesSides = Math.abs(west) < 1e-6 && Math.abs(east - MAIN_FRAME.width) < 1e-6;
    const touchesTopBottom = Math.abs(north) < 1e-6 && Math.abs(south - MAIN_FRAME.height) < 1e-6;
    expect(touchesSides || touchesTopBottom).toBe(true);
    expect(north).toBeGreaterThanOrEqual(-1e-6);
    expect(south).toBeLessThanOrEqual(MAIN_FRAME.height + 1e-6);
  });

  it('puts known cities inside their country on the drawn outlines', () => {
    expectInside(REGION_GEOMETRY.main, 'DZ', project(fits.main, 6.174, 35.556)); // Batna
    expectInside(REGION_GEOMETRY.main, 'MA', project(fits.main, -7.59, 33.573)); // Casablanca
    expectInside(REGION_GEOMETRY.main, 'TN', project(fits.main, 10.707, 35.296)); // El Jem
    expectInside(REGION_GEOMETRY.main, 'EG', project(fits.main, 31.236, 30.044)); // Cairo
    expectInside(REGION_GEOMETRY.inset, 'LB', project(fits.inset, 35.54, 33.894)); // Bourj Hammoud
    expectInside(REGION_GEOMETRY.inset, 'PS', project(fits.inset, 35.2, 31.705)); // Bethlehem
    expectInside(REGION_GEOMETRY.inset, 'JO', project(fits.inset, 35.91, 31.954)); // Amman
  });
});

describe('generated outlines', () => {
  it('draw the seven programme countries, with Lebanon and Palestine in the enlarged Levant', () => {
    for (const iso2 of ['DZ', 'EG', 'JO', 'LB', 'MA', 'PS', 'TN']) expect(outline(REGION_GEOMETRY.main, iso2)).toMatch(/^M/);
    for (const iso2 of ['LB', 'PS', 'JO']) {
      const box = boundingBox(outline(REGION_GEOMETRY.inset, iso2));
      // Big enough to see and to click at phone width (the inset is drawn at least ~8rem wide).
      expect(box.maxX - box.minX).toBeGreaterThan(40);
    }
    // Southern Europe is there for context.
    expect(REGION_GEOMETRY.main.countries.map((c) => c.iso2)).toEqual(expect.arrayContaining(['ES', 'IT', 'GR', 'TR']));
  });

  it('stay within the size budget (under 60 kB for both views)', () => {
    expect(new TextEncoder().encode(JSON.stringify(REGION_GEOMETRY)).length).toBeLessThan(60_000);
  });

  it('are what the generator produces from the bundled Natural Earth data (regenerate when this fails)', () => {
    expect(generatedSource).toBe(renderGeometryModule(buildRegionGeometry()));
  });
});

describe('placePoints', () => {
  it('draws Levant places on the inset and the others on the main view, leaving out places off the map', () => {
    const placed = placePoints(
      [
        { key: 'batna', longitude: 6.174, latitude: 35.556 },
        { key: 'bethlehem', longitude: 35.2, latitude: 31.705 },
        { key: 'paris', longitude: 2.35, latitude: 48.85 },
      ],
      fits,
    );
    expect(placed.map((p) => [p.key, p.view])).toEqual([
      ['batna', 'main'],
      ['bethlehem', 'inset'],
    ]);
  });

  it('spreads places that would sit on top of one another, keeping each apart', () => {
    const placed = placePoints(
      [
        { key: 'cairo-leather', longitude: 31.236, latitude: 30.044 },
        { key: 'cairo-home', longitude: 31.2, latitude: 30.06 },
        { key: 'batna', longitude: 6.174, latitude: 35.556 },
      ],
      fits,
    );
    const [a, b, batna] = placed;
    expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThanOrEqual(13);
    const [bx, by] = project(fits.main, 6.174, 35.556);
    expect(batna!.x).toBeCloseTo(bx, 0);
    expect(batna!.y).toBeCloseTo(by, 0);
  });
});

describe('shadeClasses', () => {
  it('splits counts into at most four contiguous classes covering 1..max', () => {
    const classes = shadeClasses(10);
    expect(classes).toHaveLength(4);
    expect(classes[0]!.min).toBe(1);
    expect(classes.at(-1)!.max).toBe(10);
    for (let i = 1; i < classes.length; i += 1) expect(classes[i]!.min).toBe(classes[i - 1]!.max + 1);
    expect(shadeStep(classes, 0)).toBe(0);
    expect(shadeStep(classes, 1)).toBe(1);
    expect(shadeStep(classes, 10)).toBe(4);
  });

  it('uses one class per value when there are few', () => {
    expect(shadeClasses(2)).toEqual([
      { step: 1, min: 1, max: 1 },
      { step: 2, min: 2, max: 2 },
    ]);
    expect(shadeClasses(0)).toEqual([]);
  });
});
