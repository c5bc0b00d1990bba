export { PrivacyModule } from './privacy.module';
export { DELETED_NAME, tombstoneEmail } from './privacy.service';
