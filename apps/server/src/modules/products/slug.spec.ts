import { nextFreeSlug, slugify } from './slug';

describe('product slugs', () => {
  it('strips Vietnamese diacritics, including đ', () => {
    expect(slugify('Bình gốm men rạn Bát Tràng')).toBe('binh-gom-men-ran-bat-trang');
    expect(slugify('Đèn lồng Hội An')).toBe('den-long-hoi-an');
  });

  it('joins words with single dashes and trims them', () => {
    expect(slugify('  Rattan   basket — 30 cm / set of 3! ')).toBe('rattan-basket-30-cm-set-of-3');
  });

  it('falls back when nothing is left, and stays short', () => {
    expect(slugify('★★★')).toBe('product');
    const long = slugify('a'.repeat(50) + ' ' + 'b'.repeat(50));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
  });

  it('adds the first free numeric suffix', () => {
    expect(nextFreeSlug('vase', [])).toBe('vase');
    expect(nextFreeSlug('vase', ['vase', 'vase-2', 'vase-4'])).toBe('vase-3');
  });
});
