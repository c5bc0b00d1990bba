import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MIN_LENGTH, type ResetPasswordRequest } from '@craftmatch/shared';

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ description: 'the token from the e-mailed link', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}
