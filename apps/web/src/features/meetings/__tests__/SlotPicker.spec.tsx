import { useState } from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import type { FairSlot } from '@craftmatch/shared';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders } from '../../../test/render';
import { SlotPicker } from '../components/SlotPicker';

// A fair in Hanoi (UTC+7): 27 Nov 09:00–09:30 local is 02:00 UTC, i.e. 03:00 in Berlin (UTC+1 in winter).
const slots: FairSlot[] = [
  { start: '2026-11-27T02:00:00.000Z', end: '2026-11-27T02:30:00.000Z' },
  { start: '2026-11-27T02:40:00.000Z', end: '2026-11-27T03:10:00.000Z' },
  { start: '2026-11-27T03:20:00.000Z', end: '2026-11-27T03:50:00.000Z' },
  { start: '2026-11-27T04:00:00.000Z', end: '2026-11-27T04:30:00.000Z' },
  { start: '2026-11-27T04:40:00.000Z', end: '2026-11-27T05:10:00.000Z' },
  // the next fair day, 28 Nov 06:30 local = 27 Nov 23:30 UTC: still 28 Nov in Hanoi, 28 Nov 00:30 in Berlin
  { start: '2026-11-27T23:30:00.000Z', end: '2026-11-28T00:00:00.000Z' },
];
const now = new Date('2026-11-26T00:00:00.000Z');

function Harness(props: {
  viewerZone: string;
  busy?: Set<string>;
  now?: Date;
  onChange?: (v: string[]) => void;
}) {
  const [value, setValue] = useState<string[]>([]);
  return (
    <SlotPicker
      slots={slots}
      fairZone="Asia/Ho_Chi_Minh"
      viewerZone={props.viewerZone}
      busy={props.busy}
      now={props.now ?? now}
      value={value}
      onChange={(v) => {
        setValue(v);
        props.onChange?.(v);
      }}
    />
  );
}

const slotButtons = () => screen.getAllByTestId('slot');

describe('SlotPicker', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('en');
  });

  it("shows each slot in the fair's time and, below it, in the viewer's own zone", () => {
    renderWithProviders(<Harness viewerZone="Europe/Berlin" />);
    expect(screen.getByText('Fair time (Vietnam) in bold, your time (Berlin) below.')).toBeTruthy();
    const first = slotButtons()[0];
    expect(within(first).getByText('09:00–09:30')).toBeTruthy();
    expect(within(first).getByText('03:00–03:30 Berlin')).toBeTruthy();
    expect(first.getAttribute('aria-label')).toBe('09:00–09:30 Vietnam · 03:00–03:30 Berlin');
    // day tabs are the fair's local days
    expect(screen.getByRole('tab', { name: /Fri 27 Nov/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Sat 28 Nov/ })).toBeTruthy();
  });

  it("names the viewer's day when it differs from the fair's", () => {
    renderWithProviders(<Harness viewerZone="America/New_York" />);
    fireEvent.click(screen.getByRole('tab', { name: /Sat 28 Nov/ }));
    const early = slotButtons().find((b) => b.dataset.start === '2026-11-27T23:30:00.000Z')!;
    expect(within(early).getByText('06:30–07:00')).toBeTruthy();
    // 23:30 UTC is 18:30 on Friday in New York, the day before the fair's Saturday
    expect(within(early).getByText('Fri 27 Nov 18:30–19:00 New York')).toBeTruthy();
  });

  it('shows one zone only when the viewer is in the fair’s zone', () => {
    renderWithProviders(<Harness viewerZone="Asia/Bangkok" />);
    expect(screen.getByText('Times in Vietnam time.')).toBeTruthy();
    expect(within(slotButtons()[0]).queryByText(/Bangkok/)).toBeNull();
    expect(slotButtons()[0].getAttribute('aria-label')).toBe('09:00–09:30 Vietnam');
  });

  it('opens on the first day with a slot that can still be chosen', () => {
    // late on 27 Nov: one slot of the day left, and it is busy; 28 Nov still has a free one
    renderWithProviders(
      <Harness
        viewerZone="Asia/Ho_Chi_Minh"
        busy={new Set(['2026-11-27T04:40:00.000Z'])}
        now={new Date('2026-11-27T04:10:00.000Z')}
      />,
    );
    expect(screen.getByRole('tab', { name: /Sat 28 Nov/ }).getAttribute('aria-selected')).toBe('true');
    expect(slotButtons()).toHaveLength(1);
    expect(slotButtons()[0].hasAttribute('disabled')).toBe(false);
  });

  it('opens on the current day while one of its slots can still be chosen', () => {
    renderWithProviders(<Harness viewerZone="Asia/Ho_Chi_Minh" now={new Date('2026-11-27T04:10:00.000Z')} />);
    expect(screen.getByRole('tab', { name: /Fri 27 Nov/ }).getAttribute('aria-selected')).toBe('true');
  });

  it('greys out busy and begun slots and stops at three', () => {
    const onChange = jest.fn();
    renderWithProviders(
      <Harness
        viewerZone="Europe/Berlin"
        busy={new Set(['2026-11-27T02:40:00.000Z'])}
        now={new Date('2026-11-27T02:10:00.000Z')}
        onChange={onChange}
      />,
    );
    const [begun, busy, a, b, c] = slotButtons();
    expect(begun.hasAttribute('disabled')).toBe(true);
    expect(within(begun).getByText('Already begun')).toBeTruthy();
    expect(busy.hasAttribute('disabled')).toBe(true);
    expect(within(busy).getByText('Busy')).toBeTruthy();

    fireEvent.click(a);
    fireEvent.click(b);
    fireEvent.click(c);
    expect(onChange).toHaveBeenLastCalledWith([
      '2026-11-27T03:20:00.000Z',
      '2026-11-27T04:00:00.000Z',
      '2026-11-27T04:40:00.000Z',
    ]);
    expect(screen.getByTestId('slot-count').textContent).toBe('3 of 3 chosen');
    expect(a.getAttribute('aria-pressed')).toBe('true');
    // the fourth choice is refused until one is dropped
    fireEvent.click(screen.getByRole('tab', { name: /Sat 28 Nov/ }));
    expect(slotButtons()[0].hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: /Fri 27 Nov/ }));
    fireEvent.click(slotButtons()[2]);
    expect(screen.getByTestId('slot-count').textContent).toBe('2 of 3 chosen');
  });
});
