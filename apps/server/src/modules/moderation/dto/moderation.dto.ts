import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  PRODUCT_STATUSES,
  type ListModerationProductsQuery,
  type ModerationReasonRequest,
  type ProductStatus,
  type ReinstateCompanyRequest,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';
import { PageQueryDto } from '../../../common/pagination';

export class ModerationReasonDto implements ModerationReasonRequest {
  @ApiProperty({ maxLength: 1000, example: 'Photos show a product that is not handmade.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class ReinstateCompanyDto implements ReinstateCompanyRequest {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ListModerationProductsDto extends PageQueryDto implements ListModerationProductsQuery {
  @ApiPropertyOptional({ enum: PRODUCT_STATUSES })
  @IsOptional()
  @IsIn(PRODUCT_STATUSES)
  status?: ProductStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
