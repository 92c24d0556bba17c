/** The pinned "now" of every test: after all fixtures, so none starts in the future by accident. */
export const NOW = Date.parse('2026-11-01T00:00:00Z');
