import type { PromotionFormValues } from '@/lib/promotions/form-values';

// Types the promotion form and its field groups share (so the field components need not import the form).

export type SetValue = <K extends keyof PromotionFormValues>(key: K, value: PromotionFormValues[K]) => void;
export type FieldErrors = Record<string, string[]> | undefined;

export interface FieldGroupProps {
  values: PromotionFormValues;
  setValue: SetValue;
  errors: FieldErrors;
}
