import { fireEvent, screen, waitFor } from '@testing-library/react';
import { i18n } from '../lib/i18n';
import { renderWithProviders } from '../test/render';
import { CompanyStatusBadge } from './CompanyStatusBadge';
import { LanguageSwitcher } from './LanguageSwitcher';

beforeEach(async () => {
  localStorage.clear();
  await i18n.changeLanguage('vi');
});

describe('LanguageSwitcher', () => {
  it('switches the interface from Vietnamese to English and remembers it', async () => {
    renderWithProviders(
      <>
        <LanguageSwitcher />
        <CompanyStatusBadge status="approved" data-testid="company-status" />
      </>,
    );
    expect(screen.getByTestId('language-switcher')).toHaveProperty(
      'textContent',
      expect.stringContaining('Tiếng Việt'),
    );
    expect(screen.getByTestId('company-status')).toHaveProperty(
      'textContent',
      expect.stringContaining('Đã duyệt'),
    );
    expect(document.documentElement.lang).toBe('vi');

    fireEvent.click(screen.getByTestId('language-switcher'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'English' }));

    await waitFor(() =>
      expect(screen.getByTestId('company-status')).toHaveProperty(
        'textContent',
        expect.stringContaining('Approved'),
      ),
    );
    expect(screen.getByTestId('language-switcher')).toHaveProperty(
      'textContent',
      expect.stringContaining('English'),
    );
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('craftmatch.language')).toBe('en');
    // Signed out: kept to save on the profile at the next sign-in.
    expect(localStorage.getItem('craftmatch.language.pending')).toBe('en');
  });
});
