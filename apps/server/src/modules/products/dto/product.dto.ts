import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
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
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  AWARD_KINDS,
  CATEGORY_CODES,
  CERTIFICATION_TYPES,
  MAX_PRODUCT_AWARDS,
  MAX_PRODUCT_MATERIALS,
  PRICE_PATTERN,
  PRODUCT_UNITS,
  SIZE_PATTERN,
  WEIGHT_PATTERN,
  isCurrency,
  type AwardKind,
  type CertificationType,
  type ProductAward,
  type ProductInput,
  type ProductUnit,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';

const Upper = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  );

const IsCurrencyCode = () =>
  ValidateBy({ name: 'isCurrency', validator: { validate: (value: unknown) => isCurrency(value) } });

export class AwardDto implements ProductAward {
  @ApiProperty({ maxLength: 200, example: 'Vietnam Handicraft Design Contest' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ minimum: 1900, maximum: 2100, example: 2025 })
  @IsInt()
  @Min(1900)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: AWARD_KINDS })
  @IsIn(AWARD_KINDS)
  kind: AwardKind;

  @ApiPropertyOptional({ maxLength: 80, example: 'Gold', nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(80)
  rank?: string | null;
}

export class CreateProductDto implements ProductInput {
  @ApiProperty({ maxLength: 200, example: 'Bình gốm men rạn' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameVi: string;

  @ApiProperty({ maxLength: 200, example: 'Crackle-glaze ceramic vase' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn: string;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  descriptionVi?: string | null;

  @ApiPropertyOptional({ maxLength: 5000, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  descriptionEn?: string | null;

  @ApiProperty({ enum: CATEGORY_CODES })
  @Upper()
  @IsIn(CATEGORY_CODES)
  categoryCode: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_PRODUCT_MATERIALS,
    example: ['clay', 'crackle glaze'],
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value,
  )
  @IsArray()
  @ArrayMaxSize(MAX_PRODUCT_MATERIALS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(80, { each: true })
  materials?: string[];

  @ApiPropertyOptional({ maxLength: 500, nullable: true, example: 'Kaolin clay from Bát Tràng' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  materialOrigin?: string | null;

  @ApiPropertyOptional({ example: '6913.90', description: '4, 6 or 8 digits; dots allowed', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  hsCode?: string | null;

  @ApiPropertyOptional({ example: '32.5', pattern: SIZE_PATTERN.source, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(SIZE_PATTERN)
  lengthCm?: string | null;

  @ApiPropertyOptional({ example: '20', pattern: SIZE_PATTERN.source, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(SIZE_PATTERN)
  widthCm?: string | null;

  @ApiPropertyOptional({ example: '45', pattern: SIZE_PATTERN.source, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(SIZE_PATTERN)
  heightCm?: string | null;

  @ApiPropertyOptional({ example: '1.250', pattern: WEIGHT_PATTERN.source, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(WEIGHT_PATTERN)
  weightKg?: string | null;

  @ApiPropertyOptional({ enum: PRODUCT_UNITS, default: 'pcs' })
  @IsOptional()
  @IsIn(PRODUCT_UNITS)
  unit?: ProductUnit;

  @ApiPropertyOptional({ minimum: 1, example: 100, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  moq?: number | null;

  @ApiPropertyOptional({ example: '12.50', pattern: PRICE_PATTERN.source, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(PRICE_PATTERN)
  priceMin?: string | null;

  @ApiPropertyOptional({ example: '18.00', pattern: PRICE_PATTERN.source, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(PRICE_PATTERN)
  priceMax?: string | null;

  @ApiPropertyOptional({ example: 'USD', description: 'ISO 4217', nullable: true })
  @IsOptional()
  @Upper()
  @IsString()
  @IsCurrencyCode()
  currency?: string | null;

  @ApiPropertyOptional({ minimum: 0, example: 45, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  leadTimeDays?: number | null;

  @ApiPropertyOptional({ minimum: 0, example: 2000, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  monthlyCapacity?: number | null;

  @ApiPropertyOptional({ enum: CERTIFICATION_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CERTIFICATION_TYPES.length)
  @IsIn(CERTIFICATION_TYPES, { each: true })
  certifications?: CertificationType[];

  @ApiPropertyOptional({ type: [AwardDto], maxItems: MAX_PRODUCT_AWARDS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PRODUCT_AWARDS)
  @ValidateNested({ each: true })
  @Type(() => AwardDto)
  awards?: AwardDto[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  workshopId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  artisanId?: string | null;
}

/** Every field optional; a field sent as null clears it (names and category cannot be cleared). */
export class UpdateProductDto extends PartialType(CreateProductDto) {}
