import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  CATALOGUE_MAX_LIMIT,
  CATEGORY_CODES,
  PROVINCE_CODES,
  VILLAGE_CODES,
  type CatalogueExhibitorQuery,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';

export class SearchExhibitorsDto implements CatalogueExhibitorQuery {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(VILLAGE_CODES)
  village?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(PROVINCE_CODES)
  province?: string;

  @ApiPropertyOptional({ enum: CATEGORY_CODES, description: 'exhibitors with a published product in it' })
  @IsOptional()
  @IsIn(CATEGORY_CODES)
  category?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: CATALOGUE_MAX_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CATALOGUE_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;
}
