export { ContractsModule } from './contracts.module';
export { ContractsService, toAuditEntry } from './contracts.service';
export { DealEventsService, type DealNotice, type PendingDealEvent } from './deal-events.service';
