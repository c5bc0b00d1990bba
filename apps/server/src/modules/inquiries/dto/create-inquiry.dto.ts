import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO31661Alpha2, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { INQUIRY_MESSAGE_MAX, PUBLIC_LANGUAGES, type CreateInquiryRequest } from '@craftmatch/shared';
import { EmailField, Trim } from '../../../common/dto-fields';

export class CreateInquiryDto implements CreateInquiryRequest {
  @ApiProperty({ maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  company?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @EmailField()
  email: string;

  @ApiProperty({ maxLength: INQUIRY_MESSAGE_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(INQUIRY_MESSAGE_MAX)
  message: string;

  @ApiPropertyOptional({ enum: PUBLIC_LANGUAGES, description: 'defaults to Accept-Language' })
  @IsOptional()
  @IsIn(PUBLIC_LANGUAGES)
  locale?: string;
}
