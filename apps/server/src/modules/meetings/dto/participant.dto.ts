import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type {
  FairParticipantQuery,
  RegisterParticipantRequest,
  SetHostedBuyerRequest,
} from '@craftmatch/shared';
import { PageQueryDto } from '../../../common/pagination';

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

export class FairParticipantQueryDto extends PageQueryDto implements FairParticipantQuery {
  @ApiPropertyOptional({ description: "part of a person's or company's name" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  hosted?: boolean;
}
