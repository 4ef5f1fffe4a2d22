// Browser tests of a built dostyk site, in a real Chromium (Debian's `chromium`), driven by
// playwright-core. The site must be built from the repository's `content/` for BASE_URL and served
// there (`tests/browser.rs` does both, under a sub-path on 127.0.0.1).
//
//   node tests/browser/run.mjs BASE_URL SCREENSHOT_DIR
//
// Prints one `ok` / `FAIL` line per check and exits non-zero when any check failed.
// Environment: DOSTYK_CHROMIUM, the browser (default /usr/bin/chromium); DOSTYK_BROWSER_JOBS, checks
// run at once (default 4); DOSTYK_BROWSER_TIMING=1 prints each check's time.

import { launch } from './chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [baseArg, shotDir] = process.argv.slice(2);
if (!baseArg || !shotDir) {
  console.error('usage: node run.mjs BASE_URL SCREENSHOT_DIR');
  process.exit(2);
}
const BASE = baseArg.endsWith('/') ? baseArg : `${baseArg}/`;
const BASE_PATH = new URL(BASE).pathname; // e.g. /REPO/
mkdirSync(shotDir, { recursive: true });

// A hard limit, so that a hung browser never hangs `cargo test`.
const watchdog = setTimeout(() => {
  console.error('FAIL: the browser tests did not finish within 5 minutes');
  process.exit(1);
}, 5 * 60 * 1000);
watchdog.unref();

// Known articles of the repository's `content/articles`.
const ARTICLE = 'kk/articles/qazaqstan-respublikasy-mazhilisining-toraghasy-erlan/';
const KK_QUERY = {
  q: 'Қошанов',
  slugs: ['qazaqstan-respublikasy-mazhilisining-toraghasy-erlan', 'qozoghiston-va-tozhikiston-parlamentlari-hamkorlikni'],
};
const TG_QUERY = {
  q: 'Эмомалӣ',
  slugs: ['emomali-rahmon-sarvaziri-jumhurii-qazoqiston-olzhas', 'tojikiston-va-qazoqiston-hamkorii-dujonibaro-dar'],
};
// In a Kazakh and a Tajik article: a language filter leaves one of the two.
const FILTER_QUERY = 'Душанбе';

// Every page type, relative to BASE. `status` is the HTTP status the document must have.
const PAGES = [
  { name: 'landing', path: '' },
  { name: 'home-kk', path: 'kk/' },
  { name: 'home-tg', path: 'tg/' },
  { name: 'article', path: ARTICLE },
  { name: 'countries', path: 'kk/countries/' },
  { name: 'country', path: 'kk/countries/kazakhstan/' },
  { name: 'topics', path: 'tg/topics/' },
  { name: 'topic', path: 'tg/topics/diplomacy/' },
  { name: 'timeline', path: 'kk/timeline/' },
  { name: 'year', path: 'tg/timeline/2025/' },
  { name: 'search', path: `kk/search/?q=${encodeURIComponent(KK_QUERY.q)}`, search: true },
  { name: '404', path: 'no-such-page/', status: 404 },
];

const browser = await launch();

let failures = 0;
let passes = 0;

// Checks are registered first and run afterwards, JOBS at a time (each in its own browser
// context); their lines are printed in the order they were registered.
const JOBS = Math.max(1, Number(process.env.DOSTYK_BROWSER_JOBS) || 4);
const tasks = [];

function check(name, fn) {
  tasks.push({ name, fn });
}

async function runTask({ name, fn }) {
  const notes = [];
  const log = (line) => notes.push(line);
  try {
    const t0 = Date.now();
    await fn(log);
    if (process.env.DOSTYK_BROWSER_TIMING) notes.push(`       (${Date.now() - t0} ms)`);
    passes += 1;
    return [`ok   ${name}`, ...notes].join('\n');
  } catch (e) {
    failures += 1;
    const message = String(e && e.message ? e.message : e).split('\n').slice(0, 12).join('\n       ');
    return [`FAIL ${name}`, ...notes, `       ${message}`].join('\n');
  }
}

