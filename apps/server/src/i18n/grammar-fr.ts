/** "de" before a name, elided before a vowel or a mute h: de('Alpine Threads') → "d’Alpine Threads", de('Shop A') → "de Shop A". */
export const de = (name: string) => (/^[aeiouyhàâäéèêëîïôöûùü]/i.test(name.trim()) ? `d’${name}` : `de ${name}`);

/** French plural: 0 and 1 take the singular (« 0 point », « 1 point », « 2 points »). */
export const plural = (n: number | string, one: string, other: string) => (Math.abs(Number(n)) < 2 ? one : other);
