import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { FairsController, OrganizerFairsController } from './fairs.controller';
import { FairCache } from './fair-cache';
import { FairsService } from './fairs.service';
import { Fair, FairDayRow, HallRow } from './fair.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Fair, FairDayRow, HallRow]), AuditModule],
  controllers: [FairsController, OrganizerFairsController],
  providers: [FairsService, FairCache],
  exports: [FairsService, FairCache],
})
export class FairsModule {}