async function runAll() {
  const outputs = new Array(tasks.length);
  let next = 0;
  let printed = 0;
  const flush = () => {
    while (printed < tasks.length && outputs[printed] !== undefined) console.log(outputs[printed++]);
  };
  await Promise.all(
    Array.from({ length: JOBS }, async () => {
      while (next < tasks.length) {
        const i = next++;
        outputs[i] = await runTask(tasks[i]);
        flush();
      }
    }),
  );
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/// A fresh page in a fresh context, recording console errors, failed requests and error responses.
async function newPage({ width = 1280, height = 900, dark = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: dark ? 'dark' : 'light' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url || ''})`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A click that navigates away cancels what the old page was still loading (its icon, say):
    // that is the browser's doing, not a broken link. A link that really fails answers 4xx.
    const error = req.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !page.expectedErrorUrls?.has(res.url())) {
      problems.push(`HTTP ${res.status()}: ${res.url()}`);
    }
  });
  page.expectedErrorUrls = new Set();
  page.problems = problems;
  return { context, page };
}

async function open(page, path, status = 200) {
  const url = BASE + path;
  if (status !== 200) page.expectedErrorUrls.add(url);
  const res = await page.goto(url, { waitUntil: 'load' });
  assert(res, `no response for ${url}`);
  assert(res.status() === status, `${url}: HTTP ${res.status()}, expected ${status}`);
  return res;
}

function relPath(page) {
  const u = new URL(page.url());
  assert(u.pathname.startsWith(BASE_PATH), `${page.url()} is outside the base path ${BASE_PATH}`);
  return u.pathname.slice(BASE_PATH.length);
}

function noProblems(page) {
  // Console errors the browser itself logs for the expected 404 document are not problems.
  const real = page.problems.filter((p) => !/status of 404/.test(p) || !page.expectedErrorUrls.size);
  assert(real.length === 0, real.join('\n'));
}

// ----- search helpers (Pagefind's default UI) -----------------------------------------------

const RESULT = '.pagefind-ui__result';
const MESSAGE = '.pagefind-ui__message';

async function waitForResults(page, query) {
  await page.waitForSelector(RESULT, { timeout: 10_000 }).catch(() => {
    throw new Error(`no search results appeared for "${query}" on ${page.url()}`);
  });
  // Pagefind renders results in steps; wait until the count is stable.
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const n = await page.locator(RESULT).count();
    if (n === last) break;
    last = n;
    await page.waitForTimeout(150);
  }
}

async function resultLinks(page) {
  return page.$$eval(`${RESULT} a[href]`, (as) => as.map((a) => a.getAttribute('href')));
}

// The trees share one index, which holds the first tree's addresses: the search page of each
// tree must link its results to its own tree's pages.
async function expectFinds(page, lang, { q, slugs }) {
  await waitForResults(page, q);
  const links = await resultLinks(page);
  assert(
    links.some((href) => slugs.some((s) => href.includes(`/articles/${s}/`))),
    `"${q}" found ${JSON.stringify(links)}, none of the articles ${slugs.join(', ')}`,
  );
  const tree = `${BASE_PATH}${lang}/articles/`;
  assert(
    links.every((href) => href.startsWith(tree)),
    `result links must go to the pages of ${tree}: ${JSON.stringify(links)}`,
  );
}

function searchInput(page) {
  return page.locator('main input[type="search"], main .pagefind-ui__search-input').first();
}

// ----- 1. the language switch -----------------------------------------------------------------

const SWITCH_PAGES = ['kk/', ARTICLE, 'kk/countries/kazakhstan/', 'kk/topics/diplomacy/', 'kk/timeline/', 'kk/timeline/2025/'];
for (const from of ['kk', 'tg']) {
  const to = from === 'kk' ? 'tg' : 'kk';
  for (const kkPath of SWITCH_PAGES) {
    const path = kkPath.replace(/^kk\//, `${from}/`);
    check(`language switch ${path} → ${to}`, async () => {
      const { context, page } = await newPage();
      try {
        await open(page, path);
        assert((await page.getAttribute('html', 'lang')) === from, `<html lang> is not ${from}`);
        const link = page.locator(`.lang-switch a[hreflang="${to}"]`);
        assert((await link.count()) === 1, `no link to ${to} in the language switch`);
        await Promise.all([page.waitForURL((u) => u.toString() !== BASE + path), link.click()]);
        await page.waitForLoadState('load');
        const expected = path.replace(new RegExp(`^${from}/`), `${to}/`);
        assert(relPath(page) === expected, `landed on ${relPath(page)}, expected ${expected}`);
        assert((await page.getAttribute('html', 'lang')) === to, `<html lang> is not ${to} after switching`);
        noProblems(page);
      } finally {
        await context.close();
      }
    });
  }
}

// ----- 2. search --------------------------------------------------------------------------------

for (const [lang, query] of [
  ['kk', KK_QUERY],
  ['tg', TG_QUERY],
]) {
  check(`search /${lang}/search/?q=${query.q} finds a known article`, async () => {
    const { context, page } = await newPage();
    try {
      await open(page, `${lang}/search/?q=${encodeURIComponent(query.q)}`);
      assert((await page.getAttribute('html', 'lang')) === lang, `<html lang> is not ${lang}`);
      assert((await searchInput(page).inputValue()) === query.q, 'the query is not filled into the search box');
      await expectFinds(page, lang, query);
      noProblems(page);
    } finally {
      await context.close();
    }
  });
}

check('search results mark their title and excerpt with the text\'s language', async () => {
  const { context, page } = await newPage();
  try {
    await open(page, `tg/search/?q=${encodeURIComponent(KK_QUERY.q)}`);
    await waitForResults(page, KK_QUERY.q);
    const marked = await page.$$eval(RESULT, (results) =>
      results.map((r) => ({
        href: r.querySelector('a[href]').getAttribute('href'),
        title: r.querySelector('.pagefind-ui__result-title')?.getAttribute('lang'),
        excerpt: r.querySelector('.pagefind-ui__result-excerpt')?.getAttribute('lang'),
        text: r.textContent,
      })),
    );
    // The index holds dates as YYYY-MM-DD: the Tajik page writes them in Tajik.
    const koshanov = marked.find((r) => r.href.includes(`/articles/${KK_QUERY.slugs[0]}/`));
    assert(koshanov && koshanov.text.includes('27 августи соли 2025'), `no Tajik date in ${JSON.stringify(koshanov)}`);
    const expected = { 'qazaqstan-respublikasy-mazhilisining-toraghasy-erlan': 'kk', 'qozoghiston-va-tozhikiston-parlamentlari-hamkorlikni': 'uz' };
    let seen = 0;
    for (const { href, title, excerpt } of marked) {
      const slug = Object.keys(expected).find((s) => href.includes(`/articles/${s}/`));
      if (!slug) continue;
      seen += 1;
      assert(title === expected[slug] && excerpt === expected[slug], `${href}: title lang=${title}, excerpt lang=${excerpt}, expected ${expected[slug]}`);
    }
    assert(seen === 2, `expected both known articles among ${JSON.stringify(marked)}`);
  } finally {
    await context.close();
  }
});

check('search is case-insensitive (lower-case query)', async () => {
  const { context, page } = await newPage();
  try {
    const q = KK_QUERY.q.toLowerCase();
    await open(page, `kk/search/?q=${encodeURIComponent(q)}`);
    await expectFinds(page, 'kk', { ...KK_QUERY, q });
    noProblems(page);
  } finally {
    await context.close();
  }
});

check('search: typing into the search box finds a known article', async () => {
  const { context, page } = await newPage();
  try {
    await open(page, 'tg/search/');
    const input = searchInput(page);
    await input.click();
    await input.pressSequentially(TG_QUERY.q, { delay: 20 });
    await expectFinds(page, 'tg', TG_QUERY);
    noProblems(page);
  } finally {
    await context.close();
  }
});

check(`search: a filter narrows the results ("${FILTER_QUERY}")`, async (log) => {
  const { context, page } = await newPage();
  try {
    await open(page, `kk/search/?q=${encodeURIComponent(FILTER_QUERY)}`);
    await waitForResults(page, FILTER_QUERY);
    // The count the results' message gives ("2 results for …"), which Pagefind writes once a
    // search has finished: the results it renders, in steps, can lag behind on a loaded machine.
    const counted = ([sel]) => {
      const m = (document.querySelector(sel)?.textContent || '').match(/\d+/);
      return m ? Number(m[0]) : null;
    };
    const before = await page
      .waitForFunction(counted, [MESSAGE], { timeout: 10_000 })
      .then((h) => h.jsonValue());
    assert(before >= 2, `"${FILTER_QUERY}" should find at least two articles, found ${before}`);
    // Open the filter groups (Pagefind shows them as <details>) and try each box until one narrows.
    await page.waitForSelector('input.pagefind-ui__filter-checkbox, main input[type="checkbox"]', { state: 'attached' }).catch(() => {});
    await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => (d.open = true)));
    const boxes = page.locator('main input.pagefind-ui__filter-checkbox, main input[type="checkbox"]');
    const n = await boxes.count();
    assert(n > 0, 'no filter checkboxes on the search page');
    let narrowed = null;
    for (let i = 0; i < n && !narrowed; i++) {
      const box = boxes.nth(i);
      // Pagefind may draw the filter groups again, closed, when their counts arrive: open
      // them before each box.
      await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => (d.open = true)));
      await box.waitFor({ state: 'visible', timeout: 2000 }).catch(() => {});
      if (!(await box.isVisible())) {
        log(`       (filter box #${i} not shown)`);
        continue;
      }
      const label = (await page.locator(`label[for="${await box.getAttribute('id')}"]`).first().textContent().catch(() => '')) || `#${i}`;
      await box.check();
      // The search runs again when a filter changes: wait (up to 8 s, for a loaded machine)
      // for a count of fewer, but some, and for that many results shown.
      const after = await page
        .waitForFunction(
          ([message, sel, n]) => {
            const m = (document.querySelector(message)?.textContent || '').match(/\d+/);
            const c = m ? Number(m[0]) : 0;
            return c > 0 && c < n && document.querySelectorAll(sel).length === c ? c : false;
          },
          [MESSAGE, RESULT, before],
          { timeout: 8000 },
        )
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (after) narrowed = `${label.trim()}: ${before} → ${after}`;
      else {
        const message = await page.locator(MESSAGE).first().textContent().catch(() => '?');
        log(`       (filter ${label.trim()}: "${message}", ${await page.locator(RESULT).count()} shown)`);
      }
      await box.uncheck();
      await page
        .waitForFunction(
          ([message, n]) => ((document.querySelector(message)?.textContent || '').match(/\d+/) || [])[0] === String(n),
          [MESSAGE, before],
          { timeout: 8000 },
        )
        .catch(() => {});
    }
    assert(narrowed, `no filter gave fewer (but some) results than ${before}`);
    log(`       (filter ${narrowed})`);
    noProblems(page);
  } finally {
    await context.close();
  }
});

