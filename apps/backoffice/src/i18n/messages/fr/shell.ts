import type { ShellMessages } from '../en/shell.ts';

export const shell: ShellMessages = {
  titleWaiting: (count) => `(${count}) Tribu`,
  link: { online: 'En ligne', connecting: 'Connexion…', reconnecting: 'Reconnexion…', refused: 'Session fermée' },
  nav: {
    main: 'Principal',
    desk: 'Accueil',
    recognition: 'Reconnaissance',
    rewards: 'Récompenses',
    events: 'Événements',
    manage: 'Gérer',
    operator: 'Opérateur',
  },
  site: 'Site',
  myProfile: 'Mon profil',
  myProfileAfterName: '\u00a0: mon profil',

  client: {
    unreachable: 'Impossible de joindre Tribu. Vérifie ta connexion et réessaie.',
    httpError: (status) => `Erreur ${status}`,
    noAnswer: 'Pas de réponse du serveur\u00a0; réessaie',
    notConnected: 'Hors connexion',
  },

  reconnect: {
    title: 'Reconnexion…',
    retryingIn: (seconds) => `nouvel essai dans ${seconds}\u00a0s.`,
    retryingNow: 'nouvel essai maintenant.',
    why: {
      network: 'La connexion au serveur a été perdue.',
      unavailable: 'Le serveur est indisponible pour un moment.',
      internal: 'Le serveur n’a pas pu accepter la connexion.',
      rate_limited: 'Trop de connexions depuis ton réseau pour le moment.',
    },
    retryNow: 'Réessayer maintenant',
  },

  dismiss: 'Fermer',
  dismissNamed: (what) => `Fermer\u00a0: ${what}`,

  bell: {
    notifications: 'Notifications',
    unread: ' non lues',
    markAllRead: 'Tout marquer comme lu',
    empty: 'Rien pour l’instant. Les mentions, les commentaires sur tes publications et les conversations qu’on te passe s’afficheront ici.',
  },

  twoFactor: {
    label: 'Connexion en deux étapes requise',
    asks: (sites, count) =>
      `${sites} ${count === 1 ? 'demande' : 'demandent'} aux responsables d’utiliser la connexion en deux étapes. Tant que tu ne l’as pas activée, tu n’y aides qu’en tant que bénévole.`,
    setUp: 'L’activer',
  },

  page: {
    unknown: 'page inconnue',
    offsite: 'Hors des adresses de ce site\u00a0: affichée comme texte, pas comme lien',
    details: 'Détails de la page',
  },

  push: {
    title: 'Notifications sur cet appareil',
    intro:
      'Quand aucun onglet Tribu n’est ouvert\u00a0: quelqu’un attend et personne n’a pris sa demande, on te passe une conversation, quelqu’un te mentionne. Touche une notification pour l’ouvrir dans Tribu.',
    onHere: (device) => `Activées sur cet appareil (${device})`,
    offHere: 'Désactivées sur cet appareil',
    onOthers: { one: ' · activées sur # autre appareil', other: ' · activées sur # autres appareils' },
    unsupported: 'Ce navigateur ne peut pas recevoir de notifications. Sur un téléphone, ajoute d’abord Tribu à ton écran d’accueil.',
    sendTest: 'Envoyer un test',
    turnOff: 'Désactiver',
    turnOn: 'Activer les notifications',
    quietHours: 'Heures calmes\u00a0: ni notification ni e-mail entre',
    from: 'De',
    until: 'À',
    inZone: (zone) => `dans ton fuseau horaire, ${zone}`,
    waitingEmail: 'Sans notifications sur aucun appareil, m’envoyer un e-mail quand quelqu’un attend (au plus un toutes les quelques heures)',
    noMail: ' — ce serveur n’envoie pas d’e-mails',
    isOn: 'Les notifications sont activées sur cet appareil.',
    isOff: 'Les notifications sont désactivées sur cet appareil.',
    testSent: 'Envoyé\u00a0: il devrait apparaître d’ici quelques secondes.',
    testRefused: 'Le service de notifications l’a refusé\u00a0: désactive puis réactive les notifications.',
    saved: 'Enregistré.',
    cannotLoad: 'Impossible de charger tes réglages de notifications',
    cannotTurnOn: 'Impossible d’activer les notifications',
    cannotTurnOff: 'Impossible de désactiver les notifications',
    cannotTest: 'Impossible d’envoyer un test',
    cannotSave: 'Impossible d’enregistrer',
    browserRefused: (why) => `Ce navigateur n’a pas pu activer les notifications (${why}). En navigation privée, elles ne sont pas disponibles.`,
    blocked: 'Ton navigateur bloque les notifications de Tribu\u00a0: autorise-les dans les réglages de ce site, puis réessaie.',
    browser: 'Navigateur',
    deviceOn: (browser, os) => `${browser} sur ${os}`,

    answeredTitle: 'Répondues après une notification',
    answeredDef:
      'Demandes de la période qui ont attendu assez longtemps pour qu’on prévienne des bénévoles sur leur téléphone (Web Push), et celles qu’un ou une bénévole a ensuite prises et traitées.',
    cannotCount: 'Impossible de compter les notifications',
    pushed: 'Demandes notifiées',
    answeredAfter: 'Répondues après la notification',
    byCalled: 'Par une personne prévenue',

    calledRegion: 'La demande qui t’a été signalée',
    calledAbout: 'Cette demande t’a été signalée\u00a0:',
    takeIt: 'La prendre',
    alreadyTaken: 'Quelqu’un d’autre a déjà pris la demande qui t’a été signalée. Merci d’avoir répondu présent\u00a0!',
  },
};
