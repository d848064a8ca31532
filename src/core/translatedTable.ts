/**
 * A table of texts read like a constant (`GROUP_TEXT.waiting.label`) but translated when read:
 * a module loads before activation configures the translations, so its constants would stay
 * English. `build` (a few `l10n.t` look-ups) runs on every read.
 */
export function translatedTable<K extends string, V>(build: () => Record<K, V>): Readonly<Record<K, V>> {
  return new Proxy({} as Record<K, V>, {
    get: (_, key) => (build() as Record<PropertyKey, V>)[key],
    has: (_, key) => key in build(),
    ownKeys: () => Reflect.ownKeys(build()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(build(), key),
  });
}
