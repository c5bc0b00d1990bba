export { InquiriesModule } from './inquiries.module';
