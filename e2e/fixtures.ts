import { deflateSync } from 'node:zlib';

/** Demo organizer seeded by the e2e server. Overridable until the server publishes its own constants. */
export const E2E_ORGANIZER_EMAIL = process.env.E2E_ORGANIZER_EMAIL ?? 'organizer@craftmatch.example';
export const E2E_ORGANIZER_PASSWORD = process.env.E2E_ORGANIZER_PASSWORD ?? 'Organizer-2026!';

/** Each run owns its data: unique names and addresses. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Bát Tràng demo exhibitor: its company is approved, so its products can be published. */
export const E2E_EXHIBITOR_EMAIL = process.env.E2E_EXHIBITOR_EMAIL ?? 'battrang@craftmatch.example';
export const E2E_EXHIBITOR_PASSWORD = process.env.E2E_EXHIBITOR_PASSWORD ?? 'Exhibitor-2026!';

/** Anna, the demo buyer from Berlin (Nordhaus Interiors), with wishes and meetings at the live fair. */
export const E2E_BUYER_EMAIL = process.env.E2E_BUYER_EMAIL ?? 'anna@nordhaus.example';
export const E2E_BUYER_PASSWORD = process.env.E2E_BUYER_PASSWORD ?? 'Buyer-2026-Berlin!';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A real PNG (8-bit RGB, a lacquer-red to rattan gradient), encoded here so the test needs no image
 * library. The server decodes and re-encodes uploads, so it must be a genuine image.
 */
export function makePng(width = 64, height = 64): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1); // each row starts with filter type 0
    for (let x = 0; x < width; x++) {
      rows[row + 1 + x * 3] = 0x9b;
      rows[row + 2 + x * 3] = 0x22 + Math.round((x / width) * 0x60);
      rows[row + 3 + x * 3] = 0x26 + Math.round((y / height) * 0x40);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
