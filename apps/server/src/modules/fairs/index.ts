export { FairsModule } from './fairs.module';
export { FairsService } from './fairs.service';
export { Fair, FairDayRow, HallRow } from './fair.entity';
export { slugify } from './fair-rules';
