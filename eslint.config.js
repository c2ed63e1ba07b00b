import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The core (src/sip, src/sdp) must stay framework-free: no React, no state library, no UI.
const coreBoundary = {
  patterns: [
    { group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'The UA core and SDP module are framework-free.' },
    { group: ['**/ui/**', '**/stores/**', '**/services/**', '**/media/**', '**/platform/**', '**/app/**'], message: 'The core may not import from the layers above it.' },
  ],
};

export default tseslint.config(
  { ignores: ['.tmp', 'dist', 'dev-dist', 'node_modules', 'coverage', 'tests/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/sip/**/*.ts', 'src/sdp/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', coreBoundary],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'WebSocket', 'RTCPeerConnection', 'setTimeout', 'setInterval', 'crypto'],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
