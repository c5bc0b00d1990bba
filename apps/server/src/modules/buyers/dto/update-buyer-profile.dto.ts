import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  BUYER_AMOUNT_PATTERN,
  BUYER_PROFILE_LIMITS,
  CATEGORY_CODES,
  CERTIFICATION_TYPES,
  COUNTRIES,
  CURRENCIES,
  INCOTERMS,
  SPOKEN_LANGUAGES,
  type CategoryCode,
  type CertificationType,
  type Incoterm,
  type SpokenLanguage,
  type UpdateBuyerProfileRequest,
} from '@craftmatch/shared';

const COUNTRY_CODES = COUNTRIES.map((c) => c.code);
const CURRENCY_CODES = CURRENCIES.map((c) => c.code);

const listOf =
  (normalize: (v: string) => string) =>
  ({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? [...new Set(value.map((v) => (typeof v === 'string' ? normalize(v.trim()) : v)))]
      : value;
const upperList = listOf((v) => v.toUpperCase());
const lowerList = listOf((v) => v.toLowerCase());

/** '' clears; codes are compared upper-cased. */
const upperCode = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (value.trim() === '' ? null : value.trim().toUpperCase()) : value;
const trimmedOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value;
/** `importer.de` is stored as `https://importer.de`. */
const withScheme = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
};

/** A missing field keeps its value; null or an empty list clears it. Amounts are decimal strings. */
export class UpdateBuyerProfileDto implements UpdateBuyerProfileRequest {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2', example: 'DE' })
  @Transform(upperCode)
  @IsOptional()
  @IsIn(COUNTRY_CODES)
  country?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BUYER_PROFILE_LIMITS.website })
  @Transform(withScheme)
  @IsOptional()
  @IsString()
  @MaxLength(BUYER_PROFILE_LIMITS.website)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true })
  website?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2500000.00' })
  @Transform(trimmedOrNull)
  @IsOptional()
  @IsString()
  @Matches(BUYER_AMOUNT_PATTERN)
  annualImportUsd?: string | null;

  @ApiPropertyOptional({ enum: CATEGORY_CODES, isArray: true })
  @Transform(upperList)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BUYER_PROFILE_LIMITS.categories)
  @IsIn(CATEGORY_CODES, { each: true })
  categories?: CategoryCode[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '4.50' })
  @Transform(trimmedOrNull)
  @IsOptional()
  @IsString()
  @Matches(BUYER_AMOUNT_PATTERN)
  targetPriceMin?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '12.00' })
  @Transform(trimmedOrNull)
  @IsOptional()
  @IsString()
  @Matches(BUYER_AMOUNT_PATTERN)
  targetPriceMax?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 4217', example: 'USD' })
  @Transform(upperCode)
  @IsOptional()
  @IsIn(CURRENCY_CODES)
  targetPriceCurrency?: string | null;

  @ApiPropertyOptional({ enum: INCOTERMS, isArray: true })
  @Transform(upperList)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BUYER_PROFILE_LIMITS.incoterms)
  @IsIn(INCOTERMS, { each: true })
  incoterms?: Incoterm[];

  @ApiPropertyOptional({ enum: CERTIFICATION_TYPES, isArray: true })
  @Transform(upperList)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BUYER_PROFILE_LIMITS.certifications)
  @IsIn(CERTIFICATION_TYPES, { each: true })
  certifications?: CertificationType[];

  @ApiPropertyOptional({ enum: SPOKEN_LANGUAGES, isArray: true })
  @Transform(lowerList)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BUYER_PROFILE_LIMITS.languages)
  @IsIn(SPOKEN_LANGUAGES, { each: true })
  languages?: SpokenLanguage[];
}
