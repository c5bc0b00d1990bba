import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FxRate } from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { ListFxRatesDto, SetFxRateDto } from './dto/fx-rate.dto';
import { FxRatesService } from './fx-rates.service';

@ApiTags('fx-rates')
@ApiBearerAuth()
@Controller('fx-rates')
export class FxRatesController {
  constructor(private readonly fx: FxRatesService) {}

  /** Rates are no secret: parties preview a contract's USD value with them. */
  @Get()
  @Roles('organizer', 'organizer_staff', 'exhibitor', 'buyer')
  list(@Query() query: ListFxRatesDto): Promise<FxRate[]> {
    return this.fx.list(query);
  }

  @Put()
  @Roles('organizer')
  set(@CurrentUser() auth: AuthUser, @Body() body: SetFxRateDto): Promise<FxRate> {
    return this.fx.set(auth, body);
  }
}
