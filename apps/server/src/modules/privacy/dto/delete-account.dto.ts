import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { DeleteAccountRequest } from '@craftmatch/shared';

export class DeleteAccountDto implements DeleteAccountRequest {
  @ApiProperty({ maxLength: 1000, description: 'the current password, as confirmation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  password: string;
}
