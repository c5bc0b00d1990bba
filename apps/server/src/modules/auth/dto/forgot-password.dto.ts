import type { ForgotPasswordRequest } from '@craftmatch/shared';
import { EmailField } from '../../../common/dto-fields';

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @EmailField()
  email: string;
}
