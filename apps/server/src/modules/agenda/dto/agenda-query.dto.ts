import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class AgendaQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "organizer's team only: another person's agenda" })
  @IsOptional()
  @IsUUID()
  userId?: string;
}
