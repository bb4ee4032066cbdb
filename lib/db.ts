import 'server-only';

// Pages and actions get the database handle here to pass into lib/<domain> functions; they never build
// queries themselves (app/ and components/ may not import db/, see eslint.config.mjs).
export { getDb } from '@/db/client';
export type { Db, DbOrTx } from '@/db/client';
