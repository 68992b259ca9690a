import { de } from '../grammar-fr.ts';
import type { EventKind, MailMessages } from './en.ts';

const role = { helper: 'bénévole', moderator: 'responsable de la communauté', admin: 'admin' };
const kind: Record<EventKind, string> = { meetup: 'la rencontre', webinar: 'le webinaire', product_test: 'le test produit' };

export const fr: MailMessages = {
  hello: (name) => `Bonjour ${name},`,
  role,
  reset: {
    subject: 'Réinitialise ton mot de passe Tribu',
    asked: 'Quelqu’un, toi sans doute, a demandé à réinitialiser le mot de passe de ton compte Tribu.',
    open: 'Ouvre le lien ci-dessous pour choisir un nouveau mot de passe. Il ne sert qu’une fois et expire dans 1 heure. Tous les appareils connectés à ton compte seront déconnectés.',
    action: 'Choisir un nouveau mot de passe',
    footer: (to) =>
      `Tu reçois cet e-mail parce qu’une réinitialisation du mot de passe a été demandée pour ${to}. Si ce n’était pas toi, ignore-le\u00a0: ton mot de passe ne change pas.`,
  },
  invitation: {
    subject: (site) => `Ton invitation dans la communauté ${de(site)}`,
    invites: (inviter, site, r) => `${inviter} t’invite à rejoindre la communauté ${de(site)} sur Tribu en tant que ${role[r]}.`,
    open: (charter, days) =>
      `Ouvre le lien ci-dessous pour choisir ton mot de passe${charter ? ' et lire la charte de la communauté' : ''}. Il ne sert qu’une fois et expire dans ${days}\u00a0jours.`,
    action: (site) => `Rejoindre ${site}`,
    footer: (site, to) =>
      `Tu reçois cet e-mail parce que quelqu’un chez ${site} a invité ${to}. Si tu ne t’y attendais pas, ignore-le\u00a0: rien ne se passe tant que le lien n’est pas ouvert.`,
  },
  rejection: {
    subject: (site) => `Ta candidature dans la communauté ${de(site)}`,
    thanks: (site) =>
      `Merci d’avoir proposé ton aide à la communauté ${de(site)}. Nous avons lu ta candidature avec attention, et nous ne pouvons pas t’accueillir comme bénévole cette fois-ci.`,
    word: 'Un mot de l’équipe de la communauté\u00a0:',
    footer: (site) => `Tu reçois cet e-mail parce que tu as proposé de devenir bénévole chez ${site}.`,
  },
  waiting: {
    subject: (site) => `Des visiteurs attendent sur ${site}`,
    first: (site) => `Des visiteurs attendent une réponse sur ${site}. Le premier demande\u00a0:`,
    action: 'Ouvrir le bureau',
    footer: (hours) =>
      `Tu reçois ceci parce que tu as demandé un e-mail quand des visiteurs attendent et que cet appareil n’a pas les notifications activées (au plus un toutes les ${hours}\u00a0heures). Désactive-le dans Mon profil → Notifications sur cet appareil.`,
  },
  reminder: {
    subject: (title) => `Demain\u00a0: ${title}`,
    tomorrow: (k, title, when, until, zone) => `Petit rappel\u00a0: ${kind[k]} «\u00a0${title}\u00a0» a lieu demain — ${when} à ${until} (${zone}).`,
    where: (place) => `Où\u00a0: ${place}`,
    link: (link) => `Lien\u00a0: ${link}`,
    calendar:
      'Le fichier joint l’ajoute à ton agenda. Finalement tu ne peux pas venir\u00a0? Quitte l’événement dans Tribu et une personne en attente prendra ta place.',
    action: 'Ouvrir l’événement',
    footer: (site) => `Envoyé par ${site} parce que tu as dit que tu viendrais.`,
  },
  monthly: {
    subject: (site, month) => `${site} · ta communauté en ${month}`,
    intro: (site, month, zone) => `Voici ce qu’a fait la communauté ${de(site)} en ${month} (heure de ${zone}).`,
    chats: 'Conversations',
    sales: 'Ventes',
    rules: 'Chaque chiffre est accompagné de sa règle sur la page du bilan, avec les tableaux par bénévole, sujet et produit.',
    action: 'Ouvrir le bilan imprimable',
    footer: (site, unsubscribe) =>
      `Tu reçois ceci en tant qu’admin ou responsable de la communauté ${de(site)}. Arrête ces e-mails en un clic\u00a0: ${unsubscribe} (ou dans Mon profil).`,
  },
  reengagement: {
    subject: (site) => `Des nouvelles de la communauté ${de(site)}`,
    action: (site) => `Ouvrir la communauté ${de(site)}`,
    footer: (site, unsubscribe) => `Tu reçois ce mot parce que tu aides dans la communauté ${de(site)}. Pour ne plus en recevoir\u00a0: ${unsubscribe}`,
  },
  webhookOff: {
    subject: (host) => `Les webhooks vers ${host} ont été désactivés`,
    off: (url, site, failures) => `Tribu a désactivé le point de réception ${url} ${de(site)}\u00a0: ses ${failures} derniers envois ont tous échoué.`,
    next: 'Les événements ne lui sont plus envoyés. Dès qu’il répond de nouveau, réactive-le\u00a0; les envois des dernières 24\u00a0heures peuvent repartir avec Renvoyer.',
    action: 'Ouvrir Intégrations',
    footer: (site) => `Tu reçois cet e-mail parce que tu es admin ${de(site)} sur Tribu.`,
  },
};
