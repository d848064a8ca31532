/**
 * The subset of GitHub's REST API the extension uses, answered from a scenario in the same JSON
 * shapes as api.github.com (fields we do not read are mostly left out).
 */
import { PullFiles } from './files';
import { resolveTime, shaOf, type Scenario, type ScenarioMergedPull, type ScenarioPull, type ScenarioRepo } from './scenario';

export interface RouteResult {
  status: number;
  /** JSON-serialisable body, paginated by the server when `paged` is set (the key of the list in an object body, or true for a list). */
  body: unknown;
  paged?: boolean | 'items' | 'check_runs';
  resource?: 'core' | 'search';
}

const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** GitHub's contents API answers up to 1 MB with the content inline. */
const INLINE_CONTENT_LIMIT = 1024 * 1024;

export class FakeGitHubData {
  private readonly pullFiles = new PullFiles();

  constructor(
    public scenario: Scenario,
    private readonly startedAt: number,
    private readonly baseUrl: () => string,
  ) {}

  private t(value: string): string {
    return iso(resolveTime(value, this.startedAt));
  }

  private user(login: string) {
    const bot = login.endsWith('[bot]');
    return { login, id: parseInt(shaOf(login).slice(0, 8), 16), type: bot ? 'Bot' : 'User', html_url: `https://github.com/${login}` };
  }

  private repoJson(repo: ScenarioRepo) {
    return { full_name: `${repo.owner}/${repo.name}`, name: repo.name, owner: this.user(repo.owner), private: false };
  }

  headSha(repo: ScenarioRepo, pull: ScenarioPull): string {
    return this.pullFiles.headSha(repo, pull);
  }

  pullJson(repo: ScenarioRepo, p: ScenarioPull, detail: boolean) {
    const full = `${repo.owner}/${repo.name}`;
    const json: Record<string, unknown> = {
      url: `${this.baseUrl()}/repos/${full}/pulls/${p.number}`,
      id: parseInt(shaOf(`${full}#${p.number}`).slice(0, 8), 16),
      number: p.number,
      html_url: `https://github.com/${full}/pull/${p.number}`,
      state: 'open',
      title: p.title,
      body: p.body ?? null,
      user: this.user(p.author),
      draft: p.draft === true,
      merged_at: null,
      labels: (p.labels ?? []).map((name, i) => ({ id: i + 1, name, color: 'ededed' })),
      created_at: this.t(p.created),
      updated_at: this.t(p.updated ?? p.ready ?? p.created),
      head: { ref: p.head, sha: this.headSha(repo, p), repo: { full_name: p.headRepo ?? full } },
      base: { ref: p.base ?? 'main', sha: this.pullFiles.baseSha(repo, p), repo: this.repoJson(repo) },
      requested_reviewers: (p.requestedReviewers ?? []).map((l) => this.user(l)),
      requested_teams: (p.requestedTeams ?? []).map((slug) => ({
        slug,
        name: slug,
        html_url: `https://github.com/orgs/${repo.owner}/teams/${slug}`,
      })),
    };
    if (detail) {
      // From git, the sizes are the branch's; otherwise the scenario's numbers.
      const files = repo.gitDir ? this.pullFiles.files(repo, p) : [];
      const sum = (k: 'additions' | 'deletions') => (files.length > 0 ? files.reduce((n, f) => n + f[k], 0) : p[k]);
      Object.assign(json, {
        additions: sum('additions'),
        deletions: sum('deletions'),
        changed_files:
          p.changedFiles ??
          (files.length > 0 ? files.length : p.files ? p.files.length : Math.max(1, Math.ceil((p.additions + p.deletions) / 40))),
        mergeable: p.mergeable === undefined ? true : p.mergeable,
        mergeable_state: p.mergeable === false ? 'dirty' : 'clean',
        comments: 0,
        commits: 1,
      });
    }
    return json;
  }

