import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { PageLoader } from './StateViews';

/**
 * A layout's page slot: pages are loaded on first visit (see app/router.tsx), and the layout's
 * header and navigation stay on screen with a loader in the page's place meanwhile.
 */
export function SuspenseOutlet() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Outlet />
    </Suspense>
  );
}
