import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Agenda, CalendarFeedToken, CalendarFeedTokenStatus } from '@craftmatch/shared';
import { CurrentUser, Public, Roles } from '../../common/decorators';
import { DomainError } from '../../common/domain-error';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { AgendaService } from './agenda.service';
import { AgendaQueryDto } from './dto/agenda-query.dto';
import { CalendarService } from './calendar.service';

const CALENDAR = 'text/calendar; charset=utf-8';
const FEED_FILE = /^(.+)\.ics$/;

@ApiTags('agenda')
@ApiBearerAuth()
@Controller()
export class AgendaController {
  constructor(
    private readonly agendas: AgendaService,
    private readonly calendars: CalendarService,
  ) {}

  @Roles('buyer', 'exhibitor', 'interpreter', 'organizer', 'organizer_staff')
  @Get('fairs/:fairId/agenda')
  agenda(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Query() query: AgendaQueryDto,
  ): Promise<Agenda> {
    return this.agendas.agenda(auth, fairId, query.userId);
  }

  @Get('meetings/:id/ics')
  @ApiProduces('text/calendar')
  async meetingIcs(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body = await this.calendars.meetingIcs(auth, id);
    await reply
      .header('content-type', CALENDAR)
      .header('content-disposition', `attachment; filename="craftmatch-meeting-${id}.ics"`)
      .header('cache-control', 'private, no-store')
      .send(body);
  }

  @Get('calendar/feed-token')
  feedToken(@CurrentUser() auth: AuthUser): Promise<CalendarFeedTokenStatus> {
    return this.calendars.tokenStatus(auth);
  }

  @Post('calendar/feed-token')
  @HttpCode(201)
  regenerate(@CurrentUser() auth: AuthUser): Promise<CalendarFeedToken> {
    return this.calendars.regenerate(auth);
  }

  /** The secret token in the URL is the only authorization, as calendar apps send no credentials. */
  @Public()
  @Get('calendar/feed/:file')
  @ApiProduces('text/calendar')
  async feed(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const match = FEED_FILE.exec(file);
    if (!match) throw DomainError.notFound();
    const body = await this.calendars.feed(match[1]);
    await reply
      .header('content-type', CALENDAR)
      .header('content-disposition', 'inline; filename="craftmatch.ics"')
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .send(body);
  }
}
