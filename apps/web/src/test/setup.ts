import { TextDecoder, TextEncoder } from 'node:util';
import { i18n, loadAllTexts } from '../lib/i18n';

// jsdom lacks a few browser APIs that react-router and Mantine use.
Object.assign(globalThis, { TextEncoder, TextDecoder });

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });
window.HTMLElement.prototype.scrollIntoView = () => {};
Object.defineProperty(window, 'getComputedStyle', { value: window.getComputedStyle, writable: true });

// The app fetches a language's texts in chunks (lib/i18n.ts); tests read them all from the start,
// in both complete languages (some tests render vi and en side by side).
beforeAll(() => loadAllTexts().then(() => i18n.loadLanguages(['vi', 'en'])));
