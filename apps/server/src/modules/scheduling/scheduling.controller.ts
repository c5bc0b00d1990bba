import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  CurrentScheduleDraft,
  GenerateScheduleResponse,
  Page,
  PublishScheduleResult,
  ScheduleAgenda,
  ScheduleDraftMeeting,
  ScheduleDraftPerson,
  ScheduleDraftSummary,
  ScheduleSettings,
  ScheduleUnscheduledPair,
} from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import {
  DraftMeetingQueryDto,
  DraftPersonQueryDto,
  GenerateScheduleDto,
  UnscheduledQueryDto,
  UpdateScheduleSettingsDto,
} from './dto/scheduling.dto';
import { SchedulingService } from './scheduling.service';

/** The auto-scheduler: the organizer's team reads, the organizer changes (everyone else 403). */
@ApiTags('scheduling')
@ApiBearerAuth()
@Controller()
@Roles('organizer', 'organizer_staff')
export class SchedulingController {
  constructor(private readonly scheduling: SchedulingService) {}

  @Get('fairs/:fairId/scheduling/settings')
  settings(@Param('fairId', UuidPipe) fairId: string): Promise<ScheduleSettings> {
    return this.scheduling.settings(fairId);
  }

  @Put('fairs/:fairId/scheduling/settings')
  @Roles('organizer')
  updateSettings(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Body() body: UpdateScheduleSettingsDto,
  ): Promise<ScheduleSettings> {
    return this.scheduling.updateSettings(auth, fairId, body);
  }

  /** Starts a draft (202); progress follows on `schedule:progress`. */
  @Post('fairs/:fairId/scheduling/drafts')
  @Roles('organizer')
  @HttpCode(202)
  generate(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Body() body: GenerateScheduleDto,
  ): Promise<GenerateScheduleResponse> {
    return this.scheduling.generate(auth, fairId, body.mode);
  }

  @Get('fairs/:fairId/scheduling/drafts/current')
  current(@Param('fairId', UuidPipe) fairId: string): Promise<CurrentScheduleDraft> {
    return this.scheduling.current(fairId);
  }

  @Get('scheduling/drafts/:draftId')
  summary(@Param('draftId', UuidPipe) draftId: string): Promise<ScheduleDraftSummary> {
    return this.scheduling.summary(draftId);
  }

  @Get('scheduling/drafts/:draftId/meetings')
  meetings(
    @Param('draftId', UuidPipe) draftId: string,
    @Query() query: DraftMeetingQueryDto,
  ): Promise<Page<ScheduleDraftMeeting>> {
    return this.scheduling.meetings(draftId, query);
  }

  @Get('scheduling/drafts/:draftId/people')
  people(
    @Param('draftId', UuidPipe) draftId: string,
    @Query() query: DraftPersonQueryDto,
  ): Promise<Page<ScheduleDraftPerson>> {
    return this.scheduling.people(draftId, query);
  }

  @Get('scheduling/drafts/:draftId/agenda/:userId')
  agenda(
    @Param('draftId', UuidPipe) draftId: string,
    @Param('userId', UuidPipe) userId: string,
  ): Promise<ScheduleAgenda> {
    return this.scheduling.agenda(draftId, userId);
  }

  @Get('scheduling/drafts/:draftId/unscheduled')
  unscheduled(
    @Param('draftId', UuidPipe) draftId: string,
    @Query() query: UnscheduledQueryDto,
  ): Promise<Page<ScheduleUnscheduledPair>> {
    return this.scheduling.unscheduled(draftId, query);
  }

  @Post('scheduling/drafts/:draftId/publish')
  @Roles('organizer')
  @HttpCode(200)
  publish(
    @CurrentUser() auth: AuthUser,
    @Param('draftId', UuidPipe) draftId: string,
  ): Promise<PublishScheduleResult> {
    return this.scheduling.publish(auth, draftId);
  }

  @Post('scheduling/drafts/:draftId/discard')
  @Roles('organizer')
  @HttpCode(200)
  discard(@Param('draftId', UuidPipe) draftId: string): Promise<ScheduleDraftSummary> {
    return this.scheduling.discard(draftId);
  }
}
