import { createTranslator } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGES } from '@/lib/i18n/messages';
import type { ChannelFunnelRow, SourceFunnelRow } from '@/lib/insight/analytics-funnel';
import type { SalesRow } from '@/lib/insight/analytics-sales';
import { AnalyticsSatisfaction } from './analytics-customer-sections';
import { AnalyticsFunnel, AnalyticsSales } from './analytics-sales-funnel';

const current = vi.hoisted(() => ({ locale: 'en' as 'en' | 'nl' }));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: current.locale, messages: MESSAGES[current.locale], namespace: namespace as never }),
}));

const funnel = { views: 4, carts: 3, checkouts: 2, orders: 1, cartDropOff: 25, checkoutDropOff: 33.3, orderDropOff: 50 };
const byChannel: ChannelFunnelRow[] = [{ channel: 'web', ...funnel }];
const bySource: SourceFunnelRow[] = [
  { source: 'newsletter', campaign: 'winter', ...funnel },
  { source: '', campaign: '', views: 1, carts: 0, checkouts: 0, orders: 0, cartDropOff: 100, checkoutDropOff: null, orderDropOff: null },
];
const sales: SalesRow[] = [
  { day: '2026-12-05', channel: 'store', locationId: 2, locationName: 'Store Amsterdam', orders: 0, exchanges: 1, soldCents: 2500, refundedCents: 0, exchangedCents: 2000, netCents: 500 },
];

describe('analytics sections render on the server (charts included), in both languages', () => {
  it('the funnel: chart figure, tables by channel and by source, CSV links with the filter', async () => {
    current.locale = 'en';
    const html = renderToStaticMarkup(await AnalyticsFunnel({ byChannel, bySource, locale: 'en', query: 'from=2026-12-01&to=2026-12-13' }));
    expect(html).toContain('role="img"');
    expect(html).toContain('Funnel by source and campaign');
    expect(html).toContain('<td class="px-3 py-2.5 align-top text-left ">newsletter</td>');
    expect(html).toContain('(direct)');
    expect(html).toContain('33.3%');
    expect(html).toContain('href="/api/admin/analytics/funnel-source?from=2026-12-01&amp;to=2026-12-13"');
    current.locale = 'nl';
    const nl = renderToStaticMarkup(await AnalyticsFunnel({ byChannel, bySource, locale: 'nl', query: 'from=2026-12-01&to=2026-12-13' }));
    expect(nl).toContain('Trechter per bron en campagne');
    expect(nl).toContain('33,3%');
    expect(nl).toContain('CSV downloaden');
  });

  it('sales in euros and the empty states', async () => {
    current.locale = 'en';
    const html = renderToStaticMarkup(await AnalyticsSales({ rows: sales, locale: 'en', query: 'from=2026-12-01&to=2026-12-13' }));
    expect(html).toContain('Sales by channel, store and day');
    expect(html).toContain('€5.00');
    const empty = renderToStaticMarkup(await AnalyticsSatisfaction({ rows: [], locale: 'en', query: '' }));
    expect(empty).toContain('No survey answers in this period.');
    expect(empty).not.toContain('role="img"');
  });
});
