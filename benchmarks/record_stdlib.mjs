// Record the standard-library modules the checker worker imports, for handbook/browser/stdlib.py.
//   node benchmarks/record_stdlib.mjs PYODIDE_DIR SITE_DIR
// PYODIDE_DIR: the stock npm files (the cache folder, with the full python_stdlib.zip);
// SITE_DIR: a built site (for assets/checkers/bundle.json). Prints one module path per line:
// every module loaded from the zip while starting, importing the bridge, answering, failing to
// answer, and formatting a Python error. Frozen modules (inside the wasm) are left out.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dir, site] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: dir + path.sep, packageBaseUrl: dir + path.sep });
const bundle = JSON.parse(fs.readFileSync(path.join(site, "assets", "checkers", "bundle.json"), "utf8"));
for (const [name, source] of Object.entries(bundle.files)) {
  const full = `/home/pyodide/handbook/${name}`;
  pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
  pyodide.FS.writeFile(full, source);
}
pyodide.runPython(`import sys; sys.path.insert(0, "/home/pyodide/handbook")`);
const bridge = pyodide.pyimport("handbook_bridge");
for (const checker of ["sharing", "breach"]) bridge.decide(checker, "{}", JSON.stringify(bundle.group), bundle.version);
try { pyodide.runPython("1/0"); } catch { /* formats the traceback, as a failing answer would */ }
console.log(pyodide.runPython(`
import sys
names = set()
for module in list(sys.modules.values()):
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or ""
    if ".zip/" in origin:
        names.add(origin.split(".zip/", 1)[1])
"\\n".join(sorted(names))`));
