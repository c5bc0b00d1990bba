export { ContractsModule } from './contracts.module';
export { ContractsService, toAuditEntry } from './contracts.service';
export {
  DealEventsService,
  type DealDelivery,
  type DealNotice,
  type PendingDealEvent,
} from './deal-events.service';
