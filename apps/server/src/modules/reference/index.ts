export { ReferenceModule } from './reference.module';
export { ReferenceService } from './reference.service';
