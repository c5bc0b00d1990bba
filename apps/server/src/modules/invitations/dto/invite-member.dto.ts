import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LANGUAGES, type InviteMemberRequest, type Language } from '@craftmatch/shared';
import { NormalizeEmail } from '../../auth';

export class InviteMemberDto implements InviteMemberRequest {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @NormalizeEmail()
  @IsString()
  @IsNotEmpty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: "language of the e-mail; defaults to the inviter's" })
  @IsOptional()
  @IsIn(LANGUAGES)
  locale?: Language;
}
