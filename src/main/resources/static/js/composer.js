// The reply editor: formatting marks (Markdown, turned into HTML by the server) from a toolbar or the keyboard, and
// @mentions of colleagues chosen from a list as one types. Works without it: the textarea stays a textarea.
(function () {
  "use strict";
  const box = document.querySelector('[data-rapport="reply-body"]');
  if (!box) return;

  // ---- formatting ----
  function wrap(before, after, placeholder) {
    const start = box.selectionStart, end = box.selectionEnd;
    const chosen = box.value.slice(start, end) || placeholder;
    box.setRangeText(before + chosen + after, start, end, "end");
    if (start === end) box.setSelectionRange(start + before.length, start + before.length + chosen.length);
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
  }
  function prefixLines(prefix) {
    const start = box.value.lastIndexOf("\n", box.selectionStart - 1) + 1;
    const end = box.selectionEnd;
    const lines = box.value.slice(start, end).split("\n");
    const marked = lines.map((l, i) => (typeof prefix === "function" ? prefix(i) : prefix) + l).join("\n");
    box.setRangeText(marked, start, end, "end");
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
  }
  const formats = {
    bold: () => wrap("**", "**", "bold"),
    italic: () => wrap("_", "_", "italic"),
    bullets: () => prefixLines("- "),
    numbers: () => prefixLines((i) => (i + 1) + ". "),
    quote: () => prefixLines("> "),
    code: () => (box.value.slice(box.selectionStart, box.selectionEnd).includes("\n")
      ? wrap("```\n", "\n```", "code") : wrap("`", "`", "code")),
    link: (button) => {
      const address = window.prompt(button?.dataset.prompt || "https://", "https://");
      if (address && /^(https?:\/\/|mailto:)/i.test(address.trim())) wrap("[", "](" + address.trim() + ")", "link");
      else box.focus();
    },
  };
  const bar = document.querySelector('[data-rapport="format-bar"]');
  const tools = bar ? Array.from(bar.querySelectorAll("[data-format]")) : [];
  tools.forEach((tool) => tool.addEventListener("click", () => formats[tool.dataset.format](tool)));
  box.addEventListener("keydown", (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = { b: "bold", i: "italic", k: "link" }[e.key.toLowerCase()];
    if (!key) return;
    e.preventDefault();
    formats[key](tools.find((t) => t.dataset.format === key));
  });

  // ---- @mentions ----
  const menu = document.getElementById("mention-options");
  const people = Array.from(document.getElementById("mention-agents")?.content.querySelectorAll("li") || [])
    .map((li) => ({ name: li.dataset.name, handle: li.dataset.handle }));
  let open = [], active = 0, startAt = -1;

  function close() {
    menu.hidden = true;
    menu.innerHTML = "";
    open = [];
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
  }
  function show() {
    menu.innerHTML = "";
    open.forEach((p, i) => {
      const li = document.createElement("li");
      li.id = "mention-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === active ? "true" : "false");
      li.textContent = p.name;
      const handle = document.createElement("span");
      handle.className = "muted";
      handle.textContent = " @" + p.handle;
      li.appendChild(handle);
      li.addEventListener("mousedown", (e) => { e.preventDefault(); choose(i); });
      menu.appendChild(li);
    });
    menu.hidden = false;
    box.setAttribute("aria-expanded", "true");
    box.setAttribute("aria-activedescendant", "mention-option-" + active);
  }
  function choose(i) {
    const p = open[i];
    box.setRangeText("@" + p.name + " ", startAt, box.selectionStart, "end");
    box.dispatchEvent(new Event("input", { bubbles: true }));
    close();
    box.focus();
  }
  box.addEventListener("input", () => {
    const before = box.value.slice(0, box.selectionStart);
    const m = /(^|[\s(])@([\p{L}\p{N}._-]{0,30})$/u.exec(before);
    if (!m || !menu) { if (menu) close(); return; }
    const typed = m[2].toLowerCase();
    startAt = box.selectionStart - m[2].length - 1;
    open = people.filter((p) => p.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(typed))
      || p.name.toLowerCase().startsWith(typed) || p.handle.toLowerCase().startsWith(typed)).slice(0, 6);
    active = 0;
    if (open.length) show(); else close();
  });
  box.addEventListener("keydown", (e) => {
    if (!open.length) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + open.length) % open.length;
      show();
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      choose(active);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  box.addEventListener("blur", () => setTimeout(close, 150));

  // ---- a suggestion's link goes into the reply where the cursor is ----
  document.addEventListener("click", (e) => {
    const button = e.target.closest('[data-rapport="panel-insert"]');
    if (!button) return;
    const text = button.dataset.insert;
    const at = box.selectionStart;
    const before = at > 0 && !/\s$/.test(box.value.slice(0, at)) ? " " : "";
    box.setRangeText(before + text + " ", at, box.selectionEnd, "end");
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
    window.rapportUsed?.(button.dataset.used);
  });

  // ---- saved replies: a button, or "/" in an empty box, opens a list to filter; Enter inserts the chosen one ----
  const opener = document.querySelector('[data-rapport="saved-replies-open"]');
  const picker = document.querySelector('[data-rapport="saved-reply-picker"]');
  const filter = document.querySelector('[data-rapport="saved-reply-filter"]');
  const choices = document.querySelector('[data-rapport="saved-reply-options"]');
  const chosenId = document.querySelector('[data-rapport="saved-reply-id"]');
  const note = document.querySelector('[data-rapport="saved-reply-note"]');
  const statusAfter = document.getElementById("statusAfter");
  const saved = Array.from(document.getElementById("saved-replies")?.content.querySelectorAll("li") || [])
    .map((li) => ({ id: li.dataset.id, title: li.dataset.title, body: li.dataset.body,
      status: li.dataset.status || "", tags: li.dataset.tags || "" }));
  if (!opener || !picker || !filter || !choices) return;
  let shown = [], current = 0, slashAt = -1;

  function render() {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    shown = saved.filter((r) => words.every((w) => (r.title + " " + r.body).toLowerCase().includes(w))).slice(0, 12);
    current = Math.min(current, Math.max(0, shown.length - 1));
    choices.replaceChildren(...shown.map((r, i) => {
      const li = document.createElement("li");
      li.id = "saved-reply-option-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === current ? "true" : "false");
      li.dataset.rapport = "saved-reply-option";
      const title = document.createElement("strong");
      title.textContent = r.title;
      const preview = document.createElement("span");
      preview.className = "muted small preview";
      preview.textContent = r.body.length > 90 ? r.body.slice(0, 90) + "…" : r.body;
      li.append(title, document.createElement("br"), preview);
      li.addEventListener("mousedown", (e) => { e.preventDefault(); insert(i); });
      return li;
    }));
    if (shown.length) filter.setAttribute("aria-activedescendant", "saved-reply-option-" + current);
    else filter.removeAttribute("aria-activedescendant");
  }
  function openPicker(fromSlash) {
    slashAt = fromSlash ? box.selectionStart - 1 : -1;
    picker.hidden = false;
    opener.setAttribute("aria-expanded", "true");
    filter.value = "";
    current = 0;
    render();
    filter.focus();
  }
  function closePicker() {
    picker.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    box.focus();
  }
  function insert(i) {
    const r = shown[i];
    if (!r) return;
    const from = slashAt >= 0 ? slashAt : box.selectionStart;
    const to = slashAt >= 0 ? slashAt + 1 : box.selectionEnd;
    slashAt = -1;
    box.setRangeText(r.body, from, to, "end");
    box.dispatchEvent(new Event("input", { bubbles: true }));
    if (chosenId) chosenId.value = r.id;
    if (statusAfter && r.status && Array.from(statusAfter.options).some((o) => o.value === r.status)) {
      statusAfter.value = r.status;
    }
    if (note) {
      const does = [r.status ? note.dataset.status.replace("{0}", statusAfter?.selectedOptions[0]?.textContent || r.status) : "",
        r.tags ? note.dataset.tags.replace("{0}", r.tags) : ""].filter(Boolean).join(" · ");
      note.textContent = note.dataset.from.replace("{0}", r.title) + (does ? " · " + does : "");
      note.hidden = false;
    }
    closePicker();
  }
  opener.addEventListener("click", () => (picker.hidden ? openPicker(false) : closePicker()));
  filter.addEventListener("input", () => { current = 0; render(); });
  filter.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (shown.length) current = (current + (e.key === "ArrowDown" ? 1 : -1) + shown.length) % shown.length;
      render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      insert(current);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      slashAt = -1;
      closePicker();
    }
  });
  box.addEventListener("input", (e) => {
    if (e.inputType === "insertText" && e.data === "/" && box.value === "/") openPicker(true);
    if (!box.value.trim() && chosenId && chosenId.value) {
      chosenId.value = "";
      if (note) note.hidden = true;
    }
  });
})();
