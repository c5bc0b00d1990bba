import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  isCurrency,
  isDecimalString,
  MONEY_LIMITS,
  SAMPLE_MAX_ITEMS,
  SAMPLE_STATUSES,
  SAMPLE_TEXT_MAX,
  type CreateSampleRequest,
  type ListSamplesQuery,
  type RejectSampleRequest,
  type SampleItemInput,
  type SampleStatus,
  type SendSampleRequest,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';
import { PageQueryDto } from '../../../common/pagination';

const Upper = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  );

export class SampleItemDto implements SampleItemInput {
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  productId?: string | null;

  @ApiProperty({ maxLength: SAMPLE_TEXT_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SAMPLE_TEXT_MAX)
  description: string;

  @ApiProperty({ minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity: number;
}

export class CreateSampleDto implements CreateSampleRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  counterpartCompanyId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  meetingId?: string | null;

  @ApiProperty({ type: [SampleItemDto], minItems: 1, maxItems: SAMPLE_MAX_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SAMPLE_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => SampleItemDto)
  items: SampleItemDto[];

  @ApiPropertyOptional({ example: '35.00', nullable: true })
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'matches',
    validator: {
      validate: (v: unknown) => isDecimalString(v, MONEY_LIMITS.cost.precision, MONEY_LIMITS.cost.scale),
    },
  })
  cost?: string | null;

  @ApiPropertyOptional({ example: 'USD', nullable: true })
  @IsOptional()
  @Upper()
  @IsString()
  @ValidateBy({ name: 'isIn', validator: { validate: (v: unknown) => isCurrency(v) } })
  currency?: string | null;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;
}

export class SendSampleDto implements SendSampleRequest {
  @ApiProperty({ maxLength: 100, example: 'DHL Express' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  courier: string;

  @ApiProperty({ maxLength: 100, example: '1234567890' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  trackingNumber: string;
}

export class RejectSampleDto implements RejectSampleRequest {
  @ApiProperty({ maxLength: 1000 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class ListSamplesDto extends PageQueryDto implements ListSamplesQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  fairId?: string;

  @ApiPropertyOptional({ enum: SAMPLE_STATUSES })
  @IsOptional()
  @IsIn(SAMPLE_STATUSES)
  status?: SampleStatus;
}
