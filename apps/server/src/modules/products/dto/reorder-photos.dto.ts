import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { MAX_PRODUCT_PHOTOS, type ReorderPhotosRequest } from '@craftmatch/shared';

export class ReorderPhotosDto implements ReorderPhotosRequest {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_PRODUCT_PHOTOS })
  @IsArray()
  @ArrayMaxSize(MAX_PRODUCT_PHOTOS)
  @IsUUID(undefined, { each: true })
  fileIds: string[];
}
