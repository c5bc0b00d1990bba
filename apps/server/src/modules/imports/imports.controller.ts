import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  FieldErrorCode,
  IMPORT_KINDS,
  type ImportKind,
  type ImportRowView,
  type ImportView,
  type Page,
} from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CurrentUser, Roles } from '../../common/decorators';
import { DomainError } from '../../common/domain-error';
import { requestLanguage, type AppRequest, type AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { readUpload } from '../files';
import {
  CreateImportQueryDto,
  ImportRowsQueryDto,
  ReportQueryDto,
  TemplateQueryDto,
} from './dto/import-query.dto';
import { ImportsService } from './imports.service';

function send(
  reply: FastifyReply,
  file: { contentType: string; disposition: string; stream: unknown },
): void {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', file.disposition)
    .header('cache-control', 'no-store')
    .send(file.stream);
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
@Roles('organizer')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** XLSX or CSV of exhibitor or buyer companies; refused whole when unreadable, else processed as a job. */
  @Post()
  @ApiConsumes('multipart/form-data')
  async create(
    @CurrentUser() auth: AuthUser,
    @Req() request: AppRequest,
    @Query() query: CreateImportQueryDto,
  ): Promise<ImportView> {
    const upload = await readUpload(request, this.config.fileMaxBytes);
    const kind = (query.kind ?? upload.fields.kind) as ImportKind | undefined;
    if (!kind || !IMPORT_KINDS.includes(kind))
      throw DomainError.validation({ kind: FieldErrorCode.INVALID_VALUE });
    return this.imports.create(auth, kind, upload, requestLanguage(request));
  }

  /** An empty file with the columns, headers in the caller's language. */
  @Get('template')
  @ApiOkResponse({ description: 'CSV or XLSX' })
  async template(@Req() request: AppRequest, @Res() reply: FastifyReply, @Query() query: TemplateQueryDto) {
    send(reply, await this.imports.template(query.kind, query.format ?? 'xlsx', requestLanguage(request)));
  }

  /** The latest 50 imports, newest first. */
  @Get()
  list(): Promise<ImportView[]> {
    return this.imports.list();
  }

  @Get(':id')
  get(@Param('id', UuidPipe) id: string): Promise<ImportView> {
    return this.imports.get(id);
  }

  /** The report as JSON, a page at a time, optionally one outcome; reasons in the caller's language. */
  @Get(':id/rows')
  rows(
    @Req() request: AppRequest,
    @Param('id', UuidPipe) id: string,
    @Query() query: ImportRowsQueryDto,
  ): Promise<Page<ImportRowView>> {
    return this.imports.rows(id, query, requestLanguage(request));
  }

  /** Each row as created, updated or rejected with the reason, in the caller's language. */
  @Get(':id/report')
  @ApiOkResponse({ description: 'CSV or XLSX' })
  async report(
    @Req() request: AppRequest,
    @Res() reply: FastifyReply,
    @Param('id', UuidPipe) id: string,
    @Query() query: ReportQueryDto,
  ) {
    send(reply, await this.imports.report(id, query.format ?? 'csv', requestLanguage(request)));
  }
}
