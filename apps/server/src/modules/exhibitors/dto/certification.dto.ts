import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import {
  CERTIFICATION_TYPES,
  PROFILE_LIMITS,
  type CertificationRequest,
  type CertificationType,
} from '@craftmatch/shared';
import { EmptyToNull, NullableText } from './fields';

export class CertificationDto implements CertificationRequest {
  @ApiProperty({ enum: CERTIFICATION_TYPES })
  @IsIn(CERTIFICATION_TYPES)
  type: CertificationType;

  @NullableText(PROFILE_LIMITS.certificationNumber)
  number?: string | null;

  @NullableText(PROFILE_LIMITS.certificationIssuer)
  issuer?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2027-06-30' })
  @EmptyToNull()
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  expiresOn?: string | null;
}
