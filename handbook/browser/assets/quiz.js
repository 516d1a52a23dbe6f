// The induction quiz in the page: check a choice, say whether it is right, and show the rules'
// explanation, which the build already put in the page (no Python runtime here); at the end, the
// reader's total, with links back to the situations they missed. On a phone, one situation at a time.
// Loaded on the quiz page only. Choices live in this page's memory only: never in the URL, storage or
// cookies, and they are forgotten when the page is left, so the next person on a shared computer sees none.

const PHONE = matchMedia("(max-width: 44.9375em)"); // Material's phone layout: one situation at a time
const quiz = () => document.querySelector("[data-hb-quiz]");
const forms = () => [...document.querySelectorAll("form.hb-quiz__form")];
const steps = () => [...quiz().querySelectorAll(".hb-quiz__item")]; // the situations, then the total
let current = 0; // the situation shown on a phone
let ready = false;

function setup(form) {
  const feedback = form.querySelector("[data-hb-feedback]");
  const explanation = form.querySelector("[data-hb-explanation]");
  const right = form.dataset.right;
  const labelOf = (letter) => form.querySelector(`input[value="${letter}"]`).labels[0].textContent.trim();

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = form.querySelector("input[type=radio]:checked");
    const verdict = document.createElement("p");
    verdict.className = "hb-quiz__verdict";
    const word = document.createElement("strong");
    if (!chosen) {
      word.textContent = "Choose an answer first.";
      verdict.append(word);
      feedback.replaceChildren(verdict);
      delete feedback.dataset.answered;
      return;
    }
    const correct = chosen.value === right;
    word.textContent = correct ? "Right." : "Not quite.";
    verdict.append(word, correct ? ` ${labelOf(right)}` : ` The best answer is ${labelOf(right)}`);
    // The live region's content is replaced at once, so screen readers announce the whole answer.
    feedback.replaceChildren(verdict, ...[...explanation.children].map((node) => node.cloneNode(true)));
    feedback.dataset.answered = correct ? "right" : "wrong";
    form.hbFirst ??= feedback.dataset.answered; // the first answer checked is the one that counts
    showTotal();
  });

  form.hbForget = () => {
    form.reset();
    feedback.replaceChildren();
    delete feedback.dataset.answered;
    delete form.hbFirst;
  };
  form.querySelector("[data-hb-quiz-actions]").hidden = false;
  form.hbForget(); // the browser may have put back a choice from an earlier visit
}

function paragraph(...content) {
  const p = document.createElement("p");
  p.append(...content);
  return p;
}

function showTotal() {
  const all = forms();
  const checked = all.filter((form) => form.hbFirst).length;
  const right = all.filter((form) => form.hbFirst === "right").length;
  const box = quiz().querySelector("[data-hb-total]");
  if (!checked) {
    box.replaceChildren(paragraph("You have not checked any answers yet."));
    return;
  }
  const score = document.createElement("strong");
  score.textContent = `You got ${right} of ${all.length}.`;
  box.replaceChildren(paragraph(score, " Only your first answer to each situation counts."));
  if (checked < all.length) box.append(paragraph(`You have not checked ${all.length - checked} yet.`));
  const missed = all.filter((form) => form.hbFirst !== "right");
  if (!missed.length) {
    box.append(paragraph("Well done: you got every one right."));
    return;
  }
  const list = document.createElement("ul");
  list.className = "hb-quiz__missed";
  for (const form of missed) {
    const section = form.closest(".hb-quiz__item");
    const link = document.createElement("a");
    link.href = `#${section.id}`;
    link.textContent =
      `${section.querySelector("h2").textContent}: ${form.querySelector("legend").textContent}` +
      (form.hbFirst ? "" : " (not checked)");
    // Shown and focused in place: the address never changes, so it never tells which ones were missed.
    link.addEventListener("click", (event) => {
      event.preventDefault();
      go(steps().indexOf(section));
    });
    const item = document.createElement("li");
    item.append(link);
    list.append(item);
  }
  box.append(paragraph("Look again at these:"), list);
}

function layout() {
  const stepped = PHONE.matches;
  quiz().classList.toggle("hb-quiz--stepped", stepped);
  steps().forEach((step, index) => step.classList.toggle("hb-quiz__item--current", index === current));
  quiz()
    .querySelectorAll("[data-hb-quiz-move]")
    .forEach((move) => {
      move.hidden = !stepped;
    });
}

// Show a situation (on a phone, instead of the one before) and take the reader to its heading, so a
// keyboard continues from there and a screen reader says "Situation 4 of 15".
function go(index) {
  current = Math.max(0, Math.min(index, steps().length - 1));
  layout();
  const heading = steps()[current].querySelector("h2");
  heading.tabIndex = -1;
  heading.focus();
  heading.scrollIntoView({ block: "start" });
}

function setupAll() {
  forms().forEach(setup);
  quiz().querySelector("[data-hb-quiz-total]").hidden = false;
  quiz()
    .querySelectorAll("[data-hb-step]")
    .forEach((button) => button.addEventListener("click", () => go(current + Number(button.dataset.hbStep))));
  PHONE.addEventListener("change", layout); // turning the phone, or a wider window: every answer is kept
  ready = true;
  showTotal();
  layout();
}

function forget() {
  forms().forEach((form) => form.hbForget?.());
  current = 0;
  if (ready) {
    showTotal();
    layout();
  }
}

// Forget every choice when the page is left (so the back/forward cache keeps none) and if it comes back.
addEventListener("pagehide", forget);
addEventListener("pageshow", (event) => {
  if (event.persisted) forget();
});

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", setupAll, { once: true });
} else {
  setupAll();
}
