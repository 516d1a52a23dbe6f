// Checker forms in the page: routing, answers and the decision record. The rules themselves run
// in a Web Worker (worker.js) on Pyodide, so the page never waits for the runtime. Until it is ready,
// Check answers from what the build's Python rules decided (first-answers-<checker>.json, made by
// handbook/browser/first_answers.py): looked up, never decided here. Loaded only on pages with a
// checker. Answers live in this page's memory only: never in the URL or any storage.

const LOAD_TIMEOUT_MS = 90000; // then say it failed and point to the route without JavaScript
const SLOW_AFTER_MS = 8000;
const FIRST_ANSWERS_WAIT_MS = 10000; // the runtime starts after the first answers, or after this at the latest

let engine = null;
let engineStart;
const engineStarted = new Promise((resolve) => {
  engineStart = resolve;
});

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
  const slow = setTimeout(() => {
    if (state.status === "loading") {
      state.slow = true;
      notify();
    }
  }, SLOW_AFTER_MS);
  if (worker) {
    worker.addEventListener("error", (event) => {
      event.preventDefault?.();
      fail("It could not start the checker.");
    });
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "ready") {
        clearTimeout(timer);
        clearTimeout(slow);
        state.status = "ready";
        notify();
      } else if (data.type === "failed") {
        clearTimeout(timer);
        clearTimeout(slow);
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
    onChange(fn) {
      listeners.add(fn);
      fn(state);
    },
    decide(checker, answers, version) {
      if (state.status === "failed") return Promise.reject(new Error(state.reason));
      const id = ++seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: "decide", id, checker, answers, version });
      });
    },
  };
  engineStart(engine);
  return engine;
}

// What the rules decided for every answer set the form can send: one file per checker, fetched whole
// (its name never depends on the answers), started as soon as the forms are set up, ahead of the runtime.
const firstAnswerFiles = new Map();
function firstAnswers(checker) {
  if (!firstAnswerFiles.has(checker)) {
    firstAnswerFiles.set(
      checker,
      fetch(new URL(`first-answers-${checker}.json`, import.meta.url))
        .then((response) => (response.ok ? response.json() : null))
        .then((data) => data && readable(data))
        .catch(() => null),
    );
  }
  return firstAnswerFiles.get(checker);
}

const numbers = (text) => text.split(",").map((n) => parseInt(n, 36));
const diagram = (d) => ({ ...d, nodes: d.nodes ? d.nodes.split(";").map((node) => node.split(".")) : [] });

// The file, unpacked once: columns and diagrams as lists.
function readable(data) {
  return {
    ...data,
    answer: diagram(data.answer),
    assessment: data.assessment && {
      ...diagram(data.assessment),
      classes: numbers(data.assessment.classes),
      sentences: numbers(data.assessment.sentences),
    },
    columns: Object.fromEntries(Object.entries(data.outcomes).map(([name, column]) => [name, numbers(column)])),
    texts: data.words.map((word) => numbers(word.texts).map((n) => data.strings[n])),
  };
}

// Which child of a node the answers take (diagram.py: the tests).
function branch(test, answers, assessed) {
  if (test.assessment) return assessed;
  const answer = answers[test.question];
  if (test.option) return (answer || []).includes(test.option) ? 1 : 0;
  if (test.first) {
    const at = test.first.findIndex((option) => (answer || []).includes(option));
    return at < 0 ? test.first.length : at;
  }
  return answer === undefined ? test.options.length : test.options.indexOf(answer);
}

// The leaf the answers reach in a diagram, or null where the form never sends them.
function walk(d, answers, assessed) {
  let ref = d.root;
  while (ref) {
    const n = parseInt(ref, 36);
    if (n % 2) return (n - 1) / 2;
    const [test, ...children] = d.nodes[n / 2];
    ref = children[branch(d.tests[parseInt(test, 36)], answers, assessed)];
  }
  return null;
}

