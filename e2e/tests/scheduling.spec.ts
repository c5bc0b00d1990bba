import { expect, test } from '@playwright/test';
import {
  E2E_BUYER_EMAIL,
  E2E_BUYER_PASSWORD,
  E2E_ORGANIZER_EMAIL,
  E2E_ORGANIZER_PASSWORD,
} from '../fixtures';
import { LoginPage } from '../pages/LoginPage';
import { MeetingsPage } from '../pages/MeetingsPage';
import { SchedulingPage } from '../pages/SchedulingPage';

const BUYER_NAME = 'Anna';

const clock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

test('the organizer generates a draft for the live fair, watches it progress, reviews it and publishes; the buyer sees the new meetings live', async ({
  browser,
}) => {
  const pageErrors: Error[] = [];

  // The buyer, in Berlin and in English, has the meetings page open before anything is scheduled.
  const buyerContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const buyer = await buyerContext.newPage();
  buyer.on('pageerror', (error) => pageErrors.push(error));
  const inbox = new MeetingsPage(buyer);
  const upcoming = buyer.getByTestId('list-upcoming').getByTestId('meeting-card');
  let before = 0;
  await test.step('buyer opens the upcoming meetings', async () => {
    const login = new LoginPage(buyer);
    await login.goto();
    await login.signIn(E2E_BUYER_EMAIL, E2E_BUYER_PASSWORD);
    await inbox.gotoInbox();
    await inbox.tab('upcoming').click();
    await expect(inbox.tab('upcoming')).toHaveAttribute('aria-selected', 'true');
    // the list (or its empty state) has loaded
    await expect(
      buyer.getByTestId('list-upcoming').or(buyer.getByRole('tabpanel').getByRole('heading')).first(),
    ).toBeVisible();
    before = await upcoming.count();
  });

  // The organizer, also away from the fair (Berlin), so both clocks show.
  const organizerContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const organizer = await organizerContext.newPage();
  organizer.on('pageerror', (error) => pageErrors.push(error));
  const schedule = new SchedulingPage(organizer);
  await test.step('organizer opens the live fair’s auto-schedule from its meeting desk', async () => {
    const login = new LoginPage(organizer);
    await login.goto();
    await login.signIn(E2E_ORGANIZER_EMAIL, E2E_ORGANIZER_PASSWORD);
    await schedule.openForLiveFair();
  });

  await test.step('organizer generates a draft from scratch and the progress bar runs to the end', async () => {
    await schedule.recordProgress();
    await schedule.generate('regenerate');
    await expect(schedule.progress).toBeVisible();
    await expect(schedule.progress).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
    await expect(schedule.progressBar).toHaveAttribute('aria-valuenow', '100');
    const seen = await schedule.progressSeen();
    expect(seen.at(-1)).toBe(100);
    // the bar only ever moved forward
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    test.info().annotations.push({ type: 'progress seen (%)', description: seen.join(', ') });
  });

  let planned = 0;
  const companies: string[] = [];
  await test.step('organizer reviews the bound ratio and one buyer’s agenda in both clocks', async () => {
    await expect(schedule.summary).toHaveAttribute('data-status', 'ready');
    const ratio = await schedule.ratio();
    expect(ratio.scheduled).toBeGreaterThan(0);
    expect(ratio.scheduled).toBeLessThanOrEqual(ratio.bound);
    expect(ratio.ratio).toBeCloseTo(ratio.scheduled / ratio.bound, 5);
    test.info().annotations.push({ type: 'bound ratio', description: ratio.text });
    expect(ratio.text).toMatch(/^(Scheduled|Đã xếp) \d+ (of at most|trên tối đa) \d+ \(\d+([.,]\d)?\s?%\)$/);

    const agenda = await schedule.openAgenda('buyer', BUYER_NAME);
    const drafted = agenda.locator('[data-testid="agenda-item"][data-source="draft"]');
    await expect(drafted.first()).toBeVisible();
    planned = await drafted.count();
    for (let i = 0; i < planned; i++)
      companies.push((await drafted.nth(i).getAttribute('data-with-company')) ?? '');
    test
      .info()
      .annotations.push({ type: 'buyer agenda', description: `${planned} planned: ${companies.join(', ')}` });
    const first = drafted.first();
    const start = (await first.getAttribute('data-start')) ?? '';
    await expect(first.locator('[data-zone="fair"]')).toHaveText(
      new RegExp(`^${clock(start, 'Asia/Ho_Chi_Minh')}–\\d\\d:\\d\\d (Vietnam|Việt Nam)$`),
    );
    await expect(first.locator('[data-zone="viewer"]')).toHaveText(
      new RegExp(`^${clock(start, 'Europe/Berlin')}–\\d\\d:\\d\\d Berlin$`),
    );
  });

  await test.step('organizer publishes after confirming', async () => {
    await schedule.publish();
    await expect(schedule.summary).toHaveAttribute('data-status', 'published');
    const published = Number((await schedule.publishCounts.textContent())?.match(/\d+/)?.[0]);
    expect(published).toBeGreaterThanOrEqual(planned);
    test.info().annotations.push({ type: 'published', description: String(published) });
    await expect(schedule.publishCounts).toContainText(/No conflicts|Không có xung đột/);
  });

  await test.step('the buyer’s open meetings page shows the new meetings without a reload', async () => {
    await expect(upcoming).toHaveCount(before + planned);
    await expect(inbox.tab('upcoming')).toHaveAttribute('aria-selected', 'true');
    await expect(upcoming.and(buyer.locator('[data-status="accepted"]'))).toHaveCount(before + planned);
    // the planned meetings are among them, with the exhibitors the organizer saw in the agenda
    for (const company of companies)
      await expect(upcoming.filter({ hasText: company }).first()).toBeVisible();
  });

  await test.step('the schedule screen stays usable on a 390 px phone', async () => {
    await organizer.setViewportSize({ width: 390, height: 844 });
    await expect(schedule.summary).toBeVisible();
    // nothing wider than the screen: wide tables scroll inside their own box
    expect(await organizer.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await organizer.getByTestId('tab-unscheduled').click();
    await expect(
      organizer
        .getByTestId('unscheduled-cards')
        .or(organizer.getByText(/Every wished pair is scheduled|Mọi cặp mong muốn/)),
    ).toBeVisible();
    expect(await organizer.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });

  expect(pageErrors).toEqual([]);
  await organizerContext.close();
  await buyerContext.close();
});
