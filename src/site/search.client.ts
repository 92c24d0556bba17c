declare global {
  interface Window {
    PagefindUI?: new (options: { element: string; showSubResults?: boolean; showImages?: boolean; autofocus?: boolean }) => unknown;
  }
}

/** Pagefind's own search box, with the query kept in the URL (`?q=`) so a search can be shared. */
export function setUpSearch(): void {
  if (!window.PagefindUI) return;
  new window.PagefindUI({ element: '#search', showSubResults: true, showImages: false, autofocus: true });
  const query = new URLSearchParams(location.search).get('q');
  const input = document.querySelector<HTMLInputElement>('#search input');
  if (!input) return;
  // The page's visible label names the box.
  input.id = 'search-input';
  if (query) {
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  input.addEventListener('input', () => history.replaceState(null, '', input.value ? `?q=${encodeURIComponent(input.value)}` : location.pathname));
}
