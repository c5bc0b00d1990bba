import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  CATALOGUE_MAX_LIMIT,
  CATALOGUE_SORTS,
  CATEGORY_CODES,
  CERTIFICATION_TYPES,
  CURRENCIES,
  PRICE_PATTERN,
  PROVINCE_CODES,
  VILLAGE_CODES,
  type CatalogueProductQuery,
  type CatalogueSort,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';

const CURRENCY_CODES = CURRENCIES.map((c) => c.code);

export class SearchProductsDto implements CatalogueProductQuery {
  @ApiPropertyOptional({ maxLength: 200, description: 'words; diacritics and case are ignored' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: CATEGORY_CODES })
  @IsOptional()
  @IsIn(CATEGORY_CODES)
  category?: string;

  @ApiPropertyOptional({ description: 'craft village code' })
  @IsOptional()
  @IsIn(VILLAGE_CODES)
  village?: string;

  @ApiPropertyOptional({ description: 'province code' })
  @IsOptional()
  @IsIn(PROVINCE_CODES)
  province?: string;

  @ApiPropertyOptional({ enum: CERTIFICATION_TYPES })
  @IsOptional()
  @IsIn(CERTIFICATION_TYPES)
  certification?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'fair id' })
  @IsOptional()
  @IsUUID()
  fair?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'booth id' })
  @IsOptional()
  @IsUUID()
  booth?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'exhibitor company id' })
  @IsOptional()
  @IsUUID()
  exhibitor?: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  moqMax?: number;

  @ApiPropertyOptional({ example: '10.50', description: 'decimal string, in `currency`' })
  @IsOptional()
  @Matches(PRICE_PATTERN)
  priceMin?: string;

  @ApiPropertyOptional({ example: '25', description: 'decimal string, in `currency`' })
  @IsOptional()
  @Matches(PRICE_PATTERN)
  priceMax?: string;

  @ApiPropertyOptional({ example: 'USD', description: 'ISO 4217; a price filter without it means USD' })
  @IsOptional()
  @IsIn(CURRENCY_CODES)
  currency?: string;

  @ApiPropertyOptional({ enum: CATALOGUE_SORTS })
  @IsOptional()
  @IsIn(CATALOGUE_SORTS)
  sort?: CatalogueSort;

  @ApiPropertyOptional({ minimum: 1, maximum: CATALOGUE_MAX_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CATALOGUE_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;
}
