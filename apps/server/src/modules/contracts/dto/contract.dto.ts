import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  CONTRACT_KINDS,
  CONTRACT_MAX_LINES,
  CONTRACT_NUMBER_MAX,
  CONTRACT_PAYMENT_TERMS,
  CONTRACT_REASON_MAX,
  CONTRACT_STATUSES,
  CONTRACT_TEXT_MAX,
  INCOTERMS,
  isCurrency,
  isDecimalString,
  MONEY_LIMITS,
  PRODUCT_UNITS,
  type CancelContractRequest,
  type ContractKind,
  type ContractLineInput,
  type ContractPaymentTerm,
  type ContractStatus,
  type CreateContractRequest,
  type DisputeContractRequest,
  type Incoterm,
  type ListContractsQuery,
  type RevalueContractRequest,
  type UpdateContractRequest,
} from '@craftmatch/shared';
import { Trim } from '../../../common/dto-fields';
import { PageQueryDto } from '../../../common/pagination';
import { IsCalendarDate } from '../../fx-rates';

const Upper = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  );

const IsCurrencyCode = () =>
  ValidateBy({ name: 'isIn', validator: { validate: (value: unknown) => isCurrency(value) } });

/** A plain decimal string fitting numeric(precision, scale); `positive` refuses zero. */
const IsDecimal = (limit: { precision: number; scale: number }, positive = false) =>
  ValidateBy({
    name: 'matches',
    validator: {
      validate: (value: unknown) =>
        isDecimalString(value, limit.precision, limit.scale) && (!positive || /[1-9]/.test(value)),
    },
  });

const IsPercent = () =>
  ValidateBy({
    name: 'matches',
    validator: {
      validate: (value: unknown) =>
        isDecimalString(value, MONEY_LIMITS.depositPercent.precision, MONEY_LIMITS.depositPercent.scale) &&
        Number(value.split('.')[0]) <= 100 &&
        (Number(value.split('.')[0]) < 100 || /^100(\.0*)?$/.test(value)),
    },
  });

export class ContractLineDto implements ContractLineInput {
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  productId?: string | null;

  @ApiProperty({ maxLength: 500, example: 'Bình gốm men lam 30 cm' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description: string;

  @ApiProperty({ example: '1200', description: 'decimal string > 0, up to 4 decimals' })
  @IsString()
  @IsDecimal(MONEY_LIMITS.quantity, true)
  quantity: string;

  @ApiProperty({ enum: PRODUCT_UNITS })
  @IsString()
  @IsIn(PRODUCT_UNITS)
  unit: string;

  @ApiProperty({ example: '4.1250', description: 'decimal string ≥ 0, up to 4 decimals' })
  @IsString()
  @IsDecimal(MONEY_LIMITS.unitPrice)
  unitPrice: string;
}

export class CreateContractDto implements CreateContractRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  counterpartCompanyId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  meetingId?: string | null;

  @ApiProperty({ maxLength: CONTRACT_NUMBER_MAX, example: 'BT-2026-014' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONTRACT_NUMBER_MAX)
  number: string;

  @ApiProperty({ format: 'date', example: '2026-12-03' })
  @IsString()
  @IsCalendarDate()
  signedOn: string;

  @ApiProperty({ enum: CONTRACT_KINDS })
  @IsIn(CONTRACT_KINDS)
  kind: ContractKind;

  @ApiProperty({ example: 'USD' })
  @Upper()
  @IsString()
  @IsCurrencyCode()
  currency: string;

  @ApiProperty({ enum: INCOTERMS })
  @Upper()
  @IsIn(INCOTERMS)
  incoterm: Incoterm;

  @ApiProperty({ maxLength: 200, example: 'Hai Phong' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  incotermPlace: string;

  @ApiProperty({ enum: CONTRACT_PAYMENT_TERMS })
  @IsIn(CONTRACT_PAYMENT_TERMS)
  paymentTerms: ContractPaymentTerm;

  @ApiPropertyOptional({ example: '30', nullable: true, description: 'only with tt; 0–100, 2 decimals' })
  @IsOptional()
  @IsString()
  @IsPercent()
  depositPercent?: string | null;

  @ApiPropertyOptional({ maxLength: CONTRACT_TEXT_MAX, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(CONTRACT_TEXT_MAX)
  notes?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  attachmentFileId?: string | null;

  @ApiProperty({ type: [ContractLineDto], minItems: 1, maxItems: CONTRACT_MAX_LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONTRACT_MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => ContractLineDto)
  lines: ContractLineDto[];
}

/** Every field optional; lines, when sent, replace all lines. Null clears only the nullable fields. */
export class UpdateContractDto
  extends PartialType(OmitType(CreateContractDto, ['counterpartCompanyId'] as const))
  implements UpdateContractRequest {}

export class DisputeContractDto implements DisputeContractRequest {
  @ApiProperty({ maxLength: CONTRACT_REASON_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONTRACT_REASON_MAX)
  reason: string;
}

export class CancelContractDto implements CancelContractRequest {
  @ApiPropertyOptional({ maxLength: CONTRACT_REASON_MAX })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(CONTRACT_REASON_MAX)
  reason?: string;
}

export class RevalueContractDto implements RevalueContractRequest {
  @ApiPropertyOptional({ format: 'date', description: 'default: the signing date' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  fxDate?: string;

  @ApiPropertyOptional({ maxLength: CONTRACT_REASON_MAX })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(CONTRACT_REASON_MAX)
  reason?: string;
}

export class ListContractsDto extends PageQueryDto implements ListContractsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  fairId?: string;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;
}

export class PipelineQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fairId: string;
}
