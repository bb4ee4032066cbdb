import { timestamp } from 'drizzle-orm/pg-core';

/** Shared audit columns. Instants are stored with time zone; the UI shows them in Europe/Amsterdam. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
