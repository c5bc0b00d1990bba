import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { SOCKET_PATH } from '@craftmatch/shared';
import type { AppConfig } from '../config/config';

/** socket.io on the HTTP server, CORS from config, and the Redis adapter when REDIS_URL is set. */
export class AppIoAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private clients: RedisClientType[] = [];
  private adapterFactory?: ReturnType<typeof createAdapter>;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  async connectRedis(): Promise<void> {
    if (!this.config.redisUrl) return;
    // no per-command timeout: the client would arm a 5 s AbortSignal.timeout for every PUBLISH (one per
    // broadcast), which fires and builds an exception even after the reply came; a lost connection still
    // fails the commands in flight, and a broadcast is never awaited
    const pub = createClient({
      url: this.config.redisUrl,
      commandOptions: { timeout: 0 },
    }) as RedisClientType;
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', (e: Error) => this.log.warn(`redis: ${e.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    this.clients = [pub, sub];
    this.adapterFactory = createAdapter(pub, sub);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...(options as ServerOptions),
      path: SOCKET_PATH,
      cors: { origin: this.config.corsOrigin, credentials: true },
      serveClient: false,
    }) as Server;
    if (this.adapterFactory) server.adapter(this.adapterFactory);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.filter((c) => c.isOpen).map((c) => c.quit()));
    this.clients = [];
  }
}
