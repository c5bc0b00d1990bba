import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { createClient, type RedisClientType } from 'redis';
import { ErrorCode } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DomainError } from './domain-error';

export interface LimitRule {
  points: number;
  /** window, seconds */
  duration: number;
  /** lock-out once exhausted, seconds */
  blockDuration?: number;
}

/**
 * Counters live in PostgreSQL (or Redis when REDIS_URL is set), so a limit holds across
 * every server instance.
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private redis?: RedisClientType;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  private async limiter(name: string, rule: LimitRule): Promise<RateLimiterAbstract> {
    const id = `${name}:${rule.points}:${rule.duration}:${rule.blockDuration ?? 0}`;
    const existing = this.limiters.get(id);
    if (existing) return existing;
    let limiter: RateLimiterAbstract;
    if (this.config.redisUrl) {
      if (!this.redis) {
        this.redis = createClient({
          url: this.config.redisUrl,
          disableOfflineQueue: true,
        }) as RedisClientType;
        this.redis.on('error', (e: Error) => this.logger.warn(`redis: ${e.message}`));
        await this.redis.connect();
      }
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        useRedisPackage: true,
        keyPrefix: `rl:${name}`,
        ...rule,
      });
    } else {
      const pool = (this.dataSource.driver as unknown as { master: unknown }).master;
      limiter = new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: name,
        ...rule,
      });
    }
    this.limiters.set(id, limiter);
    return limiter;
  }

  /** Spends a point for `key`; throws 429 RATE_LIMITED with Retry-After when none are left. */
  async consume(name: string, key: string, rule: LimitRule, points = 1): Promise<void> {
    const limiter = await this.limiter(name, rule);
    try {
      await limiter.consume(key, points);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new DomainError(ErrorCode.RATE_LIMITED, 429, {
          params: { seconds },
          details: { retryAfter: seconds },
          headers: { 'retry-after': String(seconds) },
        });
      }
      throw error;
    }
  }

  /** Clears a key, e.g. the per-account login counter after a successful sign-in. */
  async reset(name: string, key: string, rule: LimitRule): Promise<void> {
    const limiter = await this.limiter(name, rule);
    await limiter.delete(key);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis?.isOpen) await this.redis.quit();
  }
}
