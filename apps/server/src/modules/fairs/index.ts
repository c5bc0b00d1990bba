export { FairsModule } from './fairs.module';
export { FairsService } from './fairs.service';
export { FairCache } from './fair-cache';
export { Fair, FairDayRow, HallRow } from './fair.entity';
export { slugify } from './fair-rules';
