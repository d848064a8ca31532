// The boundaries ARCHITECTURE.md draws, enforced. The rules are generated from one table of
// layers, so the diagram and the build cannot drift apart. A violation names the rule and says
// which import is forbidden and why.
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

/** Lowest first. A folder may import its own layer's api.ts files and anything below, never above. */
export const LAYERS = [['core'], ['git', 'github'], ['nudge'], ['review', 'coach', 'notes', 'words', 'health', 'onboarding']];
const ALL = LAYERS.flat();
const layerOf = (name) => LAYERS.findIndex((layer) => layer.includes(name));

const folder = (names) => `(${names.join('|')})`;

/** The import patterns forbidden in one capability folder. */
function boundariesOf(name) {
  const higher = ALL.filter((other) => layerOf(other) > layerOf(name));
  const sideways = ALL.filter((other) => other !== name && other !== 'core' && layerOf(other) <= layerOf(name));
  const patterns = [
    {
      regex: '(^|/)(testing|testApi)$',
      message:
        'Test seams (testing.ts, testApi.ts) are imported only by src/testApi.ts and src/extension.ts (ARCHITECTURE.md, "How tests reach the extension").',
    },
  ];
  if (higher.length > 0) {
    patterns.push({
      regex: `(^|/)${folder(higher)}/`,
      message: `${name}/ sits below ${higher.join(', ')}: a lower layer never imports a higher one (ARCHITECTURE.md, "Layers").`,
    });
  }
  if (sideways.length > 0) {
    patterns.push({
      regex: `(^|/)${folder(sideways)}/(?!api$)`,
      message: `Import another capability only through its api.ts (ARCHITECTURE.md, "Layers").`,
    });
  }
  return patterns;
}

const noVscode = {
  name: 'vscode',
  message:
    'Pure code (core/, model/, policy/) never imports vscode, not even its types: it is unit-tested in plain Node (ARCHITECTURE.md).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.demo/**', '.bench/**', '.build/**', 'test-output/**', 'media/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='globalState']",
          message:
            'Read and write global state through globalStateOf (core/vscode/globalState.ts): VS Code echoes older states back (ARCHITECTURE.md, "Layers").',
        },
      ],
    },
  },
  { files: ['src/core/vscode/globalState.ts'], rules: { 'no-restricted-syntax': 'off' } },
  // Layers and capabilities: one block per folder, and one for its pure part (a later block
  // replaces a rule's options, so each pure block repeats its folder's patterns).
  ...ALL.flatMap((name) => {
    const patterns = boundariesOf(name);
    const pure = name === 'core' ? ['src/core/**/*.ts'] : [`src/${name}/model/**/*.ts`, `src/${name}/policy/**/*.ts`];
    return [
      { files: [`src/${name}/**/*.ts`], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } },
      {
        files: pure,
        ignores: ['src/core/vscode/**'],
        rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [noVscode], patterns }] },
      },
    ];
  }),
);
