import type { NotificationCatalogue } from './en.ts';

const one = (n: string) => Math.abs(Number(n.replace(/^\+/, ''))) === 1;
const reasons: Record<string, string> = {
  'a chat you answered': 'un chat que respondiste',
  'a good rating': 'una buena valoración',
  'a fast answer': 'una respuesta rápida',
  'a mission completed': 'una misión cumplida',
};
const points = (n: string) => `${n} ${one(n) ? 'punto' : 'puntos'}`;
const inSite = (s: string) => (s === 'this site' ? 'este sitio' : s);

/** The bell in Spanish: «tú», as the backoffice speaks. */
export const es: NotificationCatalogue = {
  'You are invited to “{title}”': 'Te han invitado a «{title}»',
  '“{title}” was cancelled': '«{title}» se ha cancelado',
  'A seat freed up: you are going to “{title}”': 'Se liberó una plaza: vas a «{title}»',
  'Your membership of {site} is suspended: {reason}': (v) => `Tu membresía en ${inSite(v.site)} está suspendida: ${v.reason}`,
  'Welcome back: your membership of {site} is active again': (v) => `¡Bienvenido de nuevo! Tu membresía en ${inSite(v.site)} vuelve a estar activa`,
  'You were removed from {site}: {reason}': (v) => `Te han retirado de ${inSite(v.site)}: ${v.reason}`,
  '{name} made you a helper of this site. Reload the page to see what changed.':
    '{name} te nombró voluntario de este sitio. Recarga la página para ver los cambios.',
  '{name} made you a community manager of this site. Reload the page to see what changed.':
    '{name} te nombró responsable de la comunidad de este sitio. Recarga la página para ver los cambios.',
  '{name} made you an admin of this site. Reload the page to see what changed.':
    '{name} te nombró admin de este sitio. Recarga la página para ver los cambios.',
  '{sign} points from {name}: {note}': (v) => `${points(v.sign)} de ${v.name}: ${v.note}`,
  '{name} marked a chat out of scope ({reason}): its {n} point{s} were taken back. Your badges stay.': (v) =>
    `${v.name} marcó un chat como fuera de lugar (${v.reason}): se retiraron sus ${points(v.n)}. Tus insignias se quedan.`,
  '{n} point{s}': (v) => points(v.n),
  '{n} point{s}: {reasons}': (v) =>
    `${points(v.n)}: ${v.reasons
      .split(', ')
      .map((r) => reasons[r] ?? r)
      .join(', ')}`,
  '+{n} points: mission “{title}” completed': '+{n} puntos: misión «{title}» cumplida',
  'You earned the badge “{badge}”: {description}': 'Ganaste la insignia «{badge}»: {description}',
  'Your request for {reward} was approved': 'Tu solicitud de {reward} fue aprobada',
  'Your request for {reward} was approved: {note}': 'Tu solicitud de {reward} fue aprobada: {note}',
  'Your request for {reward} is on its way': 'Tu solicitud de {reward} está en camino',
  'Your request for {reward} is on its way: {note}': 'Tu solicitud de {reward} está en camino: {note}',
  'Your request for {reward} was declined; your points are back': 'Tu solicitud de {reward} fue rechazada; te devolvimos los puntos',
  'Your request for {reward} was declined; your points are back: {note}': 'Tu solicitud de {reward} fue rechazada; te devolvimos los puntos: {note}',
  '{name} would like you to take over a chat: “{question}”': '{name} quiere que te encargues de un chat: «{question}»',
  '{name} mentioned you: “{text}”': '{name} te mencionó: «{text}»',
  '{name} commented on your post: “{text}”': '{name} comentó tu publicación: «{text}»',
  'A moderator hid your post: {reason}': 'La moderación ocultó tu publicación: {reason}',
  'A moderator deleted your post: {reason}': 'La moderación borró tu publicación: {reason}',
  'A moderator hid your comment: {reason}': 'La moderación ocultó tu comentario: {reason}',
  'A moderator deleted your comment: {reason}': 'La moderación borró tu comentario: {reason}',
  "You are now {name}'s mentor. A friendly hello in the feed goes a long way.": 'Ahora eres mentor de {name}. Un saludo en el muro ayuda mucho.',
  '{name} is now your mentor: ask them anything, any time.': '{name} es ahora tu mentor: pregúntale lo que quieras, cuando quieras.',
  'Webhooks to {url} were turned off after {n} failed deliveries in a row. Fix the endpoint, then turn it back on under Manage → Integrations.':
    'Los webhooks a {url} se desactivaron tras {n} envíos fallidos seguidos. Arregla el punto de recepción y vuelve a activarlo en Gestionar → Integraciones.',
  'A visitor is waiting on {site}': 'Un visitante espera en {site}',
  'A chat is handed to you': 'Te pasaron un chat',
  'You were mentioned': 'Te mencionaron',
};
