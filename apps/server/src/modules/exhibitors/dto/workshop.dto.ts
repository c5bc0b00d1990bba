import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROFILE_LIMITS, PROVINCE_CODES, VILLAGE_CODES, type WorkshopRequest } from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';
import { EmptyToNull, NullableText } from './fields';

export class WorkshopDto implements WorkshopRequest {
  @ApiProperty({ maxLength: PROFILE_LIMITS.workshopName })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PROFILE_LIMITS.workshopName)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, enum: VILLAGE_CODES })
  @EmptyToNull()
  @IsOptional()
  @IsIn(VILLAGE_CODES)
  villageCode?: string | null;

  @NullableText(PROFILE_LIMITS.villageOther)
  villageOther?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: PROVINCE_CODES })
  @EmptyToNull()
  @IsOptional()
  @IsIn(PROVINCE_CODES)
  provinceCode?: string | null;

  @NullableText(PROFILE_LIMITS.workshopDescription)
  description?: string | null;
}
