import { matchPath } from 'react-router';

export interface NavMatchable {
  to: string;
  /** highlighted only on exactly `to` */
  end?: boolean;
  /** other route patterns that belong to this item, e.g. '/organizer/fairs/:id/meetings' */
  also?: readonly string[];
}

const segments = (pattern: string) => pattern.split('/').filter(Boolean).length;

/** How deep the item's best matching pattern is, or -1 when none matches. */
function specificity(pathname: string, item: NavMatchable): number {
  const patterns = [item.to, ...(item.also ?? [])];
  return Math.max(
    -1,
    ...patterns.map((path) =>
      matchPath({ path, end: path === item.to ? Boolean(item.end) : false }, pathname) ? segments(path) : -1,
    ),
  );
}

/**
 * The `to` of the one nav item to highlight: the most specific match wins, so the desk pages under
 * /organizer/fairs/:id/… light up their own item rather than the "/organizer/fairs" prefix.
 */
export function activeNavItem(pathname: string, items: readonly NavMatchable[]): string | undefined {
  let best: NavMatchable | undefined;
  let bestScore = -1;
  for (const item of items) {
    const score = specificity(pathname, item);
    if (score > bestScore) {
      best = item;
      bestScore = score;
    }
  }
  return best?.to;
}
