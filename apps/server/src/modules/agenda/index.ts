export { AgendaModule } from './agenda.module';
export { AgendaService } from './agenda.service';
export { CalendarService } from './calendar.service';
