export { BoothsModule } from './booths.module';
export { BoothsService } from './booths.service';
export { Booth, BoothProduct } from './booth.entity';
