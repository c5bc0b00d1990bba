export { ExhibitorsModule } from './exhibitors.module';
export { ExhibitorsService } from './exhibitors.service';
export { ExhibitorProfileEntity } from './exhibitor-profile.entity';
export { CompanyCertificationEntity } from './company-certification.entity';
export { WorkshopEntity } from './workshop.entity';
export { ArtisanEntity } from './artisan.entity';
