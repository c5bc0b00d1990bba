import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DASHBOARD_YEAR_MAX, DASHBOARD_YEAR_MIN, type DashboardQuery } from '@craftmatch/shared';

/** `?fairId=` for one fair, `?from=&to=` for the fairs of those years, nothing for every fair. */
export class DashboardQueryDto implements DashboardQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  fairId?: string;

  @ApiPropertyOptional({ minimum: DASHBOARD_YEAR_MIN, maximum: DASHBOARD_YEAR_MAX, example: 2016 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(DASHBOARD_YEAR_MIN)
  @Max(DASHBOARD_YEAR_MAX)
  from?: number;

  @ApiPropertyOptional({ minimum: DASHBOARD_YEAR_MIN, maximum: DASHBOARD_YEAR_MAX, example: 2020 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(DASHBOARD_YEAR_MIN)
  @Max(DASHBOARD_YEAR_MAX)
  to?: number;
}
