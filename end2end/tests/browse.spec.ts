// An investor browses: filters the sites list, opens a site, switches language on it, and finds
// opportunities — in English and in Arabic, with JavaScript on and off.
import { expect, test } from '@playwright/test';

for (const lang of ['en', 'ar']) {
  test(`filter the sites and open one (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/sites`);
    await expect(page.locator('[data-test="site-card"]')).toHaveCount(12);
    await page.locator('#filter-side').selectOption('uz');
    await page.locator('#filter-zone').selectOption('food_agro');
    await page.locator('[data-test="apply-filters"]').click();
    await expect(page).toHaveURL(/side=uz/);
    await expect(page).toHaveURL(/zone=food_agro/);
    const cards = page.locator('[data-test="site-card"]');
    await expect(cards).toHaveCount(2);
    await expect(page.locator('[data-test="results-count"]')).toHaveAttribute('data-count', '2');
    // The filters keep their values after the reload.
    await expect(page.locator('#filter-side')).toHaveValue('uz');

    await cards.filter({ has: page.locator('bdi', { hasText: 'UZ-P3' }) }).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/sites/uz-p3`));
    await expect(page.locator('[data-test="site"]')).toHaveAttribute('data-code', 'UZ-P3');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.spec-table tr')).toHaveCount(20);
    await expect(page.locator('.plot-highlighted')).toHaveCount(1);
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  });

  test(`search in the reader's language (${lang})`, async ({ page }) => {
    const query = lang === 'ar' ? 'مبرد' : 'cold store';
    await page.goto(`/${lang}/sites`);
    await page.locator('#filter-q').fill(query);
    await page.locator('#filter-q').press('Enter');
    const codes = await page.locator('[data-test="site-card"]').evaluateAll((cards) =>
      cards.map((card) => card.getAttribute('data-code')),
    );
    expect(codes).toContain('KZ-W2');
    expect(codes).toContain('UZ-W2');
  });
}

test('switch language on a site page', async ({ page }) => {
  await page.goto('/en/sites/kz-p1-production-building-light-industry');
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  await page.locator('.language-switch [data-lang="zh"]').click();
  await expect(page).toHaveURL(/\/zh\/sites\/kz-p1-production-building-light-industry$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title ?? '');
  await expect(page.locator('[data-test="site"]')).toHaveAttribute('data-code', 'KZ-P1');
  // The choice is remembered: the bare address now leads to Chinese.
  await page.goto('/sites');
  await expect(page).toHaveURL(/\/zh\/sites$/);
});

test('the plan draws the sites of the page and links each to its page', async ({ page }) => {
  await page.goto('/en/sites?side=uz&zone=food_agro');
  const plots = page.locator('[data-test="center-plan"] a');
  await expect(plots).toHaveCount(2);
  const codes = await page.locator('[data-test="site-card"]').evaluateAll((cards) =>
    cards.map((card) => card.getAttribute('data-code')).sort(),
  );
  const drawn = await page.locator('[data-test="center-plan"] .plot-code').allTextContents();
  expect(drawn.sort()).toEqual(codes);
  await page.goto('/en/sites');
  await expect(plots).toHaveCount(12);
  await plots.first().click();
  await expect(page.locator('[data-test="site"]')).toBeVisible();
});

test('paginate the sites list', async ({ page }) => {
  await page.goto('/en/sites');
  await page.locator('[data-test="page-next"]').click();
  await expect(page).toHaveURL(/page=2/);
  await page.locator('[data-test="page-next"]').click();
  await expect(page.locator('[data-test="site-card"]')).toHaveCount(6);
  await expect(page.locator('[data-test="page-next"]')).toHaveCount(0);
});

test('opportunities filter by sector and lead to their sites', async ({ page }) => {
  await page.goto('/ar/opportunities');
  await expect(page.locator('[data-test="opportunity-card"]')).toHaveCount(12);
  await page.locator('#filter-sector').selectOption('chemicals_plastics');
  await page.locator('[data-test="apply-filters"]').click();
  const cards = page.locator('[data-test="opportunity-card"]');
  await expect(cards).toHaveCount(1);
  await cards.getByRole('link').first().click();
  await expect(page.locator('[data-test="opportunity"]')).toBeVisible();
  await page.locator('[data-test="opportunity-sites"] a').first().click();
  await expect(page.locator('[data-test="site"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

for (const lang of ['en', 'ar']) {
  test(`compare two sites from the list (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/sites?kind=production_building`);
    await page.locator('#compare-KZ-P1').check();
    await page.locator('#compare-UZ-P2').check();
    await page.locator('[data-test="compare-submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/compare\\?sites=KZ-P1&sites=UZ-P2`));
    const table = page.locator('[data-test="compare-table"]');
    await expect(table.locator('thead th[data-code]')).toHaveCount(2);
    await expect(table.locator('tbody tr')).toHaveCount(21);
  });
}

test('areas switch to another unit, and the choice is remembered', async ({ page }) => {
  await page.goto('/ko/sites/kz-p1-production-building-light-industry');
  await page.locator('[data-unit-choice="pyeong"]').click();
  await expect(page).toHaveURL(/unit=pyeong/);
  await expect(page.locator('[data-unit-choice="pyeong"]')).toHaveAttribute('aria-current', 'true');
  // Fluent wraps the number in bidi isolation marks (U+2068 … U+2069).
  await expect(page.locator('.spec-table')).toContainText(/7,865\u2069?평/);
  await page.goto('/ko/sites/uz-p3-production-building-agro-processing');
  await expect(page.locator('.spec-table')).toContainText('평');
  await expect(page.locator('[data-unit-choice="pyeong"]')).toHaveAttribute('aria-current', 'true');
});

test('sums switch to another currency at the stated rate, and the choice is remembered', async ({ page }) => {
  await page.goto('/ar/sites/kz-p1-production-building-light-industry');
  await expect(page.locator('[data-test="rate-note"]')).toHaveCount(0);
  await page.locator('[data-test="currency-choice"] summary').click();
  await page.locator('[data-currency-choice="aed"]').click();
  await expect(page).toHaveURL(/currency=aed/);
  await expect(page.locator('[data-test="currency-current"]')).toHaveText('درهم إماراتي');
  await expect(page.locator('.spec-table')).toContainText('درهم إماراتي');
  // The rate and the day it was set are said on the page.
  await expect(page.locator('[data-test="rate-note"]')).toContainText(/3.6725/);
  await expect(page.locator('[data-test="rate-note"]')).toContainText('2026');
  await page.goto('/ar/opportunities');
  await expect(page.locator('[data-test="opportunity-card"]').first()).toContainText('درهم إماراتي');
  await expect(page.locator('[data-test="rate-note"]')).toBeVisible();
});
