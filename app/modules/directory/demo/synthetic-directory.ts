/**
 * The synthetic directory for benchmarks: organisation number `index` (1, 2, ...) is always the
 * same, whatever the batch it is made in, so `seed --synthetic N` is reproducible and tops up
 * idempotently (slugs end in `-s<index>`). Organisations spread over the seven countries, their
 * cities, the eleven subsectors (crafts weighted as in the programme), types and sizes. Pure.
 */
import { generateOrganisation, type OrganisationRow, placeOfCity, slugOf, TYPE_WEIGHTS } from './organisation-generator.ts';
import { createRandom, seedFrom } from './random.ts';
import { COUNTRY_WORDS, CRAFTS, type CraftKey } from './words.ts';

/** Crafts of the design industries and heritage dominate, as in the programme's clusters. */
const CRAFT_WEIGHTS: readonly (readonly [CraftKey, number])[] = [
  ['jewellery', 8],
  ['leather', 6],
  ['fashion', 7],
  ['copperware', 4],
  ['interiors', 6],
  ['ceramics', 6],
  ['furniture', 7],
  ['textile', 6],
  ['oliveWood', 3],
  ['tableware', 3],
  ['mosaic', 4],
  ['heritage', 4],
  ['audiovisual', 5],
  ['music', 5],
  ['publishing', 4],
  ['videoGames', 3],
  ['performingArts', 4],
  ['visualArts', 5],
  ['communication', 5],
  ['architecture', 4],
];

const COUNTRIES = Object.values(COUNTRY_WORDS);

export function syntheticOrganisation(index: number): OrganisationRow {
  const random = createRandom(seedFrom(`synthetic-${index}`));
  const country = random.pick(COUNTRIES);
  const city = random.pick(country.cities);
  const craft = CRAFTS[random.weighted(CRAFT_WEIGHTS)];
  return generateOrganisation(
    random,
    { country, city, craft, place: placeOfCity(city), materials: craft.materials },
    // 30 to 50% women-led, as in the demo directory.
    { type: random.weighted(TYPE_WEIGHTS), womenLed: random.chance(0.4), slugFor: (latinName) => `${slugOf(latinName)}-s${index}` },
  ).row;
}

/** Organisations `from` to `from + count - 1`. */
export function syntheticOrganisations(from: number, count: number): OrganisationRow[] {
  return Array.from({ length: count }, (_, offset) => syntheticOrganisation(from + offset));
}
