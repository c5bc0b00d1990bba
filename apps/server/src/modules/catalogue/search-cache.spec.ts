import { SearchCache } from './search-cache';

describe('SearchCache', () => {
  it('forgets the least recently used entry and expired ones', () => {
    let now = 0;
    const cache = new SearchCache<number>(2, 1000, () => now);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    now = 1500;
    expect(cache.get('c')).toBeUndefined();
  });

  it('computes once for concurrent callers', async () => {
    const cache = new SearchCache<number>(10, 1000);
    let calls = 0;
    const compute = async () => {
      calls++;
      return 42;
    };
    const [x, y] = await Promise.all([cache.through('k', compute), cache.through('k', compute)]);
    expect([x, y, calls]).toEqual([42, 42, 1]);
  });
});
