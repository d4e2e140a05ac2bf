/**
 * Running a generated shell script as a person would: saved as a file and run by sh, bash or
 * zsh, or pasted into an interactive shell, which must keep running after it. Shared by the tests
 * of the attack script and of the openssl scripts. Asynchronous, so a test server in the same
 * process can answer the script's requests.
 */
import { execFileSync, spawn } from 'node:child_process';

/** Whether a program is installed (zsh is not on every machine). */
export const installed = (name: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
};

export const hasZsh = installed('zsh');

/** The shells a saved script must run in, and those a script can be pasted into. */
export const fileShells = ['sh', 'bash', ...(hasZsh ? ['zsh'] : [])];
export const interactiveShells = ['bash', ...(hasZsh ? ['zsh'] : [])];

/** Arguments that make `shell` interactive, reading no startup file. */
export const interactiveArgs = (shell: string) =>
  shell === 'zsh' ? ['-f', '-i'] : ['--norc', '--noprofile', '-i'];

/** What a pasted script is followed by: two commands of the person's, its status and a marker. */
export const afterPaste = 'echo "script status: $?"\necho still-here\n';

/**
 * Runs `script` in `cwd` (also its HOME): saved there as `file` and run by `shell`, or with
 * `paste`, given on standard input to an interactive `shell`, followed by `afterPaste`.
 */
export function runShell(
  script: string,
  options: { cwd: string; shell?: string; paste?: boolean; file?: string; env?: Record<string, string> },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { cwd, shell = 'sh', paste = false, file = 'script.sh' } = options;
  return new Promise((resolve) => {
    const child = spawn(shell, paste ? interactiveArgs(shell) : [file], {
      cwd,
      env: { PATH: '/usr/bin:/bin', HOME: cwd, TERM: 'dumb', ...options.env },
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(paste ? `${script}\n${afterPaste}` : '');
  });
}

/**
 * Pastes a script into zsh on a terminal as a terminal does (bracketed paste: the whole text at
 * once, then Enter), through util-linux `script`, in `cwd`; then the person types `afterPaste`
 * and exit. Returns what the terminal showed, escape sequences removed.
 */
export async function pasteIntoZshTerminal(script: string, cwd: string): Promise<string> {
  const typed = `\x1b[200~${script}\x1b[201~\r${afterPaste.replace(/\n/g, '\r')}exit\r`;
  const shown = await new Promise<string>((resolve) => {
    const child = spawn('script', ['-qec', 'zsh -f -i', '/dev/null'], {
      cwd,
      env: { PATH: '/usr/bin:/bin', HOME: cwd, TERM: 'xterm' },
      timeout: 60_000,
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('close', () => resolve(out));
    child.stdin.end(typed);
  });
  // eslint-disable-next-line no-control-regex
  return shown.replace(/\x1b\[[0-9;?]*[a-zA-Z]|\x1b[=>]|\r/g, '');
}
