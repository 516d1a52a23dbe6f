// The checker engine: Pyodide in a Web Worker, loaded from this site only (never a CDN), running
// the very same `checkers` package as the CLI and tests. It answers one message per form change.

import { loadPyodide } from "../pyodide/pyodide.mjs";
import { installCheckers, pyodideOptions, unpackSnapshot } from "./startup.mjs";

const PYODIDE = new URL("../pyodide/", import.meta.url).href; // works under any prefix, e.g. /1.0/

async function start() {
  // Fetch the checkers (as bytecode) and the bridge while the runtime downloads and starts.
  const download = (name, read) =>
    fetch(new URL(name, import.meta.url)).then((response) => {
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return read(response);
    });
  const bundle = download("bundle.json", (response) => response.json());
  const compiled = download("checkers.pyc.zip", (response) => response.arrayBuffer());
  const options = pyodideOptions(PYODIDE, { stdout: () => {}, stderr: (line) => console.warn(line) });
  const checkers = async (pyodide) => installCheckers(pyodide, await bundle, new Uint8Array(await compiled));
  let pyodide = await fromSnapshot(options, bundle, checkers);
  if (!pyodide) {
    pyodide = await loadPyodide({ ...options }); // a copy: loadPyodide edits the options it is given
    await checkers(pyodide);
  }
  const { fullStdlib, group, version } = await bundle;
  // A module the trimmed standard library lacks (it holds what start-up and the checkers import at
  // module level): add the full library once, then try again.
  let full = null;
  const withFullStdlib = async (action) => {
    try {
      return action();
    } catch (error) {
      if (!String(error).includes("ModuleNotFoundError") || !fullStdlib) throw error;
      full ??= fetch(PYODIDE + fullStdlib).then(async (response) => {
        if (!response.ok) throw new Error(`${fullStdlib}: HTTP ${response.status}`);
        pyodide.FS.writeFile("/lib/python_stdlib_full.zip", new Uint8Array(await response.arrayBuffer()));
        pyodide.runPython(`import sys; sys.path.append("/lib/python_stdlib_full.zip")`); // new entry: no cache to clear
      });
      await full;
      return action();
    }
  };
  const bridge = await withFullStdlib(() => pyodide.pyimport("handbook_bridge"));
  const groupJson = JSON.stringify(group ?? null);
  return {
    decide: (checker, answers, wanted) =>
      withFullStdlib(() => bridge.decide(checker, JSON.stringify(answers), groupJson, wanted || version || null)),
    warmUp: (times) => bridge.warm_up(times),
  };
}

// On a visit after the first, the offline copy (sw.js) holds the build's memory snapshot: Python
// already started with the checkers imported, named after what it was made from, so that a page only
// ever restores one made from its own build's runtime and rules. Restoring it skips starting Python
// (docs/about/performance.md). On a first visit there is no offline copy yet: nothing is fetched for
// it, and Python starts as usual. If the snapshot is damaged or cannot be restored, or the checkers
// do not import from it, Python starts as usual too.
async function fromSnapshot(options, bundle, checkers) {
  try {
    if (!self.caches || (await caches.keys()).length === 0) return null;
    const { snapshot } = await bundle;
    const kept = snapshot && (await caches.match(new URL(snapshot, import.meta.url).href));
    if (!kept) return null;
    const memory = await unpackSnapshot(await kept.arrayBuffer());
    const pyodide = await loadPyodide({ ...options, _loadSnapshot: memory });
    pyodide._api.config._loadSnapshot = null; // else its 30 MB stay in memory as long as the page is open
    await checkers(pyodide);
    pyodide.pyimport("handbook_bridge");
    self.startedFrom = "snapshot"; // read by the tests and the benchmark
    return pyodide;
  } catch (error) {
    console.warn("The checker starts without its snapshot:", error);
    return null;
  }
}

// Once per page, after the first answer (or 2 s after the runtime is ready, if none is asked for),
// so that the browser keeps the runtime's compiled code for the next visit: see warm_up in
// bridge.py. In 6 short steps, so that a question asked meanwhile waits for one step at most.
let warmed = false;
function warmUp(engine) {
  if (warmed) return;
  warmed = true;
  let left = 6;
  const step = () => {
    try {
      engine.warmUp(10);
    } catch (error) {
      console.warn(error);
      return;
    }
    if (--left) setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

let settled = false;
const report = (message) => {
  if (!settled) {
    settled = true;
    postMessage(message);
  }
};
const failed = (error) => report({ type: "failed", reason: reasonFor(error), detail: String(error) });

// Pyodide catches a failed pyodide.asm.wasm (a 404, a damaged or wrongly typed file) with a console
// warning and then waits for ever, so the page would show "loading" until its 90-second timeout.
// Watch the two calls that turn the download into a runtime and report their failure at once.
function reportFailedInstantiation() {
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) =>
      original.apply(WebAssembly, args).catch((error) => {
        failed(error);
        throw error;
      });
  }
}

let ready;
if (typeof WebAssembly !== "object") {
  ready = Promise.reject(new Error("WebAssembly is not available in workers"));
} else {
  reportFailedInstantiation();
  ready = start();
}
ready.then((engine) => {
  report({ type: "ready" });
  setTimeout(() => warmUp(engine), 2000);
}, failed);
// When a download fails later on, Emscripten may abort without rejecting loadPyodide's promise.
// Handled here (preventDefault), so that the page hears why from this worker only: an error left
// to reach the page as well could arrive first and say "could not start" for a failed download.
const handled = (reason) => (event) => {
  event.preventDefault();
  failed(reason(event));
};
addEventListener(
  "unhandledrejection",
  handled((event) => event.reason),
);
addEventListener(
  "error",
  handled((event) => event.error || event.message),
);

function reasonFor(error) {
  const text = String(error);
  if (/fetch|network|HTTP|MIME|Failed to/i.test(text)) return "It could not download the checker.";
  if (/CompileError|LinkError|expected magic|expected version/i.test(text)) return "Its download was damaged.";
  if (/WebAssembly|wasm/i.test(text)) return "It could not load WebAssembly.";
  return "It could not start the checker.";
}

addEventListener("message", async ({ data }) => {
  if (data.type !== "decide") return;
  let engine;
  try {
    engine = await ready;
  } catch {
    return; // already reported as failed
  }
  let reply;
  try {
    reply = JSON.parse(await engine.decide(data.checker, data.answers, data.version));
  } catch (error) {
    reply = {
      ok: false,
      kind: "internal",
      message:
        "The checker hit an error. You can still find your answer one question at a time: see All answers, in the menu.",
    };
    console.error(error);
  }
  postMessage({ ...reply, id: data.id });
  warmUp(engine);
});
