import 'server-only';
import Papa from 'papaparse';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/identity/queries';
import type { AnalyticsFilter } from './analytics-filter';
import { funnelByChannel, funnelBySource, type FunnelCounts } from './analytics-funnel';
import { promotionPerformance } from './analytics-promotions';
import { salesByChannelStoreDay } from './analytics-sales';
import { satisfactionByChannelWeek } from './analytics-satisfaction';
import { channelShare } from './analytics-share';

/** The tables of /admin/analytics that download as CSV, by the name in the URL. */
export const ANALYTICS_TABLES = ['sales', 'funnel-channel', 'funnel-source', 'channel-share', 'promotions', 'satisfaction'] as const;
export type AnalyticsTable = (typeof ANALYTICS_TABLES)[number];

export const isAnalyticsTable = (v: string): v is AnalyticsTable => (ANALYTICS_TABLES as readonly string[]).includes(v);

type Cell = string | number | null;
const FUNNEL_HEADER = ['views', 'carts', 'checkouts', 'orders', 'cart_drop_off_pct', 'checkout_drop_off_pct', 'order_drop_off_pct'];
const funnelCells = (r: FunnelCounts): Cell[] => [r.views, r.carts, r.checkouts, r.orders, r.cartDropOff, r.checkoutDropOff, r.orderDropOff];
const euros = (cents: number) => (cents / 100).toFixed(2); // for the spreadsheet only; never computed with

/** One table's header and rows for the filter (the same queries as the page). Amounts in euros with a dot. */
export async function analyticsTableRows(
  db: DbOrTx,
  actor: Actor,
  table: AnalyticsTable,
  filter: AnalyticsFilter,
  options: { period?: 'week' | 'month' } = {},
): Promise<{ header: string[]; rows: Cell[][] }> {
  switch (table) {
    case 'sales':
      return {
        header: ['day', 'channel', 'location', 'orders', 'exchanges', 'sold_eur', 'refunded_eur', 'exchanged_eur', 'net_eur'],
        rows: (await salesByChannelStoreDay(db, actor, filter)).map((r) => [
          r.day, r.channel, r.locationName, r.orders, r.exchanges, euros(r.soldCents), euros(r.refundedCents), euros(r.exchangedCents), euros(r.netCents),
        ]),
      };
    case 'funnel-channel':
      return { header: ['channel', ...FUNNEL_HEADER], rows: (await funnelByChannel(db, actor, filter)).map((r) => [r.channel, ...funnelCells(r)]) };
    case 'funnel-source':
      return {
        header: ['source', 'campaign', ...FUNNEL_HEADER],
        rows: (await funnelBySource(db, actor, filter)).map((r) => [r.source, r.campaign, ...funnelCells(r)]),
      };
    case 'channel-share':
      return {
        header: ['period_start', 'web_only', 'store_only', 'omnichannel', 'customers'],
        rows: (await channelShare(db, actor, filter, options.period ?? 'week')).map((r) => [r.period, r.webOnly, r.storeOnly, r.omnichannel, r.customers]),
      };
    case 'promotions':
      return {
        header: ['promotion_id', 'promotion', 'orders', 'discount_eur', 'revenue_eur'],
        rows: (await promotionPerformance(db, actor, filter)).map((r) => [r.promotionId, r.name, r.orders, euros(r.discountCents), euros(r.revenueCents)]),
      };
    case 'satisfaction':
      return {
        header: ['week_start', 'channel', 'responses', 'average_score'],
        rows: (await satisfactionByChannelWeek(db, actor, filter)).map((r) => [r.week, r.channel, r.responses, r.averageScore]),
      };
  }
}

/** CSV text: UTF-8 with BOM for spreadsheets, CRLF, cells a spreadsheet would run as a formula escaped. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${Papa.unparse([header, ...rows.map((r) => r.map((c) => c ?? ''))], { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}
