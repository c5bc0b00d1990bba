import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { NOTIFICATION_TYPES, resources, type AppNotification } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders } from '../../../test/render';
import { NotificationItem } from '../components/NotificationItem';

const scheduled: AppNotification = {
  id: 'n1',
  type: 'meeting.scheduled',
  data: {
    meetingId: 'm1',
    fairId: 'f1',
    fairName: 'Hanoi Gift Show 2030',
    companyName: 'Gốm Bát Tràng',
    time: 'Sun, 10 Mar 2030, 09:30 (Asia/Ho_Chi_Minh)',
  },
  readAt: null,
  createdAt: new Date().toISOString(),
};

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

const renderItem = (notification: AppNotification, onRead = jest.fn(), onOpen = jest.fn()) =>
  renderWithProviders(
    <>
      <Routes>
        <Route
          path="*"
          element={<NotificationItem notification={notification} onRead={onRead} onOpen={onOpen} />}
        />
      </Routes>
      <Where />
    </>,
    { route: '/notifications' },
  );

describe('NotificationItem', () => {
  beforeEach(() => i18n.changeLanguage('en'));

  it('tells in English that the organizers scheduled the meeting, with its own calendar icon', async () => {
    await i18n.changeLanguage('en');
    const { container } = renderItem(scheduled);
    expect(screen.getByText('Meeting scheduled by the organizers')).toBeTruthy();
    expect(
      screen.getByText(
        'The organizers of Hanoi Gift Show 2030 scheduled your meeting with Gốm Bát Tràng at Sun, 10 Mar 2030, 09:30 (Asia/Ho_Chi_Minh). It is already in your agenda.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/accepted/)).toBeNull();
    expect(container.querySelector('svg.tabler-icon-calendar-pin')).not.toBeNull();
    // not the icon of an accepted meeting
    expect(container.querySelector('svg.tabler-icon-calendar-check')).toBeNull();
  });

  it('tells it in Vietnamese', async () => {
    await i18n.changeLanguage('vi');
    renderItem({
      ...scheduled,
      data: { ...scheduled.data, time: '09:30 CN, 10 thg 3, 2030 (Asia/Ho_Chi_Minh)' },
    });
    expect(screen.getByText('Ban tổ chức đã xếp lịch gặp')).toBeTruthy();
    expect(
      screen.getByText(
        'Ban tổ chức Hanoi Gift Show 2030 đã xếp lịch gặp của bạn với Gốm Bát Tràng vào 09:30 CN, 10 thg 3, 2030 (Asia/Ho_Chi_Minh). Cuộc gặp đã có trong lịch của bạn.',
      ),
    ).toBeTruthy();
  });

  it('opens the meeting in the fair’s agenda when clicked, like an accepted meeting, and marks it read', async () => {
    await i18n.changeLanguage('en');
    for (const type of ['meeting.scheduled', 'meeting.accepted'] as const) {
      const onRead = jest.fn();
      const onOpen = jest.fn();
      const view = renderItem({ ...scheduled, id: `n-${type}`, type }, onRead, onOpen);
      const item = screen.getByTestId('notification-item');
      expect(item.getAttribute('href')).toBe('/agenda/f1');
      expect(screen.getByTestId('where').textContent).toBe('/notifications');
      fireEvent.click(item);
      expect(screen.getByTestId('where').textContent).toBe('/agenda/f1');
      expect(onRead).toHaveBeenCalledWith(`n-${type}`);
      expect(onOpen).toHaveBeenCalled();
      view.unmount();
    }
  });

  it('leaves a notification that is not about a meeting a button that marks it read', async () => {
    const onRead = jest.fn();
    renderItem({ ...scheduled, type: 'company.approved', data: { companyName: 'Gốm Bát Tràng' } }, onRead);
    const item = screen.getByTestId('notification-item');
    expect(item.tagName).toBe('BUTTON');
    fireEvent.click(item);
    expect(onRead).toHaveBeenCalledWith('n1');
    expect(screen.getByTestId('where').textContent).toBe('/notifications');
  });

  it('has a title and a text for every notification type in Vietnamese and English', () => {
    for (const lng of ['vi', 'en'] as const) {
      const types = resources[lng].notifications.types as Record<
        string,
        Record<string, { title?: string; body?: string }>
      >;
      const missing = NOTIFICATION_TYPES.filter((type) => {
        const [group, name] = type.split('.');
        const texts = types[group]?.[name];
        return !texts?.title || !texts?.body;
      });
      expect({ lng, missing }).toEqual({ lng, missing: [] });
    }
  });
});
