// Checker forms in the page: routing, answers and the decision record. The rules themselves run
// in a Web Worker (worker.js) on Pyodide, so the page never waits for the runtime. Loaded only on
// pages with a checker. Answers live in this page's memory only: never in the URL or any storage.

const LOAD_TIMEOUT_MS = 90000; // then say it failed and point to the route without JavaScript
const SLOW_AFTER_MS = 8000;

let engine = null;

function startEngine() {
  if (engine) return engine;
  const listeners = new Set();
  const pending = new Map();
  let seq = 0;
  const state = { status: "loading", reason: "" };
  let settled = false;
  // offline.js keeps the offline copy only once the runtime has started (or failed) and any answer
  // asked for meanwhile is on screen, so that its downloads never slow the first answer
  const settle = () => {
    if (settled || state.status === "loading" || pending.size) return;
    settled = true;
    requestAnimationFrame(() => setTimeout(() => dispatchEvent(new Event("handbook-checker-settled")), 0));
  };
  const notify = () => {
    listeners.forEach((fn) => fn(state));
    settle();
  };
  const fail = (reason) => {
    if (state.status === "failed") return;
    Object.assign(state, { status: "failed", reason });
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
    notify();
  };
  let worker = null;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    queueMicrotask(() => fail("It does not support WebAssembly or Web Workers."));
  } else {
    try {
      worker = new Worker(new URL("worker.js", import.meta.url), { type: "module", name: "checker" });
    } catch (error) {
      queueMicrotask(() => fail("It could not start the checker."));
    }
  }
  const timer = setTimeout(() => fail("It took too long to start."), LOAD_TIMEOUT_MS);
  const slow = setTimeout(() => { if (state.status === "loading") { state.slow = true; notify(); } }, SLOW_AFTER_MS);
  if (worker) {
    worker.addEventListener("error", (event) => { event.preventDefault?.(); fail("It could not start the checker."); });
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "ready") {
        clearTimeout(timer); clearTimeout(slow);
        state.status = "ready"; notify();
      } else if (data.type === "failed") {
        clearTimeout(timer); clearTimeout(slow);
        fail(data.reason || "It could not start the checker.");
      } else if (pending.has(data.id)) {
        const { resolve } = pending.get(data.id);
        pending.delete(data.id);
        resolve(data);
        settle();
      }
    });
  }
  engine = {
    state,
    onChange(fn) { listeners.add(fn); fn(state); },
    decide(checker, answers, version) {
      if (state.status === "failed") return Promise.reject(new Error(state.reason));
      const id = ++seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: "decide", id, checker, answers, version });
      });
    },
  };
  return engine;
}

// The decision record's date, as "2 December 2026". Making the formatter takes tens of milliseconds
// the first time a page does it (the browser loads its language data: docs/about/performance.md),
// so it is made once, while the runtime starts, not when the first answer arrives.
let dateFormat = null;
function recordDate() {
  dateFormat ??= new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return dateFormat;
}

const $ = (root, name) => root.querySelector(`[${name}]`);

