import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBuildingWarehouse, IconLayoutBoard, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  B2B_TABLE_CODE_MAX,
  B2B_TABLE_SEATS_MAX,
  B2B_TABLE_SEATS_MIN,
  hasPermission,
  type B2bTable,
  type Fair,
  type Hall,
} from '@craftmatch/shared';
import { EmptyState, ErrorState, FormError, ListSkeleton } from '../../../components/StateViews';
import { errorMessageOf } from '../../../lib/api-client';
import { applyServerErrors } from '../../../lib/forms';
import { useMe } from '../../../lib/session';
import { useCreateTable, useDeleteTable, useTables } from '../api/tables';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { FairAdminFrame } from '../components/FairAdminFrame';

function AddTableForm({ fairId, hall }: { fairId: string; hall: Hall }) {
  const { t } = useTranslation(['meetingAdmin', 'errors']);
  const create = useCreateTable(fairId);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { code: '', seats: '' as number | string },
    validate: { code: (v) => (v.trim() ? null : t('errors:field.REQUIRED')) },
  });
  return (
    <form
      noValidate
      data-testid={`add-table-${hall.code}`}
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        create.mutate(
          {
            hallId: hall.id,
            code: values.code.trim(),
            seats: typeof values.seats === 'number' ? values.seats : null,
          },
          {
            onSuccess: (table) => {
              form.reset();
              notifications.show({ color: 'celadon', message: t('tables.added', { code: table.code }) });
            },
            onError: (error) => setFormError(applyServerErrors(form, error, t)),
          },
        );
      })}
    >
      <Stack gap="xs">
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            label={t('tables.code')}
            placeholder={t('tables.codePlaceholder', { hall: hall.code })}
            maxLength={B2B_TABLE_CODE_MAX}
            required
            style={{ flex: '1 1 140px' }}
            {...form.getInputProps('code')}
          />
          <NumberInput
            label={t('tables.seats')}
            min={B2B_TABLE_SEATS_MIN}
            max={B2B_TABLE_SEATS_MAX}
            allowDecimal={false}
            allowNegative={false}
            className="tabular"
            w={110}
            {...form.getInputProps('seats')}
          />
          <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={create.isPending}>
            {t('tables.add')}
          </Button>
        </Group>
        <FormError message={formError} />
      </Stack>
    </form>
  );
}

function HallTables({
  fairId,
  hall,
  tables,
  canManage,
  onDelete,
}: {
  fairId: string;
  hall: Hall;
  tables: B2bTable[];
  canManage: boolean;
  onDelete: (table: B2bTable) => void;
}) {
  const { t } = useTranslation('meetingAdmin');
  return (
    <Card data-testid={`hall-${hall.code}`}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="lg">
            {t('tables.hall', { code: hall.code, name: hall.name })}
          </Title>
          <Badge variant="light" color="cham" className="tabular">
            {t('tables.count', { count: tables.length })}
          </Badge>
        </Group>
        {tables.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {canManage ? t('tables.hallEmptyManage') : t('tables.hallEmpty')}
          </Text>
        ) : (
          <Table verticalSpacing={6}>
            <Table.Tbody>
              {tables.map((table) => (
                <Table.Tr key={table.id} data-testid={`table-row-${table.code}`}>
                  <Table.Td fw={600} className="tabular">
                    {table.code}
                  </Table.Td>
                  <Table.Td c="dimmed" fz="sm" className="tabular">
                    {table.seats ? t('tables.seatsCount', { count: table.seats }) : '—'}
                  </Table.Td>
                  <Table.Td w={44}>
                    {canManage && (
                      <Tooltip label={t('tables.delete', { code: table.code })}>
                        <ActionIcon
                          variant="subtle"
                          color="lacquer"
                          aria-label={t('tables.delete', { code: table.code })}
                          onClick={() => onDelete(table)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canManage && <AddTableForm fairId={fairId} hall={hall} />}
      </Stack>
    </Card>
  );
}

function Tables({ fair }: { fair: Fair }) {
  const { t } = useTranslation('meetingAdmin');
  const me = useMe();
  const canManage = hasPermission(me.data?.role, 'fairs.manage');
  const tables = useTables(fair.id);
  const remove = useDeleteTable(fair.id);
  const [deleting, setDeleting] = useState<B2bTable | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  if (fair.halls.length === 0)
    return (
      <EmptyState
        icon={<IconBuildingWarehouse size={28} />}
        title={t('tables.noHallsTitle')}
        body={t('tables.noHallsBody')}
        action={
          <Button component={Link} to={`/organizer/fairs/${fair.id}`} color="cham">
            {t('tables.noHallsAction')}
          </Button>
        }
      />
    );
  if (tables.isPending) return <ListSkeleton rows={2} height={180} />;
  if (tables.isError) return <ErrorState error={tables.error} onRetry={() => void tables.refetch()} />;

  const close = () => {
    setDeleting(null);
    setDeleteError(null);
    remove.reset();
  };

  return (
    <Stack gap="lg">
      <Group gap="xs" c="dimmed">
        <IconLayoutBoard size={18} />
        <Text fz="sm">{t('tables.intro')}</Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {fair.halls.map((hall) => (
          <HallTables
            key={hall.id}
            fairId={fair.id}
            hall={hall}
            tables={tables.data.filter((table) => table.hallId === hall.id)}
            canManage={canManage}
            onDelete={(table) => {
              setDeleteError(null);
              setDeleting(table);
            }}
          />
        ))}
      </SimpleGrid>
      <ConfirmDelete
        opened={deleting !== null}
        title={t('tables.deleteTitle', { code: deleting?.code ?? '' })}
        body={t('tables.deleteBody')}
        error={deleteError}
        loading={remove.isPending}
        onClose={close}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'celadon', message: t('tables.deleted', { code: deleting.code }) });
              close();
            },
            onError: (error) => setDeleteError(errorMessageOf(error, t)),
          })
        }
      />
    </Stack>
  );
}

/** /organizer/fairs/:id/tables: the B2B tables of each hall, where the organizer can seat meetings. */
export function TablesPage() {
  const { id = '' } = useParams();
  return (
    <FairAdminFrame fairId={id} tab="tables">
      {(fair) => <Tables fair={fair} />}
    </FairAdminFrame>
  );
}