  /** `pulls?state=closed`: the merged pull requests, most recently updated first, as GitHub sorts them. */
  private closedPulls(repo: ScenarioRepo): RouteResult {
    const full = `${repo.owner}/${repo.name}`;
    const merged = [...(repo.merged ?? [])].sort(
      (a, b) => resolveTime(b.merged, this.startedAt) - resolveTime(a.merged, this.startedAt) || b.number - a.number,
    );
    const body = merged.map((p) => ({
      url: `${this.baseUrl()}/repos/${full}/pulls/${p.number}`,
      number: p.number,
      html_url: `https://github.com/${full}/pull/${p.number}`,
      state: 'closed',
      title: p.title,
      user: this.user(p.author),
      draft: false,
      created_at: this.t(p.created),
      updated_at: this.t(p.merged),
      closed_at: this.t(p.merged),
      merged_at: this.t(p.merged),
      merge_commit_sha: shaOf(`${full}#${p.number}:merge`),
      head: { ref: p.head ?? `pr-${p.number}`, sha: shaOf(`${full}#${p.number}:head`), repo: { full_name: full } },
      base: { ref: 'main', sha: shaOf(`${full}:main`), repo: this.repoJson(repo) },
    }));
    return { status: 200, body, paged: true };
  }

  private mergedDetail(repo: ScenarioRepo, p: ScenarioMergedPull, what: string): RouteResult {
    const full = `${repo.owner}/${repo.name}`;
    if (what === 'reviews') {
      return {
        status: 200,
        paged: true,
        body: (p.reviews ?? []).map((r, i) => ({
          id: i + 1,
          user: this.user(r.user),
          body: '',
          state: r.state,
          submitted_at: this.t(r.at),
        })),
      };
    }
    if (what === 'events') {
      const events = p.ready
        ? [
            { id: 1, event: 'convert_to_draft', created_at: this.t(p.created), actor: this.user(p.author) },
            { id: 2, event: 'ready_for_review', created_at: this.t(p.ready), actor: this.user(p.author) },
          ]
        : [];
      return { status: 200, paged: true, body: events };
    }
    const at = this.t(p.firstCommit ?? p.created);
    return {
      status: 200,
      paged: true,
      body: [{ sha: shaOf(`${full}#${p.number}:first`), commit: { author: { date: at }, committer: { date: at }, message: p.title } }],
    };
  }

  /** `pulls/{n}`, its files and its timeline for a merged pull request, as GitHub answers them long after the merge. */
  private mergedPage(repo: ScenarioRepo, p: ScenarioMergedPull, what: 'pull' | 'files' | 'timeline'): RouteResult {
    const full = `${repo.owner}/${repo.name}`;
    const files = p.files ?? [];
    if (what === 'files') {
      const body = files.map((f) => ({
        sha: shaOf(`${full}#${p.number}:${f.path}`),
        filename: f.path,
        status: 'modified',
        additions: f.additions,
        deletions: f.deletions,
        changes: f.additions + f.deletions,
      }));
      return { status: 200, paged: true, body };
    }
    if (what === 'timeline') {
      const first = this.t(p.firstCommit ?? p.created);
      const events = [
        { at: first, json: { event: 'committed', sha: shaOf(`${full}#${p.number}:first`), message: p.title, committer: { date: first } } },
        ...(p.reviews ?? []).map((r) => ({
          at: this.t(r.at),
          json: { event: 'reviewed', state: r.state.toLowerCase(), submitted_at: this.t(r.at), user: this.user(r.user) },
        })),
        { at: this.t(p.merged), json: { event: 'merged', created_at: this.t(p.merged), actor: this.user(p.mergedBy ?? p.author) } },
        { at: this.t(p.merged), json: { event: 'closed', created_at: this.t(p.merged), actor: this.user(p.mergedBy ?? p.author) } },
      ].sort((a, b) => a.at.localeCompare(b.at));
      return { status: 200, paged: true, body: events.map((e, i) => ({ id: i + 1, ...e.json })) };
    }
    const sum = (k: 'additions' | 'deletions') => files.reduce((n, f) => n + f[k], 0);
    return {
      status: 200,
      body: {
        url: `${this.baseUrl()}/repos/${full}/pulls/${p.number}`,
        id: parseInt(shaOf(`${full}#${p.number}`).slice(0, 8), 16),
        number: p.number,
        html_url: `https://github.com/${full}/pull/${p.number}`,
        state: 'closed',
        title: p.title,
        body: p.body ?? null,
        user: this.user(p.author),
        draft: false,
        labels: [],
        created_at: this.t(p.created),
        updated_at: this.t(p.merged),
        closed_at: this.t(p.merged),
        merged_at: this.t(p.merged),
        merged: true,
        merged_by: this.user(p.mergedBy ?? p.author),
        merge_commit_sha: shaOf(`${full}#${p.number}:merge`),
        head: { ref: p.head ?? `pr-${p.number}`, sha: shaOf(`${full}#${p.number}:head`), repo: { full_name: full } },
        base: { ref: 'main', sha: shaOf(`${full}:main`), repo: this.repoJson(repo) },
        requested_reviewers: [],
        requested_teams: [],
        additions: sum('additions'),
        deletions: sum('deletions'),
        changed_files: files.length,
        mergeable: null,
        mergeable_state: 'unknown',
        comments: 0,
        commits: 1,
      },
    };
  }

