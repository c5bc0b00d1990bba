import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig, type AppConfig } from '../src/config/config';
import { createTestDatabase, type TestDatabase } from './database';
import { TestClock } from './clock';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  clock: TestClock;
  /** base URL once `listen()` was called (socket.io tests) */
  baseUrl: string;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** share a database with another instance (multi-instance tests) */
  db?: TestDatabase;
  clock?: TestClock;
}

/** The real app on its own fresh database. Jobs run inline unless JOBS=true is passed. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const clock = options.clock ?? new TestClock();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    PORT: '0',
    PUBLIC_URL: 'http://localhost:3000',
    // test apps come and go by the dozen: connections are opened on demand
    DATABASE_POOL_MIN: '0',
    ...options.env,
  });
  const app = await createApp({ config, databaseUrl: db.url, clock, serveWeb: false });
  const fastify = app.getHttpAdapter().getInstance();
  const testApp: TestApp = {
    app,
    config,
    db,
    dataSource: app.get(DataSource),
    clock,
    baseUrl: '',
    inject: (opts) => fastify.inject(opts) as unknown as Promise<LightMyRequestResponse>,
    listen: async () => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = fastify.server.address();
      if (!address || typeof address === 'string') throw new Error('no address');
      testApp.baseUrl = `http://127.0.0.1:${address.port}`;
      return testApp.baseUrl;
    },
    close: async () => {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
  return testApp;
}

export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}
