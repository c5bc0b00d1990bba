export { InterpretersModule } from './interpreters.module';
export { InterpretersService } from './interpreters.service';
