/**
 * What exports may want to know about an actor code besides the event: whether it is a country,
 * an international organisation or a group, and its name. The CLI and the API answer from the
 * knowledge base ({@link kbActorInfo}); without one, three capital letters are read as a country.
 */
import type { Kb } from '../actors/kb.js';

export type ActorKind = 'country' | 'igo' | 'group';

export interface ActorInfo {
  kind(code: string): ActorKind | undefined;
  name(code: string): string | undefined;
}

/** No knowledge base: `ABC` is a country, anything else unknown, no names. */
export const PLAIN_ACTOR_INFO: ActorInfo = {
  kind: (code) => (/^[A-Z]{3}$/.test(code) ? 'country' : undefined),
  name: () => undefined,
};

/** Actor kinds and names from the knowledge base. */
export function kbActorInfo(kb: Kb): ActorInfo {
  return {
    kind(code) {
      if (kb.country(code)) return 'country';
      if (kb.org(code)) return 'igo';
      if (kb.group(code)) return 'group';
      return undefined;
    },
    name(code) {
      return kb.country(code)?.name ?? kb.org(code)?.name ?? kb.group(code)?.name;
    },
  };
}
