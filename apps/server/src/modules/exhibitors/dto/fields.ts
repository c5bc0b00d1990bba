import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Trimmed text that may be cleared: '' and whitespace become null. */
export const NullableText = (maxLength: number) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength }),
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const trimmed = value.trim();
      return trimmed === '' ? null : trimmed;
    }),
    IsOptional(),
    IsString(),
    MaxLength(maxLength),
  );

/** A code from a fixed list, or null; '' counts as null. */
export const EmptyToNull = () => Transform(({ value }: { value: unknown }) => (value === '' ? null : value));
