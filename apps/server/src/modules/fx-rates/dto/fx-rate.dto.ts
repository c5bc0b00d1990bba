import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import { isCurrency, isDecimalString, MONEY_LIMITS, type SetFxRateRequest } from '@craftmatch/shared';

const Upper = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  );

/** A real calendar day written YYYY-MM-DD. */
export const IsCalendarDate = () =>
  ValidateBy({
    name: 'matches',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
        const d = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
      },
    },
  });

/** An ISO 4217 currency other than USD (whose rate is always 1). */
const IsForeignCurrency = () =>
  ValidateBy({
    name: 'isIn',
    validator: { validate: (value: unknown) => isCurrency(value) && value !== 'USD' },
  });

const IsRate = () =>
  ValidateBy({
    name: 'matches',
    validator: {
      validate: (value: unknown) =>
        isDecimalString(value, MONEY_LIMITS.fxRate.precision, MONEY_LIMITS.fxRate.scale) &&
        /[1-9]/.test(value),
    },
  });

export class SetFxRateDto implements SetFxRateRequest {
  @ApiProperty({ example: 'VND', description: 'ISO 4217, not USD' })
  @Upper()
  @IsString()
  @IsForeignCurrency()
  currency: string;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  @IsString()
  @IsCalendarDate()
  effectiveDate: string;

  @ApiProperty({ example: '0.00003937', description: 'USD per unit, > 0, up to 8 decimals' })
  @IsString()
  @IsRate()
  rateToUsd: string;
}

export class ListFxRatesDto {
  @ApiPropertyOptional({ example: 'VND' })
  @IsOptional()
  @Upper()
  @IsString()
  @Matches(/^[A-Z]{3}$/)
  currency?: string;
}
