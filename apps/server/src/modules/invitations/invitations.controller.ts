import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthSession, Invitation, InvitationPreview } from '@craftmatch/shared';
import { CurrentUser, Public, RequirePermission } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { ClientInfo, RefreshCookie, type ClientContext } from '../auth';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { InviteMemberDto } from './dto/invite-member.dto';
import { InviteStaffDto } from './dto/invite-staff.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly cookie: RefreshCookie,
  ) {}

  @Post('companies/:id/invitations')
  @RequirePermission('company.invite')
  @ApiBearerAuth()
  inviteMember(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: InviteMemberDto,
  ): Promise<Invitation> {
    return this.invitations.inviteMember(auth, id, body);
  }

  @Get('companies/:id/invitations')
  @ApiBearerAuth()
  listForCompany(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<Invitation[]> {
    return this.invitations.listForCompany(auth, id);
  }

  @Post('staff/invitations')
  @RequirePermission('staff.invite')
  @ApiBearerAuth()
  inviteStaff(@CurrentUser() auth: AuthUser, @Body() body: InviteStaffDto): Promise<Invitation> {
    return this.invitations.inviteStaff(auth, body);
  }

  @Public()
  @Get('invitations/:token')
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.invitations.preview(token);
  }

  @Public()
  @Post('invitations/accept')
  async accept(
    @Body() body: AcceptInvitationDto,
    @ClientInfo() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSession> {
    return this.cookie.set(reply, await this.invitations.accept(body, client));
  }
}
