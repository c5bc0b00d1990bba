import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail';
import { NotificationsModule } from '../notifications';
import { UsersModule } from '../users';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { CompanyMembership } from './company-membership.entity';
import { Company } from './company.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Company, CompanyMembership]),
    UsersModule,
    NotificationsModule,
    MailModule,
  ],
  controllers: [CompaniesController],
  providers: [CompaniesService],
  exports: [CompaniesService],
})
export class CompaniesModule {}
