import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { FxRatesController } from './fx-rates.controller';
import { FxRatesService } from './fx-rates.service';

/** FX rates to USD per currency and effective date, kept by the organizer. */
@Module({
  imports: [AuditModule],
  controllers: [FxRatesController],
  providers: [FxRatesService],
  exports: [FxRatesService],
})
export class FxRatesModule {}
