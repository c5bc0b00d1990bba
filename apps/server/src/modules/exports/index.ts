export { ExportsModule } from './exports.module';
export { ExportsService } from './exports.service';
export { tableWriter, attachment, CONTENT_TYPES, type TableWriter, type Cell } from './tabular';
