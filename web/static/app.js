// Small behaviours the pages use, kept out of the HTML so the Content-Security-Policy
// can forbid inline script: data-autosubmit submits its form on change, data-print prints.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) field.form.submit();
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
