import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { ForgotPasswordRequest } from '@craftmatch/shared';
import { NormalizeEmail } from './transforms';

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @NormalizeEmail()
  @IsString()
  @IsNotEmpty()
  @IsEmail()
  @MaxLength(254)
  email: string;
}