// The words filled in from the reader's own answers ("ⓠ3ⓠ"; "Ⓠ3ⓠ" where a sentence starts).
function filled(text, values) {
  return text.replace(/([ⓠⓆ])([0-9]+)ⓠ/g, (_, mark, n) => {
    const value = values[Number(n)];
    return mark === "Ⓠ" ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
}

// The result the build worked out for these answers, or null. The same reading as Reader.lookup in
// first_answers.py, which the tests hold equal to decide() for every answer set.
function lookUp(data, answers) {
  const values = data.words.map(({ question, options, multi }, i) => {
    const answer = answers[question];
    const at = multi
      ? options.reduce((sum, option, bit) => sum + ((answer || []).includes(option) ? 2 ** bit : 0), 0)
      : answer === undefined
        ? options.length
        : options.indexOf(answer);
    return data.texts[i][at];
  });
  let assessed = null;
  if (data.assessment) {
    const sentence = walk(data.assessment, answers, null);
    if (sentence === null) return null;
    values.push(filled(data.strings[data.assessment.sentences[sentence]], values));
    assessed = data.assessment.classes[sentence];
  }
  const outcome = walk(data.answer, answers, assessed);
  if (outcome === null) return null;
  const text = (name) => filled(data.strings[data.columns[name][outcome]], values);
  const items = (name) => {
    const listed = data.lists[data.columns[name][outcome]];
    return listed ? listed.split(".").map((n) => filled(data.strings[parseInt(n, 36)], values)) : [];
  };
  const title = text("title");
  const cites = items("cites");
  values.push(`${title} (${clauseWord(cites)} ${cites.join(", ")})`); // the record's {decided}: checkers.engine.decided
  return {
    decision: text("decision"),
    urgency: text("urgency"),
    title,
    assessment: text("assessment"),
    steps: items("steps"),
    cites,
    actions: text("actions").split(" ").filter(Boolean),
    record: items("record"),
    ignored: [],
  };
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
const clauseWord = (cites) => (cites.length === 1 ? "clause" : "clauses"); // as checkers.clauses.clause_word

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
    delete answerBox.dataset.source;
  }

  function showProblems(missing, focus) {
    const list = $(problems, "data-hb-problem-list");
    list.replaceChildren(
      ...missing.map((q) => {
        const li = document.createElement("li");
        const button = document.createElement("a");
        button.href = "#" + q.fieldset.querySelector("input").id;
        button.textContent = q.legend;
        button.addEventListener("click", (event) => {
          // focus without touching the URL
          event.preventDefault();
          q.fieldset.querySelector("input").focus();
        });
        li.append(button);
        return li;
      }),
    );
    problems.hidden = false;
    if (focus) problems.focus();
  }

  // `source`: "build" (looked up in the build's data) or "runtime" (decided by the rules in the worker)
  function render(result, answers, source) {
    const fragment = $(form, "data-hb-answer-template").content.cloneNode(true);
    $(fragment, "data-hb-title").textContent = result.title;
    const assessment = $(fragment, "data-hb-assessment");
    assessment.textContent = result.assessment || "";
    assessment.hidden = !result.assessment;
    $(fragment, "data-hb-steps").replaceChildren(
      ...result.steps.map((step) => {
        const li = document.createElement("li");
        li.textContent = step;
        return li;
      }),
    );
    $(fragment, "data-hb-why-label").textContent = clauseWord(result.cites);
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
    answerBox.dataset.source = source;
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
    lines.push(
      `Why: ${clauseWord(result.cites)} ${result.cites.join(", ")}` +
        (labels.version ? ` (policy version ${labels.version})` : ""),
    );
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
    const running = engine ?? startEngine(); // Check pressed before the first paint's start
    if (running.state.status !== "ready") {
      const data = await firstAnswers(checker);
      if (id !== latest) return; // a newer change is on its way
      const early = data && (version || null) === data.version ? lookUp(data, answers) : null;
      if (early) {
        render(early, answers, "build");
        return;
      }
      clearAnswer();
    }
    let reply;
    try {
      reply = await running.decide(checker, answers, version);
    } catch (error) {
      return; // the failure message is already on screen
    }
    if (id !== latest) return; // a newer change is on its way
    if (reply.ok) {
      render(reply.result, answers, "runtime");
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
  engineStarted.then((started) =>
    started.onChange((state) => {
      status.hidden = state.status !== "loading";
      $(status, "data-hb-loading").hidden = state.status !== "loading";
      $(status, "data-hb-slow").hidden = !(state.status === "loading" && state.slow);
      if (state.status === "failed") {
        $(form, "data-hb-failed-reason").textContent = state.reason;
        $(form, "data-hb-failed").hidden = false;
        if (answerBox.dataset.source !== "build") clearAnswer(); // an answer from the build's data stays right
      }
    }),
  );
  $(form, "data-hb-actions").hidden = false;
  box.classList.add("hb-js");
  firstAnswers(checker); // fetched now, ahead of the runtime
  // Keep what the reader ticked before this script ran, and show the questions that follow. (Nothing of
  // an earlier visit is here to keep: pagehide cleared the form before the browser could save it.)
  update();
}

function copyRecord(answerBox) {
  const text = $(answerBox, "data-hb-record").textContent;
  const done = (message) => {
    $(answerBox, "data-hb-copied").textContent = message;
  };
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
addEventListener("pageshow", (event) => {
  if (event.persisted) forgetAll();
});

// Set up the forms as soon as they are parsed (a reader may already be answering: routing then shows
// the next question), and start the engine once the page's text is on screen: after the first frame
// is painted (a timeout queued from a frame callback runs after that frame's paint), never before.
// Not at the very first paint either: that overlaps the theme's scripts on the same cores and was no
// faster (docs/about/performance.md). And not before the page's first answers have arrived (or
// FIRST_ANSWERS_WAIT_MS has passed): on a slow line they would share it with the runtime's 5 MB.
function afterFirstPaint() {
  setupAll();
  requestAnimationFrame(() =>
    setTimeout(() => {
      const files = [...document.querySelectorAll("form.hb-checker__form")].map((form) =>
        firstAnswers(form.dataset.checker),
      );
      const waited = new Promise((resolve) => setTimeout(resolve, FIRST_ANSWERS_WAIT_MS));
      Promise.race([Promise.all(files), waited]).then(() => {
        startEngine();
        (self.requestIdleCallback ?? setTimeout)(recordDate); // made before the first answer needs it
      });
    }, 0),
  );
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", afterFirstPaint, { once: true });
} else {
  afterFirstPaint();
}
