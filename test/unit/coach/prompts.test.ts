import * as assert from 'node:assert/strict';
import { JsonSyntaxError, parseJsonWithPositions } from '../../../src/coach/model/prompts/jsonDocument';
import { mergeLibraries, promptsFor, type Prompt } from '../../../src/coach/model/prompts/library';
import { parsePromptFile, parseSettingsPrompts } from '../../../src/coach/model/prompts/parse';
import { EMPTY_ROTATION, loadRotation, nextPrompt, rotationKey, type RotationState } from '../../../src/coach/model/prompts/rotation';
import { shippedPrompts } from '../../../src/coach/model/prompts/shipped';
import { SIGNAL_KINDS } from '../../../src/coach/model/signals/types';

describe('coach prompt library', () => {
  describe('shipped prompts', () => {
    const { prompts, errors } = shippedPrompts();
    it('are valid', () => assert.deepEqual(errors, []));
    it('have unique ids', () => assert.equal(new Set(prompts.map((p) => p.id)).size, prompts.length));
    it('include the two questions every stuck person should hear', () => {
      const texts = prompts.filter((p) => p.role === 'stuck').map((p) => p.text);
      assert.ok(texts.includes('What have you tried so far?'));
      assert.ok(texts.includes('What did you expect to happen, and what happened instead?'));
    });
    for (const signal of SIGNAL_KINDS) {
      it(`offer at least two specific stuck questions and some mentor openers for ${signal}`, () => {
        assert.ok(prompts.filter((p) => p.signal === signal && p.role === 'stuck').length >= 2);
        assert.ok(promptsFor(prompts, signal, 'mentor').length >= 3);
      });
    }
  });

  describe('JSON position tracking', () => {
    const cases: { name: string; text: string; line: number; column: number }[] = [
      { name: 'trailing comma in an array', text: '{\n  "a": [1,\n  ]\n}', line: 3, column: 3 },
      { name: 'single-quoted key', text: "{\n  'a': 1\n}", line: 2, column: 3 },
      { name: 'missing colon', text: '{\n  "a" 1\n}', line: 2, column: 7 },
      { name: 'unterminated string', text: '{\n  "a": "oops\n}', line: 2, column: 13 },
      { name: 'garbage after the value', text: '{}\n\nx', line: 3, column: 1 },
      { name: 'empty file', text: '', line: 1, column: 1 },
    ];
    for (const c of cases) {
      it(`reports ${c.name} at ${c.line}:${c.column}`, () => {
        assert.throws(
          () => parseJsonWithPositions(c.text),
          (error: unknown) => {
            assert.ok(error instanceof JsonSyntaxError);
            assert.deepEqual(error.position, { line: c.line, column: c.column });
            return true;
          },
        );
      });
    }
    it('parses what JSON.parse parses, and remembers where values start', () => {
      const text = '{\n  "list": [true, null, -1.5e3, "a\\"b\\u0041"],\n  "o": {"k/x": {}}\n}';
      const parsed = parseJsonWithPositions(text);
      assert.deepEqual(parsed.value, JSON.parse(text));
      assert.deepEqual(parsed.positions.get('/list/3'), { line: 2, column: 32 });
      assert.deepEqual(parsed.positions.get('/o/k~1x'), { line: 3, column: 16 });
    });
  });

  describe('team prompt files', () => {
    const file = '.multiplier/prompts.json';
    const cases: { name: string; text: string; prompts: number; errors: string[] }[] = [
      {
        name: 'a good file',
        text: '{\n  "version": 1,\n  "prompts": [\n    { "signal": "*", "role": "stuck", "text": "Did you check the runbook?" },\n    { "id": "deploy", "signal": "repeated-failure", "role": "mentor", "text": "Which stage fails?" }\n  ]\n}\n',
        prompts: 2,
        errors: [],
      },
      { name: 'a byte-order mark is fine', text: '\uFEFF{"version": 1, "prompts": []}', prompts: 0, errors: [] },
      {
        name: 'a bad role and a missing text, with the good entry kept',
        text: '{\n  "version": 1,\n  "prompts": [\n    { "signal": "*", "role": "boss", "text": "Do it." },\n    { "signal": "*", "role": "stuck" },\n    { "signal": "*", "role": "stuck", "text": "Fine" }\n  ]\n}',
        prompts: 1,
        errors: [
          `${file}:4:30: "role" must be "stuck" or "mentor", got "boss"`,
          `${file}:5:5: "text" is required and must be a non-empty string`,
        ],
      },
      {
        name: 'an unknown signal and an unknown property',
        text: '{"version": 1, "prompts": [\n  {"signal": "lunch", "role": "stuck", "text": "Hungry?", "colour": "red"}\n]}',
        prompts: 0,
        errors: [
          `${file}:2:14: "signal" must be one of "*", "long-uncommitted", "repeated-failure", "error-churn", "ageing-branch", "back-and-forth", "single-author", got "lunch"`,
          `${file}:2:69: unknown property "colour" (allowed: id, signal, role, text)`,
        ],
      },
      {
        name: 'a syntax error',
        text: '{\n  "version": 1,\n  "prompts": [\n    { "signal": "*", }\n  ]\n}',
        prompts: 0,
        errors: [`${file}:4:22: Trailing comma before }`],
      },
      {
        name: 'prompts is not an array',
        text: '{\n  "version": 1,\n  "prompts": {}\n}',
        prompts: 0,
        errors: [`${file}:3:14: "prompts" must be an array`],
      },
      { name: 'wrong version', text: '{"version": 2, "prompts": []}', prompts: 0, errors: [`${file}:1:13: "version" must be 1`] },
      {
        name: 'an array at the root',
        text: '[]',
        prompts: 0,
        errors: [`${file}:1:1: expected an object like {"version": 1, "prompts": [...]}`],
      },
      {
        name: 'an entry that is a string',
        text: '{"version": 1, "prompts": ["Ask more"]}',
        prompts: 0,
        errors: [`${file}:1:28: each prompt must be an object like {"signal": "*", "role": "stuck", "text": "…"}`],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const result = parsePromptFile(c.text, file, 'team');
        assert.deepEqual(result.errors, c.errors);
        assert.equal(result.prompts.length, c.prompts);
        for (const prompt of result.prompts) assert.equal(prompt.source, 'team');
      });
    }
    it('gives explicit ids a source prefix and derives stable ids from text otherwise', () => {
      const text =
        '{"version": 1, "prompts": [{"id": "x", "signal": "*", "role": "stuck", "text": "A"}, {"signal": "*", "role": "stuck", "text": "B"}]}';
      const [a, b] = parsePromptFile(text, file, 'team').prompts;
      assert.equal(a.id, 'team:x');
      assert.equal(b.id, parsePromptFile(text, file, 'team').prompts[1].id);
      assert.match(b.id, /^team:/);
    });
  });

  describe('settings prompts', () => {
    it('accepts good entries and names bad ones by index', () => {
      const result = parseSettingsPrompts([
        { signal: '*', role: 'stuck', text: 'Ask me' },
        { signal: '*', role: 'x', text: 'No' },
      ]);
      assert.equal(result.prompts.length, 1);
      assert.deepEqual(result.errors, ['multiplier.coach.extraPrompts[1].role: "role" must be "stuck" or "mentor", got "x"']);
    });
    it('treats a missing setting as empty', () => assert.deepEqual(parseSettingsPrompts(undefined), { prompts: [], errors: [] }));
    it('rejects a non-array', () => assert.equal(parseSettingsPrompts({}).errors.length, 1));
  });

  describe('merging and choosing', () => {
    const p = (id: string, signal: Prompt['signal'], role: Prompt['role'], text = id): Prompt => ({
      id,
      signal,
      role,
      text,
      source: 'shipped',
    });
    it('puts the signal’s own prompts before the general ones and filters by role', () => {
      const library = [p('g1', '*', 'stuck'), p('s1', 'error-churn', 'stuck'), p('m1', '*', 'mentor'), p('o1', 'ageing-branch', 'stuck')];
      assert.deepEqual(
        promptsFor(library, 'error-churn', 'stuck').map((x) => x.id),
        ['s1', 'g1'],
      );
    });
    it('drops duplicates by text, keeping the first', () => {
      const merged = mergeLibraries([p('a', '*', 'stuck', 'Same')], [p('b', '*', 'stuck', 'same')], [p('c', '*', 'mentor', 'Same')]);
      assert.deepEqual(
        merged.map((x) => x.id),
        ['a', 'c'],
      );
    });
  });

  describe('rotation', () => {
    const candidates = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const key = rotationKey('error-churn', 'stuck');
    const run = (n: number, start: RotationState = EMPTY_ROTATION, list = candidates): { ids: string[]; state: RotationState } => {
      let state = start;
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const next = nextPrompt(list, state, key);
        assert.ok(next);
        ids.push(next.prompt.id);
        state = next.state;
      }
      return { ids, state };
    };
    it('shows every prompt once before any repeats', () => assert.deepEqual(run(3).ids.sort(), ['a', 'b', 'c']));
    it('never shows the same prompt twice in a row across cycles', () => {
      const { ids } = run(12);
      for (let i = 1; i < ids.length; i++) assert.notEqual(ids[i], ids[i - 1]);
      for (let cycle = 0; cycle < 4; cycle++) assert.equal(new Set(ids.slice(cycle * 3, cycle * 3 + 3)).size, 3);
    });
    it('continues where the persisted state left off', () => {
      const { state } = run(2);
      const restored = loadRotation(JSON.parse(JSON.stringify(state)));
      assert.deepEqual(run(1, restored).ids, ['c']);
    });
    it('keeps separate cycles per signal and role', () => {
      const { state } = run(2);
      assert.deepEqual(nextPrompt(candidates, state, rotationKey('ageing-branch', 'stuck'))?.prompt.id, 'a');
    });
    it('ignores removed prompts and picks up new ones', () => {
      const { state } = run(2, EMPTY_ROTATION, [{ id: 'a' }, { id: 'gone' }]);
      assert.deepEqual(run(2, state, [{ id: 'a' }, { id: 'new' }]).ids, ['new', 'a']);
    });
    it('handles a single prompt and an empty list', () => {
      assert.deepEqual(run(3, EMPTY_ROTATION, [{ id: 'only' }]).ids, ['only', 'only', 'only']);
      assert.equal(nextPrompt([], EMPTY_ROTATION, key), undefined);
    });
    it('starts fresh from corrupt state', () => {
      assert.deepEqual(loadRotation('nonsense'), EMPTY_ROTATION);
      assert.deepEqual(loadRotation({ version: 9, shown: {} }), EMPTY_ROTATION);
    });
  });
});
