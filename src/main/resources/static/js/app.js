// Rapport workspace behaviour: CSRF for htmx, keyboard shortcuts, live ticket updates and "who else is here".
// Plain JavaScript, no inline handlers (the Content-Security-Policy forbids them).
(function () {
  "use strict";

  // every toolbar is one tab stop; arrows, Home and End move within it (the ARIA toolbar pattern)
  document.addEventListener("keydown", (e) => {
    const bar = e.target.closest?.('[role="toolbar"]');
    if (!bar || !["ArrowRight", "ArrowLeft", "Home", "End"].includes(e.key)) return;
    const tools = Array.from(bar.querySelectorAll("button"));
    const i = tools.indexOf(document.activeElement);
    if (i < 0) return;
    e.preventDefault();
    const next = e.key === "Home" ? 0 : e.key === "End" ? tools.length - 1
      : (i + (e.key === "ArrowRight" ? 1 : -1) + tools.length) % tools.length;
    tools[i].tabIndex = -1;
    tools[next].tabIndex = 0;
    tools[next].focus();
  });

  const csrfToken = () => document.querySelector('meta[name="_csrf"]')?.content;
  const csrfHeader = () => document.querySelector('meta[name="_csrf_header"]')?.content;

  // tells the desk a suggestion was used (a link followed, a link inserted); it never holds the agent up
  window.rapportUsed = (path) => {
    if (!path || !csrfToken()) return;
    fetch(path, { method: "POST", credentials: "same-origin", keepalive: true,
      headers: { [csrfHeader()]: csrfToken() } }).catch(() => {});
  };
  document.addEventListener("click", (e) => {
    const link = e.target.closest('a[data-used]');
    if (link) window.rapportUsed(link.dataset.used);
  });

  document.addEventListener("htmx:configRequest", (e) => {
    if (csrfToken()) e.detail.headers[csrfHeader()] = csrfToken();
  });

  // A select marked data-autosubmit submits its form when changed (language switch).
  document.addEventListener("change", (e) => {
    if (e.target.matches("select[data-autosubmit]")) e.target.form.submit();
  });

  // A file input with data-max-bytes refuses files over the limit before the form is sent, so the text typed next to
  // it is not lost to the server's 413. The message names the file (data-too-large, {0} = file name).
  document.addEventListener("change", (e) => {
    const input = e.target;
    if (!input.matches("input[type=file][data-max-bytes]")) return;
    const files = Array.from(input.files);
    const big = files.find((f) => f.size > Number(input.dataset.maxBytes));
    const total = files.reduce((sum, f) => sum + f.size, 0);
    const message = big
      ? input.dataset.tooLarge.replace("{0}", big.name)
      : total > Number(input.dataset.maxTotal) ? input.dataset.tooLargeTotal : "";
    input.setCustomValidity(message);
    if (message) input.reportValidity();
  });

  // ---- presence: the header's switch, and "away" after ten minutes without activity (back on the next one) ----
  const presence = document.querySelector('[data-rapport="my-presence"]');
  if (presence) {
    const setPresence = (status) => fetch(presence.form.action, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Requested-With": "fetch", [csrfHeader()]: csrfToken() },
      body: new URLSearchParams({ status }),
    });
    presence.addEventListener("change", () => {
      sessionStorage.removeItem("rapport.autoAway");
      setPresence(presence.value);
    });
    const awayAfter = Number(presence.dataset.awayAfter || 10) * 60000;
    let lastActive = Date.now();
    const active = () => {
      lastActive = Date.now();
      if (sessionStorage.getItem("rapport.autoAway") && presence.value === "away") {
        sessionStorage.removeItem("rapport.autoAway");
        presence.value = "online";
        setPresence("online");
      }
    };
    ["keydown", "mousedown", "mousemove", "touchstart", "scroll"].forEach((type) =>
      document.addEventListener(type, active, { passive: true }));
    setInterval(() => {
      if (presence.value === "online" && Date.now() - lastActive > awayAfter) {
        presence.value = "away";
        sessionStorage.setItem("rapport.autoAway", "1");
        setPresence("away");
      }
    }, Math.min(30000, awayAfter / 4));
  }

  // An image attachment's thumbnail opens it in the preview dialog (Escape or Close returns to the thumbnail).
  document.addEventListener("click", (e) => {
    const thumb = e.target.closest('[data-rapport="preview-image"]');
    const dialog = document.getElementById("preview");
    if (!thumb || !dialog) return;
    const image = document.getElementById("preview-image");
    image.src = thumb.dataset.src;
    image.alt = thumb.dataset.title;
    document.getElementById("preview-title").textContent = thumb.dataset.title;
    dialog.showModal();
  });

  const typing = (el) => el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

  // ---- ticket views: rows, selection and shortcuts ----
  function rows() { return Array.from(document.querySelectorAll('[data-rapport="ticket-row"]')); }
  let selected = -1;
  function select(i) {
    const all = rows();
    if (!all.length) return;
    selected = Math.max(0, Math.min(all.length - 1, i));
    all.forEach((r, j) => r.classList.toggle("selected", j === selected));
    all[selected].scrollIntoView({ block: "nearest" });
    all[selected].querySelector("a")?.focus({ preventScroll: true });
  }
  document.addEventListener("click", (e) => {
    const row = e.target.closest('[data-rapport="ticket-row"]');
    if (row && !e.target.closest("a, input, label, .pick")) window.location = row.dataset.href;
  });

  // ---- ticket views: ticking rows for a bulk change ----
  function picks() { return Array.from(document.querySelectorAll('[data-rapport="pick"]')); }
  function countPicks() {
    const count = document.getElementById("bulk-count");
    if (!count) return;
    const n = picks().filter((p) => p.checked).length;
    count.textContent = count.dataset.template.replace("{0}", n);
    const all = document.querySelector('[data-rapport="pick-all"]');
    if (all) {
      all.checked = n > 0 && n === picks().length;
      all.indeterminate = n > 0 && n < picks().length;
    }
  }
  document.addEventListener("change", (e) => {
    if (e.target.matches('[data-rapport="pick-all"]')) picks().forEach((p) => { p.checked = e.target.checked; });
    if (e.target.matches('[data-rapport="pick"], [data-rapport="pick-all"]')) countPicks();
  });
  document.addEventListener("htmx:afterSwap", countPicks);
  document.addEventListener("htmx:afterSwap", () => { selected = -1; });

  // Single-key shortcuts can be turned off (WCAG 2.1.4): they get in the way of screen readers and voice control.
  const SINGLE_KEYS = "rapport.singleKeys";
  const singleKeys = () => localStorage.getItem(SINGLE_KEYS) !== "off";
  document.addEventListener("change", (e) => {
    if (e.target.matches('[data-rapport="single-keys"]')) localStorage.setItem(SINGLE_KEYS, e.target.checked ? "on" : "off");
  });
  document.addEventListener("click", (e) => {
    if (!e.target.closest('[data-rapport="show-shortcuts"]')) return;
    const box = document.querySelector('[data-rapport="single-keys"]');
    if (box) box.checked = singleKeys();
    document.getElementById("shortcuts")?.showModal();
  });

  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (!singleKeys()) return;
    if (typing(e.target)) {
      if (e.key === "Escape") e.target.blur();
      return;
    }
    const page = document.body.dataset.page;
    if (e.key === "?") {
      const box = document.querySelector('[data-rapport="single-keys"]');
      if (box) box.checked = singleKeys();
      document.getElementById("shortcuts")?.showModal();
      e.preventDefault();
      return;
    }
    if (page === "views") {
      if (e.key === "j") { select(selected + 1); e.preventDefault(); }
      else if (e.key === "k") { select(selected - 1); e.preventDefault(); }
      else if ((e.key === "o" || e.key === "Enter") && selected >= 0) { window.location = rows()[selected].dataset.href; e.preventDefault(); }
      else if (e.key === "x" && selected >= 0) {
        const pick = rows()[selected].querySelector('[data-rapport="pick"]');
        if (pick) { pick.checked = !pick.checked; countPicks(); }
        e.preventDefault();
      }
      else if (e.key === "/") { document.getElementById("q")?.focus(); e.preventDefault(); }
      else if (e.key === "c") { window.location = "/tickets/new"; e.preventDefault(); }
      else if (/^[1-9]$/.test(e.key)) {
        const link = document.querySelector('[data-rapport="view-link"][data-shortcut="' + e.key + '"]');
        if (link) { window.location = link.href; e.preventDefault(); }
      }
    } else if (page === "ticket") {
      if (e.key === "r") { document.querySelector('[data-rapport="reply-body"]')?.focus(); e.preventDefault(); }
      else if (e.key === "u") { window.location = document.querySelector('[data-rapport="back"]').href; e.preventDefault(); }
    }
  });

  // ---- the desk's live stream: lists refresh by themselves, notices for me ----
  const notices = document.getElementById("desk-notices");
  if (notices && window.EventSource) {
    const desk = new EventSource("/tickets/events");
    let refreshing;
    desk.addEventListener("lists", () => {
      if (document.body.dataset.page !== "views") return;
      clearTimeout(refreshing);
      refreshing = setTimeout(refreshList, 1000);
    });
    desk.addEventListener("notify", (e) => {
      const notice = JSON.parse(e.data);
      const toast = document.createElement("div");
      toast.className = "alert info toast";
      toast.dataset.rapport = "notice";
      const link = document.createElement("a");
      link.href = notice.url;
      link.textContent = notice.text;
      toast.appendChild(link);
      notices.appendChild(toast);
      setTimeout(() => toast.remove(), 15000);
      if (window.Notification && Notification.permission === "granted" && document.hidden) {
        const shown = new Notification(notice.text);
        shown.onclick = () => { window.focus(); window.location = notice.url; };
      }
    });
  }
  // a list changed somewhere: this view's table and counts are read again, unless the agent is ticking rows
  async function refreshList() {
    if (document.querySelector('[data-rapport="pick"]:checked') || document.activeElement?.closest("#bulk")) return;
    try {
      const answer = await fetch(window.location.pathname + window.location.search, { credentials: "same-origin" });
      if (!answer.ok) return;
      const fresh = new DOMParser().parseFromString(await answer.text(), "text/html");
      for (const selector of ["#ticket-table", "ul.views"]) {
        const now = document.querySelector(selector);
        const then = fresh.querySelector(selector);
        if (now && then) now.replaceWith(document.importNode(then, true));
      }
      selected = -1;
      countPicks();
    } catch (e) {
      // the next change tries again
    }
  }
  document.addEventListener("click", (e) => {
    if (!e.target.closest('[data-rapport="desktop-notices"]') || !window.Notification) return;
    Notification.requestPermission();
  });

  // ---- the activity list's filter: all, changes, or messages ----
  document.addEventListener("click", (e) => {
    const button = e.target.closest("[data-activity-filter]");
    if (!button) return;
    const show = button.dataset.activityFilter;
    button.parentElement.querySelectorAll("[data-activity-filter]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    document.querySelectorAll("#activity-list li").forEach((li) => {
      const kind = li.dataset.kind;
      li.hidden = !(show === "all" || (show === "change" ? kind === "change" : kind !== "change"));
    });
  });

  // ---- "back" returns to the list the agent came from (with its search, sort and page) ----
  const LAST_VIEW = "rapport.lastView";
  if (document.body.dataset.page === "views") {
    const remember = () => sessionStorage.setItem(LAST_VIEW, window.location.pathname + window.location.search);
    remember();
    document.addEventListener("htmx:pushedIntoHistory", remember);
  } else if (document.body.dataset.page === "ticket" || document.body.dataset.page === "new-ticket") {
    const last = sessionStorage.getItem(LAST_VIEW);
    const back = document.querySelector('[data-rapport="back"]');
    if (back && last && last.startsWith("/tickets")) back.setAttribute("href", last);
    // "send and next" goes on through the same list
    const listAddress = document.querySelector('[data-rapport="list-address"]');
    if (listAddress && last && last.startsWith("/tickets")) listAddress.value = last;
  }

  // ---- one open ticket: live conversation and presence of other agents ----
  const ticketNumber = document.body.dataset.page === "ticket" ? document.body.dataset.ticketNumber : null;
  if (!ticketNumber) return;

  const presenceBox = document.getElementById("presence");
  const reply = document.querySelector('[data-rapport="reply-body"]');

  // A reply being written is kept per ticket and agent across navigation and reloads, until it is sent.
  const draftKey = "rapport.draft." + (document.body.dataset.agent || "") + "." + ticketNumber;
  if (reply) {
    const kept = localStorage.getItem(draftKey);
    if (kept && !reply.value) {
      reply.value = kept;
    }
    let saving;
    reply.addEventListener("input", () => {
      clearTimeout(saving);
      saving = setTimeout(() => {
        if (reply.value.trim()) localStorage.setItem(draftKey, reply.value);
        else localStorage.removeItem(draftKey);
      }, 300);
    });
    reply.form?.addEventListener("submit", () => { clearTimeout(saving); localStorage.removeItem(draftKey); });
  }
  let lastTyped = 0;
  reply?.addEventListener("input", () => {
    const wasReplying = Date.now() - lastTyped < 15000;
    lastTyped = Date.now();
    if (!wasReplying) heartbeat();
  });
  const state = () => (Date.now() - lastTyped < 15000 ? "replying" : "viewing");

  function heartbeat() {
    const body = new URLSearchParams({ state: state() });
    fetch("/tickets/" + ticketNumber + "/presence", {
      method: "POST", body, headers: csrfToken() ? { [csrfHeader()]: csrfToken() } : {}, credentials: "same-origin",
    }).catch(() => {});
  }
  heartbeat();
  setInterval(heartbeat, 10000);
  window.addEventListener("pagehide", () => {
    const data = new FormData();
    data.append("state", "left");
    if (csrfToken()) data.append("_csrf", csrfToken());
    navigator.sendBeacon("/tickets/" + ticketNumber + "/presence", data);
  });

  function showPresence(others) {
    presenceBox.replaceChildren();
    others.forEach((o) => {
      const note = document.createElement("div");
      note.className = "alert info";
      note.dataset.rapport = "presence-notice";
      const template = o.state === "replying" ? presenceBox.dataset.replying : presenceBox.dataset.viewing;
      note.textContent = template.replace("{0}", o.name);
      presenceBox.appendChild(note);
    });
  }

  function refreshConversation() {
    if (window.htmx) {
      htmx.ajax("GET", "/tickets/" + ticketNumber + "/conversation", { target: "#conversation", swap: "outerHTML" });
    }
  }

  const events = new EventSource("/tickets/" + ticketNumber + "/events");
  events.addEventListener("presence", (e) => showPresence(JSON.parse(e.data)));
  events.addEventListener("message", () => refreshConversation());
  events.addEventListener("changed", () => mergeColleaguesChange());

  // A colleague changed the ticket: the fields this agent has not touched take the new values in place; a field the
  // agent changed keeps the agent's choice and the value it was read as, so that saving names a real conflict.
  const norm = (v) => (v || "").split(",").map((t) => t.trim()).filter(Boolean).join(",");
  // once a form is sent the page is on its way out: what it would merge, the next page shows anyway
  let leaving = false;
  document.addEventListener("submit", () => { leaving = true; });
  async function mergeColleaguesChange() {
    if (leaving) return;
    let fresh;
    try {
      const answer = await fetch("/tickets/" + ticketNumber + "/live", { credentials: "same-origin" });
      if (!answer.ok) return;
      fresh = new DOMParser().parseFromString(await answer.text(), "text/html");
    } catch (e) {
      return;
    }
    if (leaving) return;
    let changed = false;
    fresh.querySelectorAll("#properties [data-field]").forEach((freshField) => {
      const field = document.querySelector('#properties [data-field="' + freshField.dataset.field + '"]');
      if (!field) return;
      const was = field.querySelector("input[type=hidden]");
      const freshWas = freshField.querySelector("input[type=hidden]");
      if ((was ? norm(was.value) : "") === (freshWas ? norm(freshWas.value) : "")) return;
      changed = true;
      const control = field.querySelector("select, input:not([type=hidden])");
      const touched = control && was && norm(control.value) !== norm(was.value);
      if (!touched) field.replaceWith(document.importNode(freshField, true));
    });
    ["status", "outcome"].forEach((name) => {
      const badge = document.querySelector('.ticket-head [data-rapport="' + name + '"]');
      const freshBadge = fresh.querySelector('.ticket-head [data-rapport="' + name + '"]');
      if (badge && freshBadge && badge.outerHTML !== freshBadge.outerHTML) {
        badge.replaceWith(document.importNode(freshBadge, true));
        changed = true;
      }
    });
    // a repeat-contact link made or undone by a colleague: the earlier conversation comes or goes with it
    ["repeat-of", "came-back-in"].forEach((name) => {
      const shown = document.querySelector('[data-rapport="' + name + '"]');
      if (shown && !fresh.querySelector('[data-rapport="' + name + '"]')) {
        shown.remove();
        changed = true;
      }
    });
    const activity = document.getElementById("activity-list");
    const freshActivity = fresh.getElementById("activity-list");
    if (activity && freshActivity) activity.replaceChildren(...Array.from(freshActivity.childNodes).map((n) => document.importNode(n, true)));
    if (!changed) return;
    const notices = document.getElementById("ticket-notices");
    const note = document.createElement("div");
    note.className = "alert info";
    note.dataset.rapport = "ticket-updated";
    note.textContent = notices.dataset.changed;
    notices.replaceChildren(note);
  }

})();
