import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import './lib/i18n';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadFirstPage } from './app/first-page';
import { createRouter } from './app/router';

const router = createRouter();
const root = createRoot(document.getElementById('root')!);
// index.html's static shell stays until the first page can be drawn whole. A transition: React
// renders in slices, leaving the main thread free between them.
void loadFirstPage(router).then(() =>
  startTransition(() =>
    root.render(
      <StrictMode>
        <App router={router} />
      </StrictMode>,
    ),
  ),
);
