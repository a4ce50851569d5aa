/** Column helpers shared by every schema file (kept free of app imports for drizzle-kit). */
import { sql } from 'drizzle-orm';
import { jsonb, text, timestamp } from 'drizzle-orm/pg-core';

/** A translatable text: `{ ar?, fr?, en? }`; at least one language is enough. */
export type Translatable = Partial<Record<'ar' | 'fr' | 'en', string>>;

export const translatable = (name: string) => jsonb(name).$type<Translatable>();

export const id = () => text('id').primaryKey().default(sql`gen_random_uuid()::text`);

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
