import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CompanySummary, ModerationProduct, Page } from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { ListModerationProductsDto, ModerationReasonDto, ReinstateCompanyDto } from './dto/moderation.dto';
import { ModerationService } from './moderation.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('moderation')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Get('products')
  @Roles('organizer', 'organizer_staff')
  products(@Query() query: ListModerationProductsDto): Promise<Page<ModerationProduct>> {
    return this.moderation.listProducts(query);
  }

  @Post('products/:id/unpublish')
  @HttpCode(200)
  @Roles('organizer')
  unpublish(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ModerationReasonDto,
  ): Promise<ModerationProduct> {
    return this.moderation.unpublishProduct(auth, id, body.reason);
  }

  @Post('companies/:id/suspend')
  @HttpCode(200)
  @Roles('organizer')
  suspend(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ModerationReasonDto,
  ): Promise<CompanySummary> {
    return this.moderation.suspendCompany(auth, id, body.reason);
  }

  @Post('companies/:id/reinstate')
  @HttpCode(200)
  @Roles('organizer')
  reinstate(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReinstateCompanyDto,
  ): Promise<CompanySummary> {
    return this.moderation.reinstateCompany(auth, id, body.reason || null);
  }
}