check('header search form submits to the search page with the query filled in', async () => {
  const { context, page } = await newPage();
  try {
    await open(page, ARTICLE);
    const input = page.locator('header form input[type="search"], header form input[name="q"]').first();
    assert((await input.count()) === 1, 'no search box in the page header');
    await input.fill(KK_QUERY.q);
    await Promise.all([page.waitForURL(/\/search\//), input.press('Enter')]);
    await page.waitForLoadState('load');
    assert(relPath(page) === 'kk/search/', `the form went to ${relPath(page)}, expected kk/search/`);
    assert(new URL(page.url()).searchParams.get('q') === KK_QUERY.q, `the query is not in ${page.url()}`);
    assert((await searchInput(page).inputValue()) === KK_QUERY.q, 'the query is not filled into the search box');
    await expectFinds(page, 'kk', KK_QUERY);
    noProblems(page);
  } finally {
    await context.close();
  }
});

// ----- 3. navigation reaches an article ------------------------------------------------------

async function clickTo(page, selector, what) {
  const link = page.locator(selector).first();
  assert((await link.count()) === 1, `no ${what} (${selector}) on ${page.url()}`);
  const href = await link.getAttribute('href');
  await Promise.all([page.waitForURL((u) => u.pathname === new URL(href, page.url()).pathname), link.click()]);
  await page.waitForLoadState('load');
}

async function expectArticle(page) {
  assert(/^(kk|tg)\/articles\/[^/]+\/$/.test(relPath(page)), `ended on ${relPath(page)}, not an article`);
  assert((await page.locator('h1.article-title').count()) === 1, 'the article page has no article title');
}

for (const [name, lang, steps] of [
  ['countries → a country → an article', 'kk', [
    ['.main-nav a[href$="/countries/"]', 'countries link in the main menu'],
    ['main .term-grid a', 'country'],
    ['main .story-title a', 'article link'],
  ]],
  ['topics → a topic → an article', 'tg', [
    ['.main-nav a[href$="/topics/"]', 'topics link in the main menu'],
    ['main .term-grid a', 'topic'],
    ['main .story-title a', 'article link'],
  ]],
  ['timeline → a year → an article', 'kk', [
    ['.main-nav a[href$="/timeline/"]', 'timeline link in the main menu'],
    ['main .years a', 'year'],
    ['main .story-title a', 'article link'],
  ]],
]) {
  check(`navigation (${lang}): home → ${name}`, async () => {
    const { context, page } = await newPage();
    try {
      await open(page, `${lang}/`);
      for (const [selector, what] of steps) await clickTo(page, selector, what);
      await expectArticle(page);
      noProblems(page);
    } finally {
      await context.close();
    }
  });
}

// ----- 4. layout, screenshots, no errors on any page ------------------------------------------

for (const width of [375, 1280]) {
  for (const p of PAGES) {
    check(`layout ${width}px ${p.name}: no horizontal scrolling, no errors`, async () => {
      const { context, page } = await newPage({ width, height: width < 800 ? 812 : 900 });
      try {
        await open(page, p.path, p.status ?? 200);
        if (p.search) await waitForResults(page, KK_QUERY.q);
        const { scrollWidth, innerWidth, wide } = await page.evaluate(() => {
          const vw = window.innerWidth;
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > vw + 1)
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
          return { scrollWidth: document.documentElement.scrollWidth, innerWidth: vw, wide };
        });
        await page.screenshot({ path: join(shotDir, `${p.name}-${width}.png`), fullPage: true });
        assert(scrollWidth <= innerWidth, `scrollWidth ${scrollWidth} > innerWidth ${innerWidth}; too wide: ${wide.join(', ')}`);
        noProblems(page);
      } finally {
        await context.close();
      }
    });
  }
}

// ----- 5. axe-core, light and dark --------------------------------------------------------------

const AXE_PAGES = [...PAGES, { name: 'search-empty', path: 'tg/search/', search: 'empty' }];
for (const dark of [false, true]) {
  for (const p of AXE_PAGES) {
    const scheme = dark ? 'dark' : 'light';
    check(`axe ${scheme} ${p.name}: no serious or critical violations`, async (log) => {
      const { context, page } = await newPage({ dark });
      try {
        await page.emulateMedia({ colorScheme: scheme });
        await open(page, p.path, p.status ?? 200);
        if (p.search === true) await waitForResults(page, KK_QUERY.q);
        const results = await new AxeBuilder({ page }).analyze();
        const bad = [];
        for (const v of results.violations) {
          const targets = v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ');
          log(`       axe ${scheme} ${p.name}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}×: ${targets})`);
          if (v.impact === 'serious' || v.impact === 'critical') bad.push(`${v.id} (${v.impact}, ${v.nodes.length}×)`);
        }
        if (dark) await page.screenshot({ path: join(shotDir, `${p.name}-1280-dark.png`), fullPage: true });
        assert(bad.length === 0, `violations: ${bad.join(', ')}`);
      } finally {
        await context.close();
      }
    });
  }
}

await runAll();
await browser.close();
console.log(`\n${passes} passed, ${failures} failed; screenshots in ${shotDir}`);
process.exit(failures ? 1 : 0);
