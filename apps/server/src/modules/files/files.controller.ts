import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/decorators';
import type { AppRequest } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { FilesService, type FileContent } from './files.service';

/** Photos and logos are public (shown on public pages); documents need a member or an organizer. */
@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Get(':id')
  @Public()
  @ApiOkResponse({ description: 'The file bytes, with an ETag and a long Cache-Control' })
  async original(@Req() request: AppRequest, @Res() reply: FastifyReply, @Param('id', UuidPipe) id: string) {
    send(request, reply, await this.files.content(request.user, id, 'original'));
  }

  @Get(':id/thumb')
  @Public()
  @ApiOkResponse({ description: 'A WebP thumbnail of at most 400 px' })
  async thumb(@Req() request: AppRequest, @Res() reply: FastifyReply, @Param('id', UuidPipe) id: string) {
    send(request, reply, await this.files.content(request.user, id, 'thumb'));
  }
}

function send(request: AppRequest, reply: FastifyReply, content: FileContent): void {
  reply
    .header('etag', content.etag)
    .header('cache-control', content.cacheControl)
    .header('content-disposition', `inline; filename="${content.filename}"`);
  const match = request.headers['if-none-match'];
  if (typeof match === 'string' && match.split(',').some((tag) => tag.trim() === content.etag)) {
    reply.status(304).send();
    return;
  }
  reply.header('content-type', content.mime).send(content.body);
}
