import type { Locale } from '../locale.ts';

/**
 * Zod's own English messages (a check without a message of ours: `z.string().max(2000)`), reworded. Their shapes are
 * zod's (`locales/en.js`), a closed set; anything else is not zod's and returns undefined.
 */
type Lang = Exclude<Locale, 'en'>;

const TYPES: Record<Lang, Record<string, string>> = {
  fr: {
    string: 'un texte',
    number: 'un nombre',
    int: 'un nombre entier',
    boolean: 'oui ou non (booléen)',
    object: 'un objet',
    array: 'une liste',
    date: 'une date',
    bigint: 'un grand nombre',
    undefined: 'rien',
    null: 'null',
    nan: 'NaN',
    NaN: 'NaN',
    function: 'une fonction',
    file: 'un fichier',
  },
  es: {
    string: 'un texto',
    number: 'un número',
    int: 'un número entero',
    boolean: 'sí o no (booleano)',
    object: 'un objeto',
    array: 'una lista',
    date: 'una fecha',
    bigint: 'un número grande',
    undefined: 'nada',
    null: 'null',
    nan: 'NaN',
    NaN: 'NaN',
    function: 'una función',
    file: 'un archivo',
  },
};

const FORMATS: Record<Lang, Record<string, string>> = {
  fr: {
    'email address': 'Adresse e-mail invalide',
    URL: 'Adresse (URL) invalide',
    UUID: 'Identifiant (UUID) invalide',
    'ISO datetime': 'Date et heure invalides (format ISO attendu)',
    'ISO date': 'Date invalide (format AAAA-MM-JJ attendu)',
    'ISO time': 'Heure invalide (format ISO attendu)',
    'ISO duration': 'Durée invalide (format ISO attendu)',
    'IPv4 address': 'Adresse IPv4 invalide',
    'IPv6 address': 'Adresse IPv6 invalide',
    'base64-encoded string': 'Texte base64 invalide',
    'base64url-encoded string': 'Texte base64url invalide',
    'JSON string': 'JSON invalide',
    input: 'Valeur invalide',
  },
  es: {
    'email address': 'Correo electrónico no válido',
    URL: 'Dirección (URL) no válida',
    UUID: 'Identificador (UUID) no válido',
    'ISO datetime': 'Fecha y hora no válidas (se espera el formato ISO)',
    'ISO date': 'Fecha no válida (se espera AAAA-MM-DD)',
    'ISO time': 'Hora no válida (se espera el formato ISO)',
    'ISO duration': 'Duración no válida (se espera el formato ISO)',
    'IPv4 address': 'Dirección IPv4 no válida',
    'IPv6 address': 'Dirección IPv6 no válida',
    'base64-encoded string': 'Texto base64 no válido',
    'base64url-encoded string': 'Texto base64url no válido',
    'JSON string': 'JSON no válido',
    input: 'Valor no válido',
  },
};

const UNITS: Record<Lang, Record<string, [string, string]>> = {
  fr: { characters: ['caractère', 'caractères'], items: ['élément', 'éléments'], bytes: ['octet', 'octets'], entries: ['entrée', 'entrées'] },
  es: { characters: ['carácter', 'caracteres'], items: ['elemento', 'elementos'], bytes: ['byte', 'bytes'], entries: ['entrada', 'entradas'] },
};

const typeName = (lang: Lang, t: string) => TYPES[lang][t] ?? t;

function bound(lang: Lang, big: boolean, cmp: string, n: string, unit?: string): string {
  const words = unit ? UNITS[lang][unit] : undefined;
  const u = words ? ` ${Number(n) === 1 ? words[0] : words[1]}` : unit ? ` ${unit}` : '';
  const nbsp = '\u00a0';
  if (lang === 'fr') {
    const head = unit ? (big ? `Trop long${nbsp}: ` : `Trop court${nbsp}: `) : big ? `Trop grand${nbsp}: ` : `Trop petit${nbsp}: `;
    if (cmp === 'exactly ') return `${head}exactement ${n}${u}`;
    if (cmp === '<=') return `${head}${n}${u} au plus`;
    if (cmp === '>=') return `${head}au moins ${n}${u}`;
    return `${head}${cmp === '<' ? 'moins de' : 'plus de'} ${n}${u}`;
  }
  const head = unit ? (big ? 'Demasiado largo: ' : 'Demasiado corto: ') : big ? 'Demasiado grande: ' : 'Demasiado pequeño: ';
  if (cmp === 'exactly ') return `${head}exactamente ${n}${u}`;
  if (cmp === '<=') return `${head}${n}${u} como máximo`;
  if (cmp === '>=') return `${head}al menos ${n}${u}`;
  return `${head}${cmp === '<' ? 'menos de' : 'más de'} ${n}${u}`;
}

