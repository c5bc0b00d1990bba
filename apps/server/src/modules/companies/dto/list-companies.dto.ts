import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  COMPANY_KINDS,
  COMPANY_STATUSES,
  type CompanyKind,
  type CompanyStatus,
  type ListCompaniesQuery,
} from '@craftmatch/shared';
import { PageQueryDto } from '../../../common/pagination';

export class ListCompaniesDto extends PageQueryDto implements ListCompaniesQuery {
  @ApiPropertyOptional({ enum: COMPANY_STATUSES })
  @IsOptional()
  @IsIn(COMPANY_STATUSES)
  status?: CompanyStatus;

  @ApiPropertyOptional({ enum: COMPANY_KINDS })
  @IsOptional()
  @IsIn(COMPANY_KINDS)
  kind?: CompanyKind;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
