import { Group, PasswordInput, Text, type PasswordInputProps } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isStrongPassword, PASSWORD_MIN_LENGTH } from '@craftmatch/shared';

interface PasswordFieldProps extends PasswordInputProps {
  value: string;
  /** e-mail, name: a password containing them is weak */
  context?: string[];
}

/** A password input that says, before the server does, whether the password is strong enough. */
export function PasswordField({ value, context = [], ...props }: PasswordFieldProps) {
  const { t } = useTranslation('auth');
  const strong = isStrongPassword(value, context);
  const hint = (
    <Group
      gap={6}
      wrap="nowrap"
      component="span"
      c={strong ? 'celadon.8' : 'dimmed'}
      data-testid="password-strength"
      data-strong={strong}
    >
      {strong ? <IconCircleCheck size={14} /> : <IconInfoCircle size={14} />}
      <Text span fz="xs" c="inherit">
        {strong ? t('password.strong') : t('password.hint', { min: PASSWORD_MIN_LENGTH })}
      </Text>
    </Group>
  );
  return (
    <PasswordInput
      value={value}
      description={hint}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...props}
    />
  );
}
