import { Notifications } from '@mantine/notifications';

/** The toasts' container; its own chunk (see providers.tsx). Bottom: toasts must not cover the bell and menus in the header. */
export function Toaster() {
  return <Notifications position="bottom-right" limit={4} zIndex={1000} />;
}
