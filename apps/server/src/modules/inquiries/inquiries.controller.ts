import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { CreateInquiryResponse, InquiryDetail, InquiryPage } from '@craftmatch/shared';
import { CurrentUser, Public, Roles } from '../../common/decorators';
import { clientIp, type AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { CreateInquiryDto } from './dto/create-inquiry.dto';
import { ListInquiriesDto } from './dto/list-inquiries.dto';
import { ReplyInquiryDto } from './dto/reply-inquiry.dto';
import { InquiriesService } from './inquiries.service';

/** "Contact the maker", from a public product page. */
@ApiTags('inquiries')
@Controller('catalogue/products')
export class PublicInquiriesController {
  constructor(private readonly inquiries: InquiriesService) {}

  @Public()
  @Post(':slug/inquiries')
  create(
    @Param('slug') slug: string,
    @Body() body: CreateInquiryDto,
    @Req() request: FastifyRequest,
  ): Promise<CreateInquiryResponse> {
    const header = request.headers['accept-language'];
    return this.inquiries.create(slug, body, {
      ip: clientIp(request),
      acceptLanguage: typeof header === 'string' ? header : undefined,
    });
  }
}

/** The exhibitor's inbox. */
@ApiTags('inquiries')
@ApiBearerAuth()
@Roles('exhibitor')
@Controller('inquiries')
export class InquiriesController {
  constructor(private readonly inquiries: InquiriesService) {}

  @Get()
  list(@CurrentUser() auth: AuthUser, @Query() query: ListInquiriesDto): Promise<InquiryPage> {
    return this.inquiries.list(auth, query);
  }

  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<InquiryDetail> {
    return this.inquiries.get(auth, id);
  }

  @Post(':id/replies')
  reply(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReplyInquiryDto,
  ): Promise<InquiryDetail> {
    return this.inquiries.reply(auth, id, body);
  }
}
