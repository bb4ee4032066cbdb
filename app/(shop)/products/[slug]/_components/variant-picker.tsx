'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useOptimistic, useTransition } from 'react';
import { optionDimensions, variantAfterChange, type PickerVariant } from '@/components/shop/variant-options';

interface Labels {
  size: string;
  colour: string;
  option: string;
  show: string;
  soldOut: string;
  /** Display name of each colour value (translated). */
  colors: Record<string, string>;
  /** Label of each variant for the single list (e.g. "42 · Black"). */
  variantLabels: Record<number, string>;
}

/**
 * Native radio groups, so arrow keys and screen readers work as they should. A choice replaces the
 * URL with ?variant=<id> (shareable; the server renders price and stock for it). Without JavaScript
 * the form submits the same choice as a GET with the "Show" button.
 */
export function VariantPicker({
  variants,
  selectedId,
  labels,
}: {
  variants: PickerVariant[];
  selectedId: number;
  labels: Labels;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [, startTransition] = useTransition();
  const [shownId, setShownId] = useOptimistic(selectedId);
  const current = variants.find((v) => v.id === shownId) ?? variants[0];
  const { sizes, colors } = optionDimensions(variants);

  function choose(next: PickerVariant | undefined) {
    if (!next || next.id === current.id) return;
    startTransition(() => {
      setShownId(next.id);
      router.replace(`${pathname}?variant=${next.id}`, { scroll: false });
    });
  }

  const twoDimensions = sizes.length > 0 && colors.length > 0;
  return (
    <form method="get" action={pathname} className="space-y-5">
      {twoDimensions ? (
        <>
          <OptionGroup
            legend={labels.size}
            name="size"
            options={sizes.map((size) => {
              const target = variantAfterChange(variants, current, { size });
              return {
                value: size,
                label: size,
                soldOut: !target || target.soldOut,
                checked: current.size === size,
                onChoose: () => choose(target),
              };
            })}
            soldOutText={labels.soldOut}
          />
          <OptionGroup
            legend={labels.colour}
            name="color"
            options={colors.map((color) => {
              const target = variantAfterChange(variants, current, { color });
              return {
                value: color,
                label: labels.colors[color] ?? color,
                soldOut: !target || target.soldOut,
                checked: current.color === color,
                onChoose: () => choose(target),
              };
            })}
            soldOutText={labels.soldOut}
          />
        </>
      ) : (
        <OptionGroup
          legend={sizes.length ? labels.size : colors.length ? labels.colour : labels.option}
          name="variant"
          options={variants.map((v) => ({
            value: String(v.id),
            label: labels.variantLabels[v.id],
            soldOut: v.soldOut,
            checked: v.id === current.id,
            onChoose: () => choose(v),
          }))}
          soldOutText={labels.soldOut}
        />
      )}
      <noscript>
        <button
          type="submit"
          className="h-11 rounded-lg bg-white px-4 text-sm font-medium ring-1 ring-stone-300"
        >
          {labels.show}
        </button>
      </noscript>
    </form>
  );
}

interface Option {
  value: string;
  label: string;
  soldOut: boolean;
  checked: boolean;
  onChoose: () => void;
}

function OptionGroup({
  legend,
  name,
  options,
  soldOutText,
}: {
  legend: string;
  name: string;
  options: Option[];
  soldOutText: string;
}) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-stone-700">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((option) => (
          <label key={option.value} className="relative">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.checked}
              onChange={option.onChoose}
              // Transparent over the whole chip: the click lands on the radio itself.
              className="peer absolute inset-0 z-10 size-full cursor-pointer appearance-none opacity-0"
            />
            <span
              className={`inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg bg-white px-3 text-sm font-medium ring-1 ring-stone-300 transition select-none peer-checked:bg-stone-900 peer-checked:text-white peer-checked:ring-stone-900 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-hover:ring-stone-500 ${
                option.soldOut
                  ? 'text-stone-400 line-through decoration-stone-400 peer-checked:text-stone-300'
                  : 'text-stone-800'
              }`}
            >
              {option.label}
              {option.soldOut && <span className="sr-only"> ({soldOutText})</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
