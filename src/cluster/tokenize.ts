/**
 * Splits a command line into words as a POSIX shell would for simple cases: whitespace separates,
 * single quotes keep everything, double quotes keep everything but `\"` and `\\`, and a backslash
 * outside quotes escapes the next character. Throws on an unterminated quote.
 */
export class TokenizeError extends Error {}

export function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new TokenizeError('unterminated single quote');
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && (line[j + 1] === '"' || line[j + 1] === '\\' || line[j + 1] === '$')) j++;
        cur += line[j];
      }
      if (j >= line.length) throw new TokenizeError('unterminated double quote');
      i = j;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}
