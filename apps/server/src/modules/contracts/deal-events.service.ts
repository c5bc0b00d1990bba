import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContractStatus, Language, NotificationType, SampleStatus } from '@craftmatch/shared';
import { I18nService } from '../../common/i18n.service';
import { NotificationsService, type Notification } from '../notifications';
import { RealtimeService } from '../../realtime/realtime.service';

export interface DealNotice {
  fairId: string;
  /** the company that acted; its name is shown to the other side */
  actorCompanyId: string;
  /** members of this company get the notification */
  recipientCompanyId: string;
  type: NotificationType;
  data?: Record<string, string>;
  /** a sample status, translated into each reader's language as `statusLabel` */
  sampleStatus?: SampleStatus;
}

/** Recorded inside the transaction; hand it to `flush` after commit. */
export interface PendingDealEvent {
  kind: 'contract' | 'sample';
  id: string;
  fairId: string;
  status: string;
  companyIds: string[];
  notifications: Notification[];
}

/**
 * How a change of a contract or a sample reaches people: stored notifications for the other side (in its
 * language), `contract:changed` / `sample:changed` to both companies' rooms, `dashboard:changed` to organizers.
 */
@Injectable()
export class DealEventsService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
    private readonly i18n: I18nService,
  ) {}

  async notify(manager: EntityManager, notice: DealNotice): Promise<Notification[]> {
    const users = await manager.query<{ id: string; locale: Language }[]>(
      `SELECT u.id, u.locale FROM company_memberships m JOIN users u ON u.id = m.user_id
        WHERE m.company_id = $1`,
      [notice.recipientCompanyId],
    );
    if (users.length === 0) return [];
    const [facts] = await manager.query<{ company_name: string; name_vi: string; name_en: string }[]>(
      `SELECT c.name AS company_name, f.name_vi, f.name_en FROM companies c, fairs f WHERE c.id = $1 AND f.id = $2`,
      [notice.actorCompanyId, notice.fairId],
    );
    const created: Notification[] = [];
    for (const user of users) {
      const data: Record<string, string> = {
        ...notice.data,
        fairId: notice.fairId,
        fairName: user.locale === 'vi' ? facts.name_vi : facts.name_en,
        companyName: facts.company_name,
      };
      if (notice.sampleStatus) {
        data.status = notice.sampleStatus;
        data.statusLabel = this.i18n.t(user.locale, `notifications:sampleStatus.${notice.sampleStatus}`);
      }
      created.push(...(await this.notifications.create(manager, [user.id], notice.type, data)));
    }
    return created;
  }

  flush(event: PendingDealEvent): void {
    this.notifications.push(event.notifications);
    for (const companyId of new Set(event.companyIds)) {
      if (event.kind === 'contract') {
        this.realtime.toCompany(companyId, 'contract:changed', {
          id: event.id,
          fairId: event.fairId,
          status: event.status as ContractStatus,
        });
      } else {
        this.realtime.toCompany(companyId, 'sample:changed', {
          id: event.id,
          fairId: event.fairId,
          status: event.status as SampleStatus,
        });
      }
    }
    this.realtime.toOrganizers('dashboard:changed', { fairId: event.fairId });
  }
}
