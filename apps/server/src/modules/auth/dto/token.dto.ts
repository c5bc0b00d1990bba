import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { TokenRequest } from '@craftmatch/shared';

export class TokenDto implements TokenRequest {
  @ApiProperty({ description: 'the token from the e-mailed link', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}
