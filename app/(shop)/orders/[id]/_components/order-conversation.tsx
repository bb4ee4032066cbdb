import { ConversationPanel } from '@/components/shop/conversation-panel';
import type { ShopViewer } from '@/lib/conversations/access';
import { getShopperThread } from '@/lib/conversations/queries';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import type { OrderDetailDto } from '@/lib/orders/queries';

/** "Questions about this order?": the chat with the store that looks after the order. */
export async function OrderConversation({ order, viewer, locale }: { order: OrderDetailDto; viewer: ShopViewer; locale: Locale }) {
  // The page has just read the order for this viewer (getOrderForViewer): no second check of it.
  const thread = await getShopperThread(getDb(), viewer, { viewed: order });
  const storeName = order.fulfilment === 'pickup' ? order.pickupLocation?.name : order.channel === 'store' ? order.stockLocation.name : null;
  return <ConversationPanel thread={thread} orderId={order.id} storeName={storeName} locale={locale} />;
}
