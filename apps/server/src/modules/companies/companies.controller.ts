import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CompanyMember, CompanySummary, Page } from '@craftmatch/shared';
import { CurrentUser, RequirePermission } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { CompaniesService } from './companies.service';
import { ListCompaniesDto } from './dto/list-companies.dto';
import { RejectCompanyDto } from './dto/reject-company.dto';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @RequirePermission('companies.list')
  list(@Query() query: ListCompaniesDto): Promise<Page<CompanySummary>> {
    return this.companies.list(query);
  }

  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<CompanySummary> {
    return this.companies.get(auth, id);
  }

  @Get(':id/members')
  members(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<CompanyMember[]> {
    return this.companies.members(auth, id);
  }

  @Post(':id/approve')
  @RequirePermission('companies.review')
  approve(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<CompanySummary> {
    return this.companies.approve(auth, id);
  }

  @Post(':id/reject')
  @RequirePermission('companies.review')
  reject(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: RejectCompanyDto,
  ): Promise<CompanySummary> {
    return this.companies.reject(auth, id, body.reason);
  }
}
