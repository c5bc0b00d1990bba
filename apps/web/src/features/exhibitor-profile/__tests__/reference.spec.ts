import { countryOptions, foldedFilter, foldText, villageOptions } from '../../../lib/reference';

describe('reference options', () => {
  it('folds case and Vietnamese diacritics', () => {
    expect(foldText('BÁT TRÀNG')).toBe('bat trang');
    expect(foldText('Đông Hồ')).toBe('dong ho');
  });

  it('finds villages without diacritics, keeping their province groups', () => {
    const found = foldedFilter({ options: villageOptions('vi'), search: 'bat trang', limit: 50 });
    expect(found).toEqual([{ group: 'Hà Nội', items: [{ value: 'bat-trang', label: 'Bát Tràng' }] }]);
  });

  it('names countries in the UI language', () => {
    expect(countryOptions('vi').find((c) => c.value === 'DE')?.label).toBe('Đức');
    expect(countryOptions('en').find((c) => c.value === 'DE')?.label).toBe('Germany');
  });
});
