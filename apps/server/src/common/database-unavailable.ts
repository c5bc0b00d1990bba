import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** SQLSTATEs meaning "the database is not there right now": try again later, nothing was written. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: terminating connection due to administrator command
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the database system is starting up / shutting down
  '53300', // too_many_connections
]);

/** Socket errors on the way to the database. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres errors that carry no code, recognised by their (stable) message. */
const DRIVER_MESSAGES = [
  /^Connection terminated/, // unexpectedly / due to connection timeout / plain (client ended mid-query)
  /is not queryable$/, // Client has encountered a connection error / was closed and is not queryable
  /^timeout exceeded when trying to connect$/, // pool connectionTimeoutMillis
  /^Cannot use a pool after calling end on the pool$/,
];

function unavailableHere(error: object): boolean {
  // TypeORM releases a transaction's query runner when its connection fails; the next statement of
  // that transaction then finds it released. Nothing of the transaction was committed.
  if (
    error instanceof QueryRunnerProviderAlreadyReleasedError ||
    error instanceof QueryRunnerAlreadyReleasedError
  )
    return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return false; // any other SQLSTATE is the database answering
  }
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * True when an error means PostgreSQL could not be reached or dropped the connection (stopped,
 * restarting, unreachable, out of connections): the caller gets 503 SERVICE_UNAVAILABLE, not a 500.
 * Looks through TypeORM's QueryFailedError (driverError), `cause` chains and AggregateErrors.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 16) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (unavailableHere(current)) return true;
    const { driverError, cause, errors } = current as {
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    queue.push(driverError, cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return false;
}
