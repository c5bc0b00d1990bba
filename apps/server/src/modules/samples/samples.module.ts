import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { ContractsModule } from '../contracts';
import { SamplesController } from './samples.controller';
import { SamplesService } from './samples.service';

/** Sample requests between an exhibitor and a buyer, from a held meeting or directly. */
@Module({
  imports: [AuditModule, ContractsModule],
  controllers: [SamplesController],
  providers: [SamplesService],
})
export class SamplesModule {}
