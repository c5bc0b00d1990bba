import { sniffMime } from './magic-bytes';

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

describe('sniffMime', () => {
  it('recognises JPEG, PNG, WebP and PDF by their signatures', () => {
    expect(sniffMime(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'))).toBe('image/jpeg');
    expect(sniffMime(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'IHDR'))).toBe('image/png');
    expect(sniffMime(bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffMime(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses other types, whatever they are named', () => {
    expect(sniffMime(Buffer.from('just some text pretending to be photo.jpg'))).toBeNull();
    expect(sniffMime(bytes('GIF89a', 1, 0, 1, 0))).toBeNull();
    expect(sniffMime(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffMime(bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt '))).toBeNull();
    expect(sniffMime(bytes('PK', 3, 4))).toBeNull();
  });

  it('refuses truncated signatures and empty input', () => {
    expect(sniffMime(new Uint8Array())).toBeNull();
    expect(sniffMime(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffMime(bytes(0x89, 'PNG', 0x0d, 0x0a))).toBeNull();
    expect(sniffMime(bytes('RIFF', 0x24, 0, 0))).toBeNull();
  });
});
