import { de, plural } from '../grammar-fr.ts';
import type { NotificationCatalogue } from './en.ts';

const site = (s: string) => (s === 'this site' ? 'ce site' : s);
const reasons: Record<string, string> = {
  'a chat you answered': 'une conversation à laquelle tu as répondu',
  'a good rating': 'une bonne note',
  'a fast answer': 'une réponse rapide',
  'a mission completed': 'une mission accomplie',
};
const points = (n: string) => `${n} ${plural(n.replace(/^[+-]/, ''), 'point', 'points')}`;

/** The bell in French: « tu », as the backoffice speaks. */
export const fr: NotificationCatalogue = {
  'You are invited to “{title}”': 'Une invitation pour toi\u00a0: «\u00a0{title}\u00a0»',
  '“{title}” was cancelled': '«\u00a0{title}\u00a0» est annulé',
  'A seat freed up: you are going to “{title}”': 'Une place s’est libérée\u00a0: tu participes à «\u00a0{title}\u00a0»',
  'Your membership of {site} is suspended: {reason}': (v) =>
    `Ton adhésion ${v.site === 'this site' ? 'à ce site' : `à ${v.site}`} est suspendue\u00a0: ${v.reason}`,
  'Welcome back: your membership of {site} is active again': (v) =>
    `Bon retour\u00a0! Ton adhésion ${v.site === 'this site' ? 'à ce site' : `à ${v.site}`} est de nouveau active`,
  'You were removed from {site}: {reason}': (v) => `Tu ne fais plus partie ${v.site === 'this site' ? 'de ce site' : de(v.site)}\u00a0: ${v.reason}`,
  '{name} made you a helper of this site. Reload the page to see what changed.':
    '{name} t’a confié le rôle de bénévole sur ce site. Recharge la page pour voir ce qui change.',
  '{name} made you a community manager of this site. Reload the page to see what changed.':
    '{name} t’a confié le rôle de responsable de la communauté sur ce site. Recharge la page pour voir ce qui change.',
  '{name} made you an admin of this site. Reload the page to see what changed.':
    '{name} t’a confié le rôle d’admin sur ce site. Recharge la page pour voir ce qui change.',
  '{sign} points from {name}: {note}': (v) => `${points(v.sign)} de la part de ${v.name}\u00a0: ${v.note}`,
  '{name} marked a chat out of scope ({reason}): its {n} point{s} were taken back. Your badges stay.': (v) =>
    `${v.name} a jugé une conversation hors sujet (${v.reason})\u00a0: ${plural(v.n, 'son point a été repris', `ses ${v.n} points ont été repris`)}. Tes badges restent.`,
  '{n} point{s}': (v) => points(v.n),
  '{n} point{s}: {reasons}': (v) =>
    `${points(v.n)}\u00a0: ${v.reasons
      .split(', ')
      .map((r) => reasons[r] ?? r)
      .join(', ')}`,
  '+{n} points: mission “{title}” completed': '+{n} points\u00a0: mission «\u00a0{title}\u00a0» accomplie',
  'You earned the badge “{badge}”: {description}': 'Tu as gagné le badge «\u00a0{badge}\u00a0»\u00a0: {description}',
  'Your request for {reward} was approved': 'Ta demande pour {reward} est approuvée',
  'Your request for {reward} was approved: {note}': 'Ta demande pour {reward} est approuvée\u00a0: {note}',
  'Your request for {reward} is on its way': 'Ta demande pour {reward} est en route',
  'Your request for {reward} is on its way: {note}': 'Ta demande pour {reward} est en route\u00a0: {note}',
  'Your request for {reward} was declined; your points are back': 'Ta demande pour {reward} est refusée\u00a0; tes points te sont rendus',
  'Your request for {reward} was declined; your points are back: {note}': 'Ta demande pour {reward} est refusée\u00a0; tes points te sont rendus\u00a0: {note}',
  '{name} would like you to take over a chat: “{question}”': '{name} aimerait que tu reprennes une conversation\u00a0: «\u00a0{question}\u00a0»',
  '{name} mentioned you: “{text}”': '{name} te mentionne\u00a0: «\u00a0{text}\u00a0»',
  '{name} commented on your post: “{text}”': '{name} a commenté ta publication\u00a0: «\u00a0{text}\u00a0»',
  'A moderator hid your post: {reason}': 'La modération a masqué ta publication\u00a0: {reason}',
  'A moderator deleted your post: {reason}': 'La modération a supprimé ta publication\u00a0: {reason}',
  'A moderator hid your comment: {reason}': 'La modération a masqué ton commentaire\u00a0: {reason}',
  'A moderator deleted your comment: {reason}': 'La modération a supprimé ton commentaire\u00a0: {reason}',
  "You are now {name}'s mentor. A friendly hello in the feed goes a long way.": (v) =>
    `Tu es maintenant le mentor ${de(v.name)}. Un petit bonjour dans le fil, ça compte beaucoup.`,
  '{name} is now your mentor: ask them anything, any time.': '{name} est maintenant ton mentor\u00a0: pose-lui toutes tes questions, à tout moment.',
  'Webhooks to {url} were turned off after {n} failed deliveries in a row. Fix the endpoint, then turn it back on under Manage → Integrations.':
    'Les webhooks vers {url} ont été désactivés après {n} envois échoués d’affilée. Répare le point de réception, puis réactive-le dans Gérer → Intégrations.',
  'A visitor is waiting on {site}': (v) => `Un visiteur attend sur ${site(v.site)}`,
  'A chat is handed to you': 'On te confie une conversation',
  'You were mentioned': 'Quelqu’un te mentionne',
};
