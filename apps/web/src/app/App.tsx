import { Suspense, useLayoutEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { Providers } from './providers';
import { createRouter } from './router';

/** `router`: made ahead by main.tsx (which preloads the first page it shows), or here. */
export function App({ router: made }: { router?: ReturnType<typeof createRouter> }) {
  const [router] = useState(() => made ?? createRouter());
  // index.html's static shell gives way to the page in the same frame React draws it.
  useLayoutEffect(() => document.getElementById('cm-shell')?.remove(), []);
  return (
    <Providers>
      {/* Until the language's texts have arrived (lib/i18n.ts loads them in parallel with the page). */}
      <Suspense fallback={null}>
        <RouterProvider router={router} />
      </Suspense>
    </Providers>
  );
}
