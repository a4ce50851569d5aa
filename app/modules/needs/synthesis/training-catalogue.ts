/**
 * The training needs catalogue (issue 4, item 5): from survey answers "I would train in <topic>,
 * preferably as <format>", the number of people per topic and format, by gender and by size. A
 * person asking twice for the same topic and format counts once; a person asking for one topic in
 * two formats counts in both formats and once in the topic. Pure; the counts are raw, so anything
 * public goes through `protectTable` (disclosure.ts), for which `trainingCountTable` builds the input.
 */
import type { CountTable } from './disclosure.ts';
import {
  emptyGenderCounts,
  emptySizeCounts,
  GENDER_GROUPS,
  type GenderGroup,
  genderGroup,
  inScope,
  matchesFilter,
  type Respondent,
  type RespondentFilter,
  type Scope,
  SIZE_GROUPS,
  type SizeGroup,
  sizeGroup,
} from './evidence.ts';

/** One training need named in a survey answer; `format` null when no preference was given. */
export interface TrainingRequest extends Respondent {
  id: string;
  topic: string;
  format: string | null;
}

/** The format group of a request without a preferred format. */
export const NO_FORMAT = 'unspecified';

export interface TrainingCount {
  people: number;
  byGender: Record<GenderGroup, number>;
  bySize: Record<SizeGroup, number>;
  clusters: string[];
  countries: string[];
}

export interface TrainingFormatNeed extends TrainingCount {
  format: string;
  /** Ids of the answers behind the count (drill-down). */
  requestIds: string[];
}

export interface TrainingTopicNeed extends TrainingCount {
  topic: string;
  /** By number of people (descending), then format code. */
  formats: TrainingFormatNeed[];
}

interface Acc {
  people: Map<string, Respondent>;
  requestIds: string[];
}

function count(acc: Acc): TrainingCount {
  const byGender = emptyGenderCounts();
  const bySize = emptySizeCounts();
  const clusters = new Set<string>();
  const countries = new Set<string>();
  for (const person of acc.people.values()) {
    byGender[genderGroup(person.gender)] += 1;
    bySize[sizeGroup(person.size)] += 1;
    clusters.add(person.cluster);
    countries.add(person.country);
  }
  return { people: acc.people.size, byGender, bySize, clusters: [...clusters].sort(), countries: [...countries].sort() };
}

function add(map: Map<string, Acc>, key: string, request: TrainingRequest): void {
  let acc = map.get(key);
  if (!acc) {
    acc = { people: new Map(), requestIds: [] };
    map.set(key, acc);
  }
  const before = acc.people.get(request.respondentId);
  // The same person in several requests: keep one record, the request with the smallest id.
  if (!before || request.id < (before as TrainingRequest).id) acc.people.set(request.respondentId, request);
  acc.requestIds.push(request.id);
}

const byPeopleThen =
  <T extends { people: number }>(key: (item: T) => string) =>
  (a: T, b: T) =>
    b.people - a.people || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The catalogue for a scope (default: the region), topics by number of people then code. */
export function buildTrainingCatalogue(
  requests: readonly TrainingRequest[],
  scope: Scope = { kind: 'region' },
  filter?: RespondentFilter,
): TrainingTopicNeed[] {
  const topics = new Map<string, Acc>();
  const formats = new Map<string, Map<string, Acc>>();
  for (const request of requests) {
    if (!inScope(scope, request.cluster, request.country) || !matchesFilter(filter, request)) continue;
    add(topics, request.topic, request);
    let byFormat = formats.get(request.topic);
    if (!byFormat) {
      byFormat = new Map();
      formats.set(request.topic, byFormat);
    }
    add(byFormat, request.format ?? NO_FORMAT, request);
  }
  return [...topics]
    .map(([topic, acc]) => ({
      topic,
      ...count(acc),
      formats: [...formats.get(topic)!]
        .map(([format, f]) => ({ format, ...count(f), requestIds: f.requestIds.sort() }))
        .sort(byPeopleThen((f) => f.format)),
    }))
    .sort(byPeopleThen((t) => t.topic));
}

/**
 * One row per topic and format (`<topic>/<format>`) with people by gender or by size, ready for
 * `protectTable`. Its column totals count requests (a person in two rows counts twice).
 */
export function trainingCountTable(catalogue: readonly TrainingTopicNeed[], by: 'gender'): CountTable<GenderGroup>;
export function trainingCountTable(catalogue: readonly TrainingTopicNeed[], by: 'size'): CountTable<SizeGroup>;
export function trainingCountTable(catalogue: readonly TrainingTopicNeed[], by: 'gender' | 'size'): CountTable<string> {
  const rows = catalogue.flatMap((topic) =>
    topic.formats.map((f) => ({
      key: `${topic.topic}/${f.format}`,
      cells: (by === 'gender' ? f.byGender : f.bySize) as Record<string, number>,
    })),
  );
  return { columns: by === 'gender' ? GENDER_GROUPS : SIZE_GROUPS, rows };
}
