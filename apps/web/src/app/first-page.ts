import { matchPath } from 'react-router';
import type { CatalogueProductPage, PublicProduct } from '@craftmatch/shared';
import { publicProductQuery } from '../features/catalogue/api/get-product';
import { searchProductsQuery } from '../features/catalogue/api/search-products';
import { i18nReady } from '../lib/i18n';
import { queryClient } from '../lib/query-client';
import { preloadMatches, type createRouter } from './router';

type Place = Pick<Location, 'pathname' | 'search'>;

/**
 * What the boot script (vite.config.ts, earlyStart) asked for before the app arrived: the answer
 * of `url`, or null when it failed (the page then asks again, and reports the error).
 */
interface EarlyData {
  url: string;
  data: Promise<unknown>;
}

/** The boot script's answer for `url`, taken once; otherwise asks the API itself. */
function early<T>(url: string, ask: () => Promise<T>): () => Promise<T> {
  const handed = (window as { __craftmatchEarly?: EarlyData }).__craftmatchEarly;
  if (handed?.url !== url) return ask;
  delete (window as { __craftmatchEarly?: EarlyData }).__craftmatchEarly;
  return () => handed.data.then((data) => (data === null ? ask() : (data as T)));
}

/**
 * The data of the public catalogue and product pages (the pages QR codes and links lead to), asked
 * for now rather than once their code has arrived and rendered. Resolves when it is there or has
 * failed (the page then asks again and shows the error).
 */
function prefetchData({ pathname, search }: Place): Promise<unknown> | null {
  const slug = matchPath('/p/:slug', pathname)?.params.slug;
  if (slug) {
    const options = publicProductQuery(slug);
    const { queryFn } = options;
    const url = `/api/catalogue/products/${encodeURIComponent(slug)}`;
    return queryClient
      .fetchQuery({
        ...options,
        queryFn: (context) => early<PublicProduct>(url, async () => queryFn!(context))(),
      })
      .catch(() => undefined);
  }
  // The catalogue as first opened (a search or filters in the URL are asked for by the page).
  if (matchPath('/catalogue', pathname) && !search) {
    const options = searchProductsQuery({});
    const { queryFn } = options;
    return queryClient
      .fetchInfiniteQuery({
        ...options,
        queryFn: (context) =>
          early<CatalogueProductPage>('/api/catalogue/products', async () => queryFn!(context))(),
      })
      .catch(() => undefined);
  }
  return null;
}

/**
 * Everything the first page needs before it can show: the language's texts, the code of its layout
 * and page, and for the public pages their data, all fetched in parallel (the boot script started
 * most of it already). Rendering once they are there draws the page in one go (no loaders, no
 * layout shifts) while the static shell of index.html stays on screen. Never rejects: whatever
 * failed is asked for again, and reported, by the page.
 */
export function loadFirstPage(router: Pick<ReturnType<typeof createRouter>, 'state'>) {
  const { location, matches } = router.state;
  return Promise.allSettled([i18nReady, preloadMatches(matches), prefetchData(location)]);
}
