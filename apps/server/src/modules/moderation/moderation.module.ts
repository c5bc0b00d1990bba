import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { CompaniesModule } from '../companies';
import { NotificationsModule } from '../notifications';
import { ProductsModule } from '../products';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';

@Module({
  imports: [AuditModule, AuthModule, CompaniesModule, NotificationsModule, ProductsModule],
  controllers: [ModerationController],
  providers: [ModerationService],
})
export class ModerationModule {}
