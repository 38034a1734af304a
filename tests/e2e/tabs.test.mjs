// End-to-end: two tabs of one browser share one library without losing each
// other's entries; a full storage and a failed backup are told truthfully.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, useBrowserSuite, watchPage } from './support.mjs';

const suite = useBrowserSuite();
const LIBRARY_KEY = 'shouguang-pathways.library';
const BACKUP_KEY = 'shouguang-pathways.library.unreadable';
const WAIT = { timeout: 10_000 };

/** A page of `context` on the app, showing the share-and-save view. */
async function openTab(context) {
  const page = await context.newPage();
  const problems = watchPage(page, suite.server.url.replace(/\/$/, ''));
  await page.goto(suite.server.url);
  await page.getByTestId('app').waitFor({ timeout: 15_000 });
  await page.getByTestId('tab-share').click();
  return { page, problems, app: new AppPage(page) };
}

/** The names the page's library lists, in order. */
function listed(page) {
  return page
    .locator('[data-testid^="library-name-"]')
    .evaluateAll((inputs) => inputs.map((input) => input.value));
}

/** The names in the library kept in storage, in order. */
function stored(page) {
  return page.evaluate((key) => {
    const json = localStorage.getItem(key);
    return json === null ? [] : JSON.parse(json).entries.map((entry) => entry.name);
  }, LIBRARY_KEY);
}

/** Waits until the page lists exactly `names` (in any order). */
async function waitForListed(page, names) {
  const wanted = [...names].sort();
  await page
    .waitForFunction(
      (wanted) => {
        const got = [...document.querySelectorAll('[data-testid^="library-name-"]')].map((input) => input.value).sort();
        return JSON.stringify(got) === JSON.stringify(wanted);
      },
      wanted,
      WAIT,
    )
    .catch(async (error) => {
      throw new Error(`expected ${JSON.stringify(wanted)}, the page lists ${JSON.stringify(await listed(page))}: ${error.message}`);
    });
}

async function save(page, name) {
  await page.getByTestId('library-new-name').fill(name);
  await page.getByTestId('library-save').click();
}

/** The id of the entry named `name` on the page. */
function idOf(page, name) {
  return page
    .locator('[data-testid^="library-name-"]')
    .evaluateAll((inputs, name) => inputs.find((input) => input.value === name)?.dataset.testid.replace('library-name-', ''), name);
}

async function rename(page, from, to) {
  const id = await idOf(page, from);
  assert.ok(id, `“${from}” is listed`);
  const field = page.getByTestId(`library-name-${id}`);
  await field.fill(to);
  await field.press('Enter');
}

async function remove(page, name) {
  const id = await idOf(page, name);
  assert.ok(id, `“${name}” is listed`);
  await page.getByTestId(`library-delete-${id}`).click();
}

/** Makes `localStorage.setItem` throw a quota error for keys matching `pattern`. */
function failWritesOf(context, pattern) {
  return context.addInitScript((source) => {
    const failing = new RegExp(source);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (failing.test(key)) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  }, pattern.source);
}

