import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/decorators';
import { DomainError } from '../../common/domain-error';
import { QrService } from './qr.service';

const FILE = /^(.+)\.(svg|png)$/;
const TYPES = { svg: 'image/svg+xml; charset=utf-8', png: 'image/png' } as const;

@ApiTags('qr')
@Public()
@Controller('qr')
export class QrController {
  constructor(private readonly qr: QrService) {}

  /** GET /api/qr/products/<slug>.svg or .png, as a download. */
  @Get('products/:file')
  @ApiProduces('image/svg+xml', 'image/png')
  async product(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const match = FILE.exec(file);
    if (!match) throw DomainError.notFound();
    const format = match[2] as 'svg' | 'png';
    const { body, filename } = await this.qr.productQr(match[1], format);
    await reply
      .header('content-type', TYPES[format])
      .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
      .header('cache-control', 'public, max-age=300')
      .send(body);
  }
}
