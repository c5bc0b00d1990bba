export { CatalogueModule } from './catalogue.module';
export { CatalogueService } from './catalogue.service';
