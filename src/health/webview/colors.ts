/** Colour arithmetic for legible chart labels. Pure (no DOM), unit-tested in Node. */

/** Parses #rgb, #rrggbb, #rrggbbaa and rgb()/rgba() into 0–255 channels; undefined otherwise. */
export function parseColor(text: string): [number, number, number, number] | undefined {
  const t = text.trim();
  let m = /^#([0-9a-f]{3,8})$/i.exec(t);
  if (m) {
    const hex = m[1];
    if (hex.length === 3 || hex.length === 4) {
      const c = [...hex].map((ch) => parseInt(ch + ch, 16));
      return [c[0], c[1], c[2], hex.length === 4 ? c[3] / 255 : 1];
    }
    if (hex.length === 6 || hex.length === 8) {
      const c = [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return [c[0], c[1], c[2], hex.length === 8 ? c[3] / 255 : 1];
    }
    return undefined;
  }
  m = /^rgba?\(([^)]+)\)$/i.exec(t);
  if (m) {
    const parts = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    if (parts.length >= 3 && parts.slice(0, 3).every(Number.isFinite))
      return [parts[0], parts[1], parts[2], Number.isFinite(parts[3]) ? parts[3] : 1];
  }
  return undefined;
}

/** The colour with a new alpha (for matrix cells); the colour itself when it cannot be parsed. */
export function withAlpha(color: string, alpha: number): string {
  const c = parseColor(color);
  return c ? `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${alpha})` : color;
}

/** Relative luminance (WCAG 2) of an opaque colour. */
function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (x: number) => {
    const s = x / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.04045) / 1.055, 2.4);
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Black or white, whichever reads better on `fill` (blended over `background` when translucent): the
 * theme's chart colours are light in dark themes and dark in light ones.
 */
export function textOn(fill: string, background: string): string {
  const f = parseColor(fill);
  const b = parseColor(background) ?? [30, 30, 30, 1];
  if (!f) return '#000000';
  const a = f[3];
  const blended: [number, number, number, number] = [0, 1, 2].map((i) => f[i] * a + b[i] * (1 - a)) as never;
  blended[3] = 1;
  const l = luminance(blended);
  // Contrast against black is (l + 0.05) / 0.05, against white 1.05 / (l + 0.05): pick the larger.
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
