'use client';

import { useWhenVisible } from '@/components/ui/use-when-visible';
import { markThreadReadAction } from '@/lib/conversations/actions';

/** Marks the customer's messages as read by staff once the thread is on screen. */
export function ConversationStaffSeen({ threadId, token }: { threadId: string; token: string }) {
  useWhenVisible(token, () => {
    void markThreadReadAction({ threadId });
  });
  return null;
}
