// The catalogue's filters, apart from their panel: the panel (number inputs, village and currency
// lists) is loaded after the page's first paint.
export interface CatalogueFilters {
  category: string | null;
  village: string | null;
  province: string | null;
  certification: string | null;
  moqMax: string | null;
  priceMin: string | null;
  priceMax: string | null;
  currency: string | null;
}

export const FILTER_NAMES: (keyof CatalogueFilters)[] = [
  'category',
  'village',
  'province',
  'certification',
  'moqMax',
  'priceMin',
  'priceMax',
  'currency',
];
