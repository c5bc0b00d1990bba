import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { INQUIRY_MESSAGE_MAX, type ReplyInquiryRequest } from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';

export class ReplyInquiryDto implements ReplyInquiryRequest {
  @ApiProperty({ maxLength: INQUIRY_MESSAGE_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(INQUIRY_MESSAGE_MAX)
  message: string;

  @ApiProperty({ description: 'add a link to register as a buyer' })
  @IsBoolean()
  inviteToRegister: boolean;
}
