import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies';
import { MailModule } from '../mail';
import { NotificationsModule } from '../notifications';
import { InquiriesController, PublicInquiriesController } from './inquiries.controller';
import { InquiriesService } from './inquiries.service';

@Module({
  imports: [CompaniesModule, NotificationsModule, MailModule],
  controllers: [PublicInquiriesController, InquiriesController],
  providers: [InquiriesService],
})
export class InquiriesModule {}
