import { randomUUID } from 'node:crypto';
import { CheckinCodes } from './checkin-codes';

describe('CheckinCodes', () => {
  const codes = new CheckinCodes('a-test-secret-of-enough-length-0123456789');
  const id = randomUUID();

  it('round-trips the meeting id and side in 43 URL-safe characters', () => {
    const code = codes.encode(id, 'exhibitor');
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codes.decode(code)).toEqual({ meetingId: id, side: 'exhibitor' });
    expect(codes.decode(codes.encode(id, 'buyer'))).toEqual({ meetingId: id, side: 'buyer' });
    expect(codes.encode(id, 'buyer')).not.toBe(code);
  });

  it('reads a pasted check-in link', () => {
    const code = codes.encode(id, 'buyer');
    expect(codes.decode(`https://fair.example/checkin/${code}`)).toEqual({ meetingId: id, side: 'buyer' });
  });

  it('refuses tampered, foreign and malformed codes', () => {
    const code = codes.encode(id, 'buyer');
    const flipped = code.slice(0, 10) + (code[10] === 'A' ? 'B' : 'A') + code.slice(11);
    expect(codes.decode(flipped)).toBeNull();
    expect(new CheckinCodes('another-secret-another-secret-0123456').decode(code)).toBeNull();
    expect(codes.decode('')).toBeNull();
    expect(codes.decode('not a code')).toBeNull();
    expect(codes.decode(code + 'A')).toBeNull();
  });
});
