import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/decorators';
import { ReferenceService } from './reference.service';

@ApiTags('reference')
@Controller('reference')
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  /** Categories, villages, provinces, certifications, Incoterms, payment terms, currencies, countries. */
  @Get()
  @Public()
  @ApiOkResponse({ description: 'ReferenceData (libs/shared), cacheable for a day' })
  get(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const { json, etag } = this.reference.serialised();
    reply.header('etag', etag).header('cache-control', 'public, max-age=86400');
    if (request.headers['if-none-match'] === etag) {
      reply.status(304).send();
      return;
    }
    reply.header('content-type', 'application/json; charset=utf-8').send(json);
  }
}
