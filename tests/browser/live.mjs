// `dostyk serve` in a real Chromium: live reload and the build-error overlay. A preview must
// already be running on PREVIEW_URL for the project at PROJECT_ROOT (`tests/serve_browser.rs`
// starts one); this script edits ARTICLE (a path relative to the project, e.g.
// `content/articles/2025/beta.md`, a Kazakh article without a `slug` key) on disk and watches
// the open page follow, by itself:
//
//   node tests/browser/live.mjs PREVIEW_URL PROJECT_ROOT ARTICLE
//
// 1. a new title on disk: the page reloads by itself and shows it;
// 2. an unknown topic: an overlay (role=alert) names the file and line, over the last good page,
//    which does not reload; a tab opened now shows it too, and its Close button works;
//    screenshots at 375 and 1280 px;
// 3. the file restored to its last good text: the overlay goes, the page reloads.
//
// Prints one `ok` / `FAIL` / `skip` line per step and exits non-zero when one failed; leaves
// ARTICLE as it found it. Environment: DOSTYK_CHROMIUM (default /usr/bin/chromium),
// DOSTYK_SCREENSHOTS (default target/screenshots).

import { launch } from './chromium.mjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const [previewArg, root, article] = process.argv.slice(2);
if (!previewArg || !root || !article) {
  console.error('usage: node live.mjs PREVIEW_URL PROJECT_ROOT ARTICLE');
  process.exit(2);
}
const PREVIEW = previewArg.endsWith('/') ? previewArg : `${previewArg}/`;
const SHOTS = process.env.DOSTYK_SCREENSHOTS || 'target/screenshots';
mkdirSync(SHOTS, { recursive: true });
// How long the page may take to follow an edit on disk.
const FOLLOW_MS = 5000;

const watchdog = setTimeout(() => {
  console.error('FAIL: the live-reload checks did not finish within 60 s');
  process.exit(1);
}, 60_000);
watchdog.unref();

const file = join(root, article);
const original = readFileSync(file, 'utf8');
const lines = original.split('\n');
const field = (name) => {
  const index = lines.findIndex((l) => l.startsWith(`${name} = `));
  if (index < 0) throw new Error(`${article} has no ${name}`);
  return { index, line: index + 1, value: JSON.parse(lines[index].slice(name.length + 3)) };
};
const title = field('title');
const topics = field('topics');
const lang = field('lang').value;
const pageUrl = `${PREVIEW}${lang}/articles/${basename(article, '.md')}/`;
const withLine = (index, text) => lines.map((l, i) => (i === index ? text : l)).join('\n');
const newTitle = `${title.value} — жаңа тақырып`;
const retitled = withLine(title.index, `title = ${JSON.stringify(newTitle)}`);
const broken = retitled
  .split('\n')
  .map((l, i) => (i === topics.index ? 'topics = ["watr"]' : l))
  .join('\n');

let failures = 0;
// Each step starts from where the one before left the page: after a failure the rest are skipped.
async function step(name, fn) {
  if (failures > 0) {
    console.log(`skip ${name}`);
    return;
  }
  const started = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failures += 1;
    const message = String(e && e.message ? e.message : e).split('\n').slice(0, 12).join('\n       ');
    console.log(`FAIL ${name}\n       ${message}`);
  }
}

