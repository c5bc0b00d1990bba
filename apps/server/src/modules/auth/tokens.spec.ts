import { createHash } from 'node:crypto';
import { hashToken, isTokenShape, newToken } from './tokens';

describe('tokens', () => {
  it('makes 43-character URL-safe tokens that never repeat', () => {
    const tokens = Array.from({ length: 200 }, newToken);
    expect(new Set(tokens).size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(isTokenShape(token)).toBe(true);
    }
  });

  it('hashes with SHA-256 into the 64 hex characters the char(64) columns hold', () => {
    const token = newToken();
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toBe(hashToken(newToken()));
  });

  it('rejects anything not shaped like a token before it reaches the database', () => {
    for (const value of [
      undefined,
      null,
      42,
      '',
      'short',
      `${'a'.repeat(42)}=`,
      'a'.repeat(44),
      `${'a'.repeat(42)} `,
    ]) {
      expect(isTokenShape(value)).toBe(false);
    }
  });
});
