export { MailModule } from './mail.module';
export { MailService, type OutgoingMail } from './mail.service';
export { MailMessage } from './mail-message.entity';
export type { MailTemplate, MailTemplates } from './mail-templates';
