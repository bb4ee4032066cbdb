// The order writes, one file per concept; import them from here.
export { placeOrder, type PlaceOrderInput, type PlacedOrder } from './place-order';
export { recordPayment, type RecordPaymentInput, type RecordedPayment } from './record-payment';
export { transitionOrder, type TransitionOrderInput } from './transition-order';
export { canTransition, nextStatuses, ORDER_TRANSITIONS } from './shared';
