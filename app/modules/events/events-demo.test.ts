import { describe, expect, it } from 'vitest';
import { DEMO_EVENTS, type DemoCandidate, demoRegistrations } from './events-demo.ts';

const candidates = (cluster: string, country: string, n: number, withPeople = 0): DemoCandidate[] =>
  Array.from({ length: n }, (_, i) => ({
    organisationId: `${cluster}-${i}`,
    womenLed: i % 3 === 0,
    countryIso2: country,
    cluster,
    person: i < withPeople ? { id: `${cluster}-p${i}`, name: `Person ${i}`, gender: 'man' } : null,
  }));

describe('demoRegistrations', () => {
  const upcoming = DEMO_EVENTS.find((e) => !e.held)!;
  const jewellery = DEMO_EVENTS.find((e) => e.slug === 'demo-jewellery-workshop-2026')!;
  const pool = [...candidates('batna-jewellery', 'DZ', 30, 3), ...candidates('bourj-hammoud-jewellery', 'LB', 30, 3)];

  it('is the same on every run', () => {
    expect(demoRegistrations(jewellery, pool)).toEqual(demoRegistrations(jewellery, pool));
  });

  it('takes the clusters in turn, one participant per organisation, and keeps the directory person when there is one', () => {
    const registrations = demoRegistrations(jewellery, pool);
    expect(registrations).toHaveLength(jewellery.registrants);
    const fromBatna = registrations.filter((r) => r.organisationId.startsWith('batna')).length;
    expect(Math.abs(fromBatna - (registrations.length - fromBatna))).toBeLessThanOrEqual(1);
    expect(new Set(registrations.map((r) => r.organisationId)).size).toBe(registrations.length);
    for (const r of registrations.filter((r) => r.personId)) expect(r.name).toMatch(/^Person \d+$/);
    for (const r of registrations.filter((r) => !r.personId)) expect(r.name).not.toMatch(/^Person/);
  });

  it('never confirms more than the seats, puts the rest in line, and records attendance only at a held event', () => {
    const big = [...pool, ...candidates('el-jem-mosaic', 'TN', 40)];
    const registrations = demoRegistrations(upcoming, big);
    expect(registrations.filter((r) => r.status === 'confirmed')).toHaveLength(upcoming.capacity);
    expect(registrations.filter((r) => r.status === 'waiting').length).toBeGreaterThan(0);
    expect(registrations.some((r) => r.attended)).toBe(false);
    // Everyone after the last seat taken waits (or cancelled): the line follows arrival order.
    const lastConfirmed = Math.max(...registrations.filter((r) => r.status === 'confirmed').map((r) => r.order));
    const firstWaiting = Math.min(...registrations.filter((r) => r.status === 'waiting').map((r) => r.order));
    expect(firstWaiting).toBeGreaterThan(lastConfirmed);
    const held = demoRegistrations(jewellery, pool);
    expect(held.filter((r) => r.attended).every((r) => r.status === 'confirmed')).toBe(true);
    expect(held.some((r) => r.attended)).toBe(true);
  });
});
