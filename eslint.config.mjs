import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'node_modules/**', 'dist/**', 'coverage/**', '.localcloud/**', '.tmp/**', '.stryker-tmp/**', 'reports/**',
      'cloudfunctions/*/index.js', 'tests/localcloud/fixtures/**', 'src/components/native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/component/**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      'react/prop-types': 'off',
    },
  },
  {
    // The weapp main package (src/ outside the subpackages) never loads zod: a page that validates
    // lives in a subpackage (packages/forms). Types cost nothing at run time; format.ts is zod-free.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/packages/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['zod', 'zod/*', '**/domain/schemas/*', '!**/domain/schemas/format'],
          allowTypeImports: true,
          message: 'zod stays out of the main package: validate in a page of a subpackage (packages/forms), or import the limit from domain/form-rules.ts',
        }],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
