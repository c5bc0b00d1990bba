import type { Language, NotificationType } from '@craftmatch/shared';
import type { I18nService } from '../../common/i18n.service';

export interface MailTemplates {
  verifyEmail: { name: string; link: string; hours: number };
  resetPassword: { name: string; link: string; minutes: number };
  invitation: { inviter: string; company: string; link: string; days: number };
  staffInvitation: { name: string; inviter: string; role: string; link: string; days: number };
  companyApproved: { company: string; link: string };
  companyRejected: { company: string; reason: string; link: string };
  /** to the exhibitor's members; `from` is "company, country" of the inquirer */
  inquiryReceived: { name: string; from: string; product: string; message: string; link: string };
  /** to the inquirer; context `invite` adds the invitation to register as a buyer (link) */
  inquiryReply: {
    name: string;
    company: string;
    product: string;
    message: string;
    link: string;
    context: 'invite' | 'answer';
  };
  /** a change of a B2B meeting; the text is the notification's (`notifications:types.<type>`) */
  meetingEvent: { name: string; type: NotificationType; data: Record<string, string>; link: string };
  /** a change of a contract or a sample, to the other party's members; texts in `dealEvent.<kind>` */
  dealEvent: { name: string; kind: DealMailKind; data: Record<string, string>; link: string };
}

/** The contract and sample changes that are e-mailed to the other party. */
export const DEAL_MAIL_KINDS = [
  'contract.declared',
  'contract.changed',
  'contract.confirmed',
  'contract.disputed',
  'contract.cancelled',
  'sample.requested',
  'sample.sent',
  'sample.received',
  'sample.approved',
  'sample.rejected',
] as const;
export type DealMailKind = (typeof DEAL_MAIL_KINDS)[number];
export type MailTemplate = keyof MailTemplates;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** Renders a message from the shared `mail` namespace, in the recipient's language. */
export function renderMail<T extends MailTemplate>(
  i18n: I18nService,
  lng: Language,
  template: T,
  params: MailTemplates[T],
): RenderedMail {
  const t = (key: string) => i18n.t(lng, `mail:${key}`, { ...params });
  let subject: string;
  let paragraphs: string[];
  const link = params.link;
  switch (template) {
    case 'companyApproved':
      subject = t('companyReviewed.approvedSubject');
      paragraphs = [t('companyReviewed.approvedBody')];
      break;
    case 'companyRejected':
      subject = t('companyReviewed.rejectedSubject');
      paragraphs = [t('companyReviewed.rejectedBody')];
      break;
    case 'meetingEvent': {
      const { type, data } = params as MailTemplates['meetingEvent'];
      const n = (key: string) => i18n.t(lng, `notifications:types.${type}.${key}`, data);
      subject = n('title');
      paragraphs = [t('meetingEvent.greeting'), n('body')];
      // put in the agenda by the organizers: nothing to answer, but say how to get out of it
      if (type === 'meeting.scheduled') paragraphs.push(t('meetingEvent.scheduled'));
      paragraphs.push(t('meetingEvent.open'));
      break;
    }
    case 'dealEvent': {
      const { name, kind, data } = params as MailTemplates['dealEvent'];
      const d = (key: string) => i18n.t(lng, `mail:dealEvent.${key}`, { ...data, name });
      subject = d(`${kind}.subject`);
      paragraphs = [d('greeting'), d(`${kind}.body`), d('open')];
      break;
    }
    default:
      subject = t(`${template}.subject`);
      paragraphs = [t(`${template}.greeting`), t(`${template}.body`)];
  }
  const closing = template.startsWith('company') ? [] : [t(`${template}.ignore`)];
  const signature = t('signature');
  const footer = t('footer');
  const text = [...paragraphs, link, ...closing, `— ${signature}`, footer].join('\n\n');
  const html = `<!doctype html><html lang="${lng}"><body style="font-family:'Be Vietnam Pro',Arial,sans-serif;color:#1b1b1b;background:#faf7f0;padding:24px">
<div style="max-width:560px;margin:auto;background:#fff;border-top:4px solid #9B2226;padding:24px">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}" style="color:#1D3557;font-weight:600">${escapeHtml(link)}</a></p>
${closing.map((p) => `<p style="color:#555">${escapeHtml(p)}</p>`).join('\n')}
<p>— ${escapeHtml(signature)}</p>
<p style="color:#555;font-size:12px">${escapeHtml(footer)}</p>
</div></body></html>`;
  return { subject, text, html };
}
