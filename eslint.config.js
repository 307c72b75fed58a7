// Lint rules, including the line that keeps the core pure (see DESIGN.md): the core imports no node:*,
// no storage, no prompts and no id generator; time, randomness and ids are passed in.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = {
  patterns: [
    { group: ['node:*'], message: 'The core is pure: pass I/O in from a command.' },
    { group: ['lowdb', 'lowdb/*'], message: 'Only storage/ touches the database.' },
    { group: ['@inquirer/*'], message: 'Only ui/ imports Inquirer.' },
    { group: ['nanoid'], message: 'Ids are passed into the core.' },
    { group: ['**/storage/*', '**/ui/*', '**/commands/*'], message: 'The core does not depend on the shell.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/domain/**', 'src/grading/**', 'src/scheduling/**', 'src/session/**', 'src/builder/**', 'src/bank/parse-*.ts', 'src/bank/validate-*.ts', 'src/bank/interop/**'],
    rules: {
      'no-restricted-imports': ['error', impure],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded generator in.' },
        { object: 'Date', property: 'now', message: 'Pass the clock in.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the clock in.' }],
    },
  },
  {
    // The command's loader is CommonJS: it starts faster than an ES module (see bin/factdeck.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**', 'bench/**', 'bin/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
