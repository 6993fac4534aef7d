// Staff at work, in the browser: an editor signs in, creates a site with its text in all four
// languages (one tab each, Arabic right to left), previews it, takes it through review to
// publication, and investors then find it in each language; a desk officer changes an inquiry's
// status and the investor's private page shows it. With JavaScript on and off.
import { expect, test, type Page } from '@playwright/test';
import { DESK_EMAIL, EDITOR_EMAIL, STAFF_PASSWORD } from '../playwright.config';

async function signIn(page: Page, email: string, next: string) {
  await page.goto(next);
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=/);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
}

const TEXTS: Record<string, [string, string, string]> = {
  en: ['Cold store {code} by the Atameken checkpoint', 'A 4,800 m² cold store at −25 °C.', 'Cold chain for fruit and vegetables.'],
  zh: ['阿塔梅肯口岸旁的冷库 {code}', '4,800 平方米冷库，零下25度。', '水果和蔬菜的冷链。'],
  ko: ['아타메켄 검문소 옆 냉동창고 {code}', '영하 25도의 4,800㎡ 냉동창고.', '과일과 채소를 위한 콜드체인.'],
  ar: ['مستودع مبرد {code} قرب معبر أتاميكن', 'مستودع مبرد بمساحة 4800 م² عند −25 درجة.', 'سلسلة تبريد للفواكه والخضروات.'],
};

test('an editor publishes a site in four languages that investors then find', async ({ page, browser }, info) => {
  const code = info.project.name === 'staff-javascript' ? 'KZ-E1' : 'KZ-E2';
  const slug = `${code.toLowerCase()}-cold-store`;
  await signIn(page, EDITOR_EMAIL, '/admin/listings');
  await page.locator('[data-test="new-site"]').click();

  // Shared facts once; a mistake is named beside its field and nothing is saved.
  const shared: Record<string, string> = {
    code, slug: 'Not A Slug', land_area_m2: '12500', built_area_m2: '4800', ceiling_height_m: '11.5',
    power_kw: '900', water_m3_day: '40', dist_border_km: '1.2', dist_rail_km: '6',
    dist_airport_km: '120', price_usd_cents: '38.50', latitude: '40.79', longitude: '68.64',
    plan_outline: '600,100 660,100 660,160 600,160', phase: '2',
  };
  for (const [name, value] of Object.entries(shared)) {
    await page.locator(`[name="${name}"]`).fill(value);
  }
  const choices: Record<string, string> = {
    side: 'kz', regime: 'icic_special', zone: 'food_agro', kind: 'warehouse', tenure: 'lease', availability: 'available',
  };
  for (const [name, value] of Object.entries(choices)) {
    await page.locator(`select[name="${name}"]`).selectOption(value);
  }
  // Each language in its tab; Arabic right to left.
  for (const [lang, [title, summary, description]] of Object.entries(TEXTS)) {
    await page.locator(`[data-test="tab"][data-lang="${lang}"]`).click();
    const panel = page.locator(`[data-test="panel"][data-lang="${lang}"]`);
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    await panel.locator(`[name="title.${lang}"]`).fill(title.replace('{code}', code));
    await panel.locator(`[name="summary.${lang}"]`).fill(summary);
    await panel.locator(`[name="description.${lang}"]`).fill(description);
  }
  await page.locator('[data-test="save"]').click();
  await expect(page.locator('[data-test="editor-problems"]')).toBeVisible();
  await expect(page.locator('[data-test="field-error"][data-field="slug"]')).toBeVisible();
  await expect(page.locator('[name="title.ko"]')).toHaveValue(TEXTS.ko[0].replace('{code}', code));

  await page.locator('[name="slug"]').fill(slug);
  await page.locator('[data-test="save"]').click();
  await expect(page).toHaveURL(new RegExp(`/admin/listings/${code}/edit\\?saved=1`));
  await expect(page.locator('[data-test="listing-status"]')).toHaveText('draft');

  // The preview of the saved draft, in Arabic, right to left.
  const preview = await page.context().newPage();
  await preview.goto(`/admin/listings/${code}/preview/ar`);
  await expect(preview.locator('[data-test="preview-banner"]')).toBeVisible();
  await expect(preview.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(preview.locator('h1')).toContainText(TEXTS.ar[0].replace('{code}', code));
  await preview.close();

  // Not public until published.
  const investor = await browser.newPage();
  const draft = await investor.goto(`/en/sites/${slug}`);
  expect(draft?.status()).toBe(404);

  await page.locator('[data-test="move"][data-status="in_review"]').click();
  await expect(page.locator('[data-test="listing-status"]')).toHaveText('in_review');
  await page.locator('[data-test="move"][data-status="published"]').click();
  await expect(page.locator('[data-test="listing-status"]')).toHaveText('published');

  for (const [lang, [title]] of Object.entries(TEXTS)) {
    const shown = await investor.goto(`/${lang}/sites/${slug}`);
    expect(shown?.status()).toBe(200);
    await expect(investor.locator('h1')).toContainText(title.replace('{code}', code));
    await expect(investor.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  }
  await investor.goto(`/zh/sites?q=${encodeURIComponent('冷库')}`);
  await expect(investor.locator('main')).toContainText(code);
  await investor.close();
});

test('a desk officer answers an inquiry and the investor sees it', async ({ page, request, browser }, info) => {
  const sent = await request.post('/en/inquire', {
    form: {
      name: 'Kim Min-jun',
      company: `Busan Cold Chain ${info.project.name}`,
      country: 'KR',
      email: `kim-${info.project.name}-${Date.now()}@example.kr`,
      investor_type: 'logistics',
      investment_range: '5m-20m',
      message: 'We need 5,000 m² of cold storage.',
      reply_lang: 'ko',
      consent: 'yes',
    },
    maxRedirects: 0,
  });
  expect(sent.status()).toBe(303);
  const tracking = (sent.headers()['location'] ?? '').replace('?sent=1', '');
  expect(tracking).toMatch(/^\/en\/inquiry\/[0-9a-f]{64}$/);

  await signIn(page, DESK_EMAIL, '/admin/inquiries');
  await page.getByRole('link', { name: /^EOI-/ }).first().waitFor();
  await page.locator('[data-test="inbox-row"]', { hasText: `Busan Cold Chain ${info.project.name}` }).getByRole('link').first().click();
  await page.locator('#status').selectOption('answered');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('answered').first()).toBeVisible();

  const investor = await browser.newPage();
  await investor.goto(tracking);
  await expect(investor.locator('[data-test="tracking-status"]')).toHaveAttribute('data-status', 'answered');
  await investor.close();
});
