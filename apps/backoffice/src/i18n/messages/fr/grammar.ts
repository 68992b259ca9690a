/** "de" before a name, elided before a vowel or a mute h: de('Alpine Threads') → "d’Alpine Threads", de('Shop A') → "de Shop A". */
export const de = (name: string) => (/^[aeiouyhàâäéèêëîïôöûùü]/i.test(name.trim()) ? `d’${name}` : `de ${name}`);

/** "le"/"la" before a name, elided likewise: le('Alpine Threads') → "l’Alpine Threads". */
export const le = (name: string, article: 'le' | 'la' = 'le') => (/^[aeiouyhàâäéèêëîïôöûùü]/i.test(name.trim()) ? `l’${name}` : `${article} ${name}`);
