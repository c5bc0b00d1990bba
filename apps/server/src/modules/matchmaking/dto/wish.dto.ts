import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { WISH_LEVELS, type SetWishRequest, type WishLevel } from '@craftmatch/shared';

export class SetWishDto implements SetWishRequest {
  @ApiProperty({ enum: WISH_LEVELS })
  @IsIn(WISH_LEVELS)
  level: WishLevel;
}