  private releases(repo: ScenarioRepo): RouteResult {
    const body = [...(repo.releases ?? [])]
      .sort((a, b) => resolveTime(b.published, this.startedAt) - resolveTime(a.published, this.startedAt))
      .map((r, i) => ({
        id: i + 1,
        tag_name: r.tag,
        name: r.name ?? r.tag,
        draft: r.draft === true,
        prerelease: r.prerelease === true,
        created_at: this.t(r.published),
        published_at: r.draft ? null : this.t(r.published),
      }));
    return { status: 200, paged: true, body };
  }

  private deployments(repo: ScenarioRepo, id: string | undefined, environment: string | null): RouteResult {
    const all = repo.deployments ?? [];
    if (id !== undefined) {
      const d = all.find((x) => x.id === Number(id));
      if (!d) return { status: 404, body: { message: 'Not Found' } };
      const statuses = [...d.statuses]
        .reverse()
        .map((s, i) => ({ id: i + 1, state: s.state, created_at: this.t(s.at), environment: d.environment }));
      return { status: 200, paged: true, body: statuses };
    }
    const body = all
      .filter((d) => !environment || d.environment === environment)
      .sort((a, b) => resolveTime(b.created, this.startedAt) - resolveTime(a.created, this.startedAt))
      .map((d) => ({
        id: d.id,
        sha: d.sha,
        ref: 'main',
        environment: d.environment,
        created_at: this.t(d.created),
        creator: this.user('deploy-bot'),
      }));
    return { status: 200, paged: true, body };
  }

  private find(owner: string, name: string): ScenarioRepo | undefined {
    return this.scenario.repos.find((r) => r.owner.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() === name.toLowerCase());
  }

  private teamsOfViewer(): { org: string; slug: string; name?: string }[] {
    return this.scenario.teams ?? [];
  }

  private requestedOfViewer(repo: ScenarioRepo, p: ScenarioPull): boolean {
    const viewer = this.scenario.viewer.toLowerCase();
    if ((p.requestedReviewers ?? []).some((r) => r.toLowerCase() === viewer)) return true;
    const mine = new Set(
      this.teamsOfViewer()
        .filter((t) => t.org.toLowerCase() === repo.owner.toLowerCase())
        .map((t) => t.slug.toLowerCase()),
    );
    return (p.requestedTeams ?? []).some((t) => mine.has(t.toLowerCase()));
  }

