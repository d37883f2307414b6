// Small behaviours the pages use, kept out of the HTML so the Content-Security-Policy
// can forbid inline script: data-autosubmit submits its form on change, data-print prints.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) field.form.submit();
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

// The review queue from the keyboard: j/k move between cards, 1-6 flip a criterion,
// u/n pick the verdict, s saves, a opens the advice, o opens the ticket.
(() => {
  const queue = document.querySelector("[data-review-queue]");
  if (!queue) return;
  const cards = () => Array.from(queue.querySelectorAll(".review-card"));
  let current = null;
  const select = (card) => {
    if (!card) return;
    if (current) current.classList.remove("current");
    current = card;
    card.classList.add("current");
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  };
  queue.addEventListener("focusin", (event) => {
    const card = event.target.closest(".review-card");
    if (card && card !== current) {
      if (current) current.classList.remove("current");
      current = card;
      card.classList.add("current");
    }
  });
  queue.addEventListener("change", (event) => {
    const box = event.target.closest(".chip input");
    if (box) box.closest(".chip").dataset.met = box.checked ? "yes" : "no";
  });
  if (queue.hasAttribute("data-focus-first")) select(cards()[0]);
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target.closest("input[type=text], textarea, select");
    if (typing) return;
    const list = cards();
    const index = current ? list.indexOf(current) : -1;
    const key = event.key;
    if (key === "j" || key === "k") {
      select(list[Math.min(list.length - 1, Math.max(0, index + (key === "j" ? 1 : -1)))]);
    } else if (!current) {
      return;
    } else if (/^[1-6]$/.test(key)) {
      const box = current.querySelector(`.chip input[data-key="${key}"]`);
      if (box) {
        box.checked = !box.checked;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      }
    } else if (key === "u" || key === "n") {
      const radio = current.querySelector(`input[data-verdict="${key}"]`);
      if (radio) radio.checked = true;
    } else if (key === "s") {
      current.querySelector("form").requestSubmit();
    } else if (key === "a") {
      const advice = current.querySelector("details.advice");
      if (advice) advice.open = !advice.open;
    } else if (key === "o") {
      const link = current.querySelector("a.ticket");
      if (link) window.location.href = link.href;
    } else {
      return;
    }
    event.preventDefault();
  });
})();
