/** Throw-away git repositories for tests that need real git (plain Node, no editor). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export class TempRepo {
  readonly root: string;
  private clock = 1_700_000_000;

  constructor(name = 'repo', init = true) {
    this.root = path.join(mkdtempSync(path.join(os.tmpdir(), 'mpx-git-')), name);
    mkdirSync(this.root, { recursive: true });
    if (init) this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    this.clock += 60;
    return execFileSync('git', args, {
      cwd: this.root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Ann',
        GIT_AUTHOR_EMAIL: 'ann@x.io',
        GIT_COMMITTER_NAME: 'Ann',
        GIT_COMMITTER_EMAIL: 'ann@x.io',
        GIT_AUTHOR_DATE: `@${this.clock} +0000`,
        GIT_COMMITTER_DATE: `@${this.clock} +0000`,
      },
    });
  }

  commit(message: string, files: Record<string, string> = { [`f${this.clock}.txt`]: String(this.clock) }): string {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.root, file)), { recursive: true });
      writeFileSync(path.join(this.root, file), content);
      this.git('add', '--', file);
    }
    this.git('commit', '-q', '-m', message);
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  dispose(): void {
    rmSync(path.dirname(this.root), { recursive: true, force: true });
  }
}
