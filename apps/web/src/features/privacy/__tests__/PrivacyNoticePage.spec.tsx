import { screen } from '@testing-library/react';
import { PRIVACY_NOTICE_VERSION } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders } from '../../../test/render';
import { PrivacyNoticePage } from '../pages/PrivacyNoticePage';

describe('PrivacyNoticePage', () => {
  it.each([
    ['vi', 'Thông báo về quyền riêng tư', 'Quyền của bạn', /Nghị định 13\/2023/],
    ['en', 'Privacy notice', 'Your rights', /Decree 13\/2023/],
  ])('in %s, shows the notice with its version, sections and rights', async (lng, title, rights, law) => {
    await i18n.changeLanguage(lng);
    renderWithProviders(<PrivacyNoticePage />, { route: '/privacy' });
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect(screen.getByText(new RegExp(PRIVACY_NOTICE_VERSION))).toBeTruthy();
    expect(screen.getByRole('heading', { name: rights })).toBeTruthy();
    expect(screen.getByText(law)).toBeTruthy();
    // the lists of a section are rendered, not their keys
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(9);
    expect(screen.queryByText(/notice\.sections/)).toBeNull();
  });
});
