import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import {
  COMPANY_KINDS,
  LANGUAGES,
  PASSWORD_MIN_LENGTH,
  type CompanyKind,
  type Language,
  type RegisterRequest,
} from '@craftmatch/shared';
import { EmailField, Trim } from '../../../common/dto-fields';

export class RegisterDto implements RegisterRequest {
  @EmailField()
  email: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: 200,
    description: 'letters and digits or symbols',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;

  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'defaults to Accept-Language' })
  @IsOptional()
  @IsIn(LANGUAGES)
  locale?: Language;

  @ApiProperty({ enum: COMPANY_KINDS, description: 'organizer accounts are invited, never self-registered' })
  @IsNotEmpty()
  @IsIn(COMPANY_KINDS)
  companyKind: CompanyKind;

  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  companyName: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', example: 'VN' })
  @IsOptional()
  @IsISO31661Alpha2()
  countryCode?: string;

  @ApiProperty({
    description: 'must be true: the privacy notice was read and accepted (else CONSENT_REQUIRED)',
  })
  @IsOptional()
  @IsBoolean()
  acceptPrivacy: boolean;
}
