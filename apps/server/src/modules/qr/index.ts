export { QrModule } from './qr.module';
export { QrService, QR_OPTIONS, type QrFormat } from './qr.service';
