import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  B2B_TABLE_CODE_MAX,
  B2B_TABLE_SEATS_MAX,
  B2B_TABLE_SEATS_MIN,
  MEETING_INTEREST_LEVELS,
  MEETING_NEXT_STEPS,
  MEETING_OUTCOME_NOTES_MAX,
  MEETING_PLACE_KINDS,
  MEETING_STATUSES,
  MEETING_VIDEO_URL_MAX,
  type CheckinRequest,
  type CreateB2bTableRequest,
  type FairMeetingQuery,
  type MeetingInterestLevel,
  type MeetingNextStep,
  type MeetingPlaceKind,
  type MeetingStatus,
  type SaveMeetingOutcomeRequest,
  type SetMeetingPlaceRequest,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';
import { PageQueryDto } from '../../../common/pagination';

export class CreateB2bTableDto implements CreateB2bTableRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  hallId: string;

  @ApiProperty({ example: 'T-01', maxLength: B2B_TABLE_CODE_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(B2B_TABLE_CODE_MAX)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9.-]*$/)
  code: string;

  @ApiPropertyOptional({ minimum: B2B_TABLE_SEATS_MIN, maximum: B2B_TABLE_SEATS_MAX, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(B2B_TABLE_SEATS_MIN)
  @Max(B2B_TABLE_SEATS_MAX)
  seats?: number | null;
}

export class SetMeetingPlaceDto implements SetMeetingPlaceRequest {
  @ApiProperty({ enum: MEETING_PLACE_KINDS })
  @IsIn(MEETING_PLACE_KINDS)
  kind: MeetingPlaceKind;

  @ApiPropertyOptional({ format: 'uuid', description: "required when kind is 'table'" })
  @IsOptional()
  @IsUUID()
  tableId?: string;

  @ApiPropertyOptional({
    maxLength: MEETING_VIDEO_URL_MAX,
    description: "https only; required when kind is 'online'",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MEETING_VIDEO_URL_MAX)
  videoUrl?: string;
}

export class CheckinDto implements CheckinRequest {
  @ApiProperty({ description: 'the scanned code, or the whole check-in URL' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(600)
  code: string;
}

export class SaveMeetingOutcomeDto implements SaveMeetingOutcomeRequest {
  @ApiProperty({ enum: MEETING_INTEREST_LEVELS })
  @IsIn(MEETING_INTEREST_LEVELS)
  interest: MeetingInterestLevel;

  @ApiProperty({ enum: MEETING_NEXT_STEPS })
  @IsIn(MEETING_NEXT_STEPS)
  nextStep: MeetingNextStep;

  @ApiPropertyOptional({ maxLength: MEETING_OUTCOME_NOTES_MAX, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MEETING_OUTCOME_NOTES_MAX)
  notes?: string | null;
}

export class FairMeetingQueryDto extends PageQueryDto implements FairMeetingQuery {
  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: MeetingStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'either party' })
  @IsOptional()
  @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  needsInterpreter?: boolean;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;
}
