export { ProductsModule } from './products.module';
export { ProductsService } from './products.service';
export { ProductRow, ProductPhotoRow } from './product.entity';
