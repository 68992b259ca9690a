import type { MissionClientEvents, missionCommandSchemas } from '@tribu/protocol';
import type { HandlersOf, HelperCommandContext } from '../command-context.ts';
import type { MissionsService } from './missions.service.ts';

/** Socket handlers of missions: list, save and close (managers), join or ignore, evidence. */
export function missionCommands({ actor }: HelperCommandContext, missions: MissionsService): HandlersOf<MissionClientEvents, typeof missionCommandSchemas> {
  return {
    'mission:list': async (p) => ({ missions: await missions.list(actor, p.siteId, p.scope) }),
    'mission:save': async (p) => ({ mission: await missions.save(actor, p) }),
    'mission:close': async (p) => ({ mission: await missions.close(actor, p.missionId) }),
    'mission:detail': (p) => missions.detail(actor, p.missionId),
    'mission:respond': async (p) => ({ mission: await missions.respond(actor, p) }),
    'evidence:submit': async (p) => ({ evidence: await missions.submitEvidence(actor, p) }),
    'evidence:decide': async (p) => ({ evidence: await missions.decideEvidence(actor, p) }),
  };
}
