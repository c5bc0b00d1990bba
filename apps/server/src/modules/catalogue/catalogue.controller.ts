import {
  Controller,
  createParamDecorator,
  Get,
  Header,
  Param,
  Query,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { CatalogueExhibitorPage, PublicExhibitor, PublicProduct } from '@craftmatch/shared';
import { Public } from '../../common/decorators';
import { UuidPipe } from '../../common/validation';
import { CatalogueService, type RawSearchQuery } from './catalogue.service';
import { SearchExhibitorsDto } from './dto/search-exhibitors.dto';
import { SearchProductsDto } from './dto/search-products.dto';

/**
 * The query string as sent and as parsed. Not a `@Query()` DTO on purpose: the service validates
 * it only when its answer is not cached already (the same text always validates the same way).
 */
const SearchQuery = createParamDecorator((_: unknown, ctx: ExecutionContext): RawSearchQuery => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  const at = req.url.indexOf('?');
  return { text: at < 0 ? '' : req.url.slice(at + 1), values: req.query as Record<string, unknown> };
});

/** The public catalogue: no sign-in needed. */
@ApiTags('catalogue')
@Public()
@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  /** A CatalogueProductPage, sent as the JSON text the service keeps cached. */
  @Get('products')
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOkResponse({ description: 'CatalogueProductPage' })
  @ApiQuery({ type: SearchProductsDto })
  products(@SearchQuery() query: RawSearchQuery): Promise<string> {
    return this.catalogue.searchProductsJson(query);
  }

  @Get('products/:slug')
  product(@Param('slug') slug: string): Promise<PublicProduct> {
    return this.catalogue.product(slug);
  }

  @Get('exhibitors')
  exhibitors(@Query() query: SearchExhibitorsDto): Promise<CatalogueExhibitorPage> {
    return this.catalogue.searchExhibitors(query);
  }

  @Get('exhibitors/:companyId')
  exhibitor(@Param('companyId', UuidPipe) companyId: string): Promise<PublicExhibitor> {
    return this.catalogue.exhibitor(companyId);
  }
}
