import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Page, Product, ProductSummary } from '@craftmatch/shared';
import { CurrentUser } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { ListProductsDto } from './dto/list-products.dto';
import { CreateProductDto, UpdateProductDto } from './dto/product.dto';
import { ReorderPhotosDto } from './dto/reorder-photos.dto';
import { ProductsService } from './products.service';

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  /** The caller's company's products (`?mine` is implied). */
  @Get()
  list(@CurrentUser() auth: AuthUser, @Query() query: ListProductsDto): Promise<Page<ProductSummary>> {
    return this.products.list(auth, query);
  }

  @Post()
  create(@CurrentUser() auth: AuthUser, @Body() body: CreateProductDto): Promise<Product> {
    return this.products.create(auth, body);
  }

  @Get(':id')
  get(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<Product> {
    return this.products.get(auth, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateProductDto,
  ): Promise<Product> {
    return this.products.update(auth, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.products.remove(auth, id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<Product> {
    return this.products.publish(auth, id);
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  unpublish(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<Product> {
    return this.products.unpublish(auth, id);
  }

  @Post(':id/photos')
  @ApiConsumes('multipart/form-data')
  addPhoto(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<Product> {
    return this.products.addPhoto(auth, id, request);
  }

  @Delete(':id/photos/:fileId')
  removePhoto(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Param('fileId', UuidPipe) fileId: string,
  ): Promise<Product> {
    return this.products.removePhoto(auth, id, fileId);
  }

  @Put(':id/photos/order')
  reorderPhotos(
    @CurrentUser() auth: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReorderPhotosDto,
  ): Promise<Product> {
    return this.products.reorderPhotos(auth, id, body.fileIds);
  }
}
