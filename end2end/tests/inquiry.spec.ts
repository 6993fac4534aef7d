// An investor expresses interest: from a site page, first with mistakes (each named beside its
// field, nothing sent), then correctly; sees the reference; opens the private page; and the two
// emails are queued and written (no SMTP server here: mail goes to files). In English and in
// Arabic, with JavaScript on and off. Also: gathering listings with "add to my inquiry".
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const MAIL_DIR = resolve(__dirname, '../../target/e2e/mail');

/** The .eml files that carry `reference`'s Message-IDs. */
function mailsAbout(reference: string): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(MAIL_DIR).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  return names
    .map((name) => readFileSync(resolve(MAIL_DIR, name), 'utf8'))
    .filter((text) => text.includes(`<${reference}.`));
}

for (const lang of ['en', 'ar']) {
  test(`express interest from a site page (${lang})`, async ({ page }, info) => {
    await page.goto(`/${lang}/sites/kz-p1-production-building-light-industry`);
    await page.locator('[data-test="cta"]').click();
    const form = page.locator('[data-test="inquiry-form"]');
    await expect(form.locator('[data-test="form-listings"]')).toContainText('KZ-P1');
    await expect(form.locator('[data-test="reply-time"]')).toBeVisible();

    // Sent empty: every required field is named, in the page's language, nothing is stored.
    await form.locator('[data-test="send-inquiry"]').click();
    await expect(page.locator('[data-test="form-errors"]')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    for (const field of ['name', 'company', 'country', 'email', 'message', 'consent']) {
      await expect(page.locator(`[data-error-for="${field}"]`)).not.toBeEmpty();
    }
    await expect(page.locator('#f-name')).toHaveAttribute('aria-invalid', 'true');

    const email = `e2e-${info.project.name}-${lang}-${Date.now()}@example.ae`;
    await page.locator('#f-name').fill('Layla Al Mansouri');
    await page.locator('#f-company').fill('Gulf Packaging LLC');
    await page.locator('#f-country').selectOption('AE');
    await page.locator('#f-email').fill(email);
    await page.locator('#f-investor-type').selectOption('manufacturer');
    await page.locator('#f-investment-range').selectOption('5m-20m');
    await page.locator('#f-message').fill('We plan a packaging line of 8,000 m² next year.');
    await page.locator('#f-consent').check();
    await page.locator('[data-test="send-inquiry"]').click();

    await expect(page).toHaveURL(new RegExp(`/${lang}/inquiry/[0-9a-f]{64}\\?sent=1$`));
    await expect(page.locator('[data-test="thanks"]')).toBeVisible();
    const reference = await page.locator('[data-test="tracking"]').getAttribute('data-reference');
    expect(reference).toMatch(/^EOI-\d{4}-\d{6}$/);
    await expect(page.locator('[data-test="thanks"]')).toContainText(reference ?? 'missing');
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');

    // The private page, later: the status and the history, no thanks.
    const privatePage = page.url().replace('?sent=1', '');
    await page.goto(privatePage);
    await expect(page.locator('[data-test="tracking-status"]')).toHaveAttribute('data-status', 'new');
    await expect(page.locator('[data-test="tracking-history"] li')).toHaveCount(2);
    await expect(page.locator('[data-test="thanks"]')).toHaveCount(0);

    // Both emails were sent (to files here): one to the investor, one to the desk.
    await expect.poll(() => mailsAbout(reference ?? '').length, { timeout: 15_000 }).toBe(2);
  });
}

test('gather listings with "add to my inquiry"', async ({ page }) => {
  await page.goto('/en/sites');
  const cards = page.locator('[data-test="site-card"]');
  const first = await cards.nth(0).getAttribute('data-code');
  const second = await cards.nth(1).getAttribute('data-code');
  await cards.nth(0).locator('[data-test="basket-button"]').click();
  await expect(page).toHaveURL(/\/en\/sites$/);
  await expect(page.locator('[data-test="basket-note"]')).toHaveAttribute('data-count', '1');
  await page.locator('[data-test="site-card"]').nth(1).locator('[data-test="basket-button"]').click();
  await expect(page.locator('[data-test="basket-note"]')).toHaveAttribute('data-count', '2');
  await expect(page.locator('[data-test="site-card"]').nth(0).locator('[data-test="basket-button"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('[data-test="basket-note"] a').click();
  await expect(page).toHaveURL(/\/en\/inquire$/);
  const listed = page.locator('[data-test="form-listings"]');
  await expect(listed).toContainText(first ?? 'missing');
  await expect(listed).toContainText(second ?? 'missing');
});

test('with JavaScript the form checks each field as the investor types', async ({ page }, info) => {
  test.skip(info.project.name !== 'javascript', 'the live check needs JavaScript');
  await page.goto('/ar/inquire');
  const error = page.locator('[data-error-for="email"]');
  await page.locator('#f-email').fill('not-an-email');
  await page.locator('#f-email').blur();
  await expect(error).not.toBeEmpty();
  await expect(page.locator('#f-email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/ar\/inquire$/);
  await page.locator('#f-email').fill('layla@example.ae');
  await expect(error).toBeEmpty();
  await expect(page.locator('#f-email')).not.toHaveAttribute('aria-invalid', 'true');
});
