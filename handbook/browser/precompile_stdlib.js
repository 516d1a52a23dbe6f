// Compile Pyodide's standard library to bytecode with Pyodide's own Python, so the browser skips
// compiling ~140 modules at every start (measured: Pyodide start-up about 1.5x faster).
// Run by `python -m handbook.browser.runtime fetch`:  node precompile_stdlib.js PYODIDE_DIR OUT_ZIP
// The .pyc files are hash-based and unchecked (PEP 552): valid whatever the files' dates.
// optimize=2 (as `python -OO`): no docstrings or asserts in the standard library, 15% smaller;
// the checkers themselves are compiled in the browser as written.
//
// Reproducible, so that its sha256 is pinned in handbook/browser/runtime.py like the npm files:
// the same pinned Python compiles the same pinned sources; string hashing is fixed
// (PYTHONHASHSEED=0: a set constant such as `x in {"a", "b"}` is written in hash order); entries
// go in name order with one fixed date and mode; nothing of the machine or the clock goes in.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

(async () => {
  const [dir, out] = process.argv.slice(2);
  const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: dir + path.sep, packageBaseUrl: dir + path.sep,
                                      env: { PYTHONHASHSEED: "0" } });
  pyodide.FS.writeFile("/tmp/in.zip", fs.readFileSync(path.join(dir, "python_stdlib.zip")));
  pyodide.runPython(`
import importlib._bootstrap_external as external
import importlib.util
import sys
import zipfile

assert sys.flags.hash_randomization == 0, "PYTHONHASHSEED=0 did not reach Python"
with zipfile.ZipFile("/tmp/in.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for name in sorted(info.filename for info in source.infolist() if info.filename.endswith(".py")):
        data = source.read(name)
        code = compile(data, "/lib/python314.zip/" + name, "exec", dont_inherit=True, optimize=2)
        pyc = external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        entry = zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0))
        entry.create_system, entry.external_attr = 3, 0o644 << 16
        out.writestr(entry, bytes(pyc))
`);
  fs.writeFileSync(out, pyodide.FS.readFile("/tmp/out.zip"));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
