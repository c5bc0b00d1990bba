import { buildTsQuery, decodeCursor, effectiveSort, encodeCursor } from './search-query';

describe('catalogue search query', () => {
  it('builds a prefix tsquery, widening unknown words to their trigram neighbours', () => {
    expect(
      buildTsQuery([
        { word: 'bat', fuzzy: [] },
        { word: 'trang', fuzzy: [] },
      ]),
    ).toBe('bat:* & trang:*');
    expect(buildTsQuery([{ word: 'rattn', fuzzy: ['rattan', 'rattn'] }])).toBe('(rattn:* | rattan)');
    expect(buildTsQuery([])).toBeNull();
  });

  it('drops anything that could be a tsquery operator', () => {
    expect(
      buildTsQuery([
        { word: "a'|!b", fuzzy: [] },
        { word: 'gom', fuzzy: ['x&y'] },
      ]),
    ).toBe('gom:*');
  });

  it('round-trips a cursor and refuses a foreign or tampered one', () => {
    const id = '0b6f7c1e-9a0a-4c3e-8a77-2f7f1b1e2a10';
    const raw = encodeCursor({ s: 'newest', k: '2026-11-27 02:00:00.123456+00', i: id });
    expect(decodeCursor(raw, 'newest')).toEqual({ s: 'newest', k: '2026-11-27 02:00:00.123456+00', i: id });
    expect(() => decodeCursor(raw, 'price_asc')).toThrow();
    expect(() => decodeCursor('not-json', 'newest')).toThrow();
    expect(() => decodeCursor(encodeCursor({ s: 'newest', k: null, i: 'x; DROP' }), 'newest')).toThrow();
    expect(decodeCursor(undefined, 'newest')).toBeNull();
  });

  it('falls back to newest when relevance has nothing to rank', () => {
    expect(effectiveSort(undefined, false)).toBe('newest');
    expect(effectiveSort(undefined, true)).toBe('relevance');
    expect(effectiveSort('relevance', false)).toBe('newest');
    expect(effectiveSort('price_desc', true)).toBe('price_desc');
  });
});
