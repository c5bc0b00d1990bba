import type { AppNotification } from './api/notifications';
import type { BoothStatusEvent } from './api/booths';
import type { MeetingChangedEvent } from './api/meetings';
import type { ContractChangedEvent } from './api/contracts';
import type { SampleChangedEvent } from './api/samples';
import type { ImportProgressEvent } from './api/imports';
import type { ScheduleProgressEvent } from './api/scheduling';
import type { CompanyStatus } from './roles';

/** Rooms: `user:<id>` for each user, `company:<id>` for its members, `organizers` for organizer staff. */
export const rooms = {
  user: (id: string) => `user:${id}`,
  company: (id: string) => `company:${id}`,
  organizers: () => 'organizers',
};

export interface CompanyStatusEvent {
  companyId: string;
  status: CompanyStatus;
  reason: string | null;
}

export interface ServerToClientEvents {
  'notification:new': (notification: AppNotification) => void;
  'company:status': (event: CompanyStatusEvent) => void;
  'companies:pending-changed': (event: { companyId: string }) => void;
  'booth:status': (event: BoothStatusEvent) => void;
  /** sent to both attending people, the interpreter and the organizers' room on every change of a meeting */
  'meeting:changed': (event: MeetingChangedEvent) => void;
  /** sent to both companies' rooms when a contract is declared, changed, confirmed, disputed, cancelled or re-valued */
  'contract:changed': (event: ContractChangedEvent) => void;
  /** sent to both companies' rooms on every change of a sample request */
  'sample:changed': (event: SampleChangedEvent) => void;
  /** sent to the organizers' room when a contract or a sample of the fair changes: refetch the dashboard */
  'dashboard:changed': (event: { fairId: string }) => void;
  /** sent to the organizers' room while a bulk import runs */
  'import:progress': (event: ImportProgressEvent) => void;
  /** sent to the organizers' room while a schedule draft is computed (throttled) and when it ends */
  'schedule:progress': (event: ScheduleProgressEvent) => void;
}

export interface ClientToServerEvents {
  ping: (ack: (reply: { pong: true; userId: string }) => void) => void;
}

export const SOCKET_PATH = '/socket.io';
