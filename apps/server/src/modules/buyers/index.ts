export { BuyersModule } from './buyers.module';
export { BuyersService } from './buyers.service';
