import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthSession, Me, SessionInfo } from '@craftmatch/shared';
import { CurrentUser, Public } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { AuthService } from './auth.service';
import { ClientInfo, type ClientContext } from './client-info';
import { ForgotPasswordDto } from './dto/forgot-password.dto';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { TokenDto } from './dto/token.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { RefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: RefreshCookie,
  ) {}

  @Public()
  @Post('register')
  async register(
    @Body() body: RegisterDto,
    @ClientInfo() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSession> {
    return this.cookie.set(reply, await this.auth.register(body, client));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @ClientInfo() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSession> {
    return this.cookie.set(reply, await this.auth.login(body, client));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Req() request: FastifyRequest,
    @ClientInfo() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSession> {
    try {
      return this.cookie.set(reply, await this.auth.refresh(this.cookie.read(request), client));
    } catch (error) {
      // A dead cookie is useless to keep around.
      this.cookie.clear(reply);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    this.cookie.clear(reply);
    await this.auth.logout(this.cookie.read(request));
  }

  @Get('me')
  @ApiBearerAuth()
  me(@CurrentUser() auth: AuthUser): Promise<Me> {
    return this.auth.me(auth);
  }

  @Patch('me')
  @ApiBearerAuth()
  updateMe(@CurrentUser() auth: AuthUser, @Body() body: UpdateMeDto): Promise<Me> {
    return this.auth.updateMe(auth, body);
  }

  /** The signed-in user's own sessions (devices), the current one flagged. */
  @Get('sessions')
  @ApiBearerAuth()
  sessions(@CurrentUser() auth: AuthUser): Promise<SessionInfo[]> {
    return this.auth.sessionList(auth);
  }

  /** Signs out everywhere but here. */
  @Delete('sessions')
  @HttpCode(204)
  @ApiBearerAuth()
  revokeOtherSessions(@CurrentUser() auth: AuthUser): Promise<void> {
    return this.auth.revokeOtherSessions(auth);
  }

  /** Ends one of the user's sessions; another user's session id is a 404. */
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  revokeSession(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.auth.revokeSession(auth, id);
  }

  @Public()
  @Post('verify-email')
  @HttpCode(204)
  verifyEmail(@Body() body: TokenDto): Promise<void> {
    return this.auth.verifyEmail(body);
  }

  @Post('verify-email/resend')
  @HttpCode(204)
  @ApiBearerAuth()
  resendVerification(@CurrentUser() auth: AuthUser): Promise<void> {
    return this.auth.resendVerification(auth);
  }

  @Public()
  @Post('password/forgot')
  @HttpCode(204)
  forgotPassword(@Body() body: ForgotPasswordDto, @ClientInfo() client: ClientContext): Promise<void> {
    return this.auth.forgotPassword(body, client);
  }

  @Public()
  @Post('password/reset')
  @HttpCode(204)
  resetPassword(@Body() body: ResetPasswordDto, @ClientInfo() client: ClientContext): Promise<void> {
    return this.auth.resetPassword(body, client);
  }
}
