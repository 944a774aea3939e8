// The dashboard's script. It sends the page's forms to the emulator's REST API as the dashboard (the session cookie
// with the X-Upstash-Dashboard header), and redraws the live part of the page when the emulator's state changes.
// Without it the pages still read; only their buttons need it.
"use strict";

const dashboard = { "X-Upstash-Dashboard": "1" };
const say = (text) => {
  const line = document.getElementById("status");
  if (line) line.textContent = text;
};

// A focused control, named so the same one can be found after a redraw.
const nameOf = (element) =>
  element?.closest("form")?.getAttribute("action") ?? element?.getAttribute?.("href") ?? element?.dataset?.value ?? null;

// What the emulator had seen when it drew this page (read before drawing it): any change since, and it is drawn again.
let version = document.body.dataset.version ?? null;
const refresh = async (force) => {
  const answer = await fetch("/ui/version", { headers: dashboard, credentials: "same-origin" });
  if (!answer.ok) return;
  const now = await answer.text();
  if (!force && now === version) return;
  version = now;
  const page = await fetch(location.href, { headers: dashboard, credentials: "same-origin" });
  if (!page.ok) return;
  const fresh = new DOMParser().parseFromString(await page.text(), "text/html");
  version = fresh.body.dataset.version ?? now;
  const focused = document.activeElement;
  const focusName = document.getElementById("live")?.contains(focused) ? nameOf(focused) : null;
  for (const selector of ["#live", "nav"]) {
    const mine = document.querySelector(selector);
    const theirs = fresh.querySelector(selector);
    if (mine && theirs && mine.innerHTML !== theirs.innerHTML) mine.innerHTML = theirs.innerHTML;
  }
  if (focusName !== null) {
    const again = [...document.querySelectorAll("#live button, #live a")].find((e) => nameOf(e) === focusName);
    again?.focus();
  }
};

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!form.hasAttribute("data-api")) return;
  event.preventDefault();
  let url = form.getAttribute("action");
  if (form.dataset.actionFrom) url += encodeURIComponent(form.elements[form.dataset.actionFrom].value);
  const button = form.querySelector("button");
  button.disabled = true;
  say("Sending…");
  try {
    const answer = await fetch(url, {
      method: form.dataset.method ?? "POST",
      headers: dashboard,
      credentials: "same-origin",
      body: form.elements.body?.value,
    });
    const text = await answer.text();
    if (!answer.ok) {
      say(`The emulator answered ${answer.status}: ${text}`);
      return;
    }
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // An empty answer: the operation has nothing to say.
    }
    if (json?.workflowRunId) {
      location.assign(`/ui/runs/${encodeURIComponent(json.workflowRunId)}`);
      return;
    }
    say(Array.isArray(json) ? `Notified ${json.length} waiting run(s).` : "Done.");
    await refresh(true);
  } catch (error) {
    say(`The emulator does not answer: ${error}`);
  } finally {
    button.disabled = false;
  }
});

// "Notify this event" fills the notify form with that event's id.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-fill]");
  if (!button) return;
  const input = document.getElementById(button.dataset.fill);
  input.value = button.dataset.value;
  document.getElementById("body")?.focus();
});

setInterval(() => refresh(false).catch(() => say("The emulator does not answer.")), 1000);
refresh(false).catch(() => {});