function setupForm(form) {
  if (form.dataset.hbReady) return;
  form.dataset.hbReady = "1";
  const box = form.closest(".hb-checker");
  const checker = form.dataset.checker;
  const version = form.dataset.version || null;
  const clauses = JSON.parse(form.dataset.clauses || "{}");
  const questions = [...form.querySelectorAll("fieldset[data-question]")].map((fieldset) => ({
    id: fieldset.dataset.question,
    fieldset,
    when: JSON.parse(fieldset.dataset.when || "{}"),
    multi: fieldset.hasAttribute("data-multi"),
    required: fieldset.hasAttribute("data-required"),
    legend: fieldset.querySelector("legend").textContent.trim(),
  }));
  const answerBox = $(form, "data-hb-answer");
  const problems = $(form, "data-hb-problems");
  let shown = false; // "Check" was pressed: from then on the answer follows each change
  let latest = 0;

  // Routing: a question applies when every question it depends on has one of the listed answers.
  function route() {
    const answers = {};
    const missing = [];
    for (const q of questions) {
      const applies = Object.entries(q.when).every(([qid, allowed]) => allowed.includes(answers[qid]));
      q.fieldset.hidden = !applies;
      q.fieldset.disabled = !applies;
      if (!applies) continue;
      const inputs = [...q.fieldset.querySelectorAll("input")];
      if (q.multi) {
        answers[q.id] = inputs.filter((i) => i.checked).map((i) => i.value);
        if (q.required && !answers[q.id].length) missing.push(q); // "tick at least one" (who is at risk)
      } else {
        const chosen = inputs.find((i) => i.checked);
        if (chosen) answers[q.id] = chosen.value;
        else if (q.required) missing.push(q);
      }
    }
    return { answers, missing };
  }

  function clearAnswer() {
    answerBox.replaceChildren();
    delete answerBox.dataset.decision;
    delete answerBox.dataset.urgency;
    delete answerBox.dataset.cites;
  }

  function showProblems(missing, focus) {
    const list = $(problems, "data-hb-problem-list");
    list.replaceChildren(...missing.map((q) => {
      const li = document.createElement("li");
      const button = document.createElement("a");
      button.href = "#" + q.fieldset.querySelector("input").id;
      button.textContent = q.legend;
      button.addEventListener("click", (event) => { // focus without touching the URL
        event.preventDefault();
        q.fieldset.querySelector("input").focus();
      });
      li.append(button);
      return li;
    }));
    problems.hidden = false;
    if (focus) problems.focus();
  }

  function render(result, answers) {
    const fragment = $(form, "data-hb-answer-template").content.cloneNode(true);
    $(fragment, "data-hb-title").textContent = result.title;
    const assessment = $(fragment, "data-hb-assessment");
    assessment.textContent = result.assessment || "";
    assessment.hidden = !result.assessment;
    $(fragment, "data-hb-steps").replaceChildren(...result.steps.map((step) => {
      const li = document.createElement("li");
      li.textContent = step;
      return li;
    }));
    $(fragment, "data-hb-why-label").textContent = result.cites.length === 1 ? "clause" : "clauses";
    const cites = $(fragment, "data-hb-cites");
    result.cites.forEach((cid, index) => {
      if (index) cites.append(", ");
      const link = document.createElement("a");
      link.textContent = cid;
      if (clauses[cid]) link.href = clauses[cid];
      cites.append(link);
    });
    $(fragment, "data-hb-record").textContent = recordText(result, answers);
    $(fragment, "data-hb-copy").addEventListener("click", () => copyRecord(answerBox));
    $(fragment, "data-hb-print").addEventListener("click", () => printAnswer(answerBox));
    answerBox.replaceChildren(fragment);
    answerBox.dataset.decision = result.decision;
    answerBox.dataset.urgency = result.urgency;
    answerBox.dataset.cites = result.cites.join(" ");
  }

  function recordText(result, answers) {
    const labels = {};
    for (const span of $(form, "data-hb-record-labels").content.querySelectorAll("[data-label]")) {
      labels[span.dataset.label] = span.textContent.trim();
    }
    const lines = [];
    lines.push(`Date: ${recordDate().format(new Date())}`);
    if (labels.group) lines.push(`Group: ${labels.group}`);
    lines.push(`Question: ${labels.checker}`);
    lines.push(`Answer: ${result.title}`);
    if (result.assessment) lines.push(`Risk: ${result.assessment}`);
    lines.push(`Why: clause${result.cites.length === 1 ? "" : "s"} ${result.cites.join(", ")}`
      + (labels.version ? ` (policy version ${labels.version})` : ""));
    if (result.record.length) {
      lines.push("", "Write down:");
      result.record.forEach((item) => lines.push(`- ${item}`));
    }
    lines.push("", "Decided by: ", "Signed: ");
    return lines.join("\n");
  }

  async function update({ fromCheck = false } = {}) {
    const { answers, missing } = route();
    if (missing.length) {
      latest++; // drop any answer still on its way
      clearAnswer();
      if (fromCheck || !problems.hidden) showProblems(missing, fromCheck);
      else if (shown) answerBox.replaceChildren($(form, "data-hb-incomplete").content.cloneNode(true));
      return;
    }
    problems.hidden = true;
    if (!fromCheck && !shown) return;
    shown = true;
    const id = ++latest;
    if (engine.state.status !== "ready") clearAnswer();
    let reply;
    try {
      reply = await engine.decide(checker, answers, version);
    } catch (error) {
      return; // the failure message is already on screen
    }
    if (id !== latest) return; // a newer change is on its way
    if (reply.ok) {
      render(reply.result, answers);
    } else {
      clearAnswer();
      const li = document.createElement("li");
      li.textContent = reply.message;
      $(problems, "data-hb-problem-list").replaceChildren(li);
      problems.hidden = false;
    }
  }

  form.addEventListener("change", () => update());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update({ fromCheck: true });
  });
  form.hbForget = () => {
    form.reset(); // back to the page's preset answers, if any
    shown = false;
    latest++;
    clearAnswer();
    problems.hidden = true;
    $(problems, "data-hb-problem-list").replaceChildren();
    route();
  };
  $(form, "data-hb-reset").addEventListener("click", () => {
    form.hbForget();
    const first = questions.find((q) => !q.fieldset.hidden);
    first?.fieldset.querySelector("input")?.focus();
  });

  const status = $(form, "data-hb-status");
  engine.onChange((state) => {
    status.hidden = state.status !== "loading";
    $(status, "data-hb-loading").hidden = state.status !== "loading";
    $(status, "data-hb-slow").hidden = !(state.status === "loading" && state.slow);
    if (state.status === "failed") {
      $(form, "data-hb-failed-reason").textContent = state.reason;
      $(form, "data-hb-failed").hidden = false;
      clearAnswer();
    }
  });
  $(form, "data-hb-actions").hidden = false;
  box.classList.add("hb-js");
  form.hbForget(); // the browser may have put back boxes ticked on an earlier visit
}

