import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  EXPORT_FORMATS,
  IMPORT_KINDS,
  IMPORT_OUTCOMES,
  type ExportFormat,
  type ImportKind,
  type ImportOutcome,
  type ImportRowsQuery,
} from '@craftmatch/shared';
import { PageQueryDto } from '../../../common/pagination';

export class ReportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

export class TemplateQueryDto extends ReportQueryDto {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS)
  kind: ImportKind;
}

export class CreateImportQueryDto {
  @ApiPropertyOptional({
    enum: IMPORT_KINDS,
    description: 'or the multipart field `kind`, sent before the file',
  })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;
}

export class ImportRowsQueryDto extends PageQueryDto implements ImportRowsQuery {
  @ApiPropertyOptional({ enum: IMPORT_OUTCOMES })
  @IsOptional()
  @IsIn(IMPORT_OUTCOMES)
  outcome?: ImportOutcome;
}
