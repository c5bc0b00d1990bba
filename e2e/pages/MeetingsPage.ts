import { expect, type Locator, type Page } from '@playwright/test';

/** /meetings (the inbox) and /meetings/new (the request form). Works in Vietnamese and English. */
export class MeetingsPage {
  constructor(private readonly page: Page) {}

  async gotoInbox() {
    await this.page.goto('/meetings');
    await expect(this.page.getByTestId('new-request')).toBeVisible();
  }

  async gotoRequest(query = '') {
    await this.page.goto(`/meetings/new${query}`);
    await expect(this.page.getByTestId('request-meeting-form')).toBeVisible();
  }

  /** A buyer not yet registered for the fair registers first. */
  async registerForFairIfAsked() {
    const register = this.page.getByTestId('register-for-fair');
    const person = this.page.getByTestId('attendee-select');
    await expect(register.or(person)).toBeVisible();
    if (await register.isVisible()) {
      await register.click();
      await expect(person).toBeVisible();
    }
  }

  async choosePerson(name: string) {
    const input = this.page.getByTestId('attendee-select');
    await input.click();
    await input.fill(name);
    await this.page
      .getByRole('option', { name: new RegExp(name) })
      .first()
      .click();
  }

  get slots(): Locator {
    return this.page.getByTestId('slot');
  }

  /** Picks the first slot that can still be chosen; answers its start (ISO). */
  async pickFirstFreeSlot(): Promise<string> {
    const free = this.page.locator('[data-testid="slot"]:not([disabled])').first();
    await expect(free).toBeVisible();
    const start = await free.getAttribute('data-start');
    await free.click();
    await expect(free).toHaveAttribute('aria-pressed', 'true');
    return start ?? '';
  }

  async writeMessage(message: string) {
    await this.page.getByRole('textbox', { name: /^(Lời nhắn|Message)/ }).fill(message);
  }

  async send() {
    await this.page.getByTestId('send-request').click();
    await expect(this.page).toHaveURL(/\/meetings\?fair=.*tab=waiting/);
  }

  tab(key: 'awaiting' | 'waiting' | 'upcoming' | 'past'): Locator {
    return this.page.getByTestId(`tab-${key}`);
  }

  card(text: string): Locator {
    return this.page.getByTestId('meeting-card').filter({ hasText: text });
  }

  /** Accepts a request by the slot that starts at `start`. */
  async accept(card: Locator, start: string) {
    await card.getByTestId('accept-meeting').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.locator(`input[type="radio"][value="${start}"]`).check();
    await dialog.getByTestId('confirm-accept').click();
    await expect(dialog).toBeHidden();
  }
}
