import type { ReactNode } from 'react';

export interface ChatLogItem {
  id: string | number;
  /** Right-aligned (written by whoever looks at the log) or left (the other side). */
  side: 'mine' | 'theirs';
  /** A note (staff record) looks different from a message. */
  tone?: 'message' | 'note';
  /** Who, shown above the text. */
  author: ReactNode;
  /** ISO time for <time>, and how to show it. */
  at: string;
  atLabel: string;
  /** Plain text: rendered as text (React escapes it), line breaks kept — never as HTML. */
  body: string;
  /** Small print under the text (e.g. "About order W-100042", "Seen"). */
  meta?: ReactNode;
  /** Marks an item the viewer has not seen before. */
  highlight?: ReactNode;
}

const BUBBLE = {
  mine: 'ml-auto bg-brand-600 text-white rounded-br-md',
  theirs: 'mr-auto bg-white text-stone-900 ring-1 ring-stone-200 rounded-bl-md',
  note: 'mx-auto w-full border-2 border-dashed border-amber-300 bg-amber-50 text-amber-950',
};

/**
 * A conversation as a chat log (`role="log"`: new entries are announced politely). The scroll area
 * starts at its end by laying out in reverse (no script needed); the reading order stays oldest first.
 */
export function ChatLog({
  items,
  label,
  empty,
  maxHeightClass = 'max-h-[28rem]',
}: {
  items: ChatLogItem[];
  label: string;
  empty: string;
  maxHeightClass?: string;
}) {
  return (
    <div
      className={`flex flex-col-reverse overflow-y-auto overscroll-contain rounded-xl bg-stone-50 p-3 ${maxHeightClass}`}
    >
      {/* The log is a region that wraps the list: role="log" on the <ol> itself would take away its list semantics. */}
      <div role="log" aria-label={label}>
        <ol className="flex flex-col gap-3">
          {items.length === 0 && <li className="py-6 text-center text-sm text-stone-500">{empty}</li>}
          {items.map((item) => {
            const bubble = item.tone === 'note' ? BUBBLE.note : BUBBLE[item.side];
            return (
              <li
                key={item.id}
                className={`flex flex-col ${item.tone === 'note' ? 'w-full' : item.side === 'mine' ? 'ml-auto max-w-[85%] items-end' : 'mr-auto max-w-[85%] items-start'}`}
              >
                <p className="mb-1 flex flex-wrap items-center gap-x-2 px-1 text-xs text-stone-600">
                  <span className="font-semibold text-stone-800">{item.author}</span>
                  <time dateTime={item.at}>{item.atLabel}</time>
                  {item.highlight}
                </p>
                <div
                  className={`rounded-2xl px-3.5 py-2.5 text-base leading-relaxed break-words whitespace-pre-wrap ${bubble}`}
                >
                  {item.body}
                </div>
                {item.meta && <p className="mt-1 px-1 text-xs text-stone-500">{item.meta}</p>}
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
