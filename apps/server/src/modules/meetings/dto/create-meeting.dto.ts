import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { MEETING_MAX_PROPOSALS, MEETING_MESSAGE_MAX, type CreateMeetingRequest } from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';

export class CreateMeetingDto implements CreateMeetingRequest {
  @ApiProperty({ format: 'uuid', description: 'the attending person of the other company' })
  @IsUUID()
  withUserId: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MEETING_MAX_PROPOSALS,
    description: 'slot starts, ISO 8601',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEETING_MAX_PROPOSALS)
  @ArrayUnique()
  @IsISO8601({ strict: true }, { each: true })
  slots: string[];

  @ApiPropertyOptional({ maxLength: MEETING_MESSAGE_MAX })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MEETING_MESSAGE_MAX)
  message?: string;

  @ApiPropertyOptional({ description: 'ISO 639-1 language for an interpreter, e.g. "ja"' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/)
  interpreterLanguage?: string;
}
