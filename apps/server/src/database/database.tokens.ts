/** The resolved PostgreSQL URL (embedded or DATABASE_URL), provided to the Nest container. */
export const DATABASE_URL = Symbol('DATABASE_URL');
