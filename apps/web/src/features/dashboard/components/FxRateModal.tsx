import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  COMMON_CURRENCIES,
  CURRENCIES,
  FX_RATE_SCALE,
  MONEY_LIMITS,
  isDecimalString,
} from '@craftmatch/shared';
import { errorMessageOf, fieldErrorsOf } from '../../../lib/api-client';
import { FormError } from '../../../components/StateViews';
import { useSetFxRate } from '../api/fx-rates';

export interface FxRateDraft {
  currency: string;
  effectiveDate: string;
  rateToUsd: string;
}

/** The rate as typed: a positive decimal string with at most 12 + 8 digits; never turned into a number. */
export function isValidRate(value: string): boolean {
  const { precision, scale } = MONEY_LIMITS.fxRate;
  return isDecimalString(value, precision, scale) && /[1-9]/.test(value);
}

const currencyOptions = [
  ...COMMON_CURRENCIES.filter((c) => c !== 'USD'),
  ...CURRENCIES.map((c) => c.code).filter((c) => c !== 'USD' && !COMMON_CURRENCIES.includes(c)),
].map((code) => ({ value: code, label: code }));

interface Props {
  /** an existing rate to edit (currency and date fixed), or a blank one to add */
  initial: FxRateDraft | null;
  editing: boolean;
  onClose: () => void;
}

/** Adds or edits one FX rate; the rate stays the string the organizer typed. */
export function FxRateModal({ initial, editing, onClose }: Props) {
  const { t } = useTranslation(['dashboard', 'errors', 'common']);
  const [draft, setDraft] = useState<FxRateDraft>(
    initial ?? { currency: '', effectiveDate: '', rateToUsd: '' },
  );
  const [touched, setTouched] = useState(false);
  const save = useSetFxRate();
  const serverFields = fieldErrorsOf(save.error, t);

  const rate = draft.rateToUsd.trim();
  const errors = {
    currency: draft.currency ? null : t('fx.required'),
    effectiveDate: draft.effectiveDate ? null : t('fx.required'),
    rateToUsd: !rate ? t('fx.required') : isValidRate(rate) ? null : t('fx.rateInvalid'),
  };
  const valid = !errors.currency && !errors.effectiveDate && !errors.rateToUsd;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid) return;
    save.mutate(
      { currency: draft.currency, effectiveDate: draft.effectiveDate, rateToUsd: rate },
      {
        onSuccess: () => {
          notifications.show({ message: t('fx.saved'), color: 'celadon' });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        editing && initial
          ? t('fx.editTitle', { currency: initial.currency, date: initial.effectiveDate })
          : t('fx.addTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t('fx.currency')}
            data={currencyOptions}
            searchable
            required
            disabled={editing}
            value={draft.currency || null}
            onChange={(value) => setDraft((d) => ({ ...d, currency: value ?? '' }))}
            error={(touched && errors.currency) || serverFields.currency}
            data-testid="fx-currency"
          />
          <TextInput
            type="date"
            label={t('fx.effectiveDate')}
            required
            disabled={editing}
            value={draft.effectiveDate}
            onChange={(e) => {
              const effectiveDate = e.currentTarget.value;
              setDraft((d) => ({ ...d, effectiveDate }));
            }}
            error={(touched && errors.effectiveDate) || serverFields.effectiveDate}
            data-testid="fx-date"
          />
          <TextInput
            label={t('fx.rate')}
            description={t('fx.rateHint')}
            required
            inputMode="decimal"
            className="tabular"
            value={draft.rateToUsd}
            maxLength={12 + 1 + FX_RATE_SCALE}
            onChange={(e) => {
              const rateToUsd = e.currentTarget.value;
              setDraft((d) => ({ ...d, rateToUsd }));
            }}
            error={(touched && errors.rateToUsd) || serverFields.rateToUsd}
            data-testid="fx-rate"
          />
          {save.isError && Object.keys(serverFields).length === 0 && (
            <FormError message={errorMessageOf(save.error, t)} />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('fx.cancel')}
            </Button>
            <Button type="submit" color="cham" loading={save.isPending} data-testid="fx-save">
              {t('fx.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
