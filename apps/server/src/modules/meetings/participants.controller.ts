import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FairParticipant, Page } from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { FairParticipantQueryDto, RegisterParticipantDto, SetHostedBuyerDto } from './dto/participant.dto';
import { ParticipantsService } from './participants.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('fairs/:fairId/participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Roles('buyer')
  @Post()
  register(
    @CurrentUser() auth: AuthUser,
    @Param('fairId', UuidPipe) fairId: string,
    @Body() body: RegisterParticipantDto,
  ): Promise<FairParticipant> {
    return this.participants.register(auth, fairId, body);
  }

  @Roles('buyer')
  @Get('mine')
  mine(@CurrentUser() auth: AuthUser, @Param('fairId', UuidPipe) fairId: string): Promise<FairParticipant[]> {
    return this.participants.mine(auth, fairId);
  }

  @Roles('organizer', 'organizer_staff')
  @Get()
  list(
    @Param('fairId', UuidPipe) fairId: string,
    @Query() query: FairParticipantQueryDto,
  ): Promise<Page<FairParticipant>> {
    return this.participants.list(fairId, query);
  }

  @Roles('organizer', 'organizer_staff')
  @Patch(':userId/hosted')
  setHosted(
    @Param('fairId', UuidPipe) fairId: string,
    @Param('userId', UuidPipe) userId: string,
    @Body() body: SetHostedBuyerDto,
  ): Promise<FairParticipant> {
    return this.participants.setHosted(fairId, userId, body);
  }
}
