import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { HealthStatus } from '@craftmatch/shared';
import { Clock } from '../../common/clock';
import { Public } from '../../common/decorators';

const VERSION = process.env.npm_package_version ?? '0.1.0';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** 200 when the database answers, 503 when it does not. */
  @Get()
  @Public()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthStatus> {
    let database: HealthStatus['database'] = 'up';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      database = 'down';
      reply.status(503);
    }
    return {
      status: database === 'up' ? 'ok' : 'degraded',
      database,
      version: VERSION,
      time: this.clock.now().toISOString(),
    };
  }
}
