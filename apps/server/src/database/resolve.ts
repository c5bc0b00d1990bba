import { join } from 'node:path';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres, type EmbeddedOptions } from './embedded';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL with its data in DATA_DIR/pg. */
export async function resolveDatabase(
  config: AppConfig,
  { log, callerStopsOnSignal = false }: Pick<EmbeddedOptions, 'log' | 'callerStopsOnSignal'> = {},
): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const db = await startEmbeddedPostgres({
    dataDir: join(config.embedded.dataDir, 'pg'),
    port: config.embedded.port,
    persistent: true,
    log,
    callerStopsOnSignal,
  });
  return { ...db, embedded: true };
}
