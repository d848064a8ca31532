import * as assert from 'node:assert/strict';
import { recogniseTestCommand } from '../../../src/coach/model/testCommands';

describe('coach: test commands typed in the terminal', () => {
  const recognised: [string, string, string][] = [
    // [command line, runner, the streak it counts toward]
    ['npm test', 'npm', 'npm test'],
    ['npm t', 'npm', 'npm test'],
    ['npm run test', 'npm', 'npm test'],
    ['npm run test -- --grep refund', 'npm', 'npm test -- --grep refund'],
    ['npm run test:unit', 'npm', 'npm run test:unit'],
    ['  npm   test  ', 'npm', 'npm test'],
    ['CI=1 npm test', 'npm', 'npm test'],
    ['time npm test', 'npm', 'npm test'],
    ['env FORCE_COLOR=0 npm test', 'npm', 'npm test'],
    ['cd api && npm test', 'npm', 'npm test'],
    ['npm ci && npm test; echo done', 'npm', 'npm test'],
    ['yarn test', 'yarn', 'yarn test'],
    ['yarn test:e2e', 'yarn', 'yarn test:e2e'],
    ['pnpm test', 'pnpm', 'pnpm test'],
    ['npx jest src/refund.test.ts', 'jest', 'npx jest src/refund.test.ts'],
    ['./node_modules/.bin/vitest run', 'vitest', './node_modules/.bin/vitest run'],
    ['npx mocha', 'mocha', 'npx mocha'],
    ['node --test test/', 'node --test', 'node --test test/'],
    ['bun test', 'bun test', 'bun test'],
    ['deno test -A', 'deno test', 'deno test -A'],
    ['pytest -k refund', 'pytest', 'pytest -k refund'],
    ['python -m pytest tests', 'pytest', 'python -m pytest tests'],
    ['python3 -m unittest discover', 'unittest', 'python3 -m unittest discover'],
    ['poetry run pytest', 'pytest', 'poetry run pytest'],
    ['uv run pytest -x', 'pytest', 'uv run pytest -x'],
    ['tox -e py312', 'tox', 'tox -e py312'],
    ['go test ./...', 'go test', 'go test ./...'],
    ['cargo test --workspace', 'cargo test', 'cargo test --workspace'],
    ['cargo nextest run', 'cargo nextest', 'cargo nextest run'],
    ['mvn test', 'mvn test', 'mvn test'],
    ['./mvnw verify', 'mvnw verify', './mvnw verify'],
    ['./gradlew test', 'gradlew test', './gradlew test'],
    ['dotnet test', 'dotnet test', 'dotnet test'],
    ['bundle exec rspec spec/models', 'rspec', 'bundle exec rspec spec/models'],
    ['bin/rails test', 'rails test', 'bin/rails test'],
    ['vendor/bin/phpunit', 'phpunit', 'vendor/bin/phpunit'],
    ['mix test', 'mix test', 'mix test'],
    ['make test', 'make test', 'make test'],
    ['ctest --output-on-failure', 'ctest', 'ctest --output-on-failure'],
    ['npx playwright test', 'playwright test', 'npx playwright test'],
    ['pytest "tests/test refunds.py"', 'pytest', 'pytest "tests/test refunds.py"'],
  ];
  for (const [line, runner, command] of recognised) {
    it(`recognises ${JSON.stringify(line)} as ${JSON.stringify(command)}`, () => {
      assert.deepEqual(recogniseTestCommand(line), { runner, command });
    });
  }

  const ignored = [
    '',
    'ls -la',
    'git status',
    'npm install',
    'npm run build',
    'npm run lint',
    'yarn',
    'node server.js',
    'go build ./...',
    'cargo build',
    'make',
    'echo npm test',
    'cat test.log | grep FAIL',
    'python manage.py runserver',
    'zig build',
    'cd test',
  ];
  for (const line of ignored) {
    it(`ignores ${JSON.stringify(line)}`, () => assert.equal(recogniseTestCommand(line), undefined));
  }

  it('keeps a quoted operator inside its argument', () => {
    assert.deepEqual(recogniseTestCommand(`npm test -- --grep 'a && b'`), { runner: 'npm', command: 'npm test -- --grep "a && b"' });
  });

  it('bounds a huge command line', () => {
    const found = recogniseTestCommand(`pytest ${'x'.repeat(1000)}`);
    assert.ok(found && found.command.length <= 160 && found.command.endsWith('…'));
  });
});
