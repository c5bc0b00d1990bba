import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INQUIRY_STATUSES, type InquiryListQuery, type InquiryStatus } from '@craftmatch/shared';
import { PageQueryDto } from '../../../common/pagination';

export class ListInquiriesDto extends PageQueryDto implements InquiryListQuery {
  @ApiPropertyOptional({ enum: INQUIRY_STATUSES })
  @IsOptional()
  @IsIn(INQUIRY_STATUSES)
  status?: InquiryStatus;
}
