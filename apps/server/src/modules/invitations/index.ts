export { InvitationsModule } from './invitations.module';
export { InvitationsService, INVITATION_DAYS, toInvitationView } from './invitations.service';
export { Invitation, type InvitationRole } from './invitation.entity';
