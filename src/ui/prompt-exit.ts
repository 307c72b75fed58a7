// Telling "the user left the prompt" (Ctrl+C, a closed terminal, an abort signal) apart from a real
// failure, by the error's name as Inquirer recommends, without importing Inquirer to do it.

const LEAVING = new Set(['ExitPromptError', 'AbortPromptError', 'CancelPromptError']);

export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && LEAVING.has(error.name);
}
