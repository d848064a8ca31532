/** The exact text the crash worker writes for a revision, so the test can tell old from new from torn. */
export function expectedBody(id: string, revision: number): string {
  // Sizes vary (up to ~24 KB) so some writes span several disk blocks.
  const size = (revision * 7919) % 24_000;
  return `id=${id} rev=${revision}\n${'abcdefghij'.repeat(Math.ceil(size / 10)).slice(0, size)}\nend rev=${revision}\n`;
}
