import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config';
import { Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { dataSourceOptions } from './database/data-source';
import { RealtimeModule } from './realtime/realtime.module';
import { AuthModule } from './modules/auth';
import { CompaniesModule } from './modules/companies';
import { HealthModule } from './modules/health';
import { InvitationsModule } from './modules/invitations';
import { MailModule } from './modules/mail';
import { NotificationsModule } from './modules/notifications';
import { UsersModule } from './modules/users';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, clock = new Clock() }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommonModule.forRoot(config, databaseUrl, clock),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl),
          autoLoadEntities: true,
          migrationsRun: false,
        }),
        RealtimeModule,
        HealthModule,
        UsersModule,
        MailModule,
        NotificationsModule,
        CompaniesModule,
        AuthModule,
        InvitationsModule,
      ],
    };
  }
}
