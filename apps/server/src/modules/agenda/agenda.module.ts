import { Module } from '@nestjs/common';
import { AgendaController } from './agenda.controller';
import { AgendaService } from './agenda.service';
import { CalendarService } from './calendar.service';

@Module({
  controllers: [AgendaController],
  providers: [AgendaService, CalendarService],
  exports: [AgendaService, CalendarService],
})
export class AgendaModule {}
