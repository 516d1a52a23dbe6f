// Compile Pyodide's standard library to bytecode with Pyodide's own Python, so the browser skips
// compiling ~140 modules at every start (measured: Pyodide start-up about 1.5x faster).
// Run by `python -m handbook.browser.runtime fetch`:  node precompile_stdlib.js PYODIDE_DIR OUT_ZIP
// The .pyc files are hash-based and unchecked (PEP 552): valid whatever the files' dates.
// optimize=2 (as `python -OO`): no docstrings or asserts in the standard library, 15% smaller;
// the checkers themselves are compiled in the browser as written.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

(async () => {
  const [dir, out] = process.argv.slice(2);
  const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: dir + path.sep, packageBaseUrl: dir + path.sep });
  pyodide.FS.writeFile("/tmp/in.zip", fs.readFileSync(path.join(dir, "python_stdlib.zip")));
  pyodide.runPython(`
import importlib._bootstrap_external as external
import importlib.util
import zipfile

with zipfile.ZipFile("/tmp/in.zip") as source, \\
        zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
    for info in source.infolist():
        if not info.filename.endswith(".py"):
            continue
        data = source.read(info)
        code = compile(data, "/lib/python314.zip/" + info.filename, "exec", dont_inherit=True, optimize=2)
        pyc = external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        out.writestr(zipfile.ZipInfo(info.filename + "c", date_time=info.date_time), bytes(pyc))
`);
  fs.writeFileSync(out, pyodide.FS.readFile("/tmp/out.zip"));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
