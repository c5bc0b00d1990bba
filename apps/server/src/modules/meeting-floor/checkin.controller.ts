import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CheckinCode, CheckinResult, MeetingOutcome, MyMeetingOutcome } from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { CheckinService } from './checkin.service';
import { CheckinDto, SaveMeetingOutcomeDto } from './dto/meeting-floor.dto';

@ApiTags('meeting-floor')
@ApiBearerAuth()
@Controller()
export class CheckinController {
  constructor(private readonly checkins: CheckinService) {}

  @Roles('buyer', 'exhibitor')
  @Get('meetings/:id/checkin-code')
  code(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<CheckinCode> {
    return this.checkins.code(auth, id);
  }

  @Roles('buyer', 'exhibitor', 'organizer', 'organizer_staff')
  @Post('meetings/checkin')
  @HttpCode(200)
  checkin(@CurrentUser() auth: AuthUser, @Body() body: CheckinDto): Promise<CheckinResult> {
    return this.checkins.checkin(auth, body.code);
  }

  @Roles('buyer', 'exhibitor')
  @Get('meetings/:id/outcome')
  outcome(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<MyMeetingOutcome> {
    return this.checkins.outcome(auth, id);
  }

  @Roles('buyer', 'exhibitor')
  @Put('meetings/:id/outcome')
  saveOutcome(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: SaveMeetingOutcomeDto,
  ): Promise<MeetingOutcome> {
    return this.checkins.saveOutcome(auth, id, body);
  }
}
