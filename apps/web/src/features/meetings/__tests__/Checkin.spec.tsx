import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { CheckinResult, MeetingDetail, MeetingOutcome } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { CheckinPage } from '../pages/CheckinPage';
import { MeetingOutcomePage } from '../pages/MeetingOutcomePage';
import { me } from './inbox-fixtures';

jest.mock('../../../lib/session', () => ({
  useMe: () => ({ data: jest.requireActual('./inbox-fixtures').me, isPending: false }),
}));

const fetchMock = jest.fn();
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  await i18n.changeLanguage('en');
});
beforeEach(() => fetchMock.mockReset());

const result: CheckinResult = {
  meetingId: 'm1',
  fairId: 'f1',
  status: 'held',
  checkedInAt: '2030-03-10T02:03:00.000Z',
  sequence: 3,
  buyerCompanyName: 'Nordhaus Interiors GmbH',
  exhibitorCompanyName: me.company!.name,
  start: '2030-03-10T02:00:00.000Z',
  end: '2030-03-10T02:30:00.000Z',
};

const held = {
  id: 'm1',
  fairId: 'f1',
  status: 'held',
  buyer: {
    companyId: 'c-buy',
    companyName: 'Nordhaus Interiors GmbH',
    userId: 'u-anna',
    fullName: 'Anna Schneider',
  },
  exhibitor: { companyId: 'c-ex', companyName: me.company!.name, userId: me.id, fullName: me.fullName },
  start: result.start,
  end: result.end,
  timeZone: 'Asia/Ho_Chi_Minh',
  proposals: [],
} as unknown as MeetingDetail;

const routes = (
  <Routes>
    <Route path="/checkin/:code" element={<CheckinPage />} />
    <Route path="/meetings/:id/outcome" element={<MeetingOutcomePage />} />
  </Routes>
);

describe('check-in and outcome', () => {
  it("shows the server's refusal of one's own code, then confirms the other party's", async () => {
    let attempts = 0;
    fetchMock.mockImplementation(async (url: string, init?: { method?: string; body?: string }) => {
      if (url === '/api/meetings/checkin' && init?.method === 'POST') {
        attempts += 1;
        expect(JSON.parse(init.body ?? '{}')).toEqual({ code: 'CODE-XYZ' });
        return attempts === 1
          ? jsonResponse(409, {
              code: 'OWN_CHECKIN_CODE',
              message: 'This is your own check-in code. The other party scans it to confirm the meeting.',
            })
          : jsonResponse(200, result);
      }
      if (url === '/api/meetings/m1') return jsonResponse(200, held);
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
    });
    renderWithProviders(routes, { route: '/checkin/CODE-XYZ' });
    fireEvent.click(screen.getByTestId('confirm-checkin'));
    expect(
      await screen.findByText(
        'This is your own check-in code. The other party scans it to confirm the meeting.',
      ),
    ).toBeTruthy();

    fireEvent.click(screen.getByTestId('confirm-checkin'));
    expect(await screen.findByText('Checked in')).toBeTruthy();
    expect(
      screen.getByText(
        'The meeting between Nordhaus Interiors GmbH and Gốm sứ Bát Tràng Minh Phúc is recorded as held.',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/09:00–09:30 Vietnam/)).toBeTruthy());

    // on to the private outcome
    fireEvent.click(screen.getByRole('link', { name: 'Record the outcome' }));
    expect(await screen.findByText('Meeting outcome')).toBeTruthy();
  });

  it('records a private outcome of a held meeting', async () => {
    let saved: unknown = null;
    fetchMock.mockImplementation(async (url: string, init?: { method?: string; body?: string }) => {
      if (url === '/api/meetings/m1') return jsonResponse(200, held);
      if (url === '/api/meetings/m1/outcome' && init?.method === 'PUT') {
        saved = JSON.parse(init.body ?? '{}');
        return jsonResponse(200, {
          meetingId: 'm1',
          companyId: 'c-ex',
          ...(saved as object),
          updatedAt: '2030-03-10T03:00:00.000Z',
        } as MeetingOutcome);
      }
      if (url === '/api/meetings/m1/outcome') return jsonResponse(200, { outcome: null });
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'Not found' });
    });
    renderWithProviders(routes, { route: '/meetings/m1/outcome' });
    expect(await screen.findByText('Nordhaus Interiors GmbH')).toBeTruthy();
    fireEvent.click(await screen.findByText('High'));
    fireEvent.click(screen.getByRole('radio', { name: 'Send samples' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Notes/ }), {
      target: { value: 'Wants 3 celadon glazes; ship samples by DHL' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    await waitFor(() =>
      expect(saved).toEqual({
        interest: 'high',
        nextStep: 'samples',
        notes: 'Wants 3 celadon glazes; ship samples by DHL',
      }),
    );
  });
});
