import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  FairInterpreter,
  InterpreterSelf,
  MeetingAwaitingInterpreter,
  MeetingInterpreter,
} from '@craftmatch/shared';
import { CurrentUser, Roles } from '../../common/decorators';
import type { AuthUser } from '../../common/request-context';
import { UuidPipe } from '../../common/validation';
import { AssignInterpreterDto, RegisterInterpreterDto } from './dto/interpreter.dto';
import { InterpretersService } from './interpreters.service';

@ApiTags('interpreters')
@ApiBearerAuth()
@Controller()
export class InterpretersController {
  constructor(private readonly interpreters: InterpretersService) {}

  @Roles('interpreter')
  @Get('interpreters/me')
  self(@CurrentUser() auth: AuthUser): Promise<InterpreterSelf> {
    return this.interpreters.self(auth.id);
  }

  @Roles('organizer', 'organizer_staff')
  @Get('fairs/:fairId/interpreters')
  list(@Param('fairId', UuidPipe) fairId: string): Promise<FairInterpreter[]> {
    return this.interpreters.list(fairId);
  }

  @Roles('organizer', 'organizer_staff')
  @Get('fairs/:fairId/interpreters/waiting-meetings')
  waiting(@Param('fairId', UuidPipe) fairId: string): Promise<MeetingAwaitingInterpreter[]> {
    return this.interpreters.waiting(fairId);
  }

  @Roles('organizer')
  @Put('fairs/:fairId/interpreters/:userId')
  register(
    @Param('fairId', UuidPipe) fairId: string,
    @Param('userId', UuidPipe) userId: string,
    @Body() body: RegisterInterpreterDto,
  ): Promise<FairInterpreter> {
    return this.interpreters.register(fairId, userId, body);
  }

  @Roles('organizer')
  @Delete('fairs/:fairId/interpreters/:userId')
  @HttpCode(204)
  unregister(
    @Param('fairId', UuidPipe) fairId: string,
    @Param('userId', UuidPipe) userId: string,
  ): Promise<void> {
    return this.interpreters.unregister(fairId, userId);
  }

  @Roles('organizer', 'organizer_staff')
  @Post('meetings/:id/interpreter')
  @HttpCode(200)
  assign(@Param('id', UuidPipe) id: string, @Body() body: AssignInterpreterDto): Promise<MeetingInterpreter> {
    return this.interpreters.assign(id, body);
  }

  @Roles('organizer', 'organizer_staff')
  @Delete('meetings/:id/interpreter')
  @HttpCode(204)
  unassign(@Param('id', UuidPipe) id: string): Promise<void> {
    return this.interpreters.unassign(id);
  }
}
