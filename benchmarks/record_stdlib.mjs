// Record the standard-library modules the checker worker imports, for handbook/browser/stdlib.py.
//   node benchmarks/record_stdlib.mjs PYODIDE_DIR SITE_DIR
// PYODIDE_DIR: the stock npm files (the cache folder, with the full python_stdlib.zip);
// SITE_DIR: a built site (its assets/checkers/bundle.json and checkers.pyc.zip). Prints one module
// path per line: every module loaded from the zip while starting, putting the checkers in place as
// the worker does (assets/startup.mjs), importing the bridge, answering each checker, failing to
// answer, and formatting a Python error. Frozen modules (inside the wasm) are left out.
// tests/site/test_record_stdlib.py runs it on the pinned runtime: its output is KEEP there.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { installCheckers } from "../handbook/browser/assets/startup.mjs";

const [dir, site] = process.argv.slice(2);
const checkersDir = path.join(site, "assets", "checkers");
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
// The stock options, not pyodideOptions(): those point at a site's trimmed library, and this
// records what the full one is asked for.
const pyodide = await loadPyodide({ indexURL: dir + path.sep, packageBaseUrl: dir + path.sep, stdout: () => {} });
const bundle = JSON.parse(fs.readFileSync(path.join(checkersDir, "bundle.json"), "utf8"));
installCheckers(pyodide, bundle, new Uint8Array(fs.readFileSync(path.join(checkersDir, "checkers.pyc.zip"))));
const bridge = pyodide.pyimport("handbook_bridge");
const group = JSON.stringify(bundle.group ?? null);
for (const checker of pyodide.runPython("import checkers; list(checkers.CHECKERS)").toJs()) {
  bridge.decide(checker, "{}", group, bundle.version);
}
bridge.decide("no_such_checker", "{}", group, bundle.version);
try {
  pyodide.runPython("1/0");
} catch {
  // formats the traceback, as a failing answer would
}
console.log(
  pyodide.runPython(`
import sys
names = set()
for module in list(sys.modules.values()):
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or ""
    if ".zip/" in origin and not origin.startswith(${JSON.stringify(bundle.checkers)}):
        names.add(origin.split(".zip/", 1)[1])
"\\n".join(sorted(names))`),
);
