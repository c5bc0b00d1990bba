import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CAPACITY_UNITS,
  COUNTRIES,
  PROFILE_LIMITS,
  PROVINCE_CODES,
  SPOKEN_LANGUAGES,
  VILLAGE_CODES,
  type CapacityUnit,
  type SpokenLanguage,
  type UpdateExhibitorProfileRequest,
} from '@craftmatch/shared';
import { EmptyToNull, NullableText } from './fields';

const COUNTRY_CODES = COUNTRIES.map((c) => c.code);

const upperUnique = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)))]
    : value;
const lowerUnique = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)))]
    : value;
/** `craftmatch.vn` is accepted and stored as `https://craftmatch.vn`. */
const withScheme = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
};

export class UpdateProfileDto implements UpdateExhibitorProfileRequest {
  @NullableText(PROFILE_LIMITS.legalName)
  legalName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0100109106' })
  @EmptyToNull()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  taxCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: VILLAGE_CODES })
  @EmptyToNull()
  @IsOptional()
  @IsIn(VILLAGE_CODES)
  villageCode?: string | null;

  @NullableText(PROFILE_LIMITS.villageOther)
  villageOther?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: PROVINCE_CODES })
  @EmptyToNull()
  @IsOptional()
  @IsIn(PROVINCE_CODES)
  provinceCode?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(2100)
  yearFounded?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  employees?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  monthlyCapacity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: CAPACITY_UNITS })
  @EmptyToNull()
  @IsOptional()
  @IsIn(CAPACITY_UNITS)
  capacityUnit?: CapacityUnit | null;

  @ApiPropertyOptional({ type: [String], description: 'ISO 3166-1 alpha-2 codes' })
  @Transform(upperUnique)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_LIMITS.exportMarkets)
  @IsIn(COUNTRY_CODES, { each: true })
  exportMarkets?: string[];

  @ApiPropertyOptional({ type: [String], enum: SPOKEN_LANGUAGES, isArray: true })
  @Transform(lowerUnique)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_LIMITS.languages)
  @IsIn(SPOKEN_LANGUAGES, { each: true })
  languages?: SpokenLanguage[];

  @NullableText(PROFILE_LIMITS.description)
  descriptionVi?: string | null;

  @NullableText(PROFILE_LIMITS.description)
  descriptionEn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PROFILE_LIMITS.website })
  @Transform(withScheme)
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.website)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true })
  website?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+84 24 3874 0000' })
  @EmptyToNull()
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ().-]{6,32}$/)
  phone?: string | null;

  @NullableText(PROFILE_LIMITS.address)
  address?: string | null;
}
