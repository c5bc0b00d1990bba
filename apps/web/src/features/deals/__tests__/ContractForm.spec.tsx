import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CreateContractRequest } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ContractForm } from '../components/ContractForm';

const fetchMock = jest.fn();
beforeAll(async () => {
  Object.assign(globalThis, { fetch: fetchMock });
  await i18n.changeLanguage('en');
});
beforeEach(() => {
  fetchMock.mockReset();
  // The exhibitor's catalogue (product picker): empty, every line is free text.
  fetchMock.mockImplementation(async () => jsonResponse(200, { items: [], nextCursor: null, total: 0 }));
});

function renderForm(onSubmit = jest.fn()) {
  renderWithProviders(
    <ContractForm
      side="buyer"
      ownCompanyId="c-buy"
      counterparts={[{ companyId: 'c-ex', companyName: 'Gốm sứ Bát Tràng Minh Phúc' }]}
      heldMeetings={[]}
      initial={{ counterpartCompanyId: 'c-ex', number: 'NH-1', incotermPlace: 'Hai Phong' }}
      submitting={false}
      onSubmit={onSubmit}
    />,
  );
  return onSubmit;
}

const lines = () => screen.getAllByTestId('contract-line');
function typeLine(index: number, description: string, quantity: string, unitPrice: string) {
  const row = lines()[index];
  fireEvent.change(within(row).getByTestId('line-description'), { target: { value: description } });
  fireEvent.change(within(row).getByTestId('line-quantity'), { target: { value: quantity } });
  fireEvent.change(within(row).getByTestId('line-unit-price'), { target: { value: unitPrice } });
}

describe('ContractForm totals', () => {
  it('rounds each line half-up to the currency minor unit, exactly, as the user types', () => {
    renderForm();
    // 1.005 is 1.00499999… as a float; exact decimals round it half-up to 1.01.
    typeLine(0, 'Lacquer tray', '1', '1.005');
    expect(within(lines()[0]).getByTestId('line-total').textContent).toContain('US$1.01');
    expect(screen.getByTestId('contract-total').textContent).toContain('US$1.01');

    fireEvent.click(screen.getByTestId('add-line'));
    // 17 significant digits: beyond what a float holds.
    typeLine(1, 'Bamboo blinds', '7', '1234567890123.4567');
    expect(within(lines()[1]).getByTestId('line-total').textContent).toContain('US$8,641,975,230,864.20');
    // The total is the sum of the rounded lines.
    expect(screen.getByTestId('contract-total').textContent).toContain('US$8,641,975,230,865.21');
  });

  it('shows no total while a line is incomplete or invalid', () => {
    renderForm();
    typeLine(0, 'Silk scarf', '2', '12.345678');
    expect(within(lines()[0]).getByTestId('line-total').textContent).toContain('—');
    expect(screen.getByTestId('contract-total').textContent).toContain('—');
  });

  it('sends the typed amounts as the same decimal strings, never numbers', async () => {
    const onSubmit = renderForm();
    typeLine(0, 'Celadon vase', '1000.5', '0.3333');
    fireEvent.click(screen.getByTestId('contract-submit'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const body = onSubmit.mock.calls[0][0] as CreateContractRequest;
    expect(body).toMatchObject({
      counterpartCompanyId: 'c-ex',
      number: 'NH-1',
      currency: 'USD',
      incoterm: 'FOB',
      incotermPlace: 'Hai Phong',
      paymentTerms: 'tt',
      depositPercent: '30',
      lines: [
        {
          description: 'Celadon vase',
          quantity: '1000.5',
          unit: 'pcs',
          unitPrice: '0.3333',
          productId: null,
        },
      ],
    });
    expect(typeof body.lines[0].quantity).toBe('string');
    expect(typeof body.lines[0].unitPrice).toBe('string');
    // 1000.5 × 0.3333 = 333.46665 → 333.47
    expect(screen.getByTestId('contract-total').textContent).toContain('US$333.47');
  });

  it('refuses more than 4 decimals in a unit price before sending', async () => {
    const onSubmit = renderForm();
    typeLine(0, 'Rattan basket', '1', '1.23456');
    fireEvent.click(screen.getByTestId('contract-submit'));
    expect((await screen.findByText(/up to 4/)).textContent).toMatch(/up to 4/);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
