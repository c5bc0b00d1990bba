import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  E2E_BUYER_EMAIL,
  E2E_BUYER_PASSWORD,
  E2E_EXHIBITOR_EMAIL,
  E2E_EXHIBITOR_PASSWORD,
  uniqueSuffix,
} from '../fixtures';
import { AgendaPage } from '../pages/AgendaPage';
import { LoginPage } from '../pages/LoginPage';
import { MeetingsPage } from '../pages/MeetingsPage';

const EXHIBITOR_PERSON = 'Lê Văn Minh';
const BUYER_COMPANY = 'Nordhaus Interiors GmbH';

const clock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

test('a buyer in Berlin requests a meeting, the exhibitor accepts it live, the agenda shows both zones and the .ics downloads', async ({
  browser,
}) => {
  const suffix = uniqueSuffix();
  const message = `Celadon tableware for our spring catalogue (${suffix})`;
  const pageErrors: Error[] = [];

  // Exhibitor in Hanoi, in Vietnamese: the inbox is open before the request exists.
  const exhibitorContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const exhibitor = await exhibitorContext.newPage();
  exhibitor.on('pageerror', (error) => pageErrors.push(error));
  const exhibitorInbox = new MeetingsPage(exhibitor);
  await test.step('exhibitor opens the meetings inbox', async () => {
    const login = new LoginPage(exhibitor);
    await login.goto();
    await login.signIn(E2E_EXHIBITOR_EMAIL, E2E_EXHIBITOR_PASSWORD);
    await exhibitorInbox.gotoInbox();
    await exhibitorInbox.tab('awaiting').click();
    await expect(exhibitorInbox.tab('awaiting')).toHaveAttribute('aria-selected', 'true');
    await expect(exhibitorInbox.card(suffix)).toHaveCount(0);
  });

  // Buyer in Berlin, in English.
  const buyerContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const buyer = await buyerContext.newPage();
  buyer.on('pageerror', (error) => pageErrors.push(error));
  const buyerMeetings = new MeetingsPage(buyer);
  let slotStart = '';
  let meetingId = '';
  await test.step('buyer requests a meeting, seeing slots in the fair’s time and in Berlin time', async () => {
    const login = new LoginPage(buyer);
    await login.goto();
    await login.signIn(E2E_BUYER_EMAIL, E2E_BUYER_PASSWORD);
    await buyerMeetings.gotoRequest();
    await buyerMeetings.registerForFairIfAsked();
    await buyerMeetings.choosePerson(EXHIBITOR_PERSON);
    await expect(buyer.getByText('Fair time (Vietnam) in bold, your time (Berlin) below.')).toBeVisible();
    slotStart = await buyerMeetings.pickFirstFreeSlot();
    const chosen = buyer.locator(`[data-testid="slot"][data-start="${slotStart}"]`);
    await expect(chosen).toContainText(clock(slotStart, 'Asia/Ho_Chi_Minh'));
    await expect(chosen.locator('[data-zone="viewer"]')).toContainText(
      new RegExp(`^${clock(slotStart, 'Europe/Berlin')}–\\d\\d:\\d\\d Berlin$`),
    );
    await buyerMeetings.writeMessage(message);
    await buyerMeetings.send();
    const card = buyerMeetings.card(suffix);
    await expect(card).toHaveAttribute('data-status', 'requested');
    meetingId = (await card.getAttribute('data-meeting-id')) ?? '';
    expect(meetingId).toMatch(/^[0-9a-f-]{36}$/);
  });

  const agenda = new AgendaPage(buyer);
  await test.step('buyer opens the agenda of the live fair', async () => {
    await agenda.goto();
    await expect(agenda.meeting(meetingId)).toHaveCount(0);
  });

  await test.step('exhibitor sees the request appear without a reload and accepts it', async () => {
    const card = exhibitorInbox.card(suffix);
    await expect(card).toBeVisible();
    await expect(card).toContainText(BUYER_COMPANY);
    await expect(exhibitorInbox.tab('awaiting')).toHaveAttribute('aria-selected', 'true');
    await exhibitorInbox.accept(card, slotStart);
    await exhibitorInbox.tab('upcoming').click();
    await expect(exhibitorInbox.card(suffix)).toHaveAttribute('data-status', 'accepted');
    // the exhibitor is in the fair's zone: one time only
    await expect(exhibitorInbox.card(suffix).locator('[data-zone="viewer"]')).toHaveCount(0);
  });

  await test.step("buyer's agenda updates live with the fair's time and Berlin time side by side", async () => {
    const meeting = agenda.meeting(meetingId);
    await expect(meeting).toBeVisible();
    await expect(meeting).toHaveAttribute('data-status', 'accepted');
    await expect(meeting).toContainText('Gốm sứ Bát Tràng Minh Phúc');
    await expect(agenda.fairTime(meeting)).toHaveText(
      new RegExp(`^${clock(slotStart, 'Asia/Ho_Chi_Minh')}–\\d\\d:\\d\\d Vietnam$`),
    );
    await expect(agenda.viewerTime(meeting)).toHaveText(
      new RegExp(`^${clock(slotStart, 'Europe/Berlin')}–\\d\\d:\\d\\d Berlin$`),
    );
    await expect(meeting.getByTestId('meeting-qr')).toBeVisible();
  });

  await test.step('the meeting downloads as an .ics in the fair’s time zone', async () => {
    const download = await agenda.downloadIcs(agenda.meeting(meetingId));
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toMatch(/DTSTART;TZID=Asia\/Ho_Chi_Minh:\d{8}T\d{6}/);
    const local = clock(slotStart, 'Asia/Ho_Chi_Minh').replace(':', '');
    expect(ics).toMatch(new RegExp(`DTSTART;TZID=Asia/Ho_Chi_Minh:\\d{8}T${local}00`));
  });

  await test.step('the agenda prints on A4: no navigation, one day per page, black on white', async () => {
    await buyer.emulateMedia({ media: 'print' });
    await expect(buyer.locator('nav').first()).toBeHidden();
    await expect(buyer.getByTestId('download-ics').first()).toBeHidden();
    const firstDay = buyer.getByTestId('agenda-day').first();
    expect(
      await firstDay.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).breakAfter),
    ).toBe('page');
    expect(
      await agenda
        .meeting(meetingId)
        .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).color),
    ).toBe('rgb(0, 0, 0)');
    const pdf = await buyer.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await buyer.emulateMedia({ media: 'screen' });
  });

  expect(pageErrors).toEqual([]);
  await buyerContext.close();
  await exhibitorContext.close();
});
