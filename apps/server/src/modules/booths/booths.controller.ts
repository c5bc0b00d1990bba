import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Booth, BoothPage, BoothPoster, EligibleProduct, FloorPlan } from '@craftmatch/shared';
import { CurrentUser, Public, RequirePermission } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { BoothsService } from './booths.service';
import {
  ApplyBoothDto,
  ApproveBoothDto,
  ListBoothsDto,
  RejectBoothDto,
  UpdateBoothDto,
} from './dto/booth.dto';

@ApiTags('booths')
@ApiBearerAuth()
@Controller()
export class BoothsController {
  constructor(private readonly booths: BoothsService) {}

  @Post('fairs/:fairId/booths')
  @RequirePermission('booths.apply')
  apply(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Body() body: ApplyBoothDto,
  ): Promise<Booth> {
    return this.booths.apply(auth, fairId, body);
  }

  @Get('fairs/:fairId/booths')
  @RequirePermission('fairs.read')
  list(@Param('fairId', UuidPipe) fairId: string, @Query() query: ListBoothsDto): Promise<BoothPage> {
    return this.booths.listForFair(fairId, query);
  }

  @Get('fairs/:fairId/floor')
  @RequirePermission('fairs.read')
  floor(@Param('fairId', UuidPipe) fairId: string): Promise<FloorPlan> {
    return this.booths.floor(fairId);
  }

  @Get('booths/mine')
  mine(@CurrentUser() auth: AuthUser): Promise<Booth[]> {
    return this.booths.mine(auth);
  }

  @Get('booths/eligible-products')
  @RequirePermission('booths.apply')
  eligibleProducts(@CurrentUser() auth: AuthUser): Promise<EligibleProduct[]> {
    return this.booths.eligibleProducts(auth);
  }

  @Get('booths/:id')
  get(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<Booth> {
    return this.booths.get(auth, id);
  }

  @Patch('booths/:id')
  @RequirePermission('booths.apply')
  update(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateBoothDto,
  ): Promise<Booth> {
    return this.booths.update(auth, id, body);
  }

  @Post('booths/:id/withdraw')
  @RequirePermission('booths.apply')
  withdraw(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<Booth> {
    return this.booths.withdraw(auth, id);
  }

  @Post('booths/:id/approve')
  @RequirePermission('booths.review')
  approve(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ApproveBoothDto,
  ): Promise<Booth> {
    return this.booths.approve(auth, id, body);
  }

  @Post('booths/:id/reject')
  @RequirePermission('booths.review')
  reject(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: RejectBoothDto,
  ): Promise<Booth> {
    return this.booths.reject(auth, id, body.reason);
  }

  /** Public: the printable poster of an approved booth. */
  @Get('booths/:id/poster')
  @Public()
  poster(@Param('id', UuidPipe) id: string): Promise<BoothPoster> {
    return this.booths.poster(id);
  }
}
