import { useTranslations } from 'next-intl';
import { MessageComposer } from '@/components/ui/message-composer';
import { addThreadNoteAction } from '@/lib/conversations/actions';
import { MESSAGE_MAX, NOTE_CHANNELS } from '@/lib/conversations/schemas';

/**
 * "Add note": what was said on the phone or in the shop, for the staff's record (the customer does not
 * see it). In a thread, or for a customer without one yet (the note starts it).
 */
export function ConversationNoteForm({
  target,
  size = 'lg',
}: {
  target: { threadId: string } | { customerId: number };
  size?: 'md' | 'lg';
}) {
  const t = useTranslations('conversations');
  const hidden: Record<string, string> = 'threadId' in target ? { threadId: target.threadId } : { customerId: String(target.customerId) };
  return (
    <section aria-labelledby="note-title" className="rounded-2xl bg-amber-50/60 p-4 ring-1 ring-amber-200">
      <h3 id="note-title" className="text-lg font-semibold">
        {t('staff.noteTitle')}
      </h3>
      <p className="mb-3 text-sm text-stone-600">{t('staff.noteHint')}</p>
      <MessageComposer
        action={addThreadNoteAction}
        hidden={hidden}
        max={MESSAGE_MAX}
        label={t('staff.note_body')}
        submitLabel={t('staff.addNote')}
        pendingLabel={t('form.sending')}
        size={size}
        rows={2}
        idPrefix="note"
      >
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-stone-800">{t('staff.noteKind')}</legend>
          <div className="flex flex-wrap gap-2">
            {NOTE_CHANNELS.map((channel, i) => (
              <label
                key={channel}
                className={`inline-flex cursor-pointer items-center gap-2 rounded-lg bg-white px-4 font-medium ring-1 ring-stone-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600 ${size === 'lg' ? 'min-h-12 text-base' : 'min-h-11 text-sm'}`}
              >
                <input type="radio" name="channel" value={channel} defaultChecked={i === 0} className="size-5 accent-brand-600" />
                {t(`channels.${channel}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </MessageComposer>
    </section>
  );
}
