/** What the visitor reads when their chat moves, in the widget's language (English by default). */
const texts = {
  en: {
    takingOver: (name: string) => `${name} is taking over this chat.`,
    released: (name: string | null) =>
      `${name ?? 'The community member'} had to leave this chat. Your question is back with the community: someone else will answer here.`,
    staff: 'This question is for the brand’s own team: a staff member will follow up here.',
  },
  fr: {
    takingOver: (name: string) => `${name} prend le relais de cette conversation.`,
    released: (name: string | null) =>
      `${name ?? 'Le membre de la communauté'} a dû quitter cette conversation. Votre question revient à la communauté : quelqu’un d’autre vous répondra ici.`,
    staff: 'Cette question relève de l’équipe de la marque : un membre de l’équipe vous répondra ici.',
  },
  es: {
    takingOver: (name: string) => `${name} continúa esta conversación.`,
    released: (name: string | null) =>
      `${name ?? 'El miembro de la comunidad'} tuvo que dejar esta conversación. Tu pregunta vuelve a la comunidad: otra persona te responderá aquí.`,
    staff: 'Esta pregunta es para el equipo de la marca: un miembro del equipo te responderá aquí.',
  },
} as const;

export function systemTexts(locale: string | null) {
  const lang = (locale ?? 'en').slice(0, 2);
  return lang === 'fr' || lang === 'es' ? texts[lang] : texts.en;
}
