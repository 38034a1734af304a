// Screenshots of the release build for a human to look at:
//   node tests/e2e/screenshots.mjs   →  tests/e2e/artifacts/<lang>-<size>.png
// Not part of the test run; the suite's assertions live in *.test.mjs.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppPage, launchBrowser, serveDist } from './support.mjs';

const SIZES = {
  projector: { width: 1920, height: 1080 },
  laptop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
};
const VIEWS = (process.env.VIEWS ?? 'overview,industries,indicators,register,sources').split(',');
const out = join(import.meta.dirname, 'artifacts');
await mkdir(out, { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
try {
  for (const [sizeName, size] of Object.entries(SIZES).filter(([name]) => !process.env.SIZES || process.env.SIZES.split(',').includes(name))) {
    for (const lang of ['zh', 'en']) {
      const { width, height, ...options } = size;
      const context = await browser.newContext({ viewport: { width, height }, ...options });
      const page = await context.newPage();
      const app = new AppPage(page);
      await app.goto(server.url);
      if (lang === 'en') {
        await app.toggleLanguage();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      for (const view of VIEWS) {
        await app.openView(view);
        await page.getByTestId(`view-${view}`).waitFor();
        // Let the debounced Monte Carlo bands arrive and every chart draw.
        await page.waitForFunction(() => !document.querySelector('.pending'), null, { timeout: 10_000 }).catch(() => {});
        await page.evaluate(() => document.fonts.ready);
        const horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        const file = join(out, `${lang}-${sizeName}-${view}.png`);
        await page.screenshot({ path: file, fullPage: process.argv.includes('--full') });
        console.log(`${file}${horizontalScroll ? '  (scrolls horizontally!)' : ''}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
