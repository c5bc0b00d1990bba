import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/config';
import { Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { dataSourceOptions } from './database/data-source';
import { DatabasePool } from './database/database-pool';
import { RealtimeModule } from './realtime/realtime.module';
import { AuditModule } from './modules/audit';
import { AuthModule } from './modules/auth';
import { BoothsModule } from './modules/booths';
import { CatalogueModule } from './modules/catalogue';
import { CompaniesModule } from './modules/companies';
import { ExhibitorsModule } from './modules/exhibitors';
import { FilesModule } from './modules/files';
import { FairsModule } from './modules/fairs';
import { HealthModule } from './modules/health';
import { InquiriesModule } from './modules/inquiries';
import { InvitationsModule } from './modules/invitations';
import { MailModule } from './modules/mail';
import { InterpretersModule } from './modules/interpreters';
import { BuyersModule } from './modules/buyers';
import { AgendaModule } from './modules/agenda';
import { MeetingsModule } from './modules/meetings';
import { MeetingFloorModule } from './modules/meeting-floor';
import { ModerationModule } from './modules/moderation';
import { NotificationsModule } from './modules/notifications';
import { ProductsModule } from './modules/products';
import { QrModule } from './modules/qr';
import { ReferenceModule } from './modules/reference';
import { UsersModule } from './modules/users';
import { DashboardModule } from './modules/dashboard';
import { FxRatesModule } from './modules/fx-rates';
import { ContractsModule } from './modules/contracts';
import { SamplesModule } from './modules/samples';
import { ExportsModule } from './modules/exports';
import { ImportsModule } from './modules/imports';
import { MatchmakingModule } from './modules/matchmaking';
import { SchedulingModule } from './modules/scheduling';
import { PrivacyModule } from './modules/privacy';

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
          ...dataSourceOptions(databaseUrl, {}, config.databasePoolMax, config.databasePoolMin),
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
        AuditModule,
        ProductsModule,
        ModerationModule,
        CatalogueModule,
        QrModule,
        InquiriesModule,
        FairsModule,
        BoothsModule,
        ReferenceModule,
        FilesModule,
        ExhibitorsModule,
        MeetingsModule,
        InterpretersModule,
        MeetingFloorModule,
        BuyersModule,
        AgendaModule,
        FxRatesModule,
        ContractsModule,
        SamplesModule,
        ExportsModule,
        ImportsModule,
        DashboardModule,
        MatchmakingModule,
        SchedulingModule,
        PrivacyModule,
      ],
      providers: [DatabasePool],
    };
  }
}
