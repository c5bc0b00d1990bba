import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Booth, Hall } from '@craftmatch/shared';
import { errorMessageOf, fieldErrorsOf } from '../../../lib/api-client';
import { useApproveBooth, useRejectBooth } from '../api/review-booth';

export function ApproveBoothModal({
  booth,
  halls,
  onClose,
}: {
  booth: Booth | null;
  halls: Hall[];
  onClose: () => void;
}) {
  const { t } = useTranslation(['booths', 'fairs', 'errors']);
  const approve = useApproveBooth();
  const [hallId, setHallId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [row, setRow] = useState<number | string>('');
  const [col, setCol] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const hall = halls.find((h) => h.id === (hallId ?? booth?.preferredHallId));

  const close = () => {
    setHallId(null);
    setCode('');
    setRow('');
    setCol('');
    setErrors({});
    setFormError(null);
    onClose();
  };

  const submit = () => {
    if (!booth) return;
    const chosen = hallId ?? booth.preferredHallId;
    const missing: Record<string, string> = {};
    if (!chosen) missing.hallId = t('errors:field.REQUIRED');
    if (!code.trim()) missing.code = t('errors:field.REQUIRED');
    if (Object.keys(missing).length) return setErrors(missing);
    approve.mutate(
      {
        id: booth.id,
        body: {
          hallId: chosen as string,
          code: code.trim().toUpperCase(),
          gridRow: row === '' ? null : Number(row),
          gridCol: col === '' ? null : Number(col),
        },
      },
      {
        onSuccess: (b) => {
          notifications.show({
            color: 'celadon',
            message: t('approve.done', { code: b.code, company: b.companyName }),
          });
          close();
        },
        onError: (error) => {
          setErrors(fieldErrorsOf(error, t));
          setFormError(errorMessageOf(error, t));
        },
      },
    );
  };

  return (
    <Modal
      opened={booth !== null}
      onClose={close}
      title={booth ? t('approve.title', { company: booth.companyName }) : ''}
      centered
    >
      <Stack>
        {formError && (
          <Alert color="lacquer" role="alert">
            {formError}
          </Alert>
        )}
        <Select
          label={t('approve.hall')}
          required
          data={halls.map((h) => ({ value: h.id, label: `${h.code} · ${h.name}` }))}
          value={hallId ?? booth?.preferredHallId ?? null}
          onChange={setHallId}
          error={errors.hallId}
          allowDeselect={false}
        />
        <TextInput
          label={t('approve.code')}
          description={t('approve.codeHint')}
          required
          value={code}
          placeholder={hall ? `${hall.code}-01` : 'A-01'}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
          data-autofocus
        />
        <Group grow>
          <NumberInput
            label={t('approve.row')}
            min={1}
            max={hall?.gridRows ?? 100}
            value={row}
            onChange={setRow}
            error={errors.gridRow}
          />
          <NumberInput
            label={t('approve.col')}
            min={1}
            max={hall?.gridCols ?? 100}
            value={col}
            onChange={setCol}
            error={errors.gridCol}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('fairs:form.cancel')}
          </Button>
          <Button
            color="celadon"
            loading={approve.isPending}
            onClick={submit}
            data-testid="approve-booth-submit"
          >
            {t('approve.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function RejectBoothModal({ booth, onClose }: { booth: Booth | null; onClose: () => void }) {
  const { t } = useTranslation(['booths', 'fairs', 'errors']);
  const reject = useRejectBooth();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const submit = () => {
    if (!booth) return;
    if (!reason.trim()) return setError(t('errors:field.REQUIRED'));
    reject.mutate(
      { id: booth.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'lacquer', message: t('reject.done') });
          close();
        },
        onError: (e) => setError(errorMessageOf(e, t)),
      },
    );
  };
  return (
    <Modal
      opened={booth !== null}
      onClose={close}
      title={booth ? t('reject.title', { company: booth.companyName }) : ''}
      centered
    >
      <Stack>
        <Textarea
          label={t('reject.reason')}
          description={t('reject.reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('fairs:form.cancel')}
          </Button>
          <Button color="lacquer" loading={reject.isPending} onClick={submit}>
            {t('reject.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
