import { parseRevocation } from './revocation-listener';

describe('parseRevocation', () => {
  it('reads the payloads the triggers send, and nothing else', () => {
    const id = '3f2b6c1e-9a4d-4c2b-8e1f-0a1b2c3d4e5f';
    expect(parseRevocation(`s:${id}`)).toEqual({ kind: 'session', id });
    expect(parseRevocation(`u:${id.toUpperCase()}`)).toEqual({ kind: 'user', id });
    for (const payload of [undefined, '', id, `x:${id}`, `s:${id}x`, 's:not-a-uuid'])
      expect(parseRevocation(payload)).toBeNull();
  });
});
