// Make the checkers' memory snapshot at build time: Pyodide's own Python, started on the site's
// runtime files with the checkers imported exactly as the page's worker does it (assets/startup.mjs),
// before any answer exists. A second visit starts from it instead of starting Python again.
//   node snapshot.mjs PYODIDE_DIR CHECKERS_ZIP BRIDGE_PY CHECKERS_IN_BROWSER OUT
// PYODIDE_DIR is the site's own runtime folder (its trimmed standard library: the snapshot remembers
// where each module sits in that very zip). Before writing OUT, the snapshot is started once and
// asked a question, so a snapshot this Pyodide cannot restore (pyodide#6254) is never shipped.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { installCheckers, pyodideOptions, SNAPSHOT_MAGIC, unpackSnapshot } from "./assets/startup.mjs";

const PAGE = 4096; // pages of zeros are left out of the file

function pack(memory) {
  const runs = [];
  for (let offset = 0; offset < memory.length; offset += PAGE) {
    const page = memory.subarray(offset, offset + PAGE);
    if (page.every((byte) => byte === 0)) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === offset) last[1] += page.length;
    else runs.push([offset, page.length]);
  }
  const head = new Uint32Array([SNAPSHOT_MAGIC, memory.length, runs.length, ...runs.flat()]);
  return Buffer.concat([Buffer.from(head.buffer), ...runs.map(([offset, length]) => memory.subarray(offset, offset + length))]);
}

const [dir, compiledZip, bridgePy, checkers, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
const options = pyodideOptions(dir + path.sep, { stdout: () => {} });
const bundle = { bridge: fs.readFileSync(bridgePy, "utf8"), checkers };
const compiled = new Uint8Array(fs.readFileSync(compiledZip));

try {
  const started = await loadPyodide({ ...options, _makeSnapshot: true });
  installCheckers(started, bundle, compiled);
  started.runPython("import handbook_bridge");
  const file = pack(started.makeMemorySnapshot());

  const restored = await loadPyodide({ ...options, _loadSnapshot: unpackSnapshot(new Uint8Array(file).buffer) });
  installCheckers(restored, bundle, compiled);
  const reply = JSON.parse(restored.runPython('import handbook_bridge; handbook_bridge.decide("no-such-checker", "{}")'));
  if (reply.ok !== false || !reply.message.includes("no-such-checker")) throw new Error(`the restored snapshot replied ${JSON.stringify(reply)}`);
  fs.writeFileSync(out, file);
} catch (error) {
  // Python's traceback ends with the line that says what went wrong: that line is the message.
  console.error(String(error.message ?? error).trim().split("\n").pop());
  process.exit(1);
}
