import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** /agenda/:fairId: day columns of one person's meetings. */
export class AgendaPage {
  constructor(private readonly page: Page) {}

  /** /agenda opens the live fair's agenda. */
  async goto() {
    await this.page.goto('/agenda');
    await expect(this.page).toHaveURL(/\/agenda\/[0-9a-f-]{36}$/);
    await expect(this.page.getByTestId('agenda-page')).toBeVisible();
  }

  meeting(id: string): Locator {
    return this.page.locator(`[data-testid="agenda-meeting"][data-meeting-id="${id}"]`);
  }

  fairTime(meeting: Locator): Locator {
    return meeting.getByTestId('agenda-time').locator('[data-zone="fair"]');
  }

  viewerTime(meeting: Locator): Locator {
    return meeting.getByTestId('agenda-time').locator('[data-zone="viewer"]');
  }

  async downloadIcs(meeting: Locator): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await meeting.getByTestId('download-ics').click();
    return download;
  }
}
