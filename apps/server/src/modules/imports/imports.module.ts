import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports';
import { MailModule } from '../mail';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Bulk import of exhibitor and buyer companies from XLSX or CSV, as a job with live progress. */
@Module({
  imports: [MailModule, ExportsModule],
  controllers: [ImportsController],
  providers: [ImportsService],
  exports: [ImportsService],
})
export class ImportsModule {}
