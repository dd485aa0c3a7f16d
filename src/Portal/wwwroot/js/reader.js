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
