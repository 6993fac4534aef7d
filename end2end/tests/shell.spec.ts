// The page shell in two directions of writing: language and direction rendered by the server,
// the language redirect, health, missing pages, and an island that proves hydration.
import { expect, test } from '@playwright/test';

const languages = [
  { code: 'en', dir: 'ltr' },
  { code: 'ar', dir: 'rtl' },
];

for (const { code, dir } of languages) {
  test(`/${code}/ is ${dir} from the server's first byte`, async ({ request }) => {
    const response = await request.get(`/${code}/`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    const htmlTag = html.match(/<html[^>]*>/)?.[0] ?? '';
    expect(htmlTag).toContain(`lang="${code}"`);
    expect(htmlTag).toContain(`dir="${dir}"`);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
  });

  test(`/${code}/ names its canonical URL and its alternates`, async ({ page }) => {
    await page.goto(`/${code}/`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `http://127.0.0.1:3100/${code}/`);
    for (const other of ['en', 'zh', 'ko', 'ar']) {
      await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveAttribute(
        'href',
        `http://127.0.0.1:3100/${other}/`,
      );
    }
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute(
      'href',
      'http://127.0.0.1:3100/',
    );
  });

  test(`/${code}/ shows the center's figures in the browser`, async ({ page }) => {
    await page.goto(`/${code}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[data-test="figure-sites"] .figure-value')).toHaveText('30');
    await expect(page.locator('[data-test="figure-opportunities"] .figure-value')).toHaveText('15');
    await expect(page.locator('[data-test="unit-value"]')).toContainText(code === 'ar' ? 'هكتار' : 'ha');
  });

  test(`the area unit switch works on /${code}/`, async ({ page, javaScriptEnabled }) => {
    await page.goto(`/${code}/`);
    const value = page.locator('[data-test="unit-value"]');
    const before = await value.textContent();
    await page.locator('[data-unit="mu"]').click();
    await expect(value).not.toHaveText(before ?? '');
    await expect(page.locator('[data-unit="mu"]')).toHaveAttribute('aria-current', 'true');
    if (javaScriptEnabled) {
      // Hydrated: the island switched in place, without loading another page.
      expect(new URL(page.url()).search).toBe('');
    } else {
      // Without JavaScript the link reloads the page in the chosen unit.
      expect(new URL(page.url()).searchParams.get('unit')).toBe('mu');
    }
  });
}

test('the language switch leads to the same page in another language', async ({ page }) => {
  await page.goto('/en/');
  await page.locator('.language-switch [data-lang="ko"]').click();
  await expect(page).toHaveURL(/\/ko\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('.language-switch [aria-current="page"]')).toHaveAttribute('data-lang', 'ko');
});

test('/ redirects by Accept-Language, then to English', async ({ request }) => {
  const korean = await request.get('/', { headers: { 'Accept-Language': 'ko-KR,ko;q=0.9' }, maxRedirects: 0 });
  expect(korean.status()).toBe(302);
  expect(korean.headers()['location']).toBe('/ko/');
  const german = await request.get('/', { headers: { 'Accept-Language': 'de-DE' }, maxRedirects: 0 });
  expect(german.headers()['location']).toBe('/en/');
  const cookie = await request.get('/', { headers: { 'Accept-Language': 'ko', Cookie: 'lang=ar' }, maxRedirects: 0 });
  expect(cookie.headers()['location']).toBe('/ar/');
});

test('/healthz answers with the database state', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
});

test('an unknown page or language is a 404 page, not a server error', async ({ request }) => {
  for (const path of ['/xx/', '/en/no-such-page']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).toContain('data-test="not-found"');
  }
});

// The content security policy allows no inline script without the response's nonce and no style
// attribute: a page that broke it would lose its islands or its look without any test noticing,
// so every violation the browser reports fails here.
test('the main pages break none of their content security policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  for (const path of ['/en/', '/ar/', '/en/sites', '/zh/opportunities', '/ko/inquire', '/ar/compare?sites=KZ-P1,UZ-P2', '/en/no-such-page']) {
    await page.goto(path, { waitUntil: 'networkidle' });
    const csp = (await page.request.get(path)).headers()['content-security-policy'] ?? '';
    expect(csp).toContain("'nonce-");
    expect(csp).not.toContain('unsafe-inline');
  }
  expect(violations).toEqual([]);
});
