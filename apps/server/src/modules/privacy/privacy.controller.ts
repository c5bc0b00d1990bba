import { Body, Controller, Delete, Get, HttpCode, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { MyDataExport } from '@craftmatch/shared';
import { CurrentUser } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { RefreshCookie } from '../auth';
import { DeleteAccountDto } from './dto/delete-account.dto';
import { PrivacyService } from './privacy.service';

/** The signed-in person's own data: every route acts on the caller only, whatever their role. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('privacy')
export class PrivacyController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly cookie: RefreshCookie,
  ) {}

  /** Everything held about the caller, as a JSON file. */
  @Get('me')
  async myData(
    @CurrentUser() auth: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MyDataExport> {
    const data = await this.privacy.myData(auth);
    reply.header('content-disposition', 'attachment; filename="craftmatch-my-data.json"');
    reply.header('cache-control', 'no-store');
    return data;
  }

  /** Deletes the caller's account, confirmed by the password; the refresh cookie goes with it. */
  @Delete('me')
  @HttpCode(204)
  async deleteAccount(
    @CurrentUser() auth: AuthUser,
    @Body() body: DeleteAccountDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.privacy.deleteAccount(auth, body.password);
    this.cookie.clear(reply);
  }
}
