import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  LANGUAGES,
  STAFF_ROLES,
  type InviteStaffRequest,
  type Language,
  type StaffRole,
} from '@craftmatch/shared';
import { EmailField, Trim } from '../../../common/dto-fields';

export class InviteStaffDto implements InviteStaffRequest {
  @EmailField()
  email: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsNotEmpty()
  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @ApiPropertyOptional({ enum: LANGUAGES, description: "language of the e-mail; defaults to the inviter's" })
  @IsOptional()
  @IsIn(LANGUAGES)
  locale?: Language;
}
