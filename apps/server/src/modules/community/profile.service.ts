import type { ModuleDeps } from '../module-deps.ts';

/** Profiles (public and my own), photos, hours online, export, leaving the community. */
export class ProfileService {
  constructor(readonly deps: ModuleDeps) {}
}