function copyRecord(answerBox) {
  const text = $(answerBox, "data-hb-record").textContent;
  const done = (message) => { $(answerBox, "data-hb-copied").textContent = message; };
  const fallback = () => {
    const range = document.createRange();
    range.selectNodeContents($(answerBox, "data-hb-record"));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    done(document.execCommand("copy") ? "Copied." : "Selected: press Ctrl+C to copy.");
  };
  if (navigator.clipboard?.writeText) {
    navigator.clipboard.writeText(text).then(() => done("Copied."), fallback);
  } else {
    fallback();
  }
}

function printAnswer(answerBox) {
  const html = document.documentElement;
  html.classList.add("hb-printing");
  answerBox.classList.add("hb-printing-this");
  const undo = () => {
    html.classList.remove("hb-printing");
    answerBox.classList.remove("hb-printing-this");
    removeEventListener("afterprint", undo);
  };
  addEventListener("afterprint", undo);
  print();
}

function setupAll() {
  document.querySelectorAll("form.hb-checker__form").forEach(setupForm);
}

// A shared computer: the next person must not see what the last one asked. Forget every answer
// when the page is left (so the back/forward cache keeps none) and again if it comes back.
function forgetAll() {
  document.querySelectorAll("form.hb-checker__form").forEach((form) => form.hbForget?.());
}
addEventListener("pagehide", forgetAll);
addEventListener("pageshow", (event) => { if (event.persisted) forgetAll(); });

// Start the engine, and set up the forms, as soon as the page's text is on screen: after the first
// frame is painted (a timeout queued from a frame callback runs after that frame's paint), never
// before. The form itself is plain HTML, usable before this. Not at the very first paint either:
// that overlaps the theme's scripts on the same cores and was no faster (docs/about/performance.md).
function afterFirstPaint() {
  requestAnimationFrame(() => setTimeout(() => {
    startEngine();
    setupAll();
    (self.requestIdleCallback ?? setTimeout)(recordDate); // made before the first answer needs it
  }, 0));
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", afterFirstPaint, { once: true });
} else {
  afterFirstPaint();
}
