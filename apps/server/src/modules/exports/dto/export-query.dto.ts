import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '@craftmatch/shared';

export class ExportQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only this fair; every fair when left out' })
  @IsOptional()
  @IsUUID()
  fairId?: string;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
