import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import { productPagePath } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError } from '../../common/domain-error';

/** One rendering for every QR code, so posters and downloads look alike (and tests can compare). */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;
const PNG_WIDTH = 600;

export type QrFormat = 'svg' | 'png';

@Injectable()
export class QrService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** An SVG QR code of `url` (used by the booth poster too). */
  qrSvg(url: string): Promise<string> {
    return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' });
  }

  qrPng(url: string): Promise<Buffer> {
    return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width: PNG_WIDTH });
  }

  /** `${PUBLIC_URL}/p/<slug>`: where a product's QR code leads. */
  productUrl(slug: string): string {
    return `${this.config.publicUrl}${productPagePath(slug)}`;
  }

  /** The QR code of a published product's public page; 404 for anything not public. */
  async productQr(slug: string, format: QrFormat): Promise<{ body: string | Buffer; filename: string }> {
    const [row] = await this.dataSource.query(
      `SELECT p.slug FROM products p
         JOIN companies c ON c.id = p.company_id AND c.status = 'approved'
        WHERE p.slug = $1 AND p.status = 'published'`,
      [slug],
    );
    if (!row) throw DomainError.notFound();
    const url = this.productUrl(row.slug);
    const body = format === 'svg' ? await this.qrSvg(url) : await this.qrPng(url);
    return { body, filename: `craftmatch-${row.slug}-qr.${format}` };
  }
}
