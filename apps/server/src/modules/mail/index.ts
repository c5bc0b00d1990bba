export { MailModule } from './mail.module';
export { MailService, type OutgoingMail } from './mail.service';
export { MailMessage } from './mail-message.entity';
export { DEAL_MAIL_KINDS, type DealMailKind, type MailTemplate, type MailTemplates } from './mail-templates';
