import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { MeetingDetail } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { MeetingLinkPage } from '../pages/MeetingLinkPage';

const fetchMock = jest.fn();
beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});
beforeEach(() => fetchMock.mockReset());

const meeting = (status: MeetingDetail['status']) =>
  ({ id: 'm1', fairId: 'fair-1', status }) as unknown as MeetingDetail;

const routes = (
  <Routes>
    <Route path="/meetings/:id" element={<MeetingLinkPage />} />
    <Route path="/agenda/:fairId" element={<p>agenda page</p>} />
    <Route path="/meetings" element={<p>inbox page</p>} />
  </Routes>
);

describe("a meeting's link (from its e-mails)", () => {
  it.each([
    ['accepted', 'agenda page'],
    ['held', 'agenda page'],
    ['requested', 'inbox page'],
    ['declined', 'inbox page'],
  ] as const)('a meeting %s opens the %s', async (status, page) => {
    fetchMock.mockResolvedValue(jsonResponse(200, meeting(status)));
    renderWithProviders(routes, { route: '/meetings/m1' });
    expect(await screen.findByText(page)).toBeTruthy();
    expect(String(fetchMock.mock.calls[0][0])).toContain('/api/meetings/m1');
  });

  it("shows the API's refusal in the reader's language", async () => {
    await i18n.changeLanguage('vi');
    fetchMock.mockResolvedValue(jsonResponse(404, { code: 'NOT_FOUND', message: 'Không tìm thấy.' }));
    renderWithProviders(routes, { route: '/meetings/m2' });
    expect(await screen.findByText('Không tìm thấy.')).toBeTruthy();
    expect(screen.queryByText('inbox page')).toBeNull();
    await i18n.changeLanguage('en');
  });
});
