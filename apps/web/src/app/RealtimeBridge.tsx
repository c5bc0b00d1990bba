import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AppNotification, CompanyStatusEvent, Me, NotificationPage } from '@craftmatch/shared';
import { NotificationIcon } from '../features/notifications/components/NotificationIcon';
import { notificationText } from '../features/notifications/components/notification-text';
import { queryKeys } from '../lib/query-keys';
import { useSessionStatus } from '../lib/session';
import { connectSocket, disconnectSocket } from '../lib/socket';

/** Turns server pushes into cache updates and toasts, for the whole signed-in app. */
export function RealtimeBridge() {
  const status = useSessionStatus();
  const queryClient = useQueryClient();
  const { t } = useTranslation(['notifications', 'companies']);

  useEffect(() => {
    if (status !== 'authenticated') return;
    const socket = connectSocket();

    const onNotification = (notification: AppNotification) => {
      // Newest first on page one; other pages shift, so refetch them.
      queryClient.setQueriesData<NotificationPage>({ queryKey: ['notifications', 'page', 1] }, (page) =>
        page?.items && !page.items.some((n) => n.id === notification.id)
          ? {
              ...page,
              items: [notification, ...page.items].slice(0, page.pageSize),
              total: page.total + 1,
              unreadCount: page.unreadCount + (notification.readAt ? 0 : 1),
            }
          : page,
      );
      void queryClient.invalidateQueries({
        queryKey: queryKeys.notifications,
        predicate: (query) => query.queryKey[2] !== 1,
      });
      // A new inquiry shows up in an open inbox without a reload.
      if (notification.type === 'inquiry.received') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.inquiries });
      }
      const { title, body } = notificationText(notification, t);
      notifications.show({
        id: notification.id,
        title,
        message: body,
        icon: <NotificationIcon type={notification.type} size={28} />,
        color: 'transparent',
        autoClose: 7000,
      });
    };

    const onCompanyStatus = ({ companyId, status: next, reason }: CompanyStatusEvent) => {
      // Show the new status at once, then let the server confirm.
      queryClient.setQueryData<Me>(queryKeys.me, (me) =>
        me?.company?.id === companyId
          ? { ...me, company: { ...me.company, status: next, statusReason: reason } }
          : me,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      void queryClient.invalidateQueries({ queryKey: queryKeys.company(companyId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.companyLists });
    };

    const onPendingChanged = () => void queryClient.invalidateQueries({ queryKey: queryKeys.companyLists });

    // Any change to one of my meetings: refetch the inbox and agenda lists that show it.
    const onMeetingChanged = () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.meetings });
      void queryClient.invalidateQueries({ queryKey: queryKeys.agenda });
      // Organizers get it for every meeting of their fairs: their open desk follows live, no polling.
      void queryClient.invalidateQueries({ queryKey: queryKeys.meetingAdmin });
      // Meeting figures on the organizer's results dashboard follow too.
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
    };

    // A contract or sample of a fair changed (organizers' room): the results dashboard refetches.
    const onDashboardChanged = () => void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });

    // A contract or sample of my company changed (either side): refetch lists, details, audit and pipeline.
    const onDealChanged = () => void queryClient.invalidateQueries({ queryKey: queryKeys.deals });

    // After a gap (network, token renewal) catch up on what we missed.
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (!connectedBefore) {
        connectedBefore = true;
        return;
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      onMeetingChanged();
      onDealChanged();
    };

    socket.on('notification:new', onNotification);
    socket.on('company:status', onCompanyStatus);
    socket.on('companies:pending-changed', onPendingChanged);
    socket.on('meeting:changed', onMeetingChanged);
    socket.on('connect', onConnect);
    socket.on('contract:changed', onDealChanged);
    socket.on('sample:changed', onDealChanged);
    socket.on('dashboard:changed', onDashboardChanged);
    return () => {
      socket.off('notification:new', onNotification);
      socket.off('company:status', onCompanyStatus);
      socket.off('companies:pending-changed', onPendingChanged);
      socket.off('meeting:changed', onMeetingChanged);
      socket.off('connect', onConnect);
      socket.off('contract:changed', onDealChanged);
      socket.off('sample:changed', onDealChanged);
      socket.off('dashboard:changed', onDashboardChanged);
    };
  }, [status, queryClient, t]);

  useEffect(() => {
    if (status === 'anonymous') disconnectSocket();
  }, [status]);

  return null;
}
