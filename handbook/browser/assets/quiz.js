// The induction quiz in the page: check a choice, say whether it is right, and show the rules'
// explanation, which the build already put in the page (no Python runtime here). Loaded on the quiz
// page only. Choices live in this page's memory only: never in the URL, storage or cookies, and they
// are forgotten when the page is left, so the next person on a shared computer sees none of them.

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
  });

  form.hbForget = () => {
    form.reset();
    feedback.replaceChildren();
    delete feedback.dataset.answered;
  };
  form.querySelector("[data-hb-quiz-actions]").hidden = false;
  form.hbForget(); // the browser may have put back a choice from an earlier visit
}

function forms() {
  return document.querySelectorAll("form.hb-quiz__form");
}

function setupAll() {
  forms().forEach(setup);
}

// Forget every choice when the page is left (so the back/forward cache keeps none) and if it comes back.
addEventListener("pagehide", () => forms().forEach((form) => form.hbForget?.()));
addEventListener("pageshow", (event) => {
  if (event.persisted) forms().forEach((form) => form.hbForget?.());
});

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", setupAll, { once: true });
} else {
  setupAll();
}
