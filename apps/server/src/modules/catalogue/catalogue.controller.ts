import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CatalogueExhibitorPage, PublicExhibitor, PublicProduct } from '@craftmatch/shared';
import { Public } from '../../common/decorators';
import { UuidPipe } from '../../common/validation';
import { CatalogueService } from './catalogue.service';
import { SearchExhibitorsDto } from './dto/search-exhibitors.dto';
import { SearchProductsDto } from './dto/search-products.dto';

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
  products(@Query() query: SearchProductsDto): Promise<string> {
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
