import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BuyerProfile } from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { BuyersService } from './buyers.service';
import { UpdateBuyerProfileDto } from './dto/update-buyer-profile.dto';

@ApiTags('buyers')
@ApiBearerAuth()
@Controller('companies')
export class BuyersController {
  constructor(private readonly buyers: BuyersService) {}

  @Roles('buyer')
  @Get('me/buyer-profile')
  mine(@CurrentUser() auth: AuthUser): Promise<BuyerProfile> {
    return this.buyers.mine(auth);
  }

  @Roles('buyer')
  @Put('me/buyer-profile')
  update(@CurrentUser() auth: AuthUser, @Body() body: UpdateBuyerProfileDto): Promise<BuyerProfile> {
    return this.buyers.update(auth, body);
  }

  @Roles('organizer', 'organizer_staff', 'exhibitor', 'buyer')
  @Get(':id/buyer-profile')
  get(@CurrentUser() auth: AuthUser, @Param('id', UuidPipe) id: string): Promise<BuyerProfile> {
    return this.buyers.get(auth, id);
  }
}
