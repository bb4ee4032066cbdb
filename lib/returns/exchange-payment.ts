import { sql, type SQL } from 'drizzle-orm';
import { orders, payments, returns } from '@/db/schema';

/**
 * The exchange order's part paid by the returned goods. Within the current schema it is a payment with
 * method 'store_credit' and providerMethod 'exchange', but no store credit is involved: nothing was
 * issued to or spent from the customer's ledger. So it is never a tender (not store credit spent, not
 * money taken), never refunded to an "original" payment, and never earns points; the figures count it
 * as an exchange (lib/orders/dashboard-queries, lib/till/reports).
 */
export const EXCHANGE_PROVIDER_METHOD = 'exchange';

// Both spell their table out: drizzle prints a single-table query's columns unqualified, which inside
// a subquery would name the inner table's columns.

/** SQL: the row of `payments` in the surrounding query is the part of an exchange order that the returned goods paid. */
export const isExchangePayment: SQL<boolean> = sql<boolean>`coalesce(${payments}.provider_method = ${EXCHANGE_PROVIDER_METHOD}, false)`;

/** SQL: the row of `orders` in the surrounding query is the replacement order of an exchange (a return points at it). */
export const isExchangeOrder: SQL<boolean> = sql<boolean>`exists (select 1 from ${returns} r where r.exchange_order_id = ${orders}.id)`;
