import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { UuidPipe } from '../../common/validation';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationPage } from '@craftmatch/shared';
import { CurrentUser } from '../../common/decorators';
import { PageQueryDto, pageParams } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() auth: AuthUser, @Query() query: PageQueryDto): Promise<NotificationPage> {
    return this.notifications.list(auth, pageParams(query));
  }

  @Post('read-all')
  @HttpCode(204)
  markAllRead(@CurrentUser() auth: AuthUser): Promise<void> {
    return this.notifications.markAllRead(auth);
  }

  @Post(':id/read')
  @HttpCode(204)
  markRead(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.notifications.markRead(auth, id);
  }
}
