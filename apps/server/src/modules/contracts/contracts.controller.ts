import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditEntry, ContractDetail, ContractSummary, Page, PipelineResponse } from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { ContractsService } from './contracts.service';
import {
  CancelContractDto,
  CreateContractDto,
  DisputeContractDto,
  ListContractsDto,
  PipelineQueryDto,
  RevalueContractDto,
  UpdateContractDto,
} from './dto/contract.dto';
import { PipelineService } from './pipeline.service';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller()
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly pipelines: PipelineService,
  ) {}

  @Roles('exhibitor', 'buyer')
  @Post('fairs/:fairId/contracts')
  create(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Body() body: CreateContractDto,
  ): Promise<ContractDetail> {
    return this.contracts.create(auth, fairId, body);
  }

  @Roles('exhibitor', 'buyer', 'organizer', 'organizer_staff')
  @Get('contracts')
  list(@CurrentUser() auth: AuthUser, @Query() query: ListContractsDto): Promise<Page<ContractSummary>> {
    return this.contracts.list(auth, query);
  }

  @Roles('exhibitor', 'buyer', 'organizer', 'organizer_staff')
  @Get('contracts/:id')
  get(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<ContractDetail> {
    return this.contracts.get(auth, id);
  }

  @Roles('exhibitor', 'buyer', 'organizer', 'organizer_staff')
  @Get('contracts/:id/audit')
  audit(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<AuditEntry[]> {
    return this.contracts.auditTrail(auth, id);
  }

  @Roles('exhibitor', 'buyer')
  @Patch('contracts/:id')
  update(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateContractDto,
  ): Promise<ContractDetail> {
    return this.contracts.update(auth, id, body);
  }

  /** The declaring party attaches or replaces the signed copy: multipart, one PDF, JPEG or PNG file. */
  @Roles('exhibitor', 'buyer')
  @Post('contracts/:id/attachment')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  uploadAttachment(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ContractDetail> {
    return this.contracts.uploadAttachment(auth, id, request);
  }

  @Roles('exhibitor', 'buyer', 'organizer', 'organizer_staff')
  @Get('contracts/:id/attachment')
  @ApiOkResponse({ description: 'The attachment bytes, for both parties and the organizers' })
  async downloadAttachment(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const content = await this.contracts.attachment(auth, id);
    const extension = content.filename.slice(content.filename.lastIndexOf('.'));
    reply
      .header('content-type', content.mime)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="contract-${id}${extension}"`)
      .send(content.body);
  }

  @Roles('exhibitor', 'buyer')
  @Delete('contracts/:id/attachment')
  removeAttachment(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<ContractDetail> {
    return this.contracts.removeAttachment(auth, id);
  }

  @Roles('exhibitor', 'buyer')
  @Post('contracts/:id/confirm')
  @HttpCode(200)
  confirm(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<ContractDetail> {
    return this.contracts.confirm(auth, id);
  }

  @Roles('exhibitor', 'buyer')
  @Post('contracts/:id/dispute')
  @HttpCode(200)
  dispute(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: DisputeContractDto,
  ): Promise<ContractDetail> {
    return this.contracts.dispute(auth, id, body);
  }

  @Roles('exhibitor', 'buyer')
  @Post('contracts/:id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CancelContractDto,
  ): Promise<ContractDetail> {
    return this.contracts.cancel(auth, id, body);
  }

  @Roles('organizer')
  @Post('contracts/:id/revalue')
  @HttpCode(200)
  revalue(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: RevalueContractDto,
  ): Promise<ContractDetail> {
    return this.contracts.revalue(auth, id, body);
  }

  @Roles('exhibitor', 'buyer')
  @Get('pipeline')
  pipeline(@CurrentUser() auth: AuthUser, @Query() query: PipelineQueryDto): Promise<PipelineResponse> {
    return this.pipelines.pipeline(auth, query.fairId);
  }
}
