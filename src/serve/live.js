// dostyk serve: live reload and the build-error overlay. The preview server adds this script to
// the HTML it sends; the built site never contains it.
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) return;
  // The generation and server run this page was served from: anything else is newer.
  var pageGeneration = script.getAttribute("data-generation");
  var pageInstance = script.getAttribute("data-instance");
  var eventsUrl = new URL("events", script.src).href;
  var scrollKey = "dostyk:scroll:" + location.pathname + location.search;
  var overlayId = "dostyk-build-error";
  var source = null;

  restoreScroll();
  if (!window.EventSource) return;
  connect();

  function connect() {
    source = new EventSource(eventsUrl);
    source.addEventListener("hello", function (event) {
      var data = parse(event);
      if (!data) return;
      if (isOutdated(data)) reload();
      else removeOverlay();
    });
    source.addEventListener("reload", function () {
      reload();
    });
    // The server's "error" event shares its name with EventSource's own connection error; only
    // the server's carries data.
    source.addEventListener("error", function (event) {
      if (typeof event.data !== "string") {
        // EventSource retries by itself after a dropped connection, but gives up for good on
        // some failures (a refused or non-stream answer): then start over, a little later.
        if (source.readyState === EventSource.CLOSED) {
          source = null;
          setTimeout(connect, 2000);
        }
        return;
      }
      var data = parse(event);
      if (!data) return;
      // A page from an older site (the server restarted meanwhile) first becomes the last good
      // version; the stream then brings the error back on top of it.
      if (isOutdated(data)) reload();
      else showOverlay(data.errors || []);
    });
  }

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (e) {
      return null;
    }
  }

  function isOutdated(data) {
    return String(data.generation) !== pageGeneration || data.instance !== pageInstance;
  }

  function reload() {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (e) {
      // Storage may be off; the page then reloads at the browser's own scroll position.
    }
    if (source) source.close();
    location.reload();
  }

  function restoreScroll() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(scrollKey) || "null");
      sessionStorage.removeItem(scrollKey);
    } catch (e) {
      return;
    }
    if (!Array.isArray(saved)) return;
    var scroll = function () {
      window.scrollTo(saved[0], saved[1]);
    };
    // Only once images and the rest are laid out is the old position there to scroll to.
    if (document.readyState === "complete") scroll();
    else window.addEventListener("load", scroll, { once: true });
  }

  function removeOverlay() {
    var overlay = document.getElementById(overlayId);
    if (overlay) overlay.remove();
  }

  // Built from elements and textContent only: error lines quote editors' content, which must
  // show as text and never run as markup. Fixed colours (white on dark red, about 10:1) keep
  // it readable over light and dark pages alike.
  function showOverlay(errors) {
    removeOverlay();
    var panel = element("section", {
      position: "fixed",
      top: "0",
      left: "0",
      right: "0",
      zIndex: "2147483647",
      maxHeight: "60vh",
      overflow: "auto",
      boxSizing: "border-box",
      margin: "0",
      padding: "1rem 1.25rem",
      background: "#7f1d1d",
      color: "#ffffff",
      borderBottom: "4px solid #fecaca",
      boxShadow: "0 2px 12px rgba(0, 0, 0, 0.5)",
      font: "16px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif",
      textAlign: "left",
    });
    panel.id = overlayId;
    panel.lang = "en";
    panel.dir = "ltr";
    panel.setAttribute("role", "alert");

    var heading = element("h2", {
      margin: "0 5rem 0.5rem 0",
      font: "bold 1.125rem/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif",
      color: "#ffffff",
    });
    heading.textContent = "dostyk: the last change did not build — showing the last good version";
    panel.appendChild(heading);

    var list = element("ul", { margin: "0", padding: "0", listStyle: "none" });
    errors.forEach(function (line) {
      var item = element("li", {
        margin: "0.25rem 0",
        fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
        fontSize: "0.9375rem",
        whiteSpace: "pre-wrap",
        overflowWrap: "anywhere",
        color: "#ffffff",
      });
      item.textContent = String(line);
      list.appendChild(item);
    });
    panel.appendChild(list);

    var close = element("button", {
      position: "absolute",
      top: "0.75rem",
      right: "1rem",
      padding: "0.25rem 0.75rem",
      background: "#ffffff",
      color: "#7f1d1d",
      border: "2px solid #ffffff",
      borderRadius: "4px",
      font: "bold 0.9375rem/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif",
      cursor: "pointer",
      outlineOffset: "2px",
    });
    close.type = "button";
    close.textContent = "Close";
    close.setAttribute("aria-label", "Close the build error");
    close.addEventListener("focus", function () {
      close.style.outline = "3px solid #fde68a";
    });
    close.addEventListener("blur", function () {
      close.style.outline = "none";
    });
    close.addEventListener("click", removeOverlay);
    panel.appendChild(close);

    (document.body || document.documentElement).appendChild(panel);
  }

  // Styles through the CSSOM rather than a style attribute: a page's Content-Security-Policy
  // may forbid the latter.
  function element(name, styles) {
    var node = document.createElement(name);
    Object.keys(styles).forEach(function (key) {
      node.style[key] = styles[key];
    });
    return node;
  }
})();
