import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/submit-button';
import { removePromotionCodeAction } from '@/lib/carts/actions';

// A plain form posting the action: the page re-renders without the code, nothing else to show.
const removeCode = removePromotionCodeAction as unknown as (formData: FormData) => Promise<void>;

export function RemoveCodeButton({ code }: { code: string }) {
  const t = useTranslations('shop.cart');
  return (
    <form action={removeCode}>
      <input type="hidden" name="code" value={code} />
      <SubmitButton
        variant="ghost"
        size="sm"
        className="text-stone-600"
        aria-label={t('removeCodeNamed', { code })}
      >
        {t('removeCode')}
      </SubmitButton>
    </form>
  );
}
