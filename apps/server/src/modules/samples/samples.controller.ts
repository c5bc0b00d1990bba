import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Page, SampleDetail, SampleSummary } from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { CreateSampleDto, ListSamplesDto, RejectSampleDto, SendSampleDto } from './dto/sample.dto';
import { SamplesService } from './samples.service';

@ApiTags('samples')
@ApiBearerAuth()
@Controller()
export class SamplesController {
  constructor(private readonly samples: SamplesService) {}

  @Roles('exhibitor', 'buyer')
  @Post('fairs/:fairId/samples')
  create(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Body() body: CreateSampleDto,
  ): Promise<SampleDetail> {
    return this.samples.create(auth, fairId, body);
  }

  @Roles('exhibitor', 'buyer', 'organizer', 'organizer_staff')
  @Get('samples')
  list(@CurrentUser() auth: AuthUser, @Query() query: ListSamplesDto): Promise<Page<SampleSummary>> {
    return this.samples.list(auth, query);
  }

  @Roles('exhibitor', 'buyer', 'organizer', 'organizer_staff')
  @Get('samples/:id')
  get(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<SampleDetail> {
    return this.samples.get(auth, id);
  }

  @Roles('exhibitor', 'buyer', 'organizer', 'organizer_staff')
  @Get('samples/:id/audit')
  audit(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<AuditEntry[]> {
    return this.samples.auditTrail(auth, id);
  }

  @Roles('exhibitor')
  @Post('samples/:id/send')
  @HttpCode(200)
  send(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: SendSampleDto,
  ): Promise<SampleDetail> {
    return this.samples.send(auth, id, body);
  }

  @Roles('buyer')
  @Post('samples/:id/receive')
  @HttpCode(200)
  receive(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<SampleDetail> {
    return this.samples.receive(auth, id);
  }

  @Roles('buyer')
  @Post('samples/:id/approve')
  @HttpCode(200)
  approve(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<SampleDetail> {
    return this.samples.approve(auth, id);
  }

  @Roles('buyer')
  @Post('samples/:id/reject')
  @HttpCode(200)
  reject(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: RejectSampleDto,
  ): Promise<SampleDetail> {
    return this.samples.reject(auth, id, body);
  }
}
