import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LANGUAGES, type InviteMemberRequest, type Language } from '@craftmatch/shared';
import { EmailField } from '../../../common/dto-fields';

export class InviteMemberDto implements InviteMemberRequest {
  @EmailField()
  email: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: "language of the e-mail; defaults to the inviter's" })
  @IsOptional()
  @IsIn(LANGUAGES)
  locale?: Language;
}
