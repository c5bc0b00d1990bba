import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  SCHEDULE_ENTRY_STATUSES,
  SCHEDULE_MAX_PER_DAY_LIMIT,
  SCHEDULE_MODES,
  SCHEDULE_TABLE_POLICIES,
  SCHEDULE_UNSCHEDULED_REASONS,
  type GenerateScheduleRequest,
  type ScheduleDraftMeetingQuery,
  type ScheduleDraftPersonQuery,
  type ScheduleEntryStatus,
  type ScheduleMode,
  type ScheduleTablePolicy,
  type ScheduleUnscheduledQuery,
  type ScheduleUnscheduledReason,
  type UpdateScheduleSettingsRequest,
} from '@craftmatch/shared';
import { PageQueryDto } from '../../../common/pagination';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class UpdateScheduleSettingsDto implements UpdateScheduleSettingsRequest {
  @ApiProperty({ minimum: 1, maximum: SCHEDULE_MAX_PER_DAY_LIMIT })
  @IsInt()
  @Min(1)
  @Max(SCHEDULE_MAX_PER_DAY_LIMIT)
  maxMeetingsPerDay: number;

  @ApiProperty({ nullable: true, example: '12:00', description: "local time in the fair's zone" })
  @IsOptional()
  @IsString()
  @Matches(TIME)
  lunchStart: string | null;

  @ApiProperty({ nullable: true, example: '13:00' })
  @IsOptional()
  @IsString()
  @Matches(TIME)
  lunchEnd: string | null;

  @ApiProperty({ enum: SCHEDULE_TABLE_POLICIES })
  @IsIn(SCHEDULE_TABLE_POLICIES)
  tablePolicy: ScheduleTablePolicy;

  @ApiProperty({ nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  tableHallId: string | null;
}

export class GenerateScheduleDto implements GenerateScheduleRequest {
  @ApiProperty({ enum: SCHEDULE_MODES })
  @IsIn(SCHEDULE_MODES)
  mode: ScheduleMode;
}

export class DraftMeetingQueryDto extends PageQueryDto implements ScheduleDraftMeetingQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: SCHEDULE_ENTRY_STATUSES })
  @IsOptional()
  @IsIn(SCHEDULE_ENTRY_STATUSES)
  status?: ScheduleEntryStatus;
}

export class DraftPersonQueryDto extends PageQueryDto implements ScheduleDraftPersonQuery {
  @ApiPropertyOptional({ description: "part of a person's or company's name" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['buyer', 'exhibitor'] })
  @IsOptional()
  @IsIn(['buyer', 'exhibitor'])
  side?: 'buyer' | 'exhibitor';
}

export class UnscheduledQueryDto extends PageQueryDto implements ScheduleUnscheduledQuery {
  @ApiPropertyOptional({ enum: SCHEDULE_UNSCHEDULED_REASONS })
  @IsOptional()
  @IsIn(SCHEDULE_UNSCHEDULED_REASONS)
  reason?: ScheduleUnscheduledReason;
}
