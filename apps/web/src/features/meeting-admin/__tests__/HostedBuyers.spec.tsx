import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { CompanyMember, CompanySummary, Fair } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { HostedBuyersPage } from '../pages/HostedBuyersPage';

jest.setTimeout(30_000);

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const FAIR_ID = '3b7f6c1e-2a4d-4e8f-9b1c-5d6e7f8a9b0c';
const fair = {
  id: FAIR_ID,
  nameVi: 'Hội chợ',
  nameEn: 'Fair',
  timeZone: 'Asia/Ho_Chi_Minh',
  days: [],
  halls: [],
};
const company: CompanySummary = {
  id: 'c0ffee00-0000-4000-8000-000000000001',
  name: 'Nordhaus Interiors GmbH',
  kind: 'buyer',
  status: 'approved',
  statusReason: null,
  countryCode: 'DE',
  createdAt: '2026-10-01T00:00:00.000Z',
  reviewedAt: '2026-10-02T00:00:00.000Z',
  memberCount: 2,
  ownerEmail: 'anna@nordhaus.example',
};
const members: CompanyMember[] = [
  { userId: 'u-anna', email: 'anna@nordhaus.example', fullName: 'Anna Schmidt', role: 'owner', joinedAt: '' },
  {
    userId: 'u-jonas',
    email: 'jonas@nordhaus.example',
    fullName: 'Jonas Weber',
    role: 'staff',
    joinedAt: '',
  },
];

describe('HostedBuyersPage', () => {
  it('sets a registered buyer as hosted and says when a person is not registered for the fair', async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockImplementation(async (url: string, init?: { method?: string; body?: string }) => {
      const path = url.split('?')[0];
      if (path === `/api/organizer/fairs/${FAIR_ID}`) return jsonResponse(200, fair as unknown as Fair);
      if (path === '/api/companies')
        return jsonResponse(200, { items: [company], total: 1, page: 1, pageSize: 10 });
      if (path === `/api/companies/${company.id}/members`) return jsonResponse(200, members);
      if (path === `/api/fairs/${FAIR_ID}/participants/u-anna/hosted` && init?.method === 'PATCH')
        return jsonResponse(200, {
          fairId: FAIR_ID,
          companyId: company.id,
          userId: 'u-anna',
          fullName: 'Anna Schmidt',
          hostedBuyer: JSON.parse(init.body!).hostedBuyer,
        });
      if (path === `/api/fairs/${FAIR_ID}/participants/u-jonas/hosted`)
        return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found.' });
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found.' });
    });
    renderWithProviders(
      <Routes>
        <Route path="/organizer/fairs/:id/buyers" element={<HostedBuyersPage />} />
      </Routes>,
      { route: `/organizer/fairs/${FAIR_ID}/buyers` },
    );

    const item = await screen.findByTestId(`buyer-company-${company.id}`);
    expect(within(item).getByText('Germany · 2 people')).toBeTruthy();
    const companyCall = fetchMock.mock.calls
      .map(([u]) => u as string)
      .find((u) => u.startsWith('/api/companies?'));
    expect(companyCall).toContain('kind=buyer');
    expect(companyCall).toContain('status=approved');

    fireEvent.click(within(item).getByRole('button', { name: /Nordhaus Interiors GmbH/ }));
    const anna = await screen.findByTestId('member-u-anna');
    fireEvent.click(within(anna).getByRole('button', { name: 'Hosted' }));
    await waitFor(() => expect(within(anna).getByText('Hosted buyer')).toBeTruthy());
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH')!;
    expect(JSON.parse(patch[1].body)).toEqual({ hostedBuyer: true });

    const jonas = screen.getByTestId('member-u-jonas');
    fireEvent.click(within(jonas).getByRole('button', { name: 'Hosted' }));
    await waitFor(() =>
      expect(within(jonas).getByRole('alert').textContent).toBe('Not registered for this fair'),
    );
  });
});
