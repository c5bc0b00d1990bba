import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';

/** Trims strings; anything else is left for the validators to refuse. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** E-mails are compared trimmed and lower-cased. */
export const NormalizeEmail = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

/** An e-mail field: normalised, required, valid, at most 254 characters. */
export const EmailField = () =>
  applyDecorators(
    ApiProperty({ format: 'email', maxLength: 254 }),
    NormalizeEmail(),
    IsString(),
    IsNotEmpty(),
    IsEmail(),
    MaxLength(254),
  );
