import { pickLanguage } from './locales';
import { isStrongPassword } from './api/auth';

describe('pickLanguage', () => {
  it('picks the highest-ranked supported language', () => {
    expect(pickLanguage('fr-FR,vi;q=0.8,en;q=0.5')).toBe('vi');
    expect(pickLanguage('en-GB,en;q=0.9,vi;q=0.8')).toBe('en');
    expect(pickLanguage('de')).toBe('en');
    expect(pickLanguage(undefined, 'vi')).toBe('vi');
  });
});

describe('isStrongPassword', () => {
  it('rejects short, single-class and obvious passwords', () => {
    expect(isStrongPassword('short1!')).toBe(false);
    expect(isStrongPassword('onlyletterslong')).toBe(false);
    expect(isStrongPassword('password123')).toBe(false);
    expect(isStrongPassword('aaaaaaaaaa1')).toBe(false);
    expect(isStrongPassword('Lan-anh.Gom2024', ['lan-anh@example.vn'])).toBe(true);
  });
  it('rejects passwords containing the e-mail name', () => {
    expect(isStrongPassword('nguyenvan2024!', ['nguyenvan'])).toBe(false);
  });
});