/** Polls `fn` in the page (across reloads) until it returns something truthy. */
async function until(page, what, fn, arg, timeout = FOLLOW_MS) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await page.evaluate(fn, arg);
      if (last) return last;
    } catch (e) {
      last = `(${e.message.split('\n')[0]})`; // the page was reloading
    }
    if (Date.now() > deadline) {
      const state = await page.evaluate(describe).catch((e) => e.message);
      throw new Error(`${what}: not within ${timeout} ms (last: ${JSON.stringify(last)}; the page: ${JSON.stringify(state)})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

// What the page shows, for failure messages.
const describe = () => ({
  h1: document.querySelector('h1')?.textContent.trim(),
  overlay: document.querySelector('[role=alert]')?.innerText ?? null,
  reloaded: window.__dostykMark !== true,
});
const h1 = () => document.querySelector('h1')?.textContent.trim();
// A mark in the page's JavaScript state: gone once the page has reloaded.
const mark = () => {
  window.__dostykMark = true;
};
const marked = () => window.__dostykMark === true;
const overlay = () => {
  const o = document.querySelector('[role=alert]');
  return o && { text: o.innerText, tag: o.tagName, parent: o.parentElement?.tagName };
};

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
context.setDefaultTimeout(FOLLOW_MS);
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e)));
let reloads = 0;
let streams = 0;
page.on('response', (r) => {
  if (r.url().endsWith('/__dostyk/events') && r.status() === 200) streams += 1;
});
page.on('framenavigated', (frame) => {
  if (frame === page.mainFrame()) reloads += 1;
});

try {
  await step('the article is served with the live-reload script', async () => {
    const response = await page.goto(pageUrl, { waitUntil: 'load' });
    if (response.status() !== 200) throw new Error(`${pageUrl}: HTTP ${response.status()}`);
    const heading = await page.evaluate(h1);
    if (heading !== title.value) throw new Error(`h1 is ${JSON.stringify(heading)}, not ${JSON.stringify(title.value)}`);
    if ((await page.locator('script[src$="__dostyk/live.js"]').count()) !== 1) throw new Error('no live.js');
    // The event stream is open before anything is edited.
    const deadline = Date.now() + FOLLOW_MS;
    while (streams === 0) {
      if (Date.now() > deadline) throw new Error('the page opened no event stream');
      await new Promise((r) => setTimeout(r, 20));
    }
    await page.evaluate(mark);
  });

  await step('a new title on disk: the page reloads by itself and shows it', async () => {
    const before = reloads;
    const saved = Date.now();
    writeFileSync(file, retitled);
    await until(page, `the page shows ${JSON.stringify(newTitle)}`, ([t]) => {
      return window.__dostykMark !== true && document.querySelector('h1')?.textContent.trim() === t;
    }, [newTitle]);
    if (reloads !== before + 1) throw new Error(`${reloads - before} navigations, not one`);
    console.log(`       reloaded with the new title ${Date.now() - saved} ms after the save`);
    if (await page.evaluate(overlay)) throw new Error('an overlay on a good build');
  });

  let shown;
  await step('an unknown topic: an overlay names the file and line, over the last good page', async () => {
    await page.evaluate(mark);
    const saved = Date.now();
    writeFileSync(file, broken);
    shown = await until(page, 'an overlay with role=alert', overlay);
    console.log(`       overlay shown ${Date.now() - saved} ms after the save`);
    const at = `${article}:${topics.line}:`;
    if (!shown.text.includes(at)) throw new Error(`the overlay does not name ${at}: ${shown.text}`);
    if (!shown.text.includes('"watr"') || !shown.text.includes('did you mean "water"')) {
      throw new Error(`the overlay does not say what is wrong: ${shown.text}`);
    }
    if (!(await page.evaluate(marked))) throw new Error('the page reloaded on a failed build');
    if ((await page.evaluate(h1)) !== newTitle) throw new Error('the last good page is not the one shown');
    // Reloading by hand still gives the last good page, and the overlay comes back by itself.
    await page.reload({ waitUntil: 'load' });
    if ((await page.evaluate(h1)) !== newTitle) throw new Error('a reload lost the last good page');
    shown = await until(page, 'the overlay after a reload by hand', overlay);
    await page.evaluate(mark);
  });

  await step('screenshots of the overlay at 1280 and 375 px', async () => {
    const box = page.locator('[role=alert]');
    await page.screenshot({ path: join(SHOTS, 'serve-overlay-1280.png') });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(SHOTS, 'serve-overlay-375.png') });
    const fits = await box.evaluate((o) => ({
      width: o.getBoundingClientRect().width,
      scroll: o.scrollWidth,
      client: o.clientWidth,
      visible: o.getBoundingClientRect().top >= 0 && o.getBoundingClientRect().height > 40,
    }));
    if (fits.width > 375 || fits.scroll > fits.client || !fits.visible) {
      throw new Error(`the overlay does not fit 375 px: ${JSON.stringify(fits)}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    console.log(`       ${SHOTS}/serve-overlay-{1280,375}.png`);
  });

  await step('a tab opened during the error shows the overlay; Close hides it', async () => {
    const other = await context.newPage();
    await other.goto(pageUrl, { waitUntil: 'load' });
    if ((await other.evaluate(h1)) !== newTitle) throw new Error('not the last good page');
    await until(other, 'the overlay in a new tab', overlay);
    await other.getByRole('button', { name: 'Close the build error' }).click();
    if (await other.evaluate(overlay)) throw new Error('Close left the overlay');
    await other.close();
  });

  await step('the file fixed (its last good text): the overlay goes, the page reloads', async () => {
    const saved = Date.now();
    writeFileSync(file, retitled);
    await until(page, 'the page reloaded without the overlay', () => {
      return window.__dostykMark !== true && document.readyState === 'complete' && !document.querySelector('[role=alert]');
    });
    console.log(`       overlay gone ${Date.now() - saved} ms after the save`);
    if ((await page.evaluate(h1)) !== newTitle) throw new Error('the fixed page is not shown');
    const topic = await page.locator(`a[href$="/topics/${topics.value[0]}/"]`).count();
    if (topic === 0) throw new Error(`the fixed page has no link to the topic ${topics.value[0]}`);
    // Stays gone: nothing more comes.
    await page.waitForTimeout(300);
    if (await page.evaluate(overlay)) throw new Error('the overlay came back');
  });

  await step('no script errors in the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join('\n'));
  });
} finally {
  writeFileSync(file, original);
  await browser.close();
}

console.log(`\n${failures === 0 ? 'all passed' : `${failures} failed`}`);
process.exit(failures === 0 ? 0 : 1);
