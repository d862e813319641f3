// The article editor: what agents write looks as readers will see it (headings, lists, links, emphasis), from the
// toolbar or the keyboard. The server keeps only the HTML its sanitizer allows. Without this script the textarea
// holds the article's HTML and still saves.
(function () {
  "use strict";
  const source = document.querySelector('[data-rapport="article-body"]');
  const editor = document.querySelector('[data-rapport="article-editor"]');
  const bar = document.querySelector('[data-rapport="article-format-bar"]');
  if (!source || !editor || !bar) return;

  // the textarea's text is HTML the server sanitized; the browser parses it inert in a template first
  const parsed = document.createElement("template");
  parsed.innerHTML = source.value;
  editor.replaceChildren(parsed.content);
  source.hidden = true;
  source.removeAttribute("id");
  editor.hidden = false;
  bar.hidden = false;
  document.querySelector("#article-body-label")?.setAttribute("for", "article-editor");
  document.execCommand("defaultParagraphSeparator", false, "p");

  function block(tag) {
    const current = document.queryCommandValue("formatBlock").toLowerCase();
    document.execCommand("formatBlock", false, current === tag ? "p" : tag);
  }
  const commands = {
    bold: () => document.execCommand("bold"),
    italic: () => document.execCommand("italic"),
    h2: () => block("h2"),
    bullets: () => document.execCommand("insertUnorderedList"),
    numbers: () => document.execCommand("insertOrderedList"),
    quote: () => block("blockquote"),
    code: () => block("pre"),
    link: (button) => {
      const address = window.prompt(button?.dataset.prompt || "https://", "https://");
      if (address && /^(https?:\/\/|mailto:)/i.test(address.trim())) document.execCommand("createLink", false, address.trim());
    },
  };
  const tools = Array.from(bar.querySelectorAll("[data-command]"));
  tools.forEach((tool) => tool.addEventListener("mousedown", (e) => e.preventDefault())); // keep the selection
  tools.forEach((tool) => tool.addEventListener("click", () => {
    editor.focus();
    commands[tool.dataset.command](tool);
  }));
  editor.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
      e.preventDefault();
      commands.link(tools.find((t) => t.dataset.command === "link"));
    }
  });
  source.form.addEventListener("submit", () => { source.value = editor.innerHTML; });
})();
