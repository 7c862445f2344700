/**
 * Splits a command line into words as a POSIX shell does, for the one command a kubectl line
 * holds: whitespace separates words; single quotes keep everything literally; double quotes keep
 * spaces and let a backslash escape `"`, `\`, `$` and `` ` ``; a backslash outside quotes escapes
 * the next character. Pipes, redirections and command lists are not run: they are refused, so a
 * line is never half-executed.
 *
 * Example: `patch cj x -p '{"spec":{"suspend":true}}'` → ['patch', 'cj', 'x', '-p', '{"spec":{"suspend":true}}']
 */

export class ShellSyntaxError extends Error {}

const OPERATORS = new Set(['|', '||', '&&', ';', '&', '>', '>>', '<']);

export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  // Words that came from an unquoted operator, so a quoted "|" stays an argument.
  const operatorAt = new Set<number>();
  let i = 0;
  const n = line.length;
  const endWord = () => {
    if (inWord) words.push(cur);
    cur = '';
    inWord = false;
  };
  while (i < n) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      endWord();
      i++;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unexpected EOF while looking for matching `\'\'');
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      inWord = true;
      let closed = false;
      while (i < n) {
        const c = line[i];
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < n && '"\\$`\n'.includes(line[i + 1])) {
          if (line[i + 1] !== '\n') cur += line[i + 1];
          i += 2;
          continue;
        }
        cur += c;
        i++;
      }
      if (!closed) throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
    } else if (ch === '\\') {
      if (i + 1 < n) {
        if (line[i + 1] !== '\n') cur += line[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (ch === '#' && !inWord) {
      // A comment runs to the end of the line.
      const nl = line.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if ('|&;<>'.includes(ch)) {
      endWord();
      let op = ch;
      if ((ch === '|' || ch === '&' || ch === '>') && line[i + 1] === ch) op += ch;
      operatorAt.add(words.length);
      words.push(op);
      i += op.length;
    } else {
      cur += ch;
      inWord = true;
      i++;
    }
  }
  endWord();
  for (const idx of operatorAt) {
    const op = words[idx];
    if (OPERATORS.has(op)) {
      throw new ShellSyntaxError(`kubesim runs one kubectl command per line: the shell operator "${op}" is not supported`);
    }
  }
  return words;
}

/** Quotes a word for display so that shellWords() reads it back unchanged. */
export function quoteWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_\-./=:,@%+]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
