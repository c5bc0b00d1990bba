export { DashboardModule } from './dashboard.module';
export { DashboardService } from './dashboard.service';