  private search(query: string): RouteResult {
    const terms = query.split(/\s+/).filter(Boolean);
    const viewer = this.scenario.viewer.toLowerCase();
    const items: unknown[] = [];
    for (const repo of this.scenario.repos) {
      for (const p of repo.pulls) {
        const ok = terms.every((term) => {
          const [key, value = ''] = term.split(':');
          const v = value === '@me' ? viewer : value.toLowerCase();
          switch (key) {
            case 'is':
              return v === 'pr' || v === 'open';
            case 'archived':
              return v === 'false';
            case 'review-requested':
              return v === viewer ? this.requestedOfViewer(repo, p) : (p.requestedReviewers ?? []).some((r) => r.toLowerCase() === v);
            case 'author':
              return p.author.toLowerCase() === v;
            case '-author':
              return p.author.toLowerCase() !== v;
            case 'reviewed-by':
              return (p.reviews ?? []).some((r) => r.user.toLowerCase() === v);
            case 'repo':
              return `${repo.owner}/${repo.name}`.toLowerCase() === v;
            default:
              return true;
          }
        });
        if (!ok) continue;
        const full = `${repo.owner}/${repo.name}`;
        items.push({
          number: p.number,
          title: p.title,
          state: 'open',
          user: this.user(p.author),
          repository_url: `${this.baseUrl()}/repos/${full}`,
          html_url: `https://github.com/${full}/pull/${p.number}`,
          draft: p.draft === true,
          pull_request: {
            url: `${this.baseUrl()}/repos/${full}/pulls/${p.number}`,
            html_url: `https://github.com/${full}/pull/${p.number}`,
          },
          created_at: this.t(p.created),
          updated_at: this.t(p.updated ?? p.created),
        });
      }
    }
    return { status: 200, body: { total_count: items.length, incomplete_results: false, items }, paged: 'items', resource: 'search' };
  }

  /** `issues/{n}/timeline`: commits, review requests, reviews, comments, ready for review; oldest first. */
  private timeline(repo: ScenarioRepo, p: ScenarioPull): unknown[] {
    const events: { at: number; json: Record<string, unknown> }[] = [];
    const at = (value: string) => resolveTime(value, this.startedAt);
    const commits =
      this.pullFiles.commits(repo, p) ??
      (p.commits ?? [{ message: p.title, at: p.created }]).map((c, i) => ({
        sha: shaOf(`${repo.owner}/${repo.name}#${p.number}:commit:${i}`),
        message: c.message,
        at: this.t(c.at),
      }));
    for (const c of commits) {
      const when = Date.parse(c.at);
      events.push({
        at: when,
        json: {
          event: 'committed',
          sha: c.sha,
          message: c.message,
          author: { name: p.author, date: iso(when) },
          committer: { name: p.author, date: iso(when) },
        },
      });
    }
    const teams = new Set((p.requestedTeams ?? []).map((t) => t.toLowerCase()));
    const asked = [...(p.requestedReviewers ?? []), ...(p.requestedTeams ?? []), ...(p.reviews ?? []).map((r) => r.user)];
    for (const who of [...new Set(asked)]) {
      const when = at(p.requested?.[who] ?? p.ready ?? p.created);
      events.push({
        at: when,
        json: teams.has(who.toLowerCase())
          ? { event: 'review_requested', created_at: iso(when), actor: this.user(p.author), requested_team: { slug: who, name: who } }
          : { event: 'review_requested', created_at: iso(when), actor: this.user(p.author), requested_reviewer: this.user(who) },
      });
    }
    if (p.ready)
      events.push({ at: at(p.ready), json: { event: 'ready_for_review', created_at: this.t(p.ready), actor: this.user(p.author) } });
    for (const r of p.reviews ?? []) {
      events.push({
        at: at(r.at),
        json: {
          event: 'reviewed',
          state: r.state.toLowerCase(),
          submitted_at: this.t(r.at),
          user: this.user(r.user),
          body: r.body ?? null,
        },
      });
    }
    for (const c of p.comments ?? []) {
      events.push({
        at: at(c.at),
        json: { event: 'commented', created_at: this.t(c.at), actor: this.user(c.user), user: this.user(c.user), body: c.body ?? '' },
      });
    }
    return events.sort((a, b) => a.at - b.at).map((e, i) => ({ id: i + 1, ...e.json }));
  }

