/** 'smooth' unless the person asked for reduced motion (browsers do not apply it to scripted scrolls). */
export const scrollBehavior = (): ScrollBehavior =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
