import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  MEETING_MAX_PROPOSALS,
  MEETING_MESSAGE_MAX,
  type AcceptRescheduleRequest,
  type CounterMeetingRequest,
  type RescheduleMeetingRequest,
  type SetAvailabilityRequest,
  type UpdateMeetingRequest,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';

/** 1–3 distinct slot starts (ISO 8601) of the fair. */
const Slots = () => {
  const decorators = [
    ApiProperty({ type: [String], minItems: 1, maxItems: MEETING_MAX_PROPOSALS, description: 'slot starts' }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MEETING_MAX_PROPOSALS),
    ArrayUnique(),
    IsISO8601({ strict: true }, { each: true }),
  ];
  return (target: object, key: string) => decorators.forEach((d) => d(target, key));
};

const Message = () => {
  const decorators = [
    ApiPropertyOptional({ maxLength: MEETING_MESSAGE_MAX }),
    IsOptional(),
    Trim(),
    IsString(),
    MaxLength(MEETING_MESSAGE_MAX),
  ];
  return (target: object, key: string) => decorators.forEach((d) => d(target, key));
};

export class CounterMeetingDto implements CounterMeetingRequest {
  @Slots()
  slots: string[];

  @Message()
  message?: string;
}

export class RescheduleMeetingDto implements RescheduleMeetingRequest {
  @Slots()
  slots: string[];

  @Message()
  message?: string;
}

export class UpdateMeetingDto implements UpdateMeetingRequest {
  @IsOptional()
  @Slots()
  slots?: string[];

  @Message()
  message?: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'ISO 639-1 language for an interpreter; null removes it',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(/^[a-z]{2,3}$/)
  interpreterLanguage?: string | null;
}

export class AcceptRescheduleDto implements AcceptRescheduleRequest {
  @ApiProperty({ description: 'start of one of the proposed slots, ISO 8601' })
  @IsISO8601({ strict: true })
  slotStart: string;
}

export class SetAvailabilityDto implements SetAvailabilityRequest {
  @ApiProperty({ type: [String], description: 'slot starts the caller is not available in' })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsISO8601({ strict: true }, { each: true })
  blocked: string[];
}
