import { FreshRead, SearchCache } from './search-cache';

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

describe('FreshRead', () => {
  it('never answers a call with a read sent before it; calls made meanwhile share the next read', async () => {
    let sent = 0;
    const release: (() => void)[] = [];
    const reader = new FreshRead(
      () =>
        new Promise<number>((resolve) => {
          const n = ++sent;
          release.push(() => resolve(n));
        }),
    );
    const a = reader.read(); // sends read 1
    const b = reader.read(); // read 1 is under way: waits for read 2
    const c = reader.read(); // shares read 2
    expect(sent).toBe(1);
    release[0]();
    expect(await a).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toBe(2);
    release[1]();
    expect([await b, await c]).toEqual([2, 2]);
    const d = reader.read(); // nothing under way: sends read 3 at once
    expect(sent).toBe(3);
    release[2]();
    expect(await d).toBe(3);
  });

  it('a failed read fails its callers only; the next call reads again', async () => {
    let calls = 0;
    const reader = new FreshRead(async () => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
      return 'v2';
    });
    await expect(reader.read()).rejects.toThrow('connection lost');
    await expect(reader.read()).resolves.toBe('v2');
    expect(calls).toBe(2);
  });
});
