/**
 * The CSV the import benchmark imports: `count` synthetic organisations numbered after the
 * benchmark directory's (so none is already there), with the headers a programme's spreadsheet
 * would have, in English, codes and yes/no values. Names carry their row number so that the
 * duplicate check (same name and city) compares them all and finds none: the benchmark times
 * 100,000 creations, not 100,000 rejections. Their e-mail domain marks them for removal.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { syntheticOrganisations } from '#app/modules/directory/demo/synthetic-directory.ts';

export const IMPORT_EMAIL_DOMAIN = 'import-bench.example';
/** Synthetic numbers of imported rows start here, far above any benchmark directory. */
const FIRST_NUMBER = 10_000_001;
const CHUNK = 5000;

const HEADERS = [
  'name_fr',
  'name_ar',
  'name_en',
  'type',
  'size',
  'founded',
  'country',
  'city_en',
  'city_ar',
  'subsectors',
  'materials',
  'markets',
  'women led',
  'staff',
  'staff women',
  'staff men',
  'email',
  'phone',
  'contact consent',
  'website',
];

const yesNo = (value: boolean | undefined) => (value ? 'yes' : 'no');

export async function writeImportFile(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(stringify([HEADERS]));
  for (let from = 0; from < count; from += CHUNK) {
    const rows = syntheticOrganisations(FIRST_NUMBER + from, Math.min(CHUNK, count - from)).map((row, offset) => {
      const n = from + offset + 1;
      const named = (text: string | undefined) => (text ? `${text} ${n}` : '');
      return [
        named(row.name.fr),
        named(row.name.ar),
        named(row.name.en),
        row.type,
        row.sizeClass ?? '',
        row.foundedYear ?? '',
        row.countryIso2,
        row.city?.en ?? '',
        row.city?.ar ?? '',
        (row.subsectorCodes ?? []).join(' | '),
        (row.materialCodes ?? []).join(' | '),
        (row.markets ?? []).join(' | '),
        yesNo(row.womenLed),
        row.staffTotal ?? '',
        row.staffWomen ?? '',
        row.staffMen ?? '',
        `org${n}@${IMPORT_EMAIL_DOMAIN}`,
        // Unique numbers (synthetic ones are spaced in groups, these are not), so none is a duplicate.
        row.phone ? `${row.phone.split(' ')[0]} 9${String(n).padStart(7, '0')}` : '',
        yesNo(row.contactConsent),
        row.links?.[0]?.url ?? '',
      ];
    });
    if (!out.write(stringify(rows))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
