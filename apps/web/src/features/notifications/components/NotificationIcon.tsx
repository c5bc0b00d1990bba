import { ThemeIcon } from '@mantine/core';
import {
  IconBan,
  IconBell,
  IconEyeOff,
  IconMessageQuestion,
  IconRestore,
  IconBuildingPlus,
  IconBuildingStore,
  IconCalendarCheck,
  IconCalendarOff,
  IconCalendarPin,
  IconCalendarPlus,
  IconCalendarX,
  IconCalendarTime,
  IconCalendarEvent,
  IconClockHour4,
  IconLanguage,
  IconQrcode,
  IconHourglassEmpty,
  IconPencil,
  IconCircleCheck,
  IconCircleX,
  IconUserPlus,
  IconFileCheck,
  IconFileAlert,
  IconFileDollar,
  IconPackage,
} from '@tabler/icons-react';
import type { NotificationType } from '@craftmatch/shared';

const look: Record<NotificationType, { color: string; icon: typeof IconBell }> = {
  'company.approved': { color: 'celadon', icon: IconCircleCheck },
  'company.rejected': { color: 'lacquer', icon: IconCircleX },
  'company.registered': { color: 'rattan', icon: IconBuildingPlus },
  'member.joined': { color: 'cham', icon: IconUserPlus },
  'product.unpublished': { color: 'lacquer', icon: IconEyeOff },
  'company.suspended': { color: 'lacquer', icon: IconBan },
  'company.reinstated': { color: 'celadon', icon: IconRestore },
  'booth.approved': { color: 'celadon', icon: IconBuildingStore },
  'booth.rejected': { color: 'lacquer', icon: IconCircleX },
  'inquiry.received': { color: 'cham', icon: IconMessageQuestion },
  'meeting.requested': { color: 'cham', icon: IconCalendarPlus },
  'meeting.accepted': { color: 'celadon', icon: IconCalendarCheck },
  // put in the agenda by the organizers' auto-scheduler
  'meeting.scheduled': { color: 'celadon', icon: IconCalendarPin },
  'meeting.declined': { color: 'lacquer', icon: IconCalendarX },
  'meeting.cancelled': { color: 'lacquer', icon: IconCalendarOff },
  'meeting.counter_proposed': { color: 'rattan', icon: IconCalendarTime },
  'meeting.updated': { color: 'cham', icon: IconPencil },
  'meeting.reschedule_proposed': { color: 'rattan', icon: IconCalendarTime },
  'meeting.rescheduled': { color: 'celadon', icon: IconCalendarEvent },
  'meeting.reschedule_declined': { color: 'lacquer', icon: IconCalendarX },
  'meeting.expired': { color: 'gray', icon: IconHourglassEmpty },
  'meeting.interpreter_assigned': { color: 'cham', icon: IconLanguage },
  'meeting.checked_in': { color: 'celadon', icon: IconQrcode },
  'meeting.reminder': { color: 'rattan', icon: IconClockHour4 },
  'contract.declared': { color: 'cham', icon: IconFileDollar },
  'contract.confirmed': { color: 'celadon', icon: IconFileCheck },
  'contract.disputed': { color: 'lacquer', icon: IconFileAlert },
  'sample.changed': { color: 'rattan', icon: IconPackage },
};

export function NotificationIcon({ type, size = 34 }: { type: NotificationType; size?: number }) {
  const { color, icon: Icon } = look[type] ?? { color: 'gray', icon: IconBell };
  return (
    <ThemeIcon variant="light" color={color} radius="xl" size={size} style={{ flexShrink: 0 }}>
      <Icon size={Math.round(size * 0.55)} stroke={1.7} />
    </ThemeIcon>
  );
}
