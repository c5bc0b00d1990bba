import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  FieldErrorCode,
  type Availability,
  type FairAttendee,
  type FairSlot,
  type MeetingDetail,
  type PersonSlot,
} from '@craftmatch/shared';
import { DomainError } from '../../common/domain-error';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { AcceptMeetingDto, CancelMeetingDto, DeclineMeetingDto } from './dto/answer-meeting.dto';
import {
  AcceptRescheduleDto,
  CounterMeetingDto,
  RescheduleMeetingDto,
  SetAvailabilityDto,
  UpdateMeetingDto,
} from './dto/change-meeting.dto';
import { CreateMeetingDto } from './dto/create-meeting.dto';
import { MeetingsService } from './meetings.service';

const OptionalUuidPipe = new ParseUUIDPipe({
  optional: true,
  exceptionFactory: () => DomainError.validation({ companyId: FieldErrorCode.INVALID_UUID }),
});

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
  @Get('fairs/:fairId/attendees')
  @ApiQuery({ name: 'companyId', required: false })
  attendees(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Query('companyId', OptionalUuidPipe) companyId?: string,
  ): Promise<FairAttendee[]> {
    return this.meetings.attendees(auth, fairId, companyId);
  }

  @Roles('buyer', 'exhibitor')
  @Get('fairs/:fairId/people/:userId/slots')
  personSlots(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Param('userId', UuidPipe) userId: string,
  ): Promise<PersonSlot[]> {
    return this.meetings.personSlots(auth, fairId, userId);
  }

  @Roles('buyer', 'exhibitor')
  @Get('fairs/:fairId/availability')
  availability(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
  ): Promise<Availability> {
    return this.meetings.availability(auth, fairId);
  }

  @Roles('buyer', 'exhibitor')
  @Put('fairs/:fairId/availability')
  setAvailability(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Body() body: SetAvailabilityDto,
  ): Promise<Availability> {
    return this.meetings.setAvailability(auth, fairId, body);
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
  @Patch('meetings/:id')
  update(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.update(auth, id, body);
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
  @Post('meetings/:id/counter')
  @HttpCode(200)
  counter(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CounterMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.counter(auth, id, body);
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

  @Roles('buyer', 'exhibitor')
  @Post('meetings/:id/reschedule')
  @HttpCode(200)
  reschedule(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: RescheduleMeetingDto,
  ): Promise<MeetingDetail> {
    return this.meetings.reschedule(auth, id, body);
  }

  @Roles('buyer', 'exhibitor')
  @Post('meetings/:id/reschedule/accept')
  @HttpCode(200)
  acceptReschedule(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: AcceptRescheduleDto,
  ): Promise<MeetingDetail> {
    return this.meetings.acceptReschedule(auth, id, body);
  }

  @Roles('buyer', 'exhibitor')
  @Post('meetings/:id/reschedule/decline')
  @HttpCode(200)
  declineReschedule(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<MeetingDetail> {
    return this.meetings.declineReschedule(auth, id);
  }
}
