import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FairSlot, MeetingDetail } from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { AcceptMeetingDto, CancelMeetingDto, DeclineMeetingDto } from './dto/answer-meeting.dto';
import { CreateMeetingDto } from './dto/create-meeting.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get('fairs/:fairId/meeting-slots')
  slots(@Param('fairId', UuidPipe) fairId: string): Promise<FairSlot[]> {
    return this.meetings.slots(fairId);
  }

  @Roles('buyer', 'exhibitor')
  @Post('fairs/:fairId/meetings')
  request(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Body() body: CreateMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.request(auth, fairId, body);
  }

  @Roles('buyer', 'exhibitor')
  @Get('fairs/:fairId/meetings/mine')
  mine(@CurrentUser() auth: AuthUser, @Param('fairId', UuidPipe) fairId: string): Promise<MeetingDetail[]> {
    return this.meetings.mine(auth, fairId);
  }

  @Get('meetings/:id')
  get(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<MeetingDetail> {
    return this.meetings.get(auth, id);
  }

  @Roles('buyer', 'exhibitor')
  @Post('meetings/:id/accept')
  @HttpCode(200)
  accept(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: AcceptMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.accept(auth, id, body);
  }

  @Roles('buyer', 'exhibitor')
  @Post('meetings/:id/decline')
  @HttpCode(200)
  decline(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: DeclineMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.decline(auth, id, body);
  }

  @Roles('buyer', 'exhibitor')
  @Post('meetings/:id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CancelMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.cancel(auth, id, body);
  }
}
