import { act, screen, waitFor } from '@testing-library/react';
import type { Booth, BoothStatusEvent } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { useMyBooths } from '../api/my-booths';
import { BoothStatusCard } from '../components/BoothStatusCard';
import { useBoothStatusLive } from '../components/useBoothStatusLive';

type Handler = (event: BoothStatusEvent) => void;
const handlers = new Map<string, Handler>();
jest.mock('../../../lib/socket', () => ({
  connectSocket: () => ({
    on: (event: string, handler: Handler) => handlers.set(event, handler),
    off: (event: string) => handlers.delete(event),
  }),
}));

const fetchMock = jest.fn();
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  await i18n.changeLanguage('en');
});

const pending: Booth = {
  id: 'b1',
  fairId: 'f1',
  fairSlug: 'hanoi-gift-show-2026',
  fairNameVi: 'Hội chợ Quà tặng Hà Nội 2026',
  fairNameEn: 'Hanoi Gift Show 2026',
  fairStatus: 'registration',
  companyId: 'c1',
  companyName: 'Gốm sứ Minh Phúc',
  status: 'pending',
  size: '3x3',
  preferredHallId: 'h1',
  preferredHallCode: 'A',
  hallId: null,
  hallCode: null,
  hallName: null,
  code: null,
  gridRow: null,
  gridCol: null,
  note: null,
  statusReason: null,
  reviewedAt: null,
  createdAt: '2026-11-20T00:00:00Z',
  updatedAt: '2026-11-20T00:00:00Z',
  products: [],
};

function MyBooths() {
  useBoothStatusLive();
  const booths = useMyBooths();
  return (
    <>
      {booths.data?.map((b) => (
        <BoothStatusCard key={b.id} booth={b} />
      ))}
    </>
  );
}

describe('booth status card', () => {
  it('turns approved with its code as soon as booth:status arrives', async () => {
    const approved = { ...pending, status: 'approved' as const, code: 'A-12', hallCode: 'A', hallId: 'h1' };
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, [pending]))
      .mockResolvedValue(jsonResponse(200, [approved]));
    renderWithProviders(<MyBooths />);
    await waitFor(() => expect(screen.getByText('Waiting for review')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Withdraw' })).toBeTruthy();

    act(() =>
      handlers.get('booth:status')?.({
        boothId: 'b1',
        fairId: 'f1',
        companyId: 'c1',
        status: 'approved',
        code: 'A-12',
        hallCode: 'A',
        reason: null,
      }),
    );
    await waitFor(() => expect(screen.getByText('Approved')).toBeTruthy());
    expect(screen.getByText(/Booth A-12/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Print the poster/ }).getAttribute('href')).toBe(
      '/booths/b1/poster',
    );
  });
});
