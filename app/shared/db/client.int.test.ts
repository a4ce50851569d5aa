import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '#tests/support/database.ts';

describe('database', () => {
  const database = useTestDatabase();

  it('has the migrations applied, with pg_trgm and unaccent', async () => {
    const { db } = database();
    const result = await db.execute(sql`select similarity('bijoux', 'bijou') > 0.3 as close, unaccent('Algérie') as plain`);
    expect(result.rows[0]).toEqual({ close: true, plain: 'Algerie' });
  });
});
