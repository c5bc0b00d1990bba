import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RecommendationPage, Wish } from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import { PageQueryDto } from '../../common/pagination';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { SetWishDto } from './dto/wish.dto';
import { MatchmakingService } from './matchmaking.service';

/** A participant company's wishes and its recommendations at a fair: always the caller's own company. */
@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('fairs/:fairId')
export class MatchmakingController {
  constructor(private readonly matchmaking: MatchmakingService) {}

  @Roles('buyer', 'exhibitor')
  @Get('wishes')
  wishes(@CurrentUser() auth: AuthUser, @Param('fairId', UuidPipe) fairId: string): Promise<Wish[]> {
    return this.matchmaking.wishes(auth, fairId);
  }

  @Roles('buyer', 'exhibitor')
  @Put('wishes/:companyId')
  setWish(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Param('companyId', UuidPipe) companyId: string,
    @Body() body: SetWishDto,
  ): Promise<Wish> {
    return this.matchmaking.setWish(auth, fairId, companyId, body);
  }

  @Roles('buyer', 'exhibitor')
  @Delete('wishes/:companyId')
  @HttpCode(204)
  clearWish(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Param('companyId', UuidPipe) companyId: string,
  ): Promise<void> {
    return this.matchmaking.clearWish(auth, fairId, companyId);
  }

  @Roles('buyer', 'exhibitor')
  @Get('recommendations')
  recommendations(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Query() query: PageQueryDto,
  ): Promise<RecommendationPage> {
    return this.matchmaking.recommendations(auth, fairId, query);
  }
}
