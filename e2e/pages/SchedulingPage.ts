import { expect, type Locator, type Page } from '@playwright/test';

/** The organizer's auto-schedule screen of one fair (/organizer/fairs/:id/schedule). Works in Vietnamese and English. */
export class SchedulingPage {
  constructor(private readonly page: Page) {}

  /** From the B2B meetings list: the live fair's meeting desk, then its auto-schedule screen. */
  async openForLiveFair() {
    await this.page.goto('/organizer/meetings');
    const row = this.page
      .getByRole('row')
      .filter({ hasText: /Live now|Đang diễn ra/ })
      .first();
    await row.getByRole('link', { name: /Open meeting desk|Mở bàn điều phối/ }).click();
    await expect(this.page).toHaveURL(/\/organizer\/fairs\/[0-9a-f-]{36}\/meetings/);
    await this.page.getByTestId('open-schedule').click();
    await expect(this.page).toHaveURL(/\/organizer\/fairs\/[0-9a-f-]{36}\/schedule$/);
    await expect(this.page.getByTestId('generate-draft')).toBeVisible();
  }

  get progress(): Locator {
    return this.page.getByTestId('schedule-progress');
  }

  get progressBar(): Locator {
    return this.page.getByTestId('schedule-progress-bar');
  }

  /**
   * Records every value the progress bar shows from now on (a MutationObserver in the page), so a test can
   * check the bar only moved forward however fast the engine was.
   */
  async recordProgress() {
    // A script string: the e2e project compiles without the DOM's types.
    await this.page.evaluate(`(() => {
      const seen = [];
      window.__progressSeen = seen;
      const read = () => {
        const bar = document.querySelector('[data-testid="schedule-progress-bar"]');
        const value = bar ? bar.getAttribute('aria-valuenow') : null;
        if (value !== null && seen[seen.length - 1] !== Number(value)) seen.push(Number(value));
      };
      new MutationObserver(read).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['aria-valuenow'],
      });
    })()`);
  }

  async progressSeen(): Promise<number[]> {
    return this.page.evaluate<number[]>('window.__progressSeen');
  }

  async generate(mode: 'regenerate' | 'fill' = 'regenerate') {
    await this.page.getByTestId(`mode-${mode}`).check();
    await this.page.getByTestId('generate-draft').click();
  }

  get summary(): Locator {
    return this.page.getByTestId('draft-summary');
  }

  /** "Scheduled X of at most Y (Z %)": the figures behind the sentence, and the sentence. */
  async ratio(): Promise<{ scheduled: number; bound: number; ratio: number; text: string }> {
    const el = this.page.getByTestId('schedule-ratio');
    return {
      scheduled: Number(await el.getAttribute('data-scheduled')),
      bound: Number(await el.getAttribute('data-bound')),
      ratio: Number(await el.getAttribute('data-ratio')),
      text: (await el.textContent()) ?? '',
    };
  }

  /** Opens one person's agenda through the person picker. */
  async openAgenda(side: 'buyer' | 'exhibitor', name: string): Promise<Locator> {
    await this.page.getByTestId('tab-agenda').click();
    await this.page
      .getByTestId('agenda-side')
      .getByText(side === 'buyer' ? /^(Buyers|Người mua)$/ : /^(Exhibitors|Nhà trưng bày)$/)
      .click();
    const input = this.page.getByTestId('agenda-person');
    await input.click();
    await input.fill(name);
    await this.page
      .getByRole('option', { name: new RegExp(name) })
      .first()
      .click();
    const agenda = this.page.getByTestId('person-agenda');
    await expect(agenda).toBeVisible();
    return agenda;
  }

  async publish() {
    await this.page.getByTestId('publish-draft').click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('confirm-publish').click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByTestId('publish-result')).toBeVisible();
  }

  get publishCounts(): Locator {
    return this.page.getByTestId('publish-counts');
  }
}
