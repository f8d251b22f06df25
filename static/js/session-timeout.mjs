// Warns a signed-in person two minutes before their idle session ends, and lets them stay signed in.
// Without JavaScript the session still ends on the server after the same time, and the signed-out
// page explains why; this only adds the warning.
const WARNING_BEFORE_MS = 2 * 60 * 1000;

const minutes = Number(document.body.dataset.sessionTimeoutMinutes);
const warning = document.getElementById("session-timeout-warning");
const form = document.getElementById("session-timeout-form");

if (minutes > 0 && warning && form) {
  let warnTimer;
  let endTimer;

  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    const timeoutMs = minutes * 60 * 1000;
    warnTimer = setTimeout(() => {
      warning.hidden = false;
      warning.focus();
    }, Math.max(timeoutMs - WARNING_BEFORE_MS, 0));
    // Reloading after the time-out lets the server sign the person out and say why.
    endTimer = setTimeout(() => window.location.reload(), timeoutMs + 1000);
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (response.ok) {
      warning.hidden = true;
      schedule();
    } else {
      window.location.reload();
    }
  });

  warning.setAttribute("tabindex", "-1");
  schedule();
}
