import type { EventKind, MailMessages } from './en.ts';

const role = { helper: 'voluntario', moderator: 'responsable de la comunidad', admin: 'administrador' };
const kind: Record<EventKind, string> = { meetup: 'el encuentro', webinar: 'el webinario', product_test: 'la prueba de producto' };

export const es: MailMessages = {
  hello: (name) => `Hola, ${name}:`,
  role,
  reset: {
    subject: 'Restablece tu contraseña de Tribu',
    asked: 'Alguien, seguramente tú, pidió restablecer la contraseña de tu cuenta de Tribu.',
    open: 'Abre el enlace de abajo para elegir una contraseña nueva. Sirve una sola vez y caduca en 1 hora. Se cerrará la sesión en todos los dispositivos conectados a tu cuenta.',
    action: 'Elegir una contraseña nueva',
    footer: (to) => `Recibes este correo porque se pidió restablecer la contraseña de ${to}. Si no fuiste tú, ignóralo: tu contraseña sigue igual.`,
  },
  invitation: {
    subject: (site) => `Tu invitación a la comunidad de ${site}`,
    invites: (inviter, site, r) => `${inviter} te invita a unirte a la comunidad de ${site} en Tribu como ${role[r]}.`,
    open: (charter, days) =>
      `Abre el enlace de abajo para elegir tu contraseña${charter ? ' y leer la carta de la comunidad' : ''}. Sirve una sola vez y caduca en ${days} días.`,
    action: (site) => `Unirme a ${site}`,
    footer: (site, to) =>
      `Recibes este correo porque alguien de ${site} invitó a ${to}. Si no lo esperabas, ignóralo: no pasa nada mientras no se abra el enlace.`,
  },
  rejection: {
    subject: (site) => `Tu solicitud a la comunidad de ${site}`,
    thanks: (site) =>
      `Gracias por ofrecer tu ayuda a la comunidad de ${site}. Leímos tu solicitud con atención y esta vez no podemos recibirte como voluntario.`,
    word: 'Unas palabras del equipo de la comunidad:',
    footer: (site) => `Recibes este correo porque te ofreciste como voluntario en ${site}.`,
  },
  waiting: {
    subject: (site) => `Hay visitantes esperando en ${site}`,
    first: (site) => `Hay visitantes esperando una respuesta en ${site}. El primero pregunta:`,
    action: 'Abrir el escritorio',
    footer: (hours) =>
      `Recibes esto porque pediste un correo cuando hay visitantes esperando y este dispositivo no tiene las notificaciones activadas (como mucho uno cada ${hours} horas). Desactívalo en Mi perfil → Notificaciones en este dispositivo.`,
  },
  reminder: {
    subject: (title) => `Mañana: ${title}`,
    tomorrow: (k, title, when, until, zone) => `Un recordatorio: ${kind[k]} «${title}» es mañana, ${when} a ${until} (${zone}).`,
    where: (place) => `Dónde: ${place}`,
    link: (link) => `Enlace: ${link}`,
    calendar: 'El archivo adjunto lo añade a tu calendario. ¿Al final no puedes venir? Sal del evento en Tribu y alguien en espera ocupará tu plaza.',
    action: 'Abrir el evento',
    footer: (site) => `Enviado por ${site} porque dijiste que vendrías.`,
  },
  monthly: {
    subject: (site, month) => `${site} · tu comunidad en ${month}`,
    intro: (site, month, zone) => `Esto es lo que hizo la comunidad de ${site} en ${month} (hora de ${zone}).`,
    chats: 'Chats',
    sales: 'Ventas',
    rules: 'Cada cifra viene con su regla en la página del informe, con las tablas por voluntario, tema y producto.',
    action: 'Abrir el informe imprimible',
    footer: (site, unsubscribe) =>
      `Recibes esto como admin o responsable de la comunidad de ${site}. Deja de recibir estos correos con un clic: ${unsubscribe} (o en Mi perfil).`,
  },
  reengagement: {
    subject: (site) => `Novedades de la comunidad de ${site}`,
    action: (site) => `Abrir la comunidad de ${site}`,
    footer: (site, unsubscribe) => `Recibes esta nota porque ayudas en la comunidad de ${site}. Para no recibir más: ${unsubscribe}`,
  },
  webhookOff: {
    subject: (host) => `Se desactivaron los webhooks a ${host}`,
    off: (url, site, failures) => `Tribu desactivó el punto de recepción ${url} de ${site}: sus últimos ${failures} envíos fallaron.`,
    next: 'Ya no se le envían eventos. Cuando vuelva a responder, reactívalo; los envíos de las últimas 24 horas se pueden repetir con Reenviar.',
    action: 'Abrir Integraciones',
    footer: (site) => `Recibes este correo porque eres admin de ${site} en Tribu.`,
  },
};
