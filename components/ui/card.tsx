import type { ComponentProps } from 'react';

export function Card({ className = '', ...props }: ComponentProps<'div'>) {
  return <div className={`rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200 ${className}`} {...props} />;
}

export function Badge({ tone = 'neutral', className = '', ...props }: ComponentProps<'span'> & { tone?: 'neutral' | 'brand' | 'accent' | 'warning' | 'danger' }) {
  const tones = {
    neutral: 'bg-stone-100 text-stone-700',
    brand: 'bg-brand-100 text-brand-800',
    accent: 'bg-orange-100 text-orange-800',
    warning: 'bg-amber-100 text-amber-900',
    danger: 'bg-red-100 text-red-800',
  };
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ${tones[tone]} ${className}`} {...props} />;
}