const SHAPES: [RegExp, (lang: Lang, m: RegExpExecArray) => string][] = [
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    (l, m) =>
      m[2] === 'undefined'
        ? l === 'fr'
          ? `Valeur manquante\u00a0: il faut ${typeName(l, m[1]!)}`
          : `Falta un valor: se espera ${typeName(l, m[1]!)}`
        : l === 'fr'
          ? `Valeur invalide\u00a0: il faut ${typeName(l, m[1]!)}, pas ${typeName(l, m[2]!)}`
          : `Valor no válido: se espera ${typeName(l, m[1]!)}, no ${typeName(l, m[2]!)}`,
  ],
  [/^Invalid input: expected ([\s\S]+)$/, (l, m) => (l === 'fr' ? `Valeur invalide\u00a0: ${m[1]} attendu` : `Valor no válido: se espera ${m[1]}`)],
  [
    /^Invalid option: expected one of ([\s\S]+)$/,
    (l, m) => (l === 'fr' ? `Choix invalide\u00a0: l’une de ces valeurs ${m[1]}` : `Opción no válida: una de estas ${m[1]}`),
  ],
  [/^Too big: expected \w+ to have (exactly |<=|<)(\d+) (\w+)$/, (l, m) => bound(l, true, m[1]!, m[2]!, m[3])],
  [/^Too big: expected \w+ to be (exactly |<=|<)([\d.e+-]+)$/, (l, m) => bound(l, true, m[1]!, m[2]!)],
  [/^Too small: expected \w+ to have (exactly |>=|>)(\d+) (\w+)$/, (l, m) => bound(l, false, m[1]!, m[2]!, m[3])],
  [/^Too small: expected \w+ to be (exactly |>=|>)([\d.e+-]+)$/, (l, m) => bound(l, false, m[1]!, m[2]!)],
  [
    /^Invalid string: must start with "([\s\S]*)"$/,
    (l, m) => (l === 'fr' ? `Texte invalide\u00a0: doit commencer par «\u00a0${m[1]}\u00a0»` : `Texto no válido: debe empezar por «${m[1]}»`),
  ],
  [
    /^Invalid string: must end with "([\s\S]*)"$/,
    (l, m) => (l === 'fr' ? `Texte invalide\u00a0: doit finir par «\u00a0${m[1]}\u00a0»` : `Texto no válido: debe terminar en «${m[1]}»`),
  ],
  [
    /^Invalid string: must include "([\s\S]*)"$/,
    (l, m) => (l === 'fr' ? `Texte invalide\u00a0: doit contenir «\u00a0${m[1]}\u00a0»` : `Texto no válido: debe contener «${m[1]}»`),
  ],
  [
    /^Invalid string: must match pattern ([\s\S]+)$/,
    (l) => (l === 'fr' ? 'Texte invalide\u00a0: il n’a pas la forme attendue' : 'Texto no válido: no tiene la forma esperada'),
  ],
  [
    /^Invalid number: must be a multiple of ([\d.]+)$/,
    (l, m) => (l === 'fr' ? `Nombre invalide\u00a0: il faut un multiple de ${m[1]}` : `Número no válido: debe ser múltiplo de ${m[1]}`),
  ],
  [/^Unrecognized keys?: ([\s\S]+)$/, (l, m) => (l === 'fr' ? `Champ inconnu\u00a0: ${m[1]}` : `Campo desconocido: ${m[1]}`)],
  [/^Invalid key in (\w+)$/, (l) => (l === 'fr' ? 'Clé invalide' : 'Clave no válida')],
  [/^Invalid value in (\w+)$/, (l) => (l === 'fr' ? 'Valeur invalide dans la liste' : 'Valor no válido en la lista')],
  [/^Invalid discriminator value\. Expected ([\s\S]+)$/, (l, m) => (l === 'fr' ? `Type invalide\u00a0: ${m[1]} attendu` : `Tipo no válido: se espera ${m[1]}`)],
  [/^Invalid input: more than one option matched$/, (l) => (l === 'fr' ? 'Valeur ambiguë' : 'Valor ambiguo')],
  [/^Invalid input$/, (l) => (l === 'fr' ? 'Valeur invalide' : 'Valor no válido')],
  [/^Invalid ([\s\S]+)$/, (l, m) => FORMATS[l][m[1]!] ?? (l === 'fr' ? `Valeur invalide (${m[1]})` : `Valor no válido (${m[1]})`)],
];

/** Zod's English default message in French or Spanish; undefined when the message is not one of zod's. */
export function zodDefault(message: string, lang: Lang): string | undefined {
  for (const [re, word] of SHAPES) {
    const m = re.exec(message);
    if (m) return word(lang, m);
  }
  return undefined;
}
