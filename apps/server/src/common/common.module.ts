import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config';
import { DatabaseNotifications } from '../database/database-notifications';
import { DATABASE_URL } from '../database/database.tokens';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';
import { Clock } from './clock';
import { I18nService } from './i18n.service';
import { JobsService } from './jobs.service';
import { RateLimitService } from './rate-limit.service';

/** Cross-cutting providers every feature may inject. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(config: AppConfig, databaseUrl: string, clock: Clock): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: DATABASE_URL, useValue: databaseUrl },
      { provide: Clock, useValue: clock },
      I18nService,
      AccessTokenService,
      RateLimitService,
      JobsService,
      DatabaseNotifications,
      { provide: APP_GUARD, useClass: AuthGuard },
    ];
    return {
      module: CommonModule,
      providers,
      exports: [
        APP_CONFIG,
        DATABASE_URL,
        Clock,
        I18nService,
        AccessTokenService,
        RateLimitService,
        JobsService,
        DatabaseNotifications,
      ],
    };
  }
}
