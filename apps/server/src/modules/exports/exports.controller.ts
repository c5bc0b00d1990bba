import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  EXPORT_DATASETS,
  MY_EXPORT_DATASETS,
  type ExportDataset,
  type MyExportDataset,
} from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import { DomainError } from '../../common/domain-error';
import { requestLanguage, type AppRequest, type AuthUser } from '../../common/request-context';
import { ExportQueryDto } from './dto/export-query.dto';
import { ExportsService, type ExportStream } from './exports.service';

/** An unknown dataset is an address with nothing at it. */
function oneOf<T extends string>(allowed: readonly T[]) {
  return {
    transform: (value: string): T => {
      if (!(allowed as readonly string[]).includes(value)) throw DomainError.notFound();
      return value as T;
    },
  };
}

function send(reply: FastifyReply, file: ExportStream): void {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', file.disposition)
    .header('cache-control', 'no-store')
    .send(file.stream);
}

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** A company's own meetings or contracts, headers in the caller's language. */
  @Get('mine/:dataset')
  @Roles('exhibitor', 'buyer')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'CSV or XLSX, streamed' })
  async mine(
    @CurrentUser() auth: AuthUser,
    @Req() request: AppRequest,
    @Res() reply: FastifyReply,
    @Param('dataset', oneOf<MyExportDataset>(MY_EXPORT_DATASETS)) dataset: MyExportDataset,
    @Query() query: ExportQueryDto,
  ): Promise<void> {
    send(
      reply,
      await this.exports.mine(auth, {
        dataset,
        format: query.format ?? 'csv',
        fairId: query.fairId,
        language: requestLanguage(request),
      }),
    );
  }

  /** Exhibitors, buyers, booths, meetings, samples or contracts of one fair (or all), for the organizer. */
  @Get(':dataset')
  @Roles('organizer')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'CSV or XLSX, streamed' })
  async organizer(
    @Req() request: AppRequest,
    @Res() reply: FastifyReply,
    @Param('dataset', oneOf<ExportDataset>(EXPORT_DATASETS)) dataset: ExportDataset,
    @Query() query: ExportQueryDto,
  ): Promise<void> {
    send(
      reply,
      await this.exports.open({
        dataset,
        format: query.format ?? 'csv',
        fairId: query.fairId,
        language: requestLanguage(request),
      }),
    );
  }
}
