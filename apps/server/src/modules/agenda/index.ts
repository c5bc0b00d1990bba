export { AgendaModule } from './agenda.module';
