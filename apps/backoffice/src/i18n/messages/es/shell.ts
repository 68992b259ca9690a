import type { ShellMessages } from '../en/shell.ts';

export const shell: ShellMessages = {
  titleWaiting: (count) => `(${count}) Tribu`,
  link: { online: 'En línea', connecting: 'Conectando…', reconnecting: 'Reconectando…', refused: 'Sesión cerrada' },
  nav: {
    main: 'Principal',
    desk: 'Inicio',
    recognition: 'Reconocimiento',
    rewards: 'Recompensas',
    events: 'Eventos',
    manage: 'Gestionar',
    operator: 'Operación',
  },
  site: 'Sitio',
  myProfile: 'Mi perfil',
  myProfileAfterName: ': mi perfil',

  client: {
    unreachable: 'No se puede conectar con Tribu. Comprueba tu conexión e inténtalo de nuevo.',
    httpError: (status) => `Error ${status}`,
    noAnswer: 'El servidor no responde; inténtalo de nuevo',
    notConnected: 'Sin conexión',
  },

  reconnect: {
    title: 'Reconectando…',
    retryingIn: (seconds) => `reintentando en ${seconds} s.`,
    retryingNow: 'reintentando ahora.',
    why: {
      network: 'Se perdió la conexión con el servidor.',
      unavailable: 'El servidor no está disponible por un momento.',
      internal: 'El servidor no pudo aceptar la conexión.',
      rate_limited: 'Demasiadas conexiones desde tu red por ahora.',
    },
    retryNow: 'Reintentar ahora',
  },

  dismiss: 'Cerrar',
  dismissNamed: (what) => `Cerrar: ${what}`,

  bell: {
    notifications: 'Notificaciones',
    unread: ' sin leer',
    markAllRead: 'Marcar todo como leído',
    empty: 'Nada todavía. Aquí verás las menciones, los comentarios en tus publicaciones y los chats que te pasen.',
  },

  twoFactor: {
    label: 'Se requiere el inicio de sesión en dos pasos',
    asks: (sites, count) =>
      `${sites} ${count === 1 ? 'pide' : 'piden'} a sus responsables que usen el inicio de sesión en dos pasos. Hasta que lo configures, ahí solo tienes el rol de ayudante.`,
    setUp: 'Configurarlo',
  },

  page: {
    unknown: 'página desconocida',
    offsite: 'Fuera de las direcciones de este sitio: se muestra como texto, no como enlace',
    details: 'Detalles de la página',
  },

  push: {
    title: 'Notificaciones en este dispositivo',
    intro:
      'Cuando no hay ninguna pestaña de Tribu abierta: alguien espera y nadie ha tomado su solicitud, te pasan un chat, alguien te menciona. Al tocar una, se abre en Tribu.',
    onHere: (device) => `Activadas en este dispositivo (${device})`,
    offHere: 'Desactivadas en este dispositivo',
    onOthers: { one: ' · activadas en # dispositivo más', other: ' · activadas en # dispositivos más' },
    unsupported: 'Este navegador no puede recibir notificaciones. En un teléfono, primero añade Tribu a tu pantalla de inicio.',
    sendTest: 'Enviar una prueba',
    turnOff: 'Desactivar',
    turnOn: 'Activar las notificaciones',
    quietHours: 'Horas de descanso: ninguna notificación ni correo entre',
    from: 'Desde',
    until: 'Hasta',
    inZone: (zone) => `en tu zona horaria, ${zone}`,
    waitingEmail: 'Sin notificaciones en ningún dispositivo, envíame un correo cuando alguien espere (como mucho uno cada pocas horas)',
    noMail: ' — este servidor no envía correos',
    isOn: 'Las notificaciones están activadas en este dispositivo.',
    isOff: 'Las notificaciones están desactivadas en este dispositivo.',
    testSent: 'Enviada: debería aparecer en unos segundos.',
    testRefused: 'El servicio de notificaciones la rechazó: desactiva y vuelve a activar las notificaciones.',
    saved: 'Guardado.',
    cannotLoad: 'No se pudieron cargar tus ajustes de notificaciones',
    cannotTurnOn: 'No se pudieron activar las notificaciones',
    cannotTurnOff: 'No se pudieron desactivar las notificaciones',
    cannotTest: 'No se pudo enviar una prueba',
    cannotSave: 'No se pudo guardar',
    browserRefused: (why) => `Este navegador no pudo activar las notificaciones (${why}). En una ventana privada no están disponibles.`,
    blocked: 'Tu navegador bloquea las notificaciones de Tribu: permítelas en los ajustes de este sitio e inténtalo de nuevo.',
    browser: 'Navegador',
    deviceOn: (browser, os) => `${browser} en ${os}`,

    answeredTitle: 'Respondidas tras un aviso',
    answeredDef:
      'Solicitudes del periodo que esperaron lo bastante como para avisar a ayudantes en su teléfono (Web Push), y las que luego un ayudante tomó y respondió.',
    cannotCount: 'No se pudieron contar los avisos',
    pushed: 'Solicitudes avisadas',
    answeredAfter: 'Respondidas tras el aviso',
    byCalled: 'Por un ayudante avisado',

    calledRegion: 'La solicitud por la que te avisaron',
    calledAbout: 'Te avisaron por esta solicitud:',
    takeIt: 'Tomarla',
    alreadyTaken: 'Otra persona ya tomó la solicitud por la que te avisaron. ¡Gracias por venir!',
  },
};
