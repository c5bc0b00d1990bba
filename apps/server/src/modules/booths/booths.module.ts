import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CompaniesModule } from '../companies';
import { FairsModule } from '../fairs';
import { NotificationsModule } from '../notifications';
import { QrModule } from '../qr';
import { Booth, BoothProduct } from './booth.entity';
import { BoothsController } from './booths.controller';
import { BoothsService } from './booths.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Booth, BoothProduct]),
    CompaniesModule,
    FairsModule,
    NotificationsModule,
    AuditModule,
    QrModule,
  ],
  controllers: [BoothsController],
  providers: [BoothsService],
  exports: [BoothsService],
})
export class BoothsModule {}
