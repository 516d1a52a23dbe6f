// Offline use, on every page: keeps this version of the handbook in the browser after one visit (sw.js),
// says when the reader is offline and which version they are reading, and offers a newer version when the
// handbook was rebuilt, instead of mixing old and new pages. Nothing a reader types is kept.
const root = new URL("../../", import.meta.url);
const stamp = document.querySelector('meta[name="handbook-version"]')?.content || "";

function banner(id, text, button) {
  let box = document.getElementById(id);
  if (!box) {
    box = document.createElement("div");
    box.id = id;
    box.className = "handbook-notice";
    box.setAttribute("role", "status");
    document.body.prepend(box);
  }
  box.replaceChildren(text);
  if (button) {
    const action = document.createElement("button");
    action.type = "button";
    action.className = "md-button";
    action.textContent = button.label;
    action.addEventListener("click", button.onClick);
    box.append(" ", action);
  }
  return box;
}

function showOnline() {
  if (navigator.onLine) {
    document.getElementById("handbook-offline")?.remove();
  } else {
    banner("handbook-offline", `You are offline: this copy is version ${stamp}.`);
  }
}

let asked = false; // reload only when the reader chose the newer version

function offerNewer(waiting) {
  banner("handbook-newer", "A newer version of the handbook is available.", {
    label: "Reload",
    onClick: () => {
      asked = true;
      waiting.postMessage("reload-with-new-version");
    },
  });
}

function register() {
  navigator.serviceWorker
    .register(new URL("sw.js", root), { scope: root.pathname })
    .then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) offerNewer(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const installing = registration.installing;
        installing?.addEventListener("statechange", () => {
          if (installing.state === "installed" && navigator.serviceWorker.controller) offerNewer(installing);
        });
      });
    })
    .catch(() => {
      /* no offline copy (a preview, or a browser without service workers): online still works */
    });
  // Once the offline copy is whole, the checkers' snapshot is kept too (if it is not already).
  navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage("keep-later"));
}

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (asked) location.reload();
  });
  // After the page's own text and pictures, and on a checker's page once its runtime has started (or
  // failed) and any answer asked for meanwhile is on screen (at the latest after 30 s): keeping the
  // offline copy never delays reading or the first answer.
  let registered = false;
  const once = () => {
    if (!registered) {
      registered = true;
      register();
    }
  };
  if (document.querySelector("form[data-checker]")) {
    addEventListener("handbook-checker-settled", once);
    setTimeout(once, 30000);
  } else if (document.readyState === "complete") once();
  else addEventListener("load", once, { once: true });
}
addEventListener("online", showOnline);
addEventListener("offline", showOnline);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showOnline);
else showOnline();
