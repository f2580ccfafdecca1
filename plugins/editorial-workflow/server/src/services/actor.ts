/** Actor of an event: an admin user with their permissions, or a named system actor. */
export type Actor =
  | { kind: 'user'; id: number; name: string; can: (permission: string) => boolean; email?: string; roleCodes?: string[] }
  | { kind: 'system'; name: string };

/** Builds the system actor that scheduled jobs and imports act as; it has every permission. */
export const systemActor = (name: string): Actor => ({ kind: 'system', name });

export const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
