// Make the checkers' memory snapshot at build time: Pyodide's own Python, started on the site's
// runtime files with the checkers imported exactly as the page's worker does it (assets/startup.mjs),
// before any answer exists. A later visit starts from it instead of starting Python again.
//   node snapshot.mjs PYODIDE_DIR CHECKERS_ZIP BRIDGE_PY CHECKERS_IN_BROWSER QUESTION_JSON OUT
// PYODIDE_DIR is the site's own runtime folder (its trimmed standard library: the snapshot remembers
// where each module sits in that very zip). Before writing OUT, the snapshot is restored once and
// asked QUESTION_JSON ([checker, answers, expected reply], the reply worked out by CPython), so a
// snapshot that cannot be restored or answers otherwise is never shipped.
import crypto from "node:crypto";
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
  const head = Buffer.alloc(12 + 8 * runs.length);
  [SNAPSHOT_MAGIC, memory.length, runs.length, ...runs.flat()].forEach((n, i) => head.writeUInt32LE(n, 4 * i));
  const body = Buffer.concat([head, ...runs.map(([offset, length]) => memory.subarray(offset, offset + length))]);
  return Buffer.concat([body, crypto.createHash("sha256").update(body).digest()]);
}

// While Python starts for the snapshot, its random bytes (the string-hashing key, `random`'s seed) come
// from a fixed stream and its clocks tick one millisecond a call from zero, so the snapshot is the same,
// byte for byte, each time it is made from the same sources, on any computer: sites and versions built
// apart can share one file. Every reader of a site restores the same snapshot anyway, so whatever was
// drawn here was always the same for all of them. Returns what puts the machine's own back.
function sameEveryTime() {
  const machine = [crypto.randomFillSync, Date.now, performance.now];
  let drawn = 0;
  let tick = 0;
  crypto.randomFillSync = (view) => {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let at = 0; at < bytes.length; at += 32) {
      const block = crypto.createHash("sha256").update(`handbook snapshot ${drawn++}`).digest();
      bytes.set(block.subarray(0, Math.min(32, bytes.length - at)), at);
    }
    return view;
  };
  Date.now = () => tick++;
  performance.now = () => tick++;
  return () => {
    [crypto.randomFillSync, Date.now, performance.now] = machine;
  };
}

try {
  const [dir, compiledZip, bridgePy, checkers, question, out] = process.argv.slice(2);
  const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
  const options = pyodideOptions(dir + path.sep, { stdout: () => {} }); // copied per use: loadPyodide edits it
  const bundle = { bridge: fs.readFileSync(bridgePy, "utf8"), checkers };
  const compiled = new Uint8Array(fs.readFileSync(compiledZip));
  const [checker, answers, expected] = JSON.parse(question);

  const restore = sameEveryTime();
  const started = await loadPyodide({ ...options, _makeSnapshot: true });
  installCheckers(started, bundle, compiled);
  started.runPython("import handbook_bridge");
  const file = pack(started.makeMemorySnapshot());
  restore();

  const memory = await unpackSnapshot(new Uint8Array(file).buffer);
  const restored = await loadPyodide({ ...options, _loadSnapshot: memory }).catch((error) => {
    if (!(error instanceof RangeError)) throw error;
    throw new Error(`Python's memory (${memory.length} bytes) has grown past what Pyodide starts with (pyodide#6254)`);
  });
  installCheckers(restored, bundle, compiled);
  restored.globals.set("QUESTION", JSON.stringify([checker, JSON.stringify(answers)]));
  const reply = restored.runPython("import handbook_bridge, json; handbook_bridge.decide(*json.loads(QUESTION))");
  if (reply !== expected) throw new Error(`the restored snapshot answered ${reply.slice(0, 200)}, not as CPython does`);
  fs.writeFileSync(out, file);
} catch (error) {
  // Python's traceback ends with the line that says what went wrong: that line is the message.
  console.error(
    String(error.message ?? error)
      .trim()
      .split("\n")
      .pop(),
  );
  process.exit(1);
}
