/**
 * What a file may hold before it is refused instead of parsed. Postmortems come from a whole
 * organisation and are read in CI with write tokens: every parser must finish in time linear in
 * the file, on the main thread and in a worker alike. Each limit is far above what a real
 * postmortem holds, is reported as a positioned finding when reached, and is listed with its
 * value in docs/security.md (a test keeps the two equal).
 */
export const LIMITS = {
  /** Bytes in a file. */
  fileBytes: 1024 * 1024,
  /** Characters between the frontmatter's `---` lines: positions of a larger YAML text cost seconds. */
  frontmatterChars: 64 * 1024,
  /** Lists and mappings inside each other in a YAML document. */
  yamlDepth: 32,
  /** Values that aliases (`*name`) repeat in one YAML document: a scalar counts 1, a list or mapping all it holds. */
  yamlAliasValues: 100,
  /** Keys in one YAML mapping. */
  yamlKeys: 1000,
  /** Block quote and list markers that open on one line of Markdown. */
  markdownMarkersPerLine: 32,
  /** Markdown elements inside each other (lists, quotes, emphasis, links…). */
  markdownDepth: 100,
  /** Markdown elements in a body, estimated: ASCII punctuation characters, list and quote markers, non-blank lines. */
  markdownMarkup: 150_000,
  /** Sum over the body's lines of length × punctuation characters on that line. */
  markdownLineDensity: 250_000_000,
  /** Sum over the body's blocks (lines between blank lines) of length × punctuation characters in the block. */
  markdownBlockDensity: 30_000_000_000,
  /** Findings reported for one file; the rest are counted in one last finding. */
  findingsPerFile: 100,
} as const;
