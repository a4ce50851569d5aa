/** The clusters page's filters in the URL: lenient to read, canonical to write. */
import { describe, expect, it } from 'vitest';
import { clearClusterFilter, clusterFiltersQuery, readClusterFilters, toggleClusterFilter } from './cluster-filters.ts';

describe('cluster filters in the URL', () => {
  it('reads repeated and comma-separated values, sorted, and drops invalid ones as ignored', () => {
    const { filters, ignored } = readClusterFilters(
      new URLSearchParams('country=TN&country=DZ,TN&stage=implementing&stage=selected&stage=flying&subsector=fashion&country=tunisia'),
    );
    expect(filters).toEqual({ country: ['DZ', 'TN'], subsector: ['fashion'], stage: ['selected', 'implementing'] });
    expect(ignored).toEqual(['country=tunisia', 'stage=flying']);
  });

  it('writes one canonical query per view, and nothing without filters', () => {
    const { filters } = readClusterFilters(new URLSearchParams('stage=selected&country=TN&country=DZ'));
    expect(clusterFiltersQuery(filters)).toBe('?country=DZ&country=TN&stage=selected');
    expect(clusterFiltersQuery({ country: [], subsector: [], stage: [] })).toBe('');
  });

  it('toggles a value on and off and clears one filter, keeping the others', () => {
    const base = { country: ['TN'], subsector: [], stage: ['selected' as const] };
    expect(clusterFiltersQuery(toggleClusterFilter(base, 'country', 'DZ'))).toBe('?country=DZ&country=TN&stage=selected');
    expect(clusterFiltersQuery(toggleClusterFilter(base, 'country', 'TN'))).toBe('?stage=selected');
    expect(clusterFiltersQuery(clearClusterFilter(base, 'stage'))).toBe('?country=TN');
  });
});
