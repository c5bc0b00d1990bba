import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  BOOTH_SIZES,
  BOOTH_STATUSES,
  MAX_BOOTH_PRODUCTS,
  type ApplyBoothRequest,
  type ApproveBoothRequest,
  type BoothSize,
  type BoothStatus,
  type ListBoothsQuery,
  type RejectBoothRequest,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';
import { PageQueryDto } from '../../../common/pagination';

export class ApplyBoothDto implements ApplyBoothRequest {
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  preferredHallId?: string | null;

  @ApiProperty({ enum: BOOTH_SIZES })
  @IsIn(BOOTH_SIZES)
  size: BoothSize;

  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_BOOTH_PRODUCTS })
  @IsArray()
  @ArrayMaxSize(MAX_BOOTH_PRODUCTS)
  @IsUUID(undefined, { each: true })
  productIds: string[];

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class UpdateBoothDto extends PartialType(ApplyBoothDto) {}

export class ApproveBoothDto implements ApproveBoothRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  hallId: string;

  @ApiProperty({ example: 'A-12', maxLength: 16 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,15}$/)
  code: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  gridRow?: number | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  gridCol?: number | null;
}

export class RejectBoothDto implements RejectBoothRequest {
  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class ListBoothsDto extends PageQueryDto implements ListBoothsQuery {
  @ApiPropertyOptional({ enum: BOOTH_STATUSES })
  @IsOptional()
  @IsIn(BOOTH_STATUSES)
  status?: BoothStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  hallId?: string;
}
