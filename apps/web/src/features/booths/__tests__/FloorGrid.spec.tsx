import { screen } from '@testing-library/react';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders } from '../../../test/render';
import { FloorGrid } from '../components/FloorGrid';

describe('FloorGrid', () => {
  beforeAll(() => i18n.changeLanguage('en'));

  it('draws every cell, the placed booths with code and company, and lists unplaced ones', () => {
    renderWithProviders(
      <FloorGrid
        hall={{
          id: 'h1',
          code: 'A',
          name: 'Hall A',
          gridRows: 2,
          gridCols: 3,
          booths: [
            {
              id: 'b1',
              code: 'A-01',
              companyId: 'c1',
              companyName: 'Gốm sứ Minh Phúc',
              size: '3x3',
              gridRow: 1,
              gridCol: 2,
            },
            {
              id: 'b2',
              code: 'A-09',
              companyId: 'c2',
              companyName: 'Mây tre Phú Vinh',
              size: '3x3',
              gridRow: null,
              gridCol: null,
            },
          ],
        }}
      />,
    );
    const cells = screen.getAllByRole('gridcell');
    expect(cells).toHaveLength(6);
    expect(cells[1].textContent).toContain('A-01');
    expect(cells[1].textContent).toContain('Gốm sứ Minh Phúc');
    expect(cells[0].textContent).not.toContain('A-');
    expect(screen.getByText('Approved without a position: A-09')).toBeTruthy();
    expect(screen.getByText('1 of 6 cells taken')).toBeTruthy();
  });
});
