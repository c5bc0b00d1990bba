import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Fair, FairPage } from '@craftmatch/shared';
import { CurrentUser, Public, RequirePermission } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import {
  ChangeFairStatusDto,
  CreateFairDto,
  ListFairsDto,
  ListManagedFairsDto,
  UpdateFairDto,
} from './dto/fair.dto';
import { FairsService } from './fairs.service';

/** Open to anyone: fairs past the draft stage. */
@ApiTags('fairs')
@Controller('fairs')
export class FairsController {
  constructor(private readonly fairs: FairsService) {}

  @Get()
  @Public()
  list(@Query() query: ListFairsDto): Promise<FairPage> {
    return this.fairs.listPublic(query);
  }

  @Get(':slug')
  @Public()
  get(@Param('slug') slug: string): Promise<Fair> {
    return this.fairs.getPublic(slug);
  }
}

/** The organizer's fair editor. */
@ApiTags('fairs')
@ApiBearerAuth()
@Controller('organizer/fairs')
export class OrganizerFairsController {
  constructor(private readonly fairs: FairsService) {}

  @Get()
  @RequirePermission('fairs.read')
  list(@Query() query: ListManagedFairsDto): Promise<FairPage> {
    return this.fairs.listManaged(query);
  }

  @Get(':id')
  @RequirePermission('fairs.read')
  get(@Param('id', UuidPipe) id: string): Promise<Fair> {
    return this.fairs.getManaged(id);
  }

  @Post()
  @RequirePermission('fairs.manage')
  create(@CurrentUser() auth: AuthUser, @Body() body: CreateFairDto): Promise<Fair> {
    return this.fairs.create(auth, body);
  }

  @Patch(':id')
  @RequirePermission('fairs.manage')
  update(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateFairDto,
  ): Promise<Fair> {
    return this.fairs.update(auth, id, body);
  }

  @Post(':id/status')
  @RequirePermission('fairs.manage')
  changeStatus(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ChangeFairStatusDto,
  ): Promise<Fair> {
    return this.fairs.changeStatus(auth, id, body.status);
  }
}
