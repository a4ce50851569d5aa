/**
 * Reads a secret without echoing it. On a terminal: raw mode, one character at a time (Enter
 * ends, Backspace erases, Ctrl-C aborts). Piped input (`printf 'secret\n' | npm run mosaic ...`):
 * the first line.
 */
import { createInterface } from 'node:readline';
import { CliError } from './errors.ts';

export async function readSecret(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return readFirstLine();
  process.stdout.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new CliError('cancelled', 130));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    };
    input.on('data', onData);
  });
}

async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new CliError('no password given: pass --password, type it at the prompt or pipe it on standard input');
}

/** Asks twice on a terminal so a typing mistake does not lock the admin out. */
export async function readNewPassword(): Promise<string> {
  const password = await readSecret('Password: ');
  if (process.stdin.isTTY && (await readSecret('Password again: ')) !== password) throw new CliError('the two passwords differ');
  return password;
}
