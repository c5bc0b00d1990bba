import { Alert, Button, Group, Text } from '@mantine/core';
import { IconTicket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../../../lib/api-client';
import { useRegisterForFair } from '../api/participation';

/** A buyer must register as attending a fair before meetings can be arranged there. */
export function RegisterForFair({ fairId, fairName }: { fairId: string; fairName: string }) {
  const { t } = useTranslation('meetings');
  const register = useRegisterForFair();
  return (
    <Alert color="rattan" variant="light" icon={<IconTicket size={20} />} title={t('register.title')}>
      <Text fz="sm" mb="sm">
        {t('register.body', { fair: fairName })}
      </Text>
      {register.isError && (
        <Text fz="sm" c="lacquer.7" role="alert" mb="sm">
          {errorMessageOf(register.error, t)}
        </Text>
      )}
      <Group>
        <Button
          color="cham"
          loading={register.isPending}
          onClick={() => register.mutate(fairId)}
          data-testid="register-for-fair"
        >
          {t('register.action')}
        </Button>
      </Group>
    </Alert>
  );
}
