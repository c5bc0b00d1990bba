import { useState } from 'react';
import { Alert, Button, Card, Group, Modal, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconTrash, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SCHEDULE_MODES, type ScheduleDraftSummary, type ScheduleMode } from '@craftmatch/shared';
import { errorMessageOf } from '../../../lib/api-client';
import { useDiscardDraft, useGenerateDraft, type ProgressStage } from '../api/drafts';

interface GenerateCardProps {
  fairId: string;
  /** the fair's current draft, when it has one */
  draft: ScheduleDraftSummary | null;
  /** the draft's progress, live pushes included */
  progress: { fraction: number; status: ProgressStage } | null;
  /** the organizer (not organizer staff): may generate and discard */
  canManage: boolean;
  /** a new draft was started or the current one discarded: earlier pushes no longer matter */
  onGenerated?: () => void;
}

const BAR_COLORS: Record<ProgressStage, string> = {
  running: 'cham',
  publishing: 'cham',
  ready: 'celadon',
  published: 'celadon',
  failed: 'lacquer',
  discarded: 'gray',
};

/** The draft's progress bar: live while the engine runs, full once it is done. */
export function DraftProgress({ fraction, status }: { fraction: number; status: ProgressStage }) {
  const { t } = useTranslation('schedulingWeb');
  const percent = Math.round(fraction * 100);
  const running = status === 'running' || status === 'publishing';
  return (
    <Stack gap={6} data-testid="schedule-progress" data-status={status}>
      <Group justify="space-between" wrap="nowrap">
        <Text fz="sm" fw={600} data-testid="schedule-progress-status">
          {t(`generate.status.${status}`)}
        </Text>
        <Text fz="sm" c="dimmed" className="tabular">
          {t('generate.percent', { percent })}
        </Text>
      </Group>
      <Progress
        value={percent}
        size="lg"
        color={BAR_COLORS[status]}
        striped={running}
        animated={running}
        aria-label={t('generate.progressLabel')}
        aria-valuenow={percent}
        data-testid="schedule-progress-bar"
      />
    </Stack>
  );
}

/** Stops a running draft or drops a ready one, after asking. */
function DiscardDraft({
  fairId,
  draft,
  onDiscarded,
}: {
  fairId: string;
  draft: ScheduleDraftSummary;
  onDiscarded?: () => void;
}) {
  const { t } = useTranslation('schedulingWeb');
  const discard = useDiscardDraft(fairId);
  const [opened, setOpened] = useState(false);
  const running = draft.status === 'running';
  return (
    <>
      <Button
        variant="subtle"
        color="lacquer"
        leftSection={<IconTrash size={16} />}
        onClick={() => {
          discard.reset();
          setOpened(true);
        }}
        data-testid="discard-draft"
      >
        {running ? t('discard.stop') : t('discard.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={running ? t('discard.stopTitle') : t('discard.title')}
        centered
      >
        <Stack gap="md">
          <Text>{t('discard.body')}</Text>
          {discard.isError && (
            <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {errorMessageOf(discard.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('discard.cancel')}
            </Button>
            <Button
              color="lacquer"
              loading={discard.isPending}
              onClick={() =>
                discard.mutate(draft.id, {
                  onSuccess: () => {
                    setOpened(false);
                    onDiscarded?.();
                  },
                })
              }
              data-testid="confirm-discard"
            >
              {t('discard.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Computes a new draft, from scratch or filling the free slots of the current one. */
export function GenerateCard({ fairId, draft, progress, canManage, onGenerated }: GenerateCardProps) {
  const { t } = useTranslation('schedulingWeb');
  const generate = useGenerateDraft(fairId);
  const canFill = draft?.status === 'ready';
  const [chosen, setChosen] = useState<ScheduleMode>('regenerate');
  const mode: ScheduleMode = chosen === 'fill' && !canFill ? 'regenerate' : chosen;
  const running = progress?.status === 'running' || progress?.status === 'publishing';

  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            {t('generate.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('generate.intro')}
          </Text>
        </div>
        {canManage ? (
          <>
            <Radio.Group
              value={mode}
              onChange={(v) => setChosen(v as ScheduleMode)}
              label={t('generate.modeLabel')}
              data-testid="schedule-mode"
            >
              <Stack gap="xs" mt={6}>
                {SCHEDULE_MODES.map((m) => (
                  <Radio
                    key={m}
                    value={m}
                    disabled={m === 'fill' && !canFill}
                    label={t(`generate.modes.${m}.label`)}
                    description={
                      m === 'fill' && !canFill
                        ? `${t('generate.modes.fill.description')} ${t('generate.fillNeedsDraft')}`
                        : t(`generate.modes.${m}.description`)
                    }
                    data-testid={`mode-${m}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {generate.isError && (
              <Alert color="lacquer" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                {errorMessageOf(generate.error, t)}
              </Alert>
            )}
            <Group>
              <Button
                leftSection={<IconWand size={16} />}
                loading={generate.isPending}
                disabled={running}
                onClick={() => generate.mutate({ mode }, { onSuccess: () => onGenerated?.() })}
                data-testid="generate-draft"
              >
                {running ? t('generate.running') : t('generate.submit')}
              </Button>
              {draft && (draft.status === 'running' || draft.status === 'ready') && (
                <DiscardDraft fairId={fairId} draft={draft} onDiscarded={onGenerated} />
              )}
            </Group>
          </>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('generate.readOnly')}
          </Text>
        )}
        {progress && <DraftProgress fraction={progress.fraction} status={progress.status} />}
        {progress?.status === 'failed' && (
          <Text fz="sm" c="lacquer.7" role="alert">
            {t('generate.failedBody')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
