// The README's screenshots, from the release build in dist/:
//   node scripts/screenshots.mjs            → docs/screenshots/*.png
//   node scripts/screenshots.mjs --all      → also every slide, both languages,
//                                             at 1920×1080, 1280×720, 1024×768
//                                             (tests/e2e/artifacts/, for a person to look at)
// Needs what scripts/setup.sh installs (Chromium, playwright-core) and a
// release build (`trunk build --release`).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openApp, serveDist } from '../tests/e2e/support.mjs';

const repo = join(import.meta.dirname, '..');
const docs = join(repo, 'docs', 'screenshots');
const artifacts = join(repo, 'tests', 'e2e', 'artifacts');
const all = process.argv.includes('--all');
await mkdir(docs, { recursive: true });
await mkdir(artifacts, { recursive: true });

const server = await serveDist();
const browser = await launchBrowser();

const open = (viewport, lang, options) => openApp(browser, server.url, viewport, lang, options);

/** Waits until the Monte Carlo bands are in and the fonts loaded. */
async function settle(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=app]')?.dataset.monteCarloMs, null, { timeout: 15_000 }).catch(() => {});
  await page.waitForFunction(() => !document.querySelector('.pending'), null, { timeout: 10_000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready);
}

async function shot(page, file) {
  await page.screenshot({ path: file });
  console.log(file);
}

try {
  // The first screen: projector, laptop and phone.
  for (const [name, viewport, options] of [
    ['projector', { width: 1920, height: 1080 }, {}],
    ['laptop', { width: 1366, height: 768 }, {}],
    ['phone', { width: 390, height: 844 }, { deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
  ]) {
    const { context, page } = await open(viewport, 'zh', options);
    await settle(page);
    await shot(page, join(docs, `${name}.png`));
    await context.close();
  }
  // A slide and a brief page.
  {
    const { context, page } = await open({ width: 1920, height: 1080 }, 'zh');
    await page.getByTestId('present').click();
    await page.getByTestId('presentation-bar').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('view-industries').waitFor();
    await settle(page);
    await shot(page, join(docs, 'slide-industries.png'));
    await context.close();
  }
  {
    const { context, page, app } = await open({ width: 794, height: 1123 }, 'zh');
    await app.openView('brief');
    await page.getByTestId('view-brief').waitFor();
    await page.emulateMedia({ media: 'print' });
    await settle(page);
    await shot(page, join(docs, 'brief-page-1.png'));
    await context.close();
  }
  if (all) {
    for (const lang of ['zh', 'en']) {
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 1280, height: 720 },
        { width: 1024, height: 768 },
      ]) {
        const { context, page } = await open(viewport, lang);
        await page.getByTestId('present').click();
        await page.getByTestId('presentation-bar').waitFor();
        const count = Number((await page.getByTestId('slide-number').textContent()).split('/')[1]);
        for (let slide = 1; slide <= count; slide += 1) {
          await settle(page);
          await shot(page, join(artifacts, `slide-${lang}-${viewport.width}-${slide}.png`));
          await page.keyboard.press('ArrowRight');
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
