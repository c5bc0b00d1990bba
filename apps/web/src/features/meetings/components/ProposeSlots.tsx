import { useMemo } from 'react';
import { Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../../../lib/api-client';
import { useFairSlots, usePersonSlots } from '../api/slots';
import { SlotPicker } from './SlotPicker';

interface ProposeSlotsProps {
  fairId: string;
  fairZone: string;
  /** the other person; their busy slots are greyed out */
  withUserId: string | null;
  /** the caller; their own busy slots are greyed out too */
  selfUserId?: string | null;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** The slot picker fed with a fair's slots and both people's free/busy times. */
export function ProposeSlots({
  fairId,
  fairZone,
  withUserId,
  selfUserId,
  value,
  onChange,
  error,
}: ProposeSlotsProps) {
  const { t } = useTranslation('meetings');
  const slots = useFairSlots(fairId);
  const theirs = usePersonSlots(fairId, withUserId);
  const mine = usePersonSlots(fairId, selfUserId);
  const busy = useMemo(() => {
    // Free/busy is a help, not a gate: without it every slot stays choosable and the server decides.
    const set = new Set<string>();
    for (const s of theirs.data ?? []) if (!s.free) set.add(s.start);
    for (const s of mine.data ?? []) if (!s.free) set.add(s.start);
    return set;
  }, [theirs.data, mine.data]);

  // Until both people's free/busy times are known (or have failed), the slots wait: a slot that looks
  // free and turns grey once they arrive could already have been chosen, and the day shown (the first
  // with a free slot) could change under the pointer.
  if (slots.isPending || theirs.isLoading || mine.isLoading) return <Skeleton height={160} radius="md" />;
  if (slots.isError) return <SlotPickerError message={errorMessageOf(slots.error, t)} />;
  return (
    <SlotPicker
      slots={slots.data}
      fairZone={fairZone}
      value={value}
      onChange={onChange}
      busy={busy}
      error={error}
    />
  );
}

function SlotPickerError({ message }: { message: string }) {
  return (
    <div role="alert" style={{ color: 'var(--mantine-color-lacquer-7)' }}>
      {message}
    </div>
  );
}