  route(path: string, query: URLSearchParams): RouteResult {
    const notFound: RouteResult = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    if (path === '/user') return { status: 200, body: this.user(this.scenario.viewer) };
    if (path === '/user/teams') {
      return {
        status: 200,
        paged: true,
        body: this.teamsOfViewer().map((t) => ({ slug: t.slug, name: t.name ?? t.slug, organization: { login: t.org } })),
      };
    }
    if (path === '/search/issues') return this.search(query.get('q') ?? '');
    if (path === '/rate_limit') return { status: 200, body: { resources: {} } };

    const m = /^\/repos\/([^/]+)\/([^/]+)\/(.+)$/.exec(path);
    const repo = m ? this.find(decodeURIComponent(m[1]), decodeURIComponent(m[2])) : undefined;
    if (!m || !repo) return notFound;
    const rest = m[3];
    if (rest === 'pulls' && query.get('state') === 'closed') return this.closedPulls(repo);
    if (rest === 'releases') return this.releases(repo);
    const deployments = /^deployments(?:\/(\d+)\/statuses)?$/.exec(rest);
    if (deployments) return this.deployments(repo, deployments[1], query.get('environment'));
    const merged = /^(?:pulls|issues)\/(\d+)\/(reviews|events|commits)$/.exec(rest);
    const mergedPull = merged && repo.merged?.find((p) => p.number === Number(merged[1]));
    if (merged && mergedPull) return this.mergedDetail(repo, mergedPull, merged[2]);
    const page = /^(?:pulls\/(\d+)(\/files)?|issues\/(\d+)\/timeline)$/.exec(rest);
    const mergedOfPage = page && repo.merged?.find((p) => p.number === Number(page[1] ?? page[3]));
    if (page && mergedOfPage) return this.mergedPage(repo, mergedOfPage, page[3] ? 'timeline' : page[2] ? 'files' : 'pull');
    if (rest === 'pulls') {
      if ((query.get('state') ?? 'open') !== 'open') return { status: 200, body: [], paged: true };
      const head = query.get('head'); // `owner:branch`
      const open = [...repo.pulls]
        .filter(
          (p) => !head || `${(p.headRepo ?? `${repo.owner}/${repo.name}`).split('/')[0]}:${p.head}`.toLowerCase() === head.toLowerCase(),
        )
        .sort((a, b) => resolveTime(b.created, this.startedAt) - resolveTime(a.created, this.startedAt) || b.number - a.number);
      return { status: 200, body: open.map((p) => this.pullJson(repo, p, false)), paged: true };
    }
    let sub = /^pulls\/(\d+)(\/reviews|\/files)?$/.exec(rest);
    if (sub) {
      const p = repo.pulls.find((x) => x.number === Number(sub![1]));
      if (!p) return notFound;
      if (!sub[2]) return { status: 200, body: this.pullJson(repo, p, true) };
      if (sub[2] === '/files') {
        const full = `${repo.owner}/${repo.name}`;
        const head = this.headSha(repo, p);
        return {
          status: 200,
          paged: true,
          body: this.pullFiles.files(repo, p).map((f) => ({
            sha: shaOf(`${head}:${f.filename}`),
            ...f,
            blob_url: `https://github.com/${full}/blob/${head}/${f.filename}`,
            patch: '@@ (patch text is not read by the extension) @@',
          })),
        };
      }
      const sha = this.headSha(repo, p);
      return {
        status: 200,
        paged: true,
        body: (p.reviews ?? []).map((r, i) => ({
          id: i + 1,
          user: this.user(r.user),
          body: r.body ?? '',
          state: r.state,
          submitted_at: this.t(r.at),
          commit_id: r.outdated ? shaOf(`old:${sha}`) : sha,
        })),
      };
    }
    sub = /^issues\/(\d+)\/events$/.exec(rest);
    if (sub) {
      const p = repo.pulls.find((x) => x.number === Number(sub![1]));
      if (!p) return notFound;
      const events: unknown[] = [];
      const defaultAt = p.ready ?? p.created;
      const teams = new Set((p.requestedTeams ?? []).map((t) => t.toLowerCase()));
      for (const who of [...(p.requestedReviewers ?? []), ...(p.requestedTeams ?? [])]) {
        const at = this.t(p.requested?.[who] ?? defaultAt);
        events.push(
          teams.has(who.toLowerCase())
            ? { event: 'review_requested', created_at: at, actor: this.user(p.author), requested_team: { slug: who, name: who } }
            : { event: 'review_requested', created_at: at, actor: this.user(p.author), requested_reviewer: this.user(who) },
        );
      }
      if (p.ready) events.push({ event: 'ready_for_review', created_at: this.t(p.ready), actor: this.user(p.author) });
      events.sort((a, b) =>
        String((a as { created_at: string }).created_at).localeCompare(String((b as { created_at: string }).created_at)),
      );
      return { status: 200, body: events.map((e, i) => ({ id: i + 1, ...(e as object) })), paged: true };
    }
    sub = /^issues\/(\d+)\/timeline$/.exec(rest);
    if (sub) {
      const p = repo.pulls.find((x) => x.number === Number(sub![1]));
      return p ? { status: 200, paged: true, body: this.timeline(repo, p) } : notFound;
    }
    sub = /^compare\/([0-9a-f]{40})\.\.\.([0-9a-f]{40})$/.exec(rest);
    if (sub) {
      const p = repo.pulls.find((x) => this.headSha(repo, x) === sub![2]);
      if (!p) return notFound;
      return {
        status: 200,
        body: {
          status: 'ahead',
          ahead_by: 1,
          behind_by: 0,
          merge_base_commit: { sha: this.pullFiles.mergeBase(repo, p) },
          commits: [],
          files: [],
        },
      };
    }
    sub = /^contents\/(.+)$/.exec(rest);
    if (sub) {
      const path = sub[1].split('/').map(decodeURIComponent).join('/');
      const ref = query.get('ref') ?? '';
      const bytes = this.pullFiles.contents(repo, path, ref);
      if (!bytes) return notFound;
      const inline = bytes.length <= INLINE_CONTENT_LIMIT;
      return {
        status: 200,
        body: {
          type: 'file',
          name: path.split('/').pop(),
          path,
          sha: shaOf(bytes.toString('base64')),
          size: bytes.length,
          encoding: inline ? 'base64' : 'none',
          // GitHub wraps base64 at 60 characters.
          content: inline ? (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') : '',
        },
      };
    }
    sub = /^commits\/([0-9a-f]{40})\/(check-runs|status)$/.exec(rest);
    if (sub) {
      const p = repo.pulls.find((x) => this.headSha(repo, x) === sub![1]);
      const checks = p?.checks ?? 'none';
      if (sub[2] === 'status') return { status: 200, body: { state: 'pending', statuses: [], total_count: 0, sha: sub[1] } };
      const runs = p?.checkRuns
        ? p.checkRuns.map((r) => ({ name: r.name, status: r.status, conclusion: r.conclusion ?? null, details_url: r.url }))
        : checks === 'none'
          ? []
          : [
              { name: 'build', status: 'completed', conclusion: 'success' },
              {
                name: 'test',
                status: checks === 'pending' ? 'in_progress' : 'completed',
                conclusion: checks === 'pending' ? null : checks,
              },
            ];
      return {
        status: 200,
        paged: 'check_runs',
        body: { total_count: runs.length, check_runs: runs.map((r, i) => ({ id: i + 1, head_sha: sub![1], ...r })) },
      };
    }
    return notFound;
  }
}
