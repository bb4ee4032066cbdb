import type { OrderStatus, PaymentMethod, ReturnCondition, ReturnReason, ReturnStatus } from '@/db/schema';

// The shapes lib/returns hands to the counter, shop and admin screens (DTOs: no raw rows).

export type ReturnMethod = 'counter' | 'post';
export type RefundDestination = 'original' | 'cash' | 'card_terminal' | 'store_credit';

/** Why an order cannot be returned (an `errors.*` message key). */
export type ReturnRefusal = 'returnOrderCancelled' | 'returnOrderNotDelivered' | 'returnWindowClosed' | 'returnNothingLeft';

export interface ReturnLineInput {
  orderLineId: number;
  quantity: number;
  reason: ReturnReason;
  reasonNote?: string | null;
  /** Known at once when the goods are handed in at a counter (receiveNow); default resellable. */
  condition?: ReturnCondition | null;
}

export interface ReturnableLineDto {
  orderLineId: number;
  variantId: number;
  productId: number;
  sku: string;
  productName: string;
  variantLabel: string;
  quantity: number;
  returnedQuantity: number;
  returnableQuantity: number;
  /** What one unit cost after discounts (display only; the refund of k units is refundForUnits). */
  unitPaidCents: number;
  lineTotalCents: number;
  vatRateBp: number;
}

export interface ReturnPaymentDto {
  id: string;
  method: PaymentMethod;
  providerMethod: string | null;
  amountCents: number;
  refundedCents: number;
}

export interface ReturnSummary {
  id: string;
  number: string;
  status: ReturnStatus;
  method: ReturnMethod;
  locationId: number | null;
  locationName: string | null;
  refundTotalCents: number;
  requestedAt: Date;
  receivedAt: Date | null;
  refundedAt: Date | null;
  units: number;
}

export interface ReturnableOrderDto {
  order: {
    id: string;
    number: string;
    channel: 'web' | 'store';
    status: OrderStatus;
    placedAt: Date;
    customerId: number | null;
    customer: string | null;
    email: string | null;
    totalCents: number;
    shippingCents: number;
  };
  lines: ReturnableLineDto[];
  window: { endsAt: Date | null; open: boolean };
  returnable: boolean;
  refusal?: ReturnRefusal;
  payments: ReturnPaymentDto[];
  returns: ReturnSummary[];
}

export interface ReturnLineDto {
  id: number;
  orderLineId: number;
  variantId: number;
  sku: string;
  productName: string;
  variantLabel: string;
  quantity: number;
  reason: ReturnReason;
  reasonNote: string | null;
  condition: ReturnCondition | null;
  refundCents: number;
  vatRateBp: number;
  vatCents: number;
}

export interface RefundDto {
  id: string;
  method: PaymentMethod;
  status: 'pending' | 'succeeded' | 'failed';
  amountCents: number;
  paymentId: string | null;
  tillSessionId: number | null;
  failureReason: string | null;
  createdAt: Date;
}

export interface ReturnViewDto extends ReturnSummary {
  orderId: string;
  orderNumber: string;
  customerId: number | null;
  shippingRefundCents: number;
  windowOverrideReason: string | null;
  closedAt: Date | null;
  note: string | null;
  lines: ReturnLineDto[];
  refunds: RefundDto[];
  /** Σ succeeded + pending refunds. */
  refundedCents: number;
  creditNote: { id: number; number: string } | null;
  exchangeOrder: { id: string; number: string } | null;
}

export interface ListReturnsFilter {
  status?: ReturnStatus;
  method?: ReturnMethod;
  locationId?: number;
  q?: string;
  page?: number;
}

export interface ReturnListPage {
  rows: (ReturnSummary & { orderId: string; orderNumber: string; customer: string | null })[];
  total: number;
  page: number;
  pageSize: number;
}
