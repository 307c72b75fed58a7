// Typed errors thrown by commands. cli.ts is the only place that turns them into messages and exit codes.

/** Wrong flags or arguments: exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A deck that cannot be used: exit 1. */
export class DeckError extends Error {
  override readonly name = 'DeckError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The learner stopped a run (Ctrl+C): exit 130 after saying what was saved. */
export class StoppedError extends Error {
  override readonly name = 'StoppedError';
  constructor(message: string) {
    super(message);
  }
}

/** A command that ran but found problems (e.g. `check` with errors): exit 1, message already printed. */
export class ReportedFailure extends Error {
  override readonly name = 'ReportedFailure';
  constructor(message = 'problems were reported') {
    super(message);
  }
}

/**
 * The learner backed out before anything began (q or Esc at a deck picker): exit 0, nothing more to say.
 * From the menu, it goes back to the menu.
 */
export class LeftError extends Error {
  override readonly name = 'LeftError';
  constructor(message = 'left') {
    super(message);
  }
}
