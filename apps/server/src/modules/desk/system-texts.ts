/** What the visitor reads when their chat moves, in the widget's language (English by default). */
const texts = {
  en: {
    takingOver: (name: string) => `${name} is taking over this chat.`,
    staff: 'This question is for the brand’s own team: a staff member will follow up here.',
  },
  fr: {
    takingOver: (name: string) => `${name} prend le relais de cette conversation.`,
    staff: 'Cette question relève de l’équipe de la marque : un membre de l’équipe vous répondra ici.',
  },
  es: {
    takingOver: (name: string) => `${name} continúa esta conversación.`,
    staff: 'Esta pregunta es para el equipo de la marca: un miembro del equipo te responderá aquí.',
  },
} as const;

export function systemTexts(locale: string | null) {
  const lang = (locale ?? 'en').slice(0, 2);
  return lang === 'fr' || lang === 'es' ? texts[lang] : texts.en;
}
