import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  FAIR_STATUSES,
  type ChangeFairStatusRequest,
  type CreateFairRequest,
  type FairDayInput,
  type FairStatus,
  type FairWhen,
  type HallInput,
  type ListFairsQuery,
  type ListManagedFairsQuery,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';
import { PageQueryDto } from '../../../common/pagination';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class FairDayDto implements FairDayInput {
  @ApiProperty({ example: '2026-12-02', description: 'local date in the fair time zone' })
  @IsString()
  @Matches(DATE)
  date: string;

  @ApiProperty({ example: '08:30' })
  @IsString()
  @Matches(TIME)
  opensAt: string;

  @ApiProperty({ example: '17:30' })
  @IsString()
  @Matches(TIME)
  closesAt: string;
}

export class HallDto implements HallInput {
  @ApiProperty({ example: 'A', maxLength: 16 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,15}$/)
  code: string;

  @ApiProperty({ example: 'Hall A – Ceramics', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  gridRows: number;

  @ApiProperty({ minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  gridCols: number;
}

export class CreateFairDto implements CreateFairRequest {
  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameVi: string;

  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn: string;

  @ApiPropertyOptional({ maxLength: 120, example: 'hanoi-gift-show-2026' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  slug?: string;

  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ example: 'Asia/Ho_Chi_Minh', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ minimum: 5, maximum: 240, default: 30 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(240)
  slotMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120, default: 5 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  bufferMinutes?: number;

  @ApiPropertyOptional({ example: '5000000.00', nullable: true, description: 'USD, decimal string' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,16}(\.\d{1,2})?$/)
  contractTargetUsd?: string | null;

  @ApiProperty({ type: [FairDayDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(31)
  @ValidateNested({ each: true })
  @Type(() => FairDayDto)
  days: FairDayDto[];

  @ApiProperty({ type: [HallDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HallDto)
  halls: HallDto[];
}

export class UpdateFairDto extends PartialType(CreateFairDto) {}

export class ChangeFairStatusDto implements ChangeFairStatusRequest {
  @ApiProperty({ enum: FAIR_STATUSES })
  @IsIn(FAIR_STATUSES)
  status: FairStatus;
}

export class ListFairsDto extends PageQueryDto implements ListFairsQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'past'], default: 'upcoming' })
  @IsOptional()
  @IsIn(['upcoming', 'past'])
  when?: FairWhen;
}

export class ListManagedFairsDto extends PageQueryDto implements ListManagedFairsQuery {
  @ApiPropertyOptional({ enum: FAIR_STATUSES })
  @IsOptional()
  @IsIn(FAIR_STATUSES)
  status?: FairStatus;
}
