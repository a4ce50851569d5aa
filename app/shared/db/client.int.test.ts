import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '#tests/support/database.ts';
import { queryRows } from './client.server.ts';

describe('database', () => {
  const database = useTestDatabase();

  it('has the migrations applied, with pg_trgm and unaccent', async () => {
    const rows = await queryRows<{ close: boolean; plain: string }>(
      database().db,
      sql`select similarity('bijoux', 'bijou') > 0.3 as close, unaccent('Algérie') as plain`,
    );
    expect(rows[0]).toEqual({ close: true, plain: 'Algerie' });
  });
});
