import { Button, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconQrcode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TimeInZones } from '../../../components/TimeInZones';
import { errorMessageOf } from '../../../lib/api-client';
import { useCheckIn } from '../api/checkin';
import { useMeeting } from '../api/my-meetings';

/**
 * /checkin/:code — opened by scanning the other party's QR. The signed-in person confirms; scanning
 * one's own code is refused by the server.
 */
export function CheckinPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('meetings');
  const checkin = useCheckIn();
  const result = checkin.data;
  const meeting = useMeeting(result?.meetingId);

  return (
    <Center mih="60vh">
      <Paper withBorder p={{ base: 'lg', sm: 'xl' }} maw={480} w="100%" data-testid="checkin-page">
        {result ? (
          <Stack align="center" gap="sm" ta="center" role="status">
            <ThemeIcon size={64} radius="xl" color="celadon.8">
              <IconCircleCheck size={40} />
            </ThemeIcon>
            <Title order={1} fz="xl">
              {t('checkin.doneTitle')}
            </Title>
            <Text>
              {t('checkin.doneBody', {
                buyer: result.buyerCompanyName,
                exhibitor: result.exhibitorCompanyName,
              })}
            </Text>
            <TimeInZones
              start={result.start}
              end={result.end}
              fairZone={meeting.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
              withDay
              fz="sm"
            />
            <Group justify="center" mt="sm">
              <Button component={Link} to={`/meetings/${result.meetingId}/outcome`} color="cham">
                {t('outcome.open')}
              </Button>
              <Button component={Link} to={`/agenda/${result.fairId}`} variant="light" color="cham">
                {t('actions.openAgenda')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack align="center" gap="sm" ta="center">
            <ThemeIcon size={64} radius="xl" color={checkin.isError ? 'lacquer' : 'cham'} variant="light">
              {checkin.isError ? <IconAlertTriangle size={36} /> : <IconQrcode size={36} />}
            </ThemeIcon>
            <Title order={1} fz="xl">
              {t('checkin.title')}
            </Title>
            <Text c="dimmed">{t('checkin.body')}</Text>
            {checkin.isError && (
              <Text c="lacquer.7" role="alert" fw={600}>
                {errorMessageOf(checkin.error, t)}
              </Text>
            )}
            <Button
              size="lg"
              color="celadon.8"
              fullWidth
              loading={checkin.isPending}
              onClick={() => checkin.mutate(code)}
              disabled={!code}
              data-testid="confirm-checkin"
            >
              {t('checkin.confirm')}
            </Button>
            <Button component={Link} to="/meetings" variant="subtle" color="cham">
              {t('checkin.notNow')}
            </Button>
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
