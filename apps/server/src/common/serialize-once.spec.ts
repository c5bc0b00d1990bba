import { replyJson, serializeOnce } from './serialize-once';

describe('serializeOnce / replyJson', () => {
  it('answers a value serialised once with the JSON it had, and freezes it all the way down', () => {
    const fair = serializeOnce({ id: 'f1', days: [{ date: '2026-12-01' }], halls: [], address: null });
    expect(replyJson(fair)).toBe('{"id":"f1","days":[{"date":"2026-12-01"}],"halls":[],"address":null}');
    expect(Object.isFrozen(fair)).toBe(true);
    expect(Object.isFrozen(fair.days)).toBe(true);
    expect(Object.isFrozen(fair.days[0])).toBe(true);
    expect(() => {
      (fair.days[0] as { date: string }).date = '2026-12-02';
    }).toThrow(TypeError);
    expect(replyJson(fair)).toBe(JSON.stringify(fair));
  });

  it('serialises anything else as JSON.stringify does, an equal copy included', () => {
    const fair = serializeOnce({ id: 'f1', venue: 'SECC' });
    const copy = { ...fair, venue: 'I.C.E.' };
    expect(replyJson(copy)).toBe('{"id":"f1","venue":"I.C.E."}');
    for (const value of [{ a: 1 }, [1, 'x'], 'text', 42, null, { nested: { deep: [true] } }])
      expect(replyJson(value)).toBe(JSON.stringify(value));
  });
});
