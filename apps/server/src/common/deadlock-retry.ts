import { QueryFailedError } from 'typeorm';

const DEADLOCK_DETECTED = '40P01';

function sqlState(error: unknown): string | undefined {
  if (error instanceof QueryFailedError) return (error.driverError as { code?: string }).code;
  return (error as { code?: string } | null)?.code;
}

/**
 * Runs a transaction again when PostgreSQL picked it as a deadlock victim. Two transactions writing
 * overlapping ranges may deadlock inside an exclusion check; retried, the loser sees the winner's
 * committed row and fails cleanly (409 SLOT_TAKEN and the like). Other errors pass through at once.
 */
export async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (sqlState(error) !== DEADLOCK_DETECTED || attempt >= attempts) throw error;
    }
  }
}
