import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { FilesModule } from '../files';
import { FxRatesModule } from '../fx-rates';
import { MailModule } from '../mail';
import { NotificationsModule } from '../notifications';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';
import { DealEventsService } from './deal-events.service';
import { PipelineService } from './pipeline.service';

/** Contracts and LOIs with exact money, two-sided confirmation and an audit trail; the deal pipeline. */
@Module({
  imports: [AuditModule, FilesModule, FxRatesModule, MailModule, NotificationsModule],
  controllers: [ContractsController],
  providers: [ContractsService, PipelineService, DealEventsService],
  exports: [ContractsService, DealEventsService],
})
export class ContractsModule {}
