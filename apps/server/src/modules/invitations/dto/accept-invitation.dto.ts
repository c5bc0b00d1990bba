import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  LANGUAGES,
  PASSWORD_MIN_LENGTH,
  type AcceptInvitationRequest,
  type Language,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ description: 'the token from the invitation link', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: "defaults to the invitation's language" })
  @IsOptional()
  @IsIn(LANGUAGES)
  locale?: Language;

  @ApiProperty({
    description: 'must be true: the privacy notice was read and accepted (else CONSENT_REQUIRED)',
  })
  @IsOptional()
  @IsBoolean()
  acceptPrivacy: boolean;
}
