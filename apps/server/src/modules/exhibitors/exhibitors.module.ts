import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesModule } from '../companies';
import { FilesModule } from '../files';
import { ArtisanEntity } from './artisan.entity';
import { CompanyCertificationEntity } from './company-certification.entity';
import { ExhibitorProfileEntity } from './exhibitor-profile.entity';
import { ExhibitorsController } from './exhibitors.controller';
import { ExhibitorsService } from './exhibitors.service';
import { WorkshopEntity } from './workshop.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ExhibitorProfileEntity,
      CompanyCertificationEntity,
      WorkshopEntity,
      ArtisanEntity,
    ]),
    CompaniesModule,
    FilesModule,
  ],
  controllers: [ExhibitorsController],
  providers: [ExhibitorsService],
  exports: [ExhibitorsService],
})
export class ExhibitorsModule {}
