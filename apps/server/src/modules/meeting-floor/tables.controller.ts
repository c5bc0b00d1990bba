import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { B2bTable, MeetingPlace } from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { CreateB2bTableDto, SetMeetingPlaceDto } from './dto/meeting-floor.dto';
import { TablesService } from './tables.service';

@ApiTags('meeting-floor')
@ApiBearerAuth()
@Controller()
export class TablesController {
  constructor(private readonly tables: TablesService) {}

  @Get('fairs/:fairId/b2b-tables')
  list(@CurrentUser() auth: AuthUser, @Param('fairId', UuidPipe) fairId: string): Promise<B2bTable[]> {
    return this.tables.list(auth, fairId);
  }

  @Roles('organizer')
  @Post('fairs/:fairId/b2b-tables')
  create(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Body() body: CreateB2bTableDto,
  ): Promise<B2bTable> {
    return this.tables.create(auth, fairId, body);
  }

  @Roles('organizer')
  @Delete('fairs/:fairId/b2b-tables/:tableId')
  @HttpCode(204)
  remove(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Param('tableId', UuidPipe) tableId: string,
  ): Promise<void> {
    return this.tables.remove(auth, fairId, tableId);
  }

  @Get('meetings/:id/place')
  place(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<MeetingPlace> {
    return this.tables.place(auth, id);
  }

  @Roles('organizer', 'buyer', 'exhibitor')
  @Patch('meetings/:id/place')
  setPlace(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: SetMeetingPlaceDto,
  ): Promise<MeetingPlace> {
    return this.tables.setPlace(auth, id, body);
  }
}
