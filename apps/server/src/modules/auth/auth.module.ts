import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesModule } from '../companies';
import { MailModule } from '../mail';
import { UsersModule } from '../users';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshCookie } from './refresh-cookie';
import { RefreshToken } from './refresh-token.entity';
import { RevocationListener } from './revocation-listener';
import { SessionService } from './session.service';
import { UserToken } from './user-token.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RefreshToken, UserToken]), UsersModule, CompaniesModule, MailModule],
  controllers: [AuthController],
  providers: [AuthService, SessionService, RefreshCookie, RevocationListener],
  exports: [SessionService, RefreshCookie, RevocationListener],
})
export class AuthModule {}
