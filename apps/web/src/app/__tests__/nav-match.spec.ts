import { activeNavItem, type NavMatchable } from '../layout/nav-match';

// The organizer's menu, in the order AppLayout lists it.
const items: NavMatchable[] = [
  { to: '/', end: true },
  { to: '/organizer/companies' },
  { to: '/organizer/fairs' },
  {
    to: '/organizer/meetings',
    also: ['meetings', 'interpreters', 'tables', 'buyers'].map((tab) => `/organizer/fairs/:id/${tab}`),
  },
  { to: '/notifications' },
  { to: '/fairs', end: true },
];
const FAIR = '3b7f6c1e-2a4d-4e8f-9b1c-5d6e7f8a9b0c';

describe('activeNavItem', () => {
  it.each(['meetings', 'interpreters', 'tables', 'buyers'])(
    'highlights B2B meetings, not Manage fairs, on the desk page /organizer/fairs/:id/%s',
    (tab) => {
      expect(activeNavItem(`/organizer/fairs/${FAIR}/${tab}`, items)).toBe('/organizer/meetings');
    },
  );

  it('keeps Manage fairs for the fair editor, its booths and the fair list', () => {
    expect(activeNavItem('/organizer/fairs', items)).toBe('/organizer/fairs');
    expect(activeNavItem('/organizer/fairs/new', items)).toBe('/organizer/fairs');
    expect(activeNavItem(`/organizer/fairs/${FAIR}`, items)).toBe('/organizer/fairs');
    expect(activeNavItem(`/organizer/fairs/${FAIR}/booths`, items)).toBe('/organizer/fairs');
    expect(activeNavItem('/organizer/meetings', items)).toBe('/organizer/meetings');
  });

  it('honours `end` and matches whole path segments only', () => {
    expect(activeNavItem('/', items)).toBe('/');
    expect(activeNavItem('/fairs', items)).toBe('/fairs');
    expect(activeNavItem(`/fairs/${FAIR}`, items)).toBeUndefined();
    expect(activeNavItem('/notifications/', items)).toBe('/notifications');
    expect(activeNavItem('/notificationsx', items)).toBeUndefined();
    expect(activeNavItem('/organizer/fairsx', items)).toBeUndefined();
  });
});
