import { createHmac, timingSafeEqual } from 'node:crypto';

export type Side = 'buyer' | 'exhibitor';

const SIDE_BYTE: Record<Side, number> = { buyer: 0x62, exhibitor: 0x65 };
const MAC_BYTES = 15;

/**
 * Check-in codes: the meeting id and one side, signed with a key derived from the server secret, in 43
 * URL-safe characters (32 bytes, base64url) so the QR stays small. Every instance sharing the secret
 * reads every code; nothing is stored, and a code cannot be forged for another meeting or side.
 */
export class CheckinCodes {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('craftmatch:meeting-checkin:v1').digest();
  }

  encode(meetingId: string, side: Side): string {
    const body = Buffer.concat([uuidBytes(meetingId), Buffer.from([SIDE_BYTE[side]])]);
    return Buffer.concat([body, this.mac(body)]).toString('base64url');
  }

  /** The meeting and side a code names, or null when it is malformed or not ours. */
  decode(input: string): { meetingId: string; side: Side } | null {
    // a pasted link works as well as the bare code
    const code = input.includes('/checkin/') ? input.slice(input.lastIndexOf('/checkin/') + 9) : input;
    if (!/^[A-Za-z0-9_-]{43}$/.test(code)) return null;
    const raw = Buffer.from(code, 'base64url');
    if (raw.length !== 17 + MAC_BYTES) return null;
    const body = raw.subarray(0, 17);
    if (!timingSafeEqual(raw.subarray(17), this.mac(body))) return null;
    const side =
      body[16] === SIDE_BYTE.buyer ? 'buyer' : body[16] === SIDE_BYTE.exhibitor ? 'exhibitor' : null;
    if (!side) return null;
    return { meetingId: uuidString(body.subarray(0, 16)), side };
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, MAC_BYTES);
  }
}

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function uuidString(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
