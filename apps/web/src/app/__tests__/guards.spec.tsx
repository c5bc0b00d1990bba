import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { endSession } from '../../lib/session';
import { renderWithProviders } from '../../test/render';
import { RequireAuth } from '../guards';

function app(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/catalogue" element={<p>public catalogue</p>} />
      <Route path="/login" element={<p>sign-in page</p>} />
      <Route element={<RequireAuth />}>
        <Route path="/" element={<p>dashboard</p>} />
        <Route path="/meetings" element={<p>meetings</p>} />
      </Route>
    </Routes>,
    { route },
  );
}

describe('RequireAuth for a signed-out visitor', () => {
  beforeEach(() => endSession());

  it('sends the bare address to the public catalogue, not to a login wall', async () => {
    app('/');
    expect(await screen.findByText('public catalogue')).toBeTruthy();
    expect(screen.queryByText('dashboard')).toBeNull();
  });

  it('sends a deep link to sign-in, remembering where to come back', async () => {
    app('/meetings');
    expect(await screen.findByText('sign-in page')).toBeTruthy();
    expect(screen.queryByText('meetings')).toBeNull();
  });
});
