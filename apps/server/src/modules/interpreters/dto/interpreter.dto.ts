import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import {
  INTERPRETER_MAX_SHIFTS,
  SPOKEN_LANGUAGES,
  type AssignInterpreterRequest,
  type InterpreterShift,
  type RegisterInterpreterRequest,
  type SpokenLanguage,
} from '@craftmatch/shared';

const lowerUnique = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? [...new Set(value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)))]
    : value;

export class ShiftDto implements InterpreterShift {
  @ApiProperty({ example: '2026-12-03T01:00:00.000Z' })
  @IsISO8601({ strict: true })
  start!: string;

  @ApiProperty({ example: '2026-12-03T05:00:00.000Z' })
  @IsISO8601({ strict: true })
  end!: string;
}

export class RegisterInterpreterDto implements RegisterInterpreterRequest {
  @ApiProperty({ enum: SPOKEN_LANGUAGES, isArray: true })
  @Transform(lowerUnique)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SPOKEN_LANGUAGES.length)
  @IsIn(SPOKEN_LANGUAGES, { each: true })
  languages!: SpokenLanguage[];

  @ApiProperty({ type: [ShiftDto] })
  @IsArray()
  @ArrayMaxSize(INTERPRETER_MAX_SHIFTS)
  @ValidateNested({ each: true })
  @Type(() => ShiftDto)
  shifts!: ShiftDto[];
}

export class AssignInterpreterDto implements AssignInterpreterRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;
}
