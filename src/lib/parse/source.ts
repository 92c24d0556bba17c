import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { LIMITS } from './limits.ts';

export type DecodedSource =
  | { ok: true; text: string; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const START = { start: { line: 1, column: 1 } };

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

function positionOfByte(bytes: Uint8Array, offset: number) {
  let line = 1, lineStart = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  // Column in characters, as an editor shows it: count the bytes that start a character.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { start: { line, column } };
}

/**
 * Checks a file's bytes before anything parses them: size, emptiness, binary content, UTF-8.
 * A byte order mark is removed (positions are then as an editor shows them) and reported.
 */
export function decodeSource(file: string, bytes: Uint8Array): DecodedSource {
  // Larger files are not postmortems; parsing them would only slow every run down.
  if (bytes.length > LIMITS.fileBytes) {
    const size = (bytes.length / 1024 / 1024).toFixed(1);
    return { ok: false, diagnostics: [diagnostic(file, START, 'file-too-large', 'error', `the file is ${size} MB, over the 1 MB limit for a postmortem; move attachments and logs elsewhere and link to them`)] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, diagnostics: [diagnostic(file, positionOfByte(bytes, nul), 'file-encoding', 'error', 'the file contains a NUL byte, so it is binary, not a Markdown postmortem; remove it from the incidents folder or give it another extension')] };
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) {
    const byte = bytes[invalid]!.toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, diagnostics: [diagnostic(file, positionOfByte(bytes, invalid), 'file-encoding', 'error', `the file is not valid UTF-8 (byte 0x${byte}); save it as UTF-8`)] };
  }
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const diagnostics: Diagnostic[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(diagnostic(file, START, 'file-encoding', 'warning', 'the file starts with a UTF-8 byte order mark; it is ignored here, but some tools choke on it: save the file as UTF-8 without BOM'));
  }
  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) {
    // YAML and Markdown both read a lone CR as a line break; made `\n`, it is one for positions
    // too, so lines are counted as an editor shows them and no parser meets a kind of break the
    // others do not.
    const before = text.slice(0, loneCr.index);
    const line = before.split('\n').length;
    text = text.replace(/\r(?!\n)/g, '\n');
    diagnostics.push(diagnostic(file, { start: { line, column: loneCr.index - before.lastIndexOf('\n') } }, 'file-line-endings', 'warning',
      'this line ends with a lone carriage return (classic Mac OS line breaks); it is read as a line break, but Git and most tools show the file as one line: save it with LF line endings'));
  }
  if (text.trim() === '') {
    diagnostics.push(diagnostic(file, START, 'file-empty', 'error', 'the file is empty; write a postmortem in it (start from incidents/_template.md) or delete it'));
    return { ok: false, diagnostics };
  }
  return { ok: true, text, diagnostics };
}
