/** Pure: masks anything that looks like a credential before it reaches a log line. */
const TOKEN_PATTERNS: RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g,
  /\b(authorization:\s*(?:token|bearer)\s+)\S+/gi,
];

export function redact(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4) out = out.split(secret).join('***');
  }
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (_match, prefix?: string) => (typeof prefix === 'string' ? `${prefix}***` : '***'));
  }
  return out;
}
