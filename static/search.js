// The search page: Pagefind's default UI in the page's language, over the index of this
// tree's articles. Its settings come from the page (data-* attributes of #search); the query
// comes from the address (?q=…), which the search box in the header of every page sends.
// The UI trees share one index of words and results, which holds the addresses of the
// first tree and dates as YYYY-MM-DD: each result is moved to this page's tree and its date
// written in this page's language.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root || typeof PagefindUI === "undefined") return;
  var data = root.dataset;
  var labels = JSON.parse(data.labels);
  var translations = JSON.parse(data.translations);
  var dates = JSON.parse(data.dates);
  var inTree = function (url) {
    if (typeof url !== "string" || url.indexOf(data.indexTree) !== 0) return url;
    return data.tree + url.slice(data.indexTree.length);
  };
  var writeDate = function (iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!parts) return iso;
    var values = {
      day: String(Number(parts[3])),
      month: dates.months[Number(parts[2]) - 1],
      year: String(Number(parts[1])),
    };
    return dates.format.replace(/\{(day|month|year)\}/g, function (_, key) {
      return values[key];
    });
  };
  // Language code of each result's text, by path, so the rendered result can say it (lang=).
  var langs = {};
  var pathOf = function (url) {
    return new URL(url, window.location.href).pathname;
  };
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: data.bundle,
    baseUrl: data.base,
    translations: translations,
    showSubResults: false,
    showImages: false,
    // The date and the language of the text, under each title, labelled in the UI language.
    processResult: function (result) {
      result.url = inTree(result.url);
      (result.sub_results || []).forEach(function (sub) {
        sub.url = inTree(sub.url);
      });
      var meta = result.meta || {};
      if (meta.lang) langs[pathOf(result.url)] = meta.lang;
      var shown = {};
      ["title", "url", "image", "image_alt"].forEach(function (key) {
        if (meta[key]) shown[key] = meta[key];
      });
      if (meta.date) shown[labels.date] = writeDate(meta.date);
      if (meta.language) shown[labels.language] = meta.language;
      result.meta = shown;
      return result;
    },
  });
  // Pagefind renders the results in the page's language; the title and excerpt of each are in
  // the article's own, which screen readers need to pronounce them.
  var markLanguages = function () {
    root.querySelectorAll(".pagefind-ui__result").forEach(function (result) {
      var link = result.querySelector("a[href]");
      var lang = link && langs[pathOf(link.getAttribute("href"))];
      if (!lang) return;
      [".pagefind-ui__result-title", ".pagefind-ui__result-excerpt"].forEach(function (part) {
        var node = result.querySelector(part);
        if (node && node.getAttribute("lang") !== lang) node.setAttribute("lang", lang);
      });
    });
  };
  new MutationObserver(markLanguages).observe(root, { childList: true, subtree: true });
  // Pagefind's box has only a placeholder and a title: give it a label.
  var input = root.querySelector("input");
  if (input) input.setAttribute("aria-label", translations.search_label || input.title);
  var query = new URLSearchParams(window.location.search).get("q");
  if (query && query.trim()) ui.triggerSearch(query.trim());
})();
