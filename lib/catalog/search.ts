/**
 * An ILIKE pattern that matches `term` anywhere, with the user's own `%`, `_` and `\` taken literally
 * (otherwise a search for "50%" would match everything).
 */
export function likePattern(term: string): string {
  return `%${term.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** "42 / black" from a variant's size and colour; '' when it has neither. */
export function variantLabel(v: { size: string | null; color: string | null }): string {
  return [v.size, v.color].filter((part): part is string => !!part).join(' / ');
}
