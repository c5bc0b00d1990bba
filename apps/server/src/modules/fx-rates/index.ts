export { FxRatesModule } from './fx-rates.module';
export { FxRatesService, fxRateEntityId, type RateOn } from './fx-rates.service';
export { IsCalendarDate } from './dto/fx-rate.dto';
