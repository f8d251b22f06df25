// The recommendation quality check as the writer types. The rules come from the page (the server's
// own list, in data-vague-phrases), so the browser and the server flag the same things. Without
// JavaScript the page still shows the flags after each save.
const form = document.querySelector("[data-quality-form]");
const live = document.getElementById("quality-live");

function flags() {
  const field = (name) => form.querySelector(`[name="${name}"]`);
  const text = `${field("change").value} ${field("outcome").value}`;
  const found = [];
  for (const { pattern, why } of JSON.parse(form.dataset.vaguePhrases)) {
    if (new RegExp(`\\b${pattern}\\b`, "i").test(text)) found.push(`Vague wording: ${why}.`);
  }
  if (!field("addressee").value) found.push("No addressee: name the organisation that must make the change.");
  if (!field("outcome").value.trim()) found.push("No measurable outcome: say what will show that the change has worked.");
  const date = ["due_on_0", "due_on_1", "due_on_2"].map((name) => field(name).value.trim());
  if (date.some((part) => !part)) found.push("No date: say by when the change must be made.");
  return found;
}

let shown = null;

function show() {
  const found = flags();
  // Only a change of advice is written (and so announced by the live region), not every keystroke.
  if (found.join("\n") === shown) return;
  shown = found.join("\n");
  const heading = document.createElement("h2");
  heading.className = "govuk-heading-s";
  heading.textContent = found.length ? "Quality check as you write" : "Quality check as you write: nothing to improve";
  const list = document.createElement("ul");
  list.className = "govuk-list govuk-list--bullet";
  for (const flag of found) {
    const item = document.createElement("li");
    item.textContent = flag;
    list.append(item);
  }
  live.replaceChildren(heading, list);
}

if (form && live) {
  live.hidden = false;
  form.addEventListener("input", show);
  form.addEventListener("change", show);
  show();
}
