import { describe, expect, it } from 'vitest';
import { AppError } from '#app/shared/errors.ts';
import { parseInput } from '#app/shared/validation.ts';
import {
  effectiveSort,
  filtersQuery,
  filtersToSearchParams,
  hasActiveFilters,
  NO_FILTERS,
  type OrganisationFilters,
  organisationFiltersSchema,
  readOrganisationFilters,
  searchParamsToInput,
  selectionKey,
  toggleFacetValue,
  withPage,
  withWomenLed,
} from './organisation-filters.ts';

function parse(query: string): OrganisationFilters {
  return parseInput(organisationFiltersSchema, searchParamsToInput(new URLSearchParams(query)));
}

describe('organisation filters', () => {
  it('read repeated keys as lists and single keys as one-value lists', () => {
    const filters = parse('country=TN&country=MA&type=cooperative&womenLed=true&page=3&sort=newest&q=+bijoux+');
    expect(filters).toEqual({
      ...NO_FILTERS,
      q: 'bijoux',
      country: ['MA', 'TN'],
      type: ['cooperative'],
      womenLed: true,
      page: 3,
      sort: 'newest',
    });
  });

  it('default to no filter, page 1, and ignore unknown keys and empty values', () => {
    expect(parse('utm_source=mail&q=&country=')).toEqual(NO_FILTERS);
  });

  it('round-trip through the canonical URL, whatever order the parameters came in', () => {
    const views = [
      'q=%D9%85%D8%AC%D9%88%D9%87%D8%B1%D8%A7%D8%AA&cluster=batna-jewellery&page=2',
      'material=silver&material=enamel&subsector=crafts&size=small&size=micro&womenLed=false&sort=newest',
      'type=buyer&country=LB',
      '',
    ];
    for (const view of views) {
      const filters = parse(view);
      const canonical = filtersToSearchParams(filters);
      expect(parse(canonical.toString())).toEqual(filters);
    }
    expect(filtersToSearchParams(parse('country=TN&country=MA&type=buyer')).toString()).toBe(
      filtersToSearchParams(parse('type=buyer&country=MA&country=TN')).toString(),
    );
  });

  it('leave defaults out of the URL', () => {
    expect(filtersQuery(NO_FILTERS)).toBe('');
    expect(filtersQuery(parse('sort=name&page=1'))).toBe('');
    expect(filtersQuery(parse('q=silver&sort=relevance'))).toBe('?q=silver');
    expect(filtersQuery(parse('q=silver&sort=name'))).toBe('?q=silver&sort=name');
  });

  it('refuse bad values with a validation error naming the field', () => {
    for (const [query, field] of [
      ['country=Tunisia', 'country'],
      ['type=shop', 'type'],
      ['size=huge&size=micro', 'size'],
      ['womenLed=yes', 'womenLed'],
      ['page=0', 'page'],
      ['page=100000', 'page'],
      ['sort=random', 'sort'],
      ['cluster=Not%20A%20Slug', 'cluster'],
    ] as const) {
      const attempt = () => parse(query);
      expect(attempt, query).toThrow(AppError);
      try {
        attempt();
      } catch (error) {
        expect(
          (error as AppError).details?.fields?.map((f) => f.field.split('.')[0]),
          query,
        ).toContain(field);
      }
    }
  });

  it('read a page URL leniently: bad values are set aside and named, good ones kept', () => {
    const { filters, ignored } = readOrganisationFilters(new URLSearchParams('country=TN&country=Tunisia&size=huge&page=x&type=buyer'));
    expect(filters).toEqual({ ...NO_FILTERS, country: ['TN'], type: ['buyer'] });
    expect(ignored.sort()).toEqual(['country=Tunisia', 'page=x', 'size=huge']);
    expect(readOrganisationFilters(new URLSearchParams('country=TN')).ignored).toEqual([]);
  });

  it('toggle a facet value on and off, back to page 1', () => {
    const start = withPage(parse('country=TN'), 4);
    const added = toggleFacetValue(start, 'country', 'MA');
    expect(added.country).toEqual(['MA', 'TN']);
    expect(added.page).toBe(1);
    expect(toggleFacetValue(added, 'country', 'TN').country).toEqual(['MA']);
    expect(withWomenLed(start, true)).toMatchObject({ womenLed: true, page: 1 });
    expect(withWomenLed(parse('womenLed=true'), undefined).womenLed).toBeUndefined();
  });

  it('sort by relevance only when there is search text', () => {
    expect(effectiveSort({ q: undefined, sort: undefined })).toBe('name');
    expect(effectiveSort({ q: 'silver', sort: undefined })).toBe('relevance');
    expect(effectiveSort({ q: undefined, sort: 'relevance' })).toBe('name');
    expect(effectiveSort({ q: 'silver', sort: 'newest' })).toBe('newest');
  });

  it('tell whether anything narrows the view, and key the selection without page and sort', () => {
    expect(hasActiveFilters(NO_FILTERS)).toBe(false);
    expect(hasActiveFilters(withPage(NO_FILTERS, 3))).toBe(false);
    expect(hasActiveFilters(parse('womenLed=false'))).toBe(true);
    expect(hasActiveFilters(parse('material=silver'))).toBe(true);
    expect(selectionKey(parse('country=TN&page=3&sort=newest'))).toBe(selectionKey(parse('country=TN')));
    expect(selectionKey(parse('country=TN'))).not.toBe(selectionKey(parse('country=MA')));
  });
});
