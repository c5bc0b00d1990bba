import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PRODUCT_STATUSES, type ListMyProductsQuery, type ProductStatus } from '@craftmatch/shared';
import { PageQueryDto } from '../../../common/pagination';

export class ListProductsDto extends PageQueryDto implements ListMyProductsQuery {
  @ApiPropertyOptional({ enum: PRODUCT_STATUSES })
  @IsOptional()
  @IsIn(PRODUCT_STATUSES)
  status?: ProductStatus;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** `?mine` is accepted for clarity; this list always holds the caller's own company's products. */
  @ApiPropertyOptional({ description: 'always the caller’s company' })
  @IsOptional()
  @IsString()
  mine?: string;
}
