// Progressive enhancement for reader pages: the "#" link beside an entry copies its URL.
// Without JavaScript it is a plain link to the entry's anchor.
document.addEventListener("click", async (event) => {
  const link = event.target.closest("a.copy-link");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  const url = new URL(link.getAttribute("href"), location.href).href;
  try {
    await navigator.clipboard.writeText(url);
    link.classList.add("copied");
    setTimeout(() => link.classList.remove("copied"), 1500);
  } catch {
    location.href = url;
  }
  history.replaceState(null, "", link.getAttribute("href"));
});

// A signed-in member's own marks, laid over the page everyone shares: what is new since their previous visit, read
// and unread, and "Read later". Asked of /account/marks (personal, never cached) only when the page says someone is
// signed in (#member-marks, which a signed-out reader's page never holds); without JavaScript the page is as it is.
(async () => {
  if (!document.getElementById("member-marks")) return;
  const section = document.querySelector("article.section[data-section-id]");
  const toc = document.querySelector("nav.toc");
  if (!section && !toc) return;
  let marks;
  try {
    const query = section ? `?section=${encodeURIComponent(section.dataset.sectionId)}` : "";
    const response = await fetch(`/account/marks${query}`, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    marks = await response.json();
  } catch {
    return;
  }
  const post = async (path, entry) => {
    const body = new URLSearchParams();
    if (entry) body.set("entry", entry);
    try {
      const response = await fetch(path, { method: "POST", body, headers: { RequestVerificationToken: marks.token } });
      return response.ok;
    } catch {
      return false;
    }
  };
  const button = (text, onClick) => {
    const control = document.createElement("button");
    control.type = "button";
    control.className = "link-button mark-control";
    control.textContent = text;
    control.addEventListener("click", () => onClick(control));
    return control;
  };
  const badge = (text, className) => {
    const mark = document.createElement("span");
    mark.className = className;
    mark.textContent = text;
    return mark;
  };
  const fresh = new Set(marks.new);
  const unread = new Set(marks.unread);
  const later = new Set(marks.later);
  const readAll = button("Mark all as read", async (control) => {
    if (!(await post("/account/marks/read-all"))) return;
    document.querySelectorAll(".new-mark, .new-count").forEach((mark) => mark.remove());
    document.querySelectorAll("button.read-toggle").forEach((toggle) => { toggle.textContent = "Mark unread"; });
    control.remove();
  });
  readAll.classList.add("read-all");

  if (toc) {
    const counts = Object.entries(marks.newBySection ?? {});
    for (const [path, count] of counts) {
      const link = [...toc.querySelectorAll("a")].find((a) => a.getAttribute("href") === path);
      link?.after(" ", badge(`${count} new`, "new-count"));
    }
    if (counts.length > 0) toc.querySelector("h2")?.after(readAll);
    return;
  }
  for (const entry of section.querySelectorAll("li.entry[data-entry-id]")) {
    const id = Number(entry.dataset.entryId);
    const line = entry.querySelector(":scope > .entry-line");
    if (!line) continue;
    const isNew = fresh.has(id);
    if (isNew) line.prepend(badge("new", "new-mark"), " ");
    const toggle = button(isNew || unread.has(id) ? "Mark read" : "Mark unread", async (control) => {
      const read = control.textContent === "Mark read";
      if (!(await post(read ? "/account/marks/read" : "/account/marks/unread", id))) return;
      control.textContent = read ? "Mark unread" : "Mark read";
      if (read) line.querySelector(".new-mark")?.remove();
    });
    toggle.classList.add("read-toggle");
    const keep = button(later.has(id) ? "Remove from Read later" : "Read later", async (control) => {
      const add = control.textContent === "Read later";
      if (!(await post(add ? "/account/read-later" : "/account/read-later/remove", id))) return;
      control.textContent = add ? "Remove from Read later" : "Read later";
    });
    line.append(" ", toggle, " ", keep);
  }
  if (fresh.size > 0) section.querySelector("p.meta")?.after(readAll);
})();
