// Compile a zip of Python sources to a zip of bytecode with Pyodide's own Python, so the browser
// skips compiling them at every start: the standard library at set-up (Pyodide start-up about 1.5x
// faster), the checkers at each build (their import about 3x faster, measured in Node.js).
//   node precompile.mjs PYODIDE_DIR IN_ZIP OUT_ZIP PATH_IN_BROWSER OPTIMIZE
// PATH_IN_BROWSER is where the zip sits in the browser's file system (it names the files in
// tracebacks). OPTIMIZE 2 (as `python -OO`) drops docstrings and asserts: the standard library uses
// it; the checkers use 0, so that they run in the browser as the tests run them.
// The .pyc files are hash-based and unchecked (PEP 552): valid whatever the files' dates.
//
// Reproducible, so that the standard library's sha256 can be pinned in handbook/browser/runtime.py
// like the npm files: the same pinned Python compiles the same sources; string hashing is fixed
// (PYTHONHASHSEED=0: a set constant such as `x in {"a", "b"}` is written in hash order); entries
// go in name order with one fixed date and mode; nothing of the machine or the clock goes in.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

try {
  const [dir, input, out, where, optimize] = process.argv.slice(2);
  const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: dir + path.sep,
    packageBaseUrl: dir + path.sep,
    env: { PYTHONHASHSEED: "0" },
  });
  pyodide.FS.writeFile("/tmp/in.zip", fs.readFileSync(input));
  pyodide.globals.set("WHERE", where);
  pyodide.globals.set("OPTIMIZE", Number(optimize));
  pyodide.runPython(`
import importlib._bootstrap_external as external
import importlib.util
import sys
import zipfile

if sys.flags.hash_randomization:
    raise SystemExit("PYTHONHASHSEED=0 did not reach Python")
with zipfile.ZipFile("/tmp/in.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for name in sorted(info.filename for info in source.infolist() if info.filename.endswith(".py")):
        data = source.read(name)
        try:
            code = compile(data, WHERE + "/" + name, "exec", dont_inherit=True, optimize=OPTIMIZE)
        except SyntaxError as error:
            raise SystemExit(f"{name}, line {error.lineno}: {error.msg}") from None
        pyc = external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        entry = zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0))
        entry.create_system, entry.external_attr = 3, 0o644 << 16
        out.writestr(entry, bytes(pyc))
`);
  fs.writeFileSync(out, pyodide.FS.readFile("/tmp/out.zip"));
} catch (error) {
  // Python's traceback ends with the line that says what went wrong: that line is the message.
  console.error(
    String(error.message ?? error)
      .trim()
      .split("\n")
      .pop()
      .replace(/^SystemExit: /, ""),
  );
  process.exit(1);
}
