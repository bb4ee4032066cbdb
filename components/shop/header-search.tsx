'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useId, useState } from 'react';

interface Suggestion {
  slug: string;
  name: string;
  brand: string;
}

export interface HeaderSearchLabels {
  label: string;
  placeholder: string;
  submit: string;
  suggestions: string;
  /** "Did you mean “{query}”?" with the placeholder left in. */
  didYouMean: string;
}

const DEBOUNCE_MS = 150;

/** The header search, showing the listing's current query (?q=) in its box. */
export function HeaderSearch({ labels }: { labels: HeaderSearchLabels }) {
  const pathname = usePathname();
  const params = useSearchParams();
  return <SearchCombobox labels={labels} pathname={pathname} current={pathname === '/products' ? (params.get('q') ?? '') : ''} />;
}

/** The same box before the search params are known (the Suspense fallback of HeaderSearch). */
export function HeaderSearchFallback({ labels }: { labels: HeaderSearchLabels }) {
  return <SearchCombobox labels={labels} pathname={usePathname()} current="" />;
}

/**
 * The shop header's search: a plain GET form to /products?q= (works without JavaScript), enhanced into
 * an ARIA 1.2 combobox with a list of suggested products (arrow keys, Enter, Escape).
 */
function SearchCombobox({ labels, pathname, current }: { labels: HeaderSearchLabels; pathname: string; current: string }) {
  const router = useRouter();
  const [query, setQuery] = useState(current);
  // Suggestions belong to the query they were fetched for; a stale answer is never shown.
  const [result, setResult] = useState<{ q: string; items: Suggestion[]; didYouMean: string | null }>({ q: '', items: [], didYouMean: null });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();

  // A new page (this search submitted, a suggestion followed) closes the list; when it carries another
  // query, the box shows that one. A page with the same query (e.g. "All products" clicked while typing)
  // keeps what was typed. Adjusted while rendering, not in an effect
  // (https://react.dev/learn/you-might-not-need-an-effect).
  const [page, setPage] = useState({ pathname, current });
  if (page.pathname !== pathname || page.current !== current) {
    if (page.current !== current) setQuery(current);
    setPage({ pathname, current });
    setOpen(false);
    setActive(-1);
  }

  const trimmed = query.trim();
  const wanted = trimmed.length >= 2 && trimmed !== current;
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/search/suggestions?q=${encodeURIComponent(trimmed)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { items: [], didYouMean: null }))
        .then((body: { items: Suggestion[]; didYouMean: string | null }) => {
          setResult({ q: trimmed, ...body });
          setActive(-1);
        })
        .catch(() => {}); // aborted by the next keystroke, or offline: the form still works
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, wanted]);

  const items = wanted && result.q === trimmed ? result.items : [];
  const didYouMean = wanted && result.q === trimmed ? result.didYouMean : null;
  const expanded = open && items.length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;

  function go(slug: string) {
    setOpen(false);
    router.push(`/products/${slug}`);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && items.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % items.length);
    } else if (event.key === 'ArrowUp' && items.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
    } else if (event.key === 'Escape') {
      if (expanded) event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      go(items[active].slug);
    }
  }

  return (
    <form
      role="search"
      action="/products"
      className="relative flex w-full gap-2 sm:w-72 lg:w-80"
      onSubmit={() => setOpen(false)}
    >
      <label htmlFor={`${listId}-input`} className="sr-only">
        {labels.label}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        name="q"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        value={query}
        maxLength={100}
        placeholder={labels.placeholder}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // Late enough for a click on an option to land first.
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onKeyDown={onKeyDown}
        className="block h-10 w-full min-w-0 rounded-lg border-0 bg-stone-100 px-3 text-base text-stone-900 ring-1 ring-stone-300 placeholder:text-stone-500 focus:bg-white focus:ring-2 focus:ring-brand-600 focus:outline-none sm:text-sm"
      />
      <button
        type="submit"
        className="h-10 shrink-0 rounded-lg bg-stone-900 px-3 text-sm font-medium text-white hover:bg-stone-800"
      >
        {labels.submit}
      </button>
      <div
        className={`absolute top-full right-0 left-0 z-40 mt-1 overflow-hidden rounded-lg bg-white shadow-lg ring-1 ring-stone-200 ${expanded ? '' : 'hidden'}`}
      >
        {didYouMean && (
          <p className="border-b border-stone-100 px-3 py-2 text-sm text-stone-600">
            {labels.didYouMean.replace('{query}', didYouMean)}
          </p>
        )}
        <ul id={listId} role="listbox" aria-label={labels.suggestions}>
          {items.map((item, i) => (
            <li
              key={item.slug}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()} // keep focus in the input
              onClick={() => go(item.slug)}
              className={`flex min-h-11 cursor-pointer flex-col justify-center px-3 py-1.5 text-sm ${i === active ? 'bg-brand-50' : 'hover:bg-stone-50'}`}
            >
              <span className="font-medium text-stone-900">{item.name}</span>
              <span className="text-xs text-stone-600">{item.brand}</span>
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}
