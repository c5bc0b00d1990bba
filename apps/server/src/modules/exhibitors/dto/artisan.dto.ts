import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PROFILE_LIMITS, type ArtisanRequest } from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';
import { NullableText } from './fields';

export class ArtisanDto implements ArtisanRequest {
  @ApiProperty({ maxLength: PROFILE_LIMITS.artisanName })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.artisanName)
  name: string;

  @NullableText(PROFILE_LIMITS.artisanTitle)
  title?: string | null;

  @NullableText(PROFILE_LIMITS.artisanBio)
  bio?: string | null;
}
