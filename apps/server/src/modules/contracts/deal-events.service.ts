import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContractStatus, Language, NotificationType, SampleStatus } from '@craftmatch/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { I18nService } from '../../common/i18n.service';
import { MailService, type DealMailKind } from '../mail';
import { NotificationsService, type Notification } from '../notifications';
import { RealtimeService } from '../../realtime/realtime.service';

export interface DealNotice {
  fairId: string;
  /** the company that acted; its name is shown to the other side */
  actorCompanyId: string;
  /** members of this company get the notification */
  recipientCompanyId: string;
  /** the stored notification; none when only an e-mail goes out (a cancellation) */
  type?: NotificationType;
  /** the e-mail to the same people, in their saved language (mail.json `dealEvent.<kind>`) */
  mail?: DealMailKind;
  data?: Record<string, string>;
  /** a sample status, translated into each reader's language as `statusLabel` */
  sampleStatus?: SampleStatus;
}

/** An e-mail to send after commit. */
export interface DealMail {
  to: string;
  locale: Language;
  name: string;
  kind: DealMailKind;
  data: Record<string, string>;
}

/** What `notify` recorded for the other side: stored notifications and e-mails to send. */
export interface DealDelivery {
  notifications: Notification[];
  mails: DealMail[];
}

export const NO_DELIVERY: DealDelivery = { notifications: [], mails: [] };

/** Recorded inside the transaction; hand it to `flush` after commit. */
export interface PendingDealEvent extends DealDelivery {
  kind: 'contract' | 'sample';
  id: string;
  fairId: string;
  status: string;
  companyIds: string[];
}

/**
 * How a change of a contract or a sample reaches people: stored notifications and outbox e-mails for the
 * other side (in each reader's saved language), `contract:changed` / `sample:changed` to both companies'
 * rooms, `dashboard:changed` to organizers.
 */
@Injectable()
export class DealEventsService {
  private readonly logger = new Logger('DealEvents');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly realtime: RealtimeService,
    private readonly i18n: I18nService,
    private readonly mail: MailService,
  ) {}

  async notify(manager: EntityManager, notice: DealNotice): Promise<DealDelivery> {
    const users = await manager.query<{ id: string; locale: Language; email: string; full_name: string }[]>(
      `SELECT u.id, u.locale, u.email, u.full_name FROM company_memberships m JOIN users u ON u.id = m.user_id
        WHERE m.company_id = $1`,
      [notice.recipientCompanyId],
    );
    if (users.length === 0) return { notifications: [], mails: [] };
    const [facts] = await manager.query<{ company_name: string; name_vi: string; name_en: string }[]>(
      `SELECT c.name AS company_name, f.name_vi, f.name_en FROM companies c, fairs f WHERE c.id = $1 AND f.id = $2`,
      [notice.actorCompanyId, notice.fairId],
    );
    const created: Notification[] = [];
    const mails: DealMail[] = [];
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
      if (notice.type)
        created.push(...(await this.notifications.create(manager, [user.id], notice.type, data)));
      if (notice.mail)
        mails.push({ to: user.email, locale: user.locale, name: user.full_name, kind: notice.mail, data });
    }
    return { notifications: created, mails };
  }

  /** Call after commit: live pushes, then e-mails through the outbox (a failed e-mail is logged, not thrown). */
  async flush(event: PendingDealEvent): Promise<void> {
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
    const link =
      event.kind === 'contract'
        ? `${this.config.publicUrl}/deals/contracts/${event.id}`
        : `${this.config.publicUrl}/deals/samples`;
    for (const m of event.mails) {
      await this.mail
        .send({
          to: m.to,
          locale: m.locale,
          template: 'dealEvent',
          params: { name: m.name, kind: m.kind, data: m.data, link },
        })
        .catch((e: Error) => this.logger.warn(`mail for ${event.kind} ${event.id}: ${e.message}`));
    }
  }
}
