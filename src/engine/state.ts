import type { Effects } from '../schemas/scenario.ts';
import type { ConditionState, RuptureState } from './condition.ts';

/** The simulated person (C1.2). Ranges are clamped after every change. */
export interface ClientState extends ConditionState {
  bond: number;
  CT: number;
  ST: number;
  open: number;
  rupture: RuptureState;
  flags: string[];
}

export type RuptureType = 'withdrawal' | 'confrontation';

/** One rupture and what became of it (C1.2 rupture log, C2.5 episode cards). */
export interface RuptureEpisode {
  type: RuptureType;
  source: 'scripted' | 'learner';
  /** Node where it began; the start node for a rupture present at the start (C8.8). */
  nodeId: string;
  /** The reply that caused it, for learner-caused ruptures. */
  optionId?: string;
  /**
   * Index in the history of the choice that opened it. A scripted rupture records the choice before
   * it (-1 at the start), so for every rupture the very next choice is openedAtTurn + 1.
   */
  openedAtTurn: number;
  escalations: { nodeId: string; optionId?: string }[];
  repairedAt?: { nodeId: string; optionId: string; turn: number };
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

export const isActive = (rupture: RuptureState): rupture is RuptureType =>
  rupture === 'withdrawal' || rupture === 'confrontation';

export interface EffectContext {
  nodeId: string;
  optionId?: string;
  /** Index the choice will have in the history; for scripted effects, the index of the last choice (-1 if none). */
  turn: number;
  source: 'scripted' | 'learner';
}

/**
 * Applies deltas, flags and rupture events, then clamps (C1.6). Returns new objects; the
 * inputs are never changed, so a retry can roll back by keeping the old ones.
 */
export function applyEffects(
  state: ClientState,
  ruptures: readonly RuptureEpisode[],
  effects: Effects,
  at: EffectContext,
): { state: ClientState; ruptures: RuptureEpisode[] } {
  const next: ClientState = {
    bond: clamp(state.bond + (effects.bond ?? 0), -5, 5),
    CT: clamp(state.CT + (effects.CT ?? 0), 0, 10),
    ST: clamp(state.ST + (effects.ST ?? 0), 0, 10),
    open: clamp(state.open + (effects.open ?? 0), 0, 5),
    rupture: state.rupture,
    flags: [...new Set([...state.flags, ...(effects.set ?? [])])],
  };
  let log = ruptures.map((episode) => ({ ...episode, escalations: [...episode.escalations] }));
  const event = effects.rupture;
  if (event === 'withdrawal' || event === 'confrontation') {
    if (isActive(state.rupture)) {
      // A new strain while one is active escalates it; it is not a new episode (C1.6, C2.5).
      const open = log.findLast((episode) => !episode.repairedAt);
      open?.escalations.push({ nodeId: at.nodeId, ...(at.optionId ? { optionId: at.optionId } : {}) });
    } else {
      next.rupture = event;
      log = [
        ...log,
        {
          type: event,
          source: at.source,
          nodeId: at.nodeId,
          ...(at.optionId ? { optionId: at.optionId } : {}),
          openedAtTurn: at.turn,
          escalations: [],
        },
      ];
    }
  } else if (event === 'repair' && isActive(state.rupture)) {
    next.rupture = 'repaired';
    const open = log.findLast((episode) => !episode.repairedAt);
    if (open && at.optionId) open.repairedAt = { nodeId: at.nodeId, optionId: at.optionId, turn: at.turn };
  }
  return { state: next, ruptures: log };
}

/** A repair on the very next choice after the rupture began (C2.5 "timely repair", C8.8). */
export const isTimely = (episode: RuptureEpisode): boolean =>
  episode.repairedAt !== undefined && episode.repairedAt.turn - episode.openedAtTurn === 1;
