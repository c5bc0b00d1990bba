import { FieldErrorCode, type CatalogueSort } from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';

/** A query word and the known words it may be a typo of. Words hold only [a-z0-9]. */
export interface QueryWord {
  word: string;
  fuzzy: string[];
}

const SAFE_WORD = /^[a-z0-9]+$/;
export const MAX_QUERY_WORDS = 8;

/**
 * `to_tsquery('simple', …)` text: every word must match, as a prefix, or as one of the known words
 * it is close to by trigrams. Built only from [a-z0-9] words, so no operator can be injected.
 */
export function buildTsQuery(words: QueryWord[]): string | null {
  const parts = words
    .filter((w) => SAFE_WORD.test(w.word))
    .slice(0, MAX_QUERY_WORDS)
    .map((w) => {
      const alternatives = [`${w.word}:*`, ...w.fuzzy.filter((f) => SAFE_WORD.test(f) && f !== w.word)];
      return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' | ')})`;
    });
  return parts.length ? parts.join(' & ') : null;
}

export interface Cursor {
  /** the sort it belongs to */
  s: string;
  /** the sort key as PostgreSQL printed it; null when the order has no key but the id */
  k: string | null;
  i: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Opaque to clients; a tampered or foreign cursor is a field error, never a SQL error. */
export function decodeCursor(raw: string | undefined, sort: string): Cursor | null {
  if (!raw) return null;
  const invalid = () => DomainError.validation({ cursor: FieldErrorCode.INVALID_VALUE });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const c = parsed as Partial<Cursor> | null;
  if (
    !c ||
    typeof c !== 'object' ||
    c.s !== sort ||
    typeof c.i !== 'string' ||
    !UUID.test(c.i) ||
    !(c.k === null || (typeof c.k === 'string' && c.k.length <= 100))
  ) {
    throw invalid();
  }
  return { s: c.s, k: c.k, i: c.i };
}

/** The effective order: relevance needs a query. */
export function effectiveSort(sort: CatalogueSort | undefined, hasQuery: boolean): CatalogueSort {
  if (!sort) return hasQuery ? 'relevance' : 'newest';
  if (sort === 'relevance' && !hasQuery) return 'newest';
  return sort;
}