describe('two tabs and a full storage', () => {
  test('two tabs save, rename and delete in one library and neither loses the other’s entries', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const a = await openTab(context);
    const b = await openTab(context);

    await save(a.page, '甲的方案');
    await waitForListed(b.page, ['甲的方案']);
    await save(b.page, '乙的方案');
    await waitForListed(a.page, ['甲的方案', '乙的方案']);

    // Both save at once, neither having heard of the other's entry yet.
    await Promise.all([save(a.page, '甲同时'), save(b.page, '乙同时')]);
    const four = ['甲的方案', '乙的方案', '甲同时', '乙同时'];
    await waitForListed(a.page, four);
    await waitForListed(b.page, four);

    // A renames B's entry; B deletes A's.
    await rename(a.page, '乙的方案', '乙的方案(甲改)');
    await waitForListed(b.page, ['甲的方案', '乙的方案(甲改)', '甲同时', '乙同时']);
    await remove(b.page, '甲的方案');
    const final = ['乙的方案(甲改)', '甲同时', '乙同时'];
    await waitForListed(a.page, final);
    assert.deepEqual([...(await stored(a.page))].sort(), [...final].sort());

    // Both tabs reload and still agree.
    for (const tab of [a, b]) {
      await tab.page.reload();
      await tab.page.getByTestId('app').waitFor({ timeout: 15_000 });
      await tab.page.getByTestId('tab-share').click();
      await waitForListed(tab.page, final);
    }
    for (const tab of [a, b]) {
      assert.deepEqual(tab.problems.pageErrors, []);
      assert.deepEqual(tab.problems.consoleErrors, []);
    }
    await context.close();
  });

  test('each tab keeps its own scenario on reload; another tab’s autosave never touches the library', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const a = await openTab(context);
    const b = await openTab(context);
    await save(a.page, '留在库里');
    await waitForListed(b.page, ['留在库里']);
    const [first, second] = await a.app.industryIds();
    await a.app.field(first).fill('13.5');
    await a.app.field(first).press('Enter');
    await a.page.waitForFunction(() => (localStorage.getItem('shouguang-pathways.autosave') ?? '').includes('13.5'), null, WAIT);
    await b.app.field(second).fill('19.5');
    await b.app.field(second).press('Enter');
    await b.page.waitForFunction(() => (localStorage.getItem('shouguang-pathways.autosave') ?? '').includes('19.5'), null, WAIT);
    // B's autosave did not change A's screen; A's reload opens A's own link.
    assert.equal(await a.app.field(first).inputValue(), '13.5');
    await a.page.waitForFunction(() => location.hash.length > 1, null, WAIT);
    await a.page.reload();
    await a.page.getByTestId('app').waitFor({ timeout: 15_000 });
    assert.equal(await a.app.field(first).inputValue(), '13.5');
    assert.notEqual(await a.app.field(second).inputValue(), '19.5');
    // A page opened afresh starts from the last autosave: A's, written when
    // A reopened. B's screen still shows B's own scenario.
    const fresh = await openTab(context);
    assert.equal(await fresh.app.field(first).inputValue(), '13.5');
    assert.equal(await b.app.field(second).inputValue(), '19.5');
    assert.notEqual(await b.app.field(first).inputValue(), '13.5');
    await waitForListed(fresh.page, ['留在库里']);
    assert.deepEqual(await stored(fresh.page), ['留在库里']);
    await context.close();
  });

  test('a full storage says so in the notice and keeps the library on the page', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await failWritesOf(context, /^shouguang-pathways\.library$/);
    const a = await openTab(context);
    await save(a.page, '存不下的方案');
    const notice = a.page.getByTestId('notice');
    await a.page.waitForFunction(() => /存储空间已满/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''), null, WAIT);
    assert.match(await notice.textContent(), /情景库的这次更改没有保存到浏览器/);
    assert.deepEqual(await listed(a.page), ['存不下的方案']);
    assert.equal(await a.page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY), null);
    // The next change tries again and keeps both on the page.
    await a.page.getByTestId('dismiss-notice').click();
    await save(a.page, '第二个');
    await notice.waitFor(WAIT);
    assert.deepEqual(await listed(a.page), ['存不下的方案', '第二个']);
    // The same in English.
    await a.app.toggleLanguage();
    await a.page.waitForFunction(() => /storage is full/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''), null, WAIT);
    assert.deepEqual(a.problems.pageErrors, []);
    await context.close();
  });

  test('a failed backup is told truthfully and the unreadable original is not overwritten', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const unreadable = 'not json at all';
    // The damaged library is there before the app starts; its backup fails.
    await context.addInitScript(
      ([key, text]) => {
        if (sessionStorage.getItem('seeded') === null) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem(key, text);
        }
      },
      [LIBRARY_KEY, unreadable],
    );
    await failWritesOf(context, /\.unreadable/);
    const a = await openTab(context);
    const notice = a.page.getByTestId('notice');
    await notice.waitFor(WAIT);
    const said = await notice.textContent();
    assert.match(said, /未能另存备份/);
    assert.doesNotMatch(said, /已另存一份备份/);
    // Saving does not write over the original while it cannot be backed up.
    await a.page.getByTestId('dismiss-notice').click();
    await save(a.page, '新方案');
    await a.page.waitForFunction(() => /备份它失败了/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''), null, WAIT);
    assert.deepEqual(await listed(a.page), ['新方案']);
    assert.equal(await a.page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY), unreadable);
    assert.deepEqual(a.problems.pageErrors, []);
    await context.close();
  });

  test('a backup that works is said to have worked, and the library is written after it', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const a = await openTab(context);
    await a.page.evaluate((key) => localStorage.setItem(key, 'not json at all'), LIBRARY_KEY);
    await a.page.reload();
    const notice = a.page.getByTestId('notice');
    await notice.waitFor(WAIT);
    assert.match(await notice.textContent(), /原数据已另存一份备份/);
    assert.equal(await a.page.evaluate((key) => localStorage.getItem(key), BACKUP_KEY), 'not json at all');
    await a.page.getByTestId('tab-share').click();
    await save(a.page, '备份之后');
    await a.page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('备份之后'), LIBRARY_KEY, WAIT);
    assert.equal(await a.page.evaluate((key) => localStorage.getItem(key), BACKUP_KEY), 'not json at all');
    await context.close();
  });
});
