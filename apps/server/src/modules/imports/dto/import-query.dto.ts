import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, IMPORT_KINDS, type ExportFormat, type ImportKind } from '@craftmatch/shared';

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
