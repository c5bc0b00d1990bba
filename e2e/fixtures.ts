/** Demo organizer seeded by the e2e server. Overridable until the server publishes its own constants. */
export const E2E_ORGANIZER_EMAIL = process.env.E2E_ORGANIZER_EMAIL ?? 'organizer@craftmatch.example';
export const E2E_ORGANIZER_PASSWORD = process.env.E2E_ORGANIZER_PASSWORD ?? 'Organizer-2026!';

/** Each run owns its data: unique names and addresses. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
