'use client';

import { useWhenVisible } from '@/components/ui/use-when-visible';
import { markConversationReadAction } from '@/lib/conversations/actions';

/** Marks the shop's answers as read by the shopper once they are on screen (one call per new answer). */
export function ConversationSeen({ orderId, token }: { orderId?: string; token: string }) {
  useWhenVisible(token, () => {
    void markConversationReadAction(orderId ? { orderId } : {});
  });
  return null;
}
