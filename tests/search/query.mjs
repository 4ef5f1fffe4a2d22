// Runs queries against a built site's Pagefind bundle, the way the search page does, but in
// Node: `pagefind.js` is an ES module that fetches its index chunks, so `fetch` is given the
// output folder instead of a web server.
//
//   node query.mjs OUT BASE_PATH 'JSON'
//
// OUT is the output folder, BASE_PATH the site's base path (`/REPO/`), JSON a list of
// queries: [{"lang": "kk", "q": "қошанов", "filters": {"Мәтін тілі": "Қазақша"}}, ...].
// Prints one JSON list: per query, every result's url, meta, filters and excerpt.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [out, basePath, spec] = process.argv.slice(2);
const queries = JSON.parse(spec);

globalThis.fetch = async (url) => {
  const address = new URL(url, "http://localhost");
  const urlPath = decodeURIComponent(address.pathname);
  if (!urlPath.startsWith(basePath)) {
    return new Response("outside the site", { status: 404 });
  }
  try {
    return new Response(await readFile(path.join(out, urlPath.slice(basePath.length))));
  } catch {
    return new Response("not found", { status: 404 });
  }
};

const pagefind = await import(pathToFileURL(path.join(out, "pagefind", "pagefind.js")).href);

// One instance per UI tree. Pagefind picks the index by the page's `<html lang>`, which it
// reads when an instance is created: a stand-in `document` answers for the page.
async function pagefindFor(lang) {
  globalThis.document = { querySelector: () => ({ getAttribute: () => lang }) };
  const instance = pagefind.createInstance({ basePath: `${basePath}pagefind/`, baseUrl: basePath });
  delete globalThis.document;
  await instance.init();
  return instance;
}

const instances = new Map();
const answers = [];
for (const { lang, q, filters } of queries) {
  if (!instances.has(lang)) instances.set(lang, await pagefindFor(lang));
  const search = await instances.get(lang).search(q, { filters: filters ?? {} });
  const results = await Promise.all(search.results.map((result) => result.data()));
  answers.push({
    lang,
    q,
    filters: filters ?? {},
    results: results.map(({ url, meta, filters, excerpt }) => ({ url, meta, filters, excerpt })),
  });
}
console.log(JSON.stringify(answers));
