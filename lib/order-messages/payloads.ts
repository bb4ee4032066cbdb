import type { DbOrTx } from '@/db/client';
import type { Locale } from '@/lib/i18n/config';
import type { IssuedInvoice } from '@/lib/invoices/issue-invoice';
import { localVariantLabel } from '@/lib/invoices/strings';
import { trackingUrlFor } from '@/lib/order-admin/tracking';
import { getLocation } from '@/lib/locations/queries';
import type { AddressPayload, InvoiceRefPayload, OrderSummaryPayload, StorePayload } from '@/lib/notifications/templates/order-parts';
import type { OrderDetailDto } from '@/lib/orders/queries';
import type { OrderContact } from '@/lib/notifications/contact';
import { guestOrderLinkPath } from './guest-link';

// The payloads of the order templates, built from the order as it is in the event's transaction:
// a snapshot, so a message retried later still says what was true when it was caused.

export interface PayloadContext {
  order: OrderDetailDto;
  contact: OrderContact;
  invoice: IssuedInvoice | null;
  note: string | null;
  now: Date;
}

function base(ctx: PayloadContext) {
  const { order, contact, now } = ctx;
  // A guest has no account to sign in to: their link carries a signed, expiring token for this order.
  const guest = contact.kind === 'guest' && order.channel === 'web' ? guestOrderLinkPath(order.id, now) : null;
  return {
    orderNumber: order.number,
    name: (contact.name ?? order.customerName)?.slice(0, 200) || null,
    link: guest?.path ?? `/orders/${order.id}`,
    guestLinkExpiresAt: guest?.expiresAt.toISOString() ?? null,
  };
}

function summary(order: OrderDetailDto, locale: Locale): OrderSummaryPayload {
  return {
    fulfilment: order.fulfilment,
    lines: order.lines.map((l) => ({
      name: l.productName.slice(0, 300),
      variant: [localVariantLabel(l.variantLabel, locale), l.sku].filter(Boolean).join(' · ').slice(0, 300),
      quantity: l.quantity,
      totalCents: l.lineTotalCents,
      discountCents: l.discountCents,
      promotion: l.discountCents > 0 ? (l.promotionName?.slice(0, 200) ?? null) : null,
    })),
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    shippingCents: order.shippingCents,
    totalCents: order.totalCents,
    vatCents: order.vatCents,
  };
}

function shippingAddress(order: OrderDetailDto): AddressPayload | null {
  const a = order.shippingAddress;
  return a ? { name: a.name, street: a.street, postcode: a.postcode, city: a.city } : null;
}

function invoiceRef(invoice: IssuedInvoice | null): InvoiceRefPayload | null {
  return invoice ? { id: invoice.id, number: invoice.number } : null;
}

/** The first http(s) URL in a note (the carrier's tracking link a clerk pasted when shipping), or null. */
export function trackingUrlIn(note: string | null): string | null {
  const match = note?.match(/https?:\/\/[^\s<>"']+/i);
  if (!match || match[0].length > 500) return null;
  try {
    return new URL(match[0]).toString();
  } catch {
    return null;
  }
}

const paidWith = (order: OrderDetailDto) => order.payments.find((p) => p.status === 'succeeded') ?? null;

async function pickupStore(db: DbOrTx, order: OrderDetailDto): Promise<StorePayload | null> {
  const store = order.pickupLocation ? await getLocation(db, order.pickupLocation.id) : null;
  if (!store) return null;
  return { name: store.name, street: store.street, postcode: store.postcode, city: store.city, phone: store.phone, openingHours: store.openingHours };
}

export type OrderTemplate = 'order_confirmation' | 'payment_received' | 'ready_for_pickup' | 'collected' | 'shipped' | 'cancelled' | 'counter_receipt';

/** The payload of `template` for this order, or null when the order lacks what it needs (then nothing is sent). */
export async function buildPayload(db: DbOrTx, template: OrderTemplate, ctx: PayloadContext): Promise<Record<string, unknown> | null> {
  const { order, contact } = ctx;
  const { guestLinkExpiresAt, ...common } = base(ctx);
  const invoice = invoiceRef(ctx.invoice);
  switch (template) {
    case 'order_confirmation': {
      const store = order.pickupLocation;
      return {
        ...common,
        summary: summary(order, contact.locale),
        pickupStore: store ? { name: store.name, street: store.street, postcode: store.postcode, city: store.city } : null,
        shippingAddress: shippingAddress(order),
        guestLinkExpiresAt,
      };
    }
    case 'payment_received': {
      const payment = paidWith(order);
      if (!payment || order.fulfilment === 'in_store') return null;
      return { ...common, amountCents: payment.amountCents, method: payment.method, fulfilment: order.fulfilment };
    }
    case 'ready_for_pickup': {
      const store = await pickupStore(db, order);
      if (!store || !order.pickupCode) return null;
      return { ...common, pickupCode: order.pickupCode, store };
    }
    case 'collected':
      return invoice ? { ...common, invoice, storeName: order.pickupLocation?.name ?? null } : null;
    case 'shipped':
      return {
        ...common,
        shippingAddress: shippingAddress(order),
        // A link pasted in the note wins; else the known carrier's page for the tracking number.
        trackingUrl: trackingUrlIn(ctx.note) ?? trackingUrlFor(order.carrier, order.trackingNumber, order.shippingAddress),
        carrier: order.carrier,
        trackingNumber: order.trackingNumber,
        invoice,
      };
    case 'cancelled':
      return { ...common, refund: paidWith(order) !== null };
    case 'counter_receipt': {
      const method = paidWith(order)?.method;
      if (!invoice) return null;
      return {
        ...common,
        storeName: order.stockLocation.name,
        summary: summary(order, contact.locale),
        paymentMethod: method === 'cash' || method === 'card_terminal' ? method : null,
        invoice,
      };
    }
  }
}
