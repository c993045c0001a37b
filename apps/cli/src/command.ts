/** What a command may touch besides the server: passed in so nothing reads globals. */
export interface Io {
  write(text: string): void;
  /** Notes that are not the command's output (stderr), so a pipe gets the output alone. */
  writeError(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Asks a yes/no question on the terminal; absent when there is no terminal to ask in. */
  confirm?: (question: string) => Promise<boolean>;
}

export interface Command {
  /** The words that select it: `offers create`. */
  name: string;
  /** One line for `offerkit --help`. */
  summary: string;
  /** The arguments after the name, for the overview: `<id> [--json]`. */
  synopsis: string;
  help: string;
  run(args: readonly string[], io: Io): Promise<void>;
}
