import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  MEETING_DECLINE_REASONS,
  MEETING_REASON_MAX,
  type AcceptMeetingRequest,
  type CancelMeetingRequest,
  type DeclineMeetingRequest,
  type MeetingDeclineReason,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';

export class AcceptMeetingDto implements AcceptMeetingRequest {
  @ApiProperty({ description: 'start of one of the proposed slots, ISO 8601' })
  @IsISO8601({ strict: true })
  slotStart: string;
}

export class DeclineMeetingDto implements DeclineMeetingRequest {
  @ApiProperty({ enum: MEETING_DECLINE_REASONS })
  @IsIn(MEETING_DECLINE_REASONS)
  reasonCode: MeetingDeclineReason;
}

export class CancelMeetingDto implements CancelMeetingRequest {
  @ApiProperty({ maxLength: MEETING_REASON_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MEETING_REASON_MAX)
  reason: string;
}
