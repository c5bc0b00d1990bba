import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import type { RegisterParticipantRequest, SetHostedBuyerRequest } from '@craftmatch/shared';

export class RegisterParticipantDto implements RegisterParticipantRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'a member of your company; yourself by default' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class SetHostedBuyerDto implements SetHostedBuyerRequest {
  @ApiProperty()
  @IsBoolean()
  hostedBuyer: boolean;
}
